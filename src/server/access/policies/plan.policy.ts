// Who may do what to a plan, by its status and the actor's agency. Pure.
//  - Only the issuing agencies' coordinators edit, submit, return, issue, revise and close a plan;
//    a provincial plan also needs the province in the actor's scope.
//  - Each issuing agency signs for itself; a user signs only for their own agency.
//  - A provincial coordinator derives (cascades) their province's plan from an issued central plan.
import type { PlanKind, PlanStatus } from '../../../shared/plan';
import type { Actor } from '../actor';
import { can, inProvinceScope } from '../actor';

export type PlanAction =
  'edit' | 'submit' | 'sign' | 'return' | 'issue' | 'close' | 'revise' | 'roll_forward' | 'cascade';

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
  return actions;
}

/** A provincial coordinator (not national scope) may derive their province's plan. */
export function mayCascade(actor: Actor): boolean {
  return can(actor, 'plan:edit') && !actor.nationalScope && actor.provinces.length > 0;
}

/** Why an action is refused, in Vietnamese, for the 409/403 message. */
export function refusal(action: PlanAction, plan: PlanFacts): string {
  const status: Record<PlanStatus, string> = {
    draft: 'dự thảo',
    under_review: 'đang xem xét',
    signed: 'đã ký đủ',
    issued: 'đã ban hành',
    closed: 'đã kết thúc',
  };
  if (action === 'edit' && (plan.status === 'issued' || plan.status === 'closed')) {
    return 'Kế hoạch đã ban hành không sửa trực tiếp được: hãy tạo phiên bản sửa đổi';
  }
  if (action === 'sign') return 'Bạn chỉ ký cho cơ quan của mình, một lần, khi kế hoạch đang xem xét';
  return `Không thể thực hiện thao tác này khi kế hoạch ở trạng thái "${status[plan.status]}" hoặc bạn không thuộc cơ quan ban hành`;
}
