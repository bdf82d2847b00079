// Who may do what to a periodic report. Pure: (actor, facts) → allowed actions.
//  - The reporting agency's own report writers (within the report's province, or national for a
//    national report) write it, refresh its figures and submit it — while it is a draft or returned.
//  - The recipient agency (the level above: the central agency for a province; for a central
//    agency's national report, its own leadership) approves or returns a submitted report and
//    reopens an approved one. Never the person who wrote or submitted it.
import type { Actor } from '../../access/actor';
import { can, inProvinceScope } from '../../access/actor';
import type { ReportStatus } from '../../../shared/report-periods';

export type ReportAction = 'edit' | 'refresh' | 'submit' | 'approve' | 'return' | 'reopen';

export interface ReportFacts {
  agencyId: number;
  recipientAgencyId: number;
  provinceCode: string | null;
  status: ReportStatus;
  /** Users who wrote or submitted it. */
  authorIds: number[];
}

const inScope = (actor: Actor, province: string | null) =>
  province === null ? actor.nationalScope : inProvinceScope(actor, province);

export function mayWrite(actor: Actor, report: Pick<ReportFacts, 'agencyId' | 'provinceCode'>): boolean {
  return can(actor, 'report:write') && actor.agencyId === report.agencyId && inScope(actor, report.provinceCode);
}

export function mayDecide(actor: Actor, report: ReportFacts): boolean {
  return (
    can(actor, 'report:approve') &&
    actor.agencyId === report.recipientAgencyId &&
    !report.authorIds.includes(actor.userId) &&
    inScope(actor, report.provinceCode)
  );
}

export const editable = (status: ReportStatus) => status === 'draft' || status === 'returned';

export function reportActions(actor: Actor, report: ReportFacts): ReportAction[] {
  const actions: ReportAction[] = [];
  if (editable(report.status) && mayWrite(actor, report)) actions.push('edit', 'refresh', 'submit');
  if (mayDecide(actor, report)) {
    if (report.status === 'submitted') actions.push('approve', 'return');
    if (report.status === 'approved') actions.push('reopen');
  }
  return actions;
}

/** Why an action is refused, for the 403/409 message; null when allowed. */
export function refusal(
  actor: Actor,
  report: ReportFacts,
  action: ReportAction,
): { status: 403 | 409; message: string } | null {
  if (reportActions(actor, report).includes(action)) return null;
  const writing = action === 'edit' || action === 'refresh' || action === 'submit';
  if (writing) {
    if (!mayWrite(actor, report))
      return { status: 403, message: 'Chỉ cơ quan lập báo cáo mới sửa, cập nhật số liệu và gửi báo cáo này' };
    return { status: 409, message: 'Báo cáo đã gửi hoặc đã duyệt: chỉ sửa được khi đang soạn hoặc bị trả lại' };
  }
  if (report.authorIds.includes(actor.userId) && can(actor, 'report:approve'))
    return { status: 403, message: 'Người lập hoặc gửi báo cáo không được tự duyệt, trả lại hay mở lại báo cáo đó' };
  if (!mayDecide(actor, report))
    return { status: 403, message: 'Chỉ cơ quan cấp trên nhận báo cáo mới duyệt, trả lại hoặc mở lại báo cáo' };
  return {
    status: 409,
    message:
      action === 'reopen'
        ? 'Chỉ mở lại được báo cáo đã duyệt'
        : 'Chỉ duyệt hoặc trả lại được báo cáo đã gửi, đang chờ duyệt',
  };
}
