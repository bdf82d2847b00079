// What waits for the caller in periodic reporting (the home page's lists): the reports their
// agency has to write for periods whose deadline is near or past, the submitted reports they
// approve, the late reporters of each type's last past deadline (national approvers), and the
// approved reports that lock the data they enter. Each list is its count and its first `limit`.
import type { ServiceContext } from '../../access/actor';
import { can } from '../../access/actor';
import { periodLabel } from '../../../shared/analytics';
import { addDays, isLate, type ExpectedStatus } from '../../../shared/report-periods';
import { today } from '../../common/today';
import { calendar } from './report-calendar';
import { consolidation } from './consolidation.service';
import { mayWrite } from './report.policy';
import { listReports } from './reports.service';
import * as repo from './reports.repo';
import type { CalendarPeriod } from './reports.schemas';

/** A report is shown to its writers from this many days before its deadline. */
export const WRITE_AHEAD_DAYS = 30;
/** Deadlines further back than this are no longer listed as work (the consolidation still shows them). */
export const LOOK_BACK_DAYS = 365;

export interface ReportToWrite {
  type: { code: string; name: string };
  period: { code: string; label: string };
  dueDate: string;
  status: Exclude<ExpectedStatus, 'submitted' | 'approved'>;
  late: boolean;
  reportId: number | null;
}

async function recentPeriods(ctx: ServiceContext, day: string): Promise<CalendarPeriod[]> {
  const year = Number(day.slice(0, 4));
  const [last, current] = await Promise.all([calendar(ctx, year - 1), calendar(ctx, year)]);
  const from = addDays(day, -LOOK_BACK_DAYS);
  const until = addDays(day, WRITE_AHEAD_DAYS);
  return [...last, ...current].filter((p) => p.start <= day && p.dueDate >= from && p.dueDate <= until);
}

/** Reports of the caller's agency not yet sent, for periods begun whose deadline is within reach. */
export async function reportsToWrite(ctx: ServiceContext, limit: number) {
  if (!can(ctx.actor, 'report:write')) return { total: 0, items: [] as ReportToWrite[] };
  const day = today(ctx);
  const periods = await recentPeriods(ctx, day);
  const items: ReportToWrite[] = [];
  for (const type of [...new Set(periods.map((p) => p.type))]) {
    const [reporter] = await repo.expectedReporters(ctx.db, type, ctx.actor.agencyId);
    if (!reporter) continue;
    const province = reporter.level === 'central' ? null : reporter.province_code;
    if (!mayWrite(ctx.actor, { agencyId: reporter.agency_id, provinceCode: province })) continue;
    for (const p of periods.filter((x) => x.type === type)) {
      const report = (await repo.reportsOfPeriod(ctx.db, ctx.actor, type, p.code)).find(
        (r) => r.agency_id === reporter.agency_id,
      );
      const status = report?.status ?? 'not_started';
      if (status === 'submitted' || status === 'approved') continue;
      const due = report?.due_date ?? p.dueDate;
      items.push({
        type: { code: type, name: p.typeName },
        period: { code: p.code, label: p.label },
        dueDate: due,
        status,
        late: isLate(status, due, day),
        reportId: report?.report_id ?? null,
      });
    }
  }
  items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.type.code.localeCompare(b.type.code));
  return { total: items.length, items: items.slice(0, limit) };
}

/** Submitted reports the caller may approve or return (the approver's queue). */
export async function reportsToApprove(ctx: ServiceContext, limit: number) {
  if (!can(ctx.actor, 'report:approve')) return { total: 0, items: [] };
  const { items, total } = await listReports(ctx, { queue: 'approve', limit: 500 });
  const sorted = [...items].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
  return { total, items: sorted.slice(0, limit) };
}

export interface LatePeriod {
  type: { code: string; name: string };
  period: { code: string; label: string };
  dueDate: string;
  expected: number;
  late: number;
  provinces: string[];
}

/** For national approvers: each type's last deadline that has passed, with its late provinces. */
export async function latePeriods(ctx: ServiceContext, limit: number) {
  if (!ctx.actor.nationalScope || !can(ctx.actor, 'report:approve')) return { total: 0, items: [] as LatePeriod[] };
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  const passed = [...(await calendar(ctx, year - 1)), ...(await calendar(ctx, year))].filter((p) => p.dueDate < day);
  const lastOfType = new Map<string, CalendarPeriod>();
  for (const p of passed) if ((lastOfType.get(p.type)?.dueDate ?? '') <= p.dueDate) lastOfType.set(p.type, p);
  const items: LatePeriod[] = [];
  for (const p of lastOfType.values()) {
    const view = await consolidation(ctx, { type: p.type, period: p.code });
    const late = view.rows.filter((r) => r.late && r.province !== null);
    if (late.length === 0) continue;
    items.push({
      type: view.type,
      period: { code: view.period.code, label: view.period.label },
      dueDate: view.dueDate,
      expected: view.rows.filter((r) => r.province !== null).length,
      late: late.length,
      provinces: [...new Set(late.map((r) => r.province!.name))].slice(0, limit),
    });
  }
  items.sort((a, b) => b.dueDate.localeCompare(a.dueDate) || a.type.code.localeCompare(b.type.code));
  return { total: items.length, items: items.slice(0, limit) };
}

export interface LockedPeriod {
  reportId: number;
  type: { code: string; name: string };
  period: { code: string; label: string; start: string; end: string };
  provinceCode: string | null;
}

/** Approved reports locking data the caller enters (records and values of their period are refused, 423). */
export async function lockedPeriods(ctx: ServiceContext, limit: number) {
  if (!can(ctx.actor, 'record:write')) return { total: 0, items: [] as LockedPeriod[] };
  const { rows, total } = await repo.approvedLocks(ctx.db, ctx.actor, addDays(today(ctx), -LOOK_BACK_DAYS), limit);
  return {
    total,
    items: rows.map((r): LockedPeriod => ({
      reportId: r.report_id,
      type: { code: r.report_type_code, name: r.type_name },
      period: {
        code: r.period_code,
        label: r.period_title ?? periodLabel(r.period_code),
        start: r.period_start,
        end: r.period_end,
      },
      provinceCode: r.province_code,
    })),
  };
}
