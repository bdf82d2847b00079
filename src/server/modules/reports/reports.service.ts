// Periodic reports: create (pre-filled), read, list, write the narrative, refresh the figures
// (draft only), and the workflow draft → submitted → approved, or returned with a comment; an
// approved report is reopened by its approver. Every change is audited in its transaction.
// Approval locks the period's data in the report's scope (see period-lock.ts).
import type { ServiceContext } from '../../access/actor';
import { can, inProvinceScope } from '../../access/actor';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { inTransaction } from '../../db/transaction';
import { periodLabel } from '../../../shared/analytics';
import { isRole, roleHas } from '../../../shared/permissions';
import { isLate, type ReportStatus } from '../../../shared/report-periods';
import { insertAudit } from '../audit/audit.service';
import { agencyMap, provinceNames } from '../reference/reference.service';
import { resolvePeriod } from './report-calendar';
import { computeFigures } from './report-figures';
import { refusal, reportActions, type ReportAction, type ReportFacts } from './report.policy';
import * as repo from './reports.repo';
import type {
  CreateReportBody,
  ListReportsQuery,
  ReportFigures,
  ReportSummary,
  ReportView,
  StepBody,
  UpdateReportBody,
} from './reports.schemas';
import { today } from '../../common/today';
import { assertVersion } from '../../common/version';
import { lockScopeForApproval } from '../../common/period-lock';
import { notify } from '../notifications/notifications.service';

const stale = 'Báo cáo đã được người khác sửa sau khi bạn mở. Hãy tải lại rồi làm lại.';

function facts(r: repo.ReportListRow): ReportFacts {
  return {
    agencyId: r.agency_id,
    recipientAgencyId: r.recipient_agency_id,
    provinceCode: r.province_code,
    status: r.status,
    authorIds: [r.created_by, r.submitted_by].filter((x): x is number => x !== null),
  };
}

function periodOf(r: repo.ReportListRow) {
  return {
    code: r.period_code,
    label: r.period_title ?? periodLabel(r.period_code),
    start: r.period_start,
    end: r.period_end,
  };
}

async function summaries(ctx: ServiceContext, rows: repo.ReportListRow[]): Promise<ReportSummary[]> {
  const day = today(ctx);
  const [agencies, names] = await Promise.all([
    agencyMap(
      ctx.db,
      rows.flatMap((r) => [r.agency_id, r.recipient_agency_id]),
      day,
    ),
    provinceNames(
      ctx.db,
      rows.flatMap((r) => (r.province_code ? [r.province_code] : [])),
    ),
  ]);
  const ref = (id: number) => ({ id, name: agencies.get(id)?.name ?? String(id) });
  return rows.map((r) => ({
    id: r.report_id,
    type: { code: r.report_type_code, name: r.type_name },
    period: periodOf(r),
    dueDate: r.due_date,
    late: isLate(r.status, r.due_date, day),
    agency: ref(r.agency_id),
    province: r.province_code ? { code: r.province_code, name: names.get(r.province_code) ?? r.province_code } : null,
    recipient: ref(r.recipient_agency_id),
    status: r.status,
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
    allowedActions: reportActions(ctx.actor, facts(r)),
  }));
}

export async function getReport(ctx: ServiceContext, reportId: number): Promise<ReportView> {
  const row = await repo.findReport(ctx.db, ctx.actor, reportId);
  if (!row) throw notFound('Báo cáo');
  const [summary] = await summaries(ctx, [row]);
  const [events, sources] = await Promise.all([repo.listEvents(ctx.db, reportId), repo.listSources(ctx.db, reportId)]);
  const day = today(ctx);
  const [agencies, names] = await Promise.all([
    agencyMap(
      ctx.db,
      sources.map((s) => s.agency_id),
      day,
    ),
    provinceNames(
      ctx.db,
      sources.flatMap((s) => (s.province_code ? [s.province_code] : [])),
    ),
  ]);
  return {
    ...summary!,
    narrative: { results: row.results, difficulties: row.difficulties, lessons: row.lessons, proposals: row.proposals },
    figures: row.figures as ReportFigures,
    figuresAt: new Date(row.figures_at).toISOString(),
    events: events.map((e) => ({
      action: e.action,
      comment: e.comment,
      by: e.display_name,
      at: new Date(e.created_at).toISOString(),
    })),
    sources: sources.map((s) => ({
      id: s.report_id,
      agency: agencies.get(s.agency_id)?.shortName ?? String(s.agency_id),
      province: s.province_code ? (names.get(s.province_code) ?? s.province_code) : null,
      status: s.status,
    })),
  };
}

export async function listReports(
  ctx: ServiceContext,
  query: ListReportsQuery,
): Promise<{ items: ReportSummary[]; total: number }> {
  const { rows, total } = await repo.listReports(ctx.db, ctx.actor, {
    type: query.type,
    period: query.period,
    status: query.queue === 'approve' ? 'submitted' : query.status,
    province: query.province,
    year: query.year,
    recipientAgencyId: query.queue === 'approve' ? ctx.actor.agencyId : undefined,
    agencyId: query.mine ? ctx.actor.agencyId : undefined,
    sort: query.sort,
    limit: query.limit ?? 100,
    offset: query.offset ?? 0,
  });
  let items = await summaries(ctx, rows);
  // The approver's queue: only what this user may decide (not their own reports).
  if (query.queue === 'approve') items = items.filter((i) => i.allowedActions.includes('approve'));
  return { items, total: query.queue === 'approve' ? items.length : total };
}

async function audit(
  ctx: ServiceContext,
  action: string,
  row: { report_id: number; agency_id: number; province_code: string | null },
  before: unknown,
  after: unknown,
) {
  await insertAudit(
    ctx.db,
    ctx.actor,
    {
      action,
      entityType: 'report',
      entityId: row.report_id,
      agencyId: row.agency_id,
      provinceCode: row.province_code,
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
    },
    ctx.clock.now(),
    ctx.ip,
  );
}

const auditShape = (r: { status: string; version: number }, extra: Record<string, unknown> = {}) => ({
  status: r.status,
  version: r.version,
  ...extra,
});

export async function createReport(ctx: ServiceContext, body: CreateReportBody): Promise<ReportView> {
  const id = await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const type = await repo.findType(tx, body.type);
    if (!type || !type.active) throw badRequest('type', `Không có loại báo cáo "${body.type}" đang dùng`);
    const period = await resolvePeriod(tx, type, body.period);
    const [reporter] = await repo.expectedReporters(tx, type.code, ctx.actor.agencyId);
    if (!reporter || !can(ctx.actor, 'report:write'))
      throw forbidden('Cơ quan của bạn không thuộc diện lập loại báo cáo này');
    const province = reporter.level === 'central' ? null : reporter.province_code;
    if (province === null ? !ctx.actor.nationalScope : !inProvinceScope(ctx.actor, province))
      throw forbidden('Báo cáo của cơ quan nằm ngoài phạm vi của bạn');
    if (reporter.recipient_agency_id === null)
      throw badRequest('type', 'Cơ quan của bạn không có cấp trên nhận báo cáo');
    const national = province === null ? { agencyId: reporter.agency_id, type: type.code } : undefined;
    const { figures, sourceIds } = await computeFigures(txCtx, { province, period }, national);
    const now = ctx.clock.now();
    const reportId = await repo.insertReport(
      tx,
      {
        report_type_code: type.code,
        period_code: period.code,
        report_period_id: period.periodId,
        period_start: period.start,
        period_end: period.end,
        due_date: period.due,
        agency_id: reporter.agency_id,
        province_code: province,
        recipient_agency_id: reporter.recipient_agency_id,
      },
      figures,
      ctx.actor.userId,
      now,
    );
    if (reportId === null)
      throw conflict(`Cơ quan của bạn đã lập ${type.name.toLocaleLowerCase('vi')} cho kỳ ${period.label}`, 'period');
    await repo.replaceSources(tx, reportId, sourceIds);
    await repo.insertEvent(tx, { reportId, action: 'create', comment: '', userId: ctx.actor.userId, now });
    await audit(
      txCtx,
      'create',
      { report_id: reportId, agency_id: reporter.agency_id, province_code: province },
      undefined,
      { type: type.code, period: period.code, status: 'draft', version: 1 },
    );
    return reportId;
  });
  return getReport(ctx, id);
}

/** The report for a step: 404 outside scope, 403/409 from the policy, 409 on a stale version. */
async function loadFor(ctx: ServiceContext, reportId: number, action: ReportAction, version: number) {
  const row = await repo.findReport(ctx.db, ctx.actor, reportId, true);
  if (!row) throw notFound('Báo cáo');
  const refused = refusal(ctx.actor, facts(row), action);
  if (refused) throw refused.status === 403 ? forbidden(refused.message) : conflict(refused.message);
  assertVersion(row.version, version, stale);
  return row;
}

export async function updateReport(ctx: ServiceContext, reportId: number, body: UpdateReportBody): Promise<ReportView> {
  await inTransaction(ctx.db, async (tx) => {
    const row = await loadFor({ ...ctx, db: tx }, reportId, 'edit', body.version);
    const narrative = {
      results: body.results.trim(),
      difficulties: body.difficulties.trim(),
      lessons: body.lessons.trim(),
      proposals: body.proposals.trim(),
    };
    if (!(await repo.updateReport(tx, reportId, body.version, narrative, ctx.clock.now())))
      throw conflict(stale, 'version');
    const before = {
      results: row.results,
      difficulties: row.difficulties,
      lessons: row.lessons,
      proposals: row.proposals,
    };
    await audit({ ...ctx, db: tx }, 'update', row, before, { ...narrative, version: body.version + 1 });
  });
  return getReport(ctx, reportId);
}

async function refreshFigures(ctx: ServiceContext, row: repo.ReportRow) {
  const national = row.province_code === null ? { agencyId: row.agency_id, type: row.report_type_code } : undefined;
  const period = { code: row.period_code, start: row.period_start, end: row.period_end };
  const { figures, sourceIds } = await computeFigures(ctx, { province: row.province_code, period }, national);
  await repo.replaceSources(ctx.db, row.report_id, sourceIds);
  return { figures: JSON.stringify(figures), figures_at: ctx.clock.now() };
}

export async function refreshReport(ctx: ServiceContext, reportId: number, body: StepBody): Promise<ReportView> {
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await loadFor(txCtx, reportId, 'refresh', body.version);
    const now = ctx.clock.now();
    if (!(await repo.updateReport(tx, reportId, body.version, await refreshFigures(txCtx, row), now)))
      throw conflict(stale, 'version');
    await repo.insertEvent(tx, { reportId, action: 'refresh', comment: '', userId: ctx.actor.userId, now });
    await audit(txCtx, 'refresh', row, auditShape(row), auditShape({ status: row.status, version: body.version + 1 }));
  });
  return getReport(ctx, reportId);
}

const STEPS: Record<'submit' | 'approve' | 'return' | 'reopen', { to: ReportStatus; needsComment: boolean }> = {
  submit: { to: 'submitted', needsComment: false },
  approve: { to: 'approved', needsComment: false },
  return: { to: 'returned', needsComment: true },
  reopen: { to: 'returned', needsComment: true },
};

const STEP_WORDS = { submit: 'đã gửi', approve: 'đã được duyệt', return: 'bị trả lại', reopen: 'được mở lại để sửa' };

/**
 * Who hears of a step in the app: the recipient agency's approvers when a report is submitted;
 * the reporting agency's writers when it is approved, returned or reopened.
 */
async function notifyStep(ctx: ServiceContext, row: repo.ReportRow, action: keyof typeof STEPS, comment: string) {
  const toApprovers = action === 'submit';
  const permission = toApprovers ? 'report:approve' : 'report:write';
  const users = (await repo.reportWriters(ctx.db, [toApprovers ? row.recipient_agency_id : row.agency_id])).filter(
    (u) => u.user_id !== ctx.actor.userId && isRole(u.role) && roleHas(u.role, permission),
  );
  const label = row.period_title ?? periodLabel(row.period_code);
  const agency = (await agencyMap(ctx.db, [row.agency_id], today(ctx))).get(row.agency_id)?.shortName ?? '';
  await notify(
    ctx.db,
    users.map((u) => ({
      user_id: u.user_id,
      kind: `report_${action}`,
      title: `${row.type_name} (${label}) của ${agency} ${STEP_WORDS[action]}`,
      body: comment,
      link: `/reports/${row.report_id}`,
      report_id: row.report_id,
    })),
    ctx.clock.now(),
  );
}

/** One workflow step. Submitting takes the snapshot of the figures; approval locks the period. */
export async function step(
  ctx: ServiceContext,
  reportId: number,
  action: keyof typeof STEPS,
  body: StepBody,
): Promise<ReportView> {
  const { to, needsComment } = STEPS[action];
  const comment = body.comment?.trim() ?? '';
  if (needsComment && comment === '')
    throw badRequest(
      'comment',
      action === 'return' ? 'Cần ghi ý kiến khi trả lại báo cáo' : 'Cần ghi lý do mở lại báo cáo đã duyệt',
    );
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await loadFor(txCtx, reportId, action, body.version);
    if (action === 'submit' && row.results.trim() === '')
      throw badRequest('results', 'Cần viết phần kết quả thực hiện trước khi gửi báo cáo');
    const now = ctx.clock.now();
    const set =
      action === 'submit'
        ? { status: to, submitted_at: now, submitted_by: ctx.actor.userId, ...(await refreshFigures(txCtx, row)) }
        : { status: to, decided_at: now, decided_by: ctx.actor.userId };
    // Saves in this report's scope that checked the period before it was approved finish first.
    if (action === 'approve') await lockScopeForApproval(txCtx, row.province_code);
    if (!(await repo.updateReport(tx, reportId, body.version, set, now))) throw conflict(stale, 'version');
    await repo.insertEvent(tx, { reportId, action, comment, userId: ctx.actor.userId, now });
    await notifyStep(txCtx, row, action, comment);
    await audit(
      txCtx,
      action,
      row,
      auditShape(row),
      auditShape({ status: to, version: body.version + 1 }, comment ? { comment } : {}),
    );
  });
  return getReport(ctx, reportId);
}
