// Who may do what to a plan, by its status and the actor's agency. Pure.
//  - Only the issuing agencies' coordinators edit, submit, return, issue, revise and close a plan;
//    a provincial plan also needs the province in the actor's scope.
//  - Each issuing agency signs for itself; a user signs only for their own agency.
//  - A provincial coordinator derives (cascades) their province's plan from an issued central plan.
//  - The central coordinators of its issuing agencies send an issued central plan to provinces
//    (each gets its derived draft).
import type { PlanAction, PlanKind, PlanStatus } from '../../../shared/plan';
import type { Actor } from '../actor';
import { can, inProvinceScope } from '../actor';

export type { PlanAction };

export interface PlanFacts {
  kind: PlanKind;
  status: PlanStatus;
  provinceCode: string | null;
  issuers: { agencyId: number; signed: boolean }[];
}

export function isIssuer(actor: Actor, plan: PlanFacts): boolean {
  return plan.issuers.some((i) => i.agencyId === actor.agencyId);
}

function mayManage(actor: Actor, plan: PlanFacts): boolean {
  if (!can(actor, 'plan:edit')) return false;
  if (plan.kind === 'provincial' && !inProvinceScope(actor, plan.provinceCode)) return false;
  return isIssuer(actor, plan) || actor.role === 'admin';
}

export function planActions(actor: Actor, plan: PlanFacts): PlanAction[] {
  const actions: PlanAction[] = [];
  const manage = mayManage(actor, plan);
  const ownIssuer = plan.issuers.find((i) => i.agencyId === actor.agencyId);
  switch (plan.status) {
    case 'draft':
      if (manage) actions.push('edit', 'submit');
      break;
    case 'under_review':
      if (ownIssuer && !ownIssuer.signed && can(actor, 'plan:sign') && mayManage(actor, plan)) actions.push('sign');
      if (manage) actions.push('return');
      break;
    case 'signed':
      if (manage) actions.push('issue', 'return');
      break;
    case 'issued':
      if (manage) actions.push('revise', 'close', 'roll_forward');
      break;
    case 'closed':
      if (manage) actions.push('roll_forward');
      break;
  }
  if (plan.kind === 'central' && (plan.status === 'issued' || plan.status === 'closed') && mayCascade(actor)) {
    actions.push('cascade');
  }
  if (!sendRefusal(actor, plan)) actions.push('send_to_provinces');
  return actions;
}

/**
 * Why the actor may not send this plan to the provinces (403: who they are; 409: the plan's state),
 * or null when they may: an issued central plan, and a national-scope coordinator of one of its
 * issuing agencies (or an administrator).
 */
export function sendRefusal(actor: Actor, plan: PlanFacts): { status: 403 | 409; message: string } | null {
  if (plan.kind !== 'central') return { status: 409, message: 'Chỉ kế hoạch trung ương mới gửi xuống các tỉnh được' };
  if (!can(actor, 'plan:edit') || !actor.nationalScope || !(isIssuer(actor, plan) || actor.role === 'admin'))
    return {
      status: 403,
      message: 'Chỉ điều phối viên trung ương của cơ quan ban hành kế hoạch mới gửi kế hoạch xuống các tỉnh',
    };
  if (plan.status !== 'issued')
    return {
      status: 409,
      message: `Chỉ gửi xuống các tỉnh kế hoạch đã ban hành; kế hoạch này đang ở trạng thái "${STATUS_WORDS[plan.status]}"`,
    };
  return null;
}

/** A provincial coordinator (not national scope) may derive their province's plan. */
export function mayCascade(actor: Actor): boolean {
  return can(actor, 'plan:edit') && !actor.nationalScope && actor.provinces.length > 0;
}

/** Why an action is refused, in Vietnamese, for the 409/403 message. */
const STATUS_WORDS: Record<PlanStatus, string> = {
  draft: 'dự thảo',
  under_review: 'đang xem xét',
  signed: 'đã ký đủ',
  issued: 'đã ban hành',
  closed: 'đã kết thúc',
};

export function refusal(action: PlanAction, plan: PlanFacts): string {
  const status = STATUS_WORDS;
  if (action === 'edit' && (plan.status === 'issued' || plan.status === 'closed')) {
    return 'Kế hoạch đã ban hành không sửa trực tiếp được: hãy tạo phiên bản sửa đổi';
  }
  if (action === 'sign') return 'Bạn chỉ ký cho cơ quan của mình, một lần, khi kế hoạch đang xem xét';
  return `Không thể thực hiện thao tác này khi kế hoạch ở trạng thái "${status[plan.status]}" hoặc bạn không thuộc cơ quan ban hành`;
}
