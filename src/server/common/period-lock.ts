// Approval locks the data a report covers: the implementation records and the entered indicator
// values of its period in its scope (a province, or national data for a national report). Record
// and indicator-value writes call assertPeriodOpen inside their transaction; the lock is the
// approved report itself, so reopening the report (audited) is what unlocks the period.
import { sql } from 'kysely';
import type { ServiceContext } from '../access/actor';
import { AppError } from '../http/errors';
import { periodLabel } from '../../shared/analytics';

export interface LockScope {
  /** The 2025 province of the data; null: national (central) data. */
  province: string | null;
  /** The days the data covers (a record's dates; an entered value's last day). */
  from: string;
  to?: string;
}

export class PeriodLockedError extends AppError {
  constructor(
    message: string,
    readonly reportId: number,
  ) {
    super(423, 'period_locked', message);
  }
}

/** The approved report that locks these days here, if any. */
export async function findLock(ctx: Pick<ServiceContext, 'db'>, scope: LockScope) {
  return ctx.db
    .selectFrom('report as r')
    .innerJoin('report_type as t', 't.code', 'r.report_type_code')
    .leftJoin('report_period as p', 'p.report_period_id', 'r.report_period_id')
    .select(['r.report_id', 'r.period_code', 't.name as type_name', 'p.title as period_title', 'r.agency_id'])
    .select((eb) =>
      eb
        .selectFrom('agency_name as n')
        .select('n.short_name')
        .whereRef('n.agency_id', '=', 'r.agency_id')
        .orderBy(sql`n.valid_to IS NULL`, 'desc')
        .orderBy('n.valid_to', 'desc')
        .limit(1)
        .as('agency_name'),
    )
    .where('r.status', '=', 'approved')
    .where((eb) =>
      scope.province === null ? eb('r.province_code', 'is', null) : eb('r.province_code', '=', scope.province),
    )
    .where('r.period_start', '<=', scope.to ?? scope.from)
    .where('r.period_end', '>=', scope.from)
    .orderBy('r.period_start')
    .orderBy('r.report_id')
    .limit(1)
    .executeTakeFirst();
}

/** Refuses (423) a write into a period whose report for this scope has been approved. */
export async function assertPeriodOpen(ctx: Pick<ServiceContext, 'db'>, scope: LockScope): Promise<void> {
  const lock = await findLock(ctx, scope);
  if (!lock) return;
  throw new PeriodLockedError(lockMessage(lock), lock.report_id);
}

/** Why these days are locked, in the words a refused write gets; null when they are open. */
export async function lockReason(ctx: Pick<ServiceContext, 'db'>, scope: LockScope): Promise<string | null> {
  const lock = await findLock(ctx, scope);
  return lock ? lockMessage(lock) : null;
}

function lockMessage(lock: NonNullable<Awaited<ReturnType<typeof findLock>>>): string {
  const period = lock.period_title ?? periodLabel(lock.period_code);
  return `Số liệu kỳ này đã khóa: ${lock.type_name} (${period}) của ${lock.agency_name ?? 'đơn vị'} (báo cáo số ${lock.report_id}) đã được duyệt. Cần cơ quan duyệt mở lại báo cáo trước khi sửa.`;
}
