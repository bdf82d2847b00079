// Approval locks the data a report covers: the implementation records and the entered indicator
// values of its period in its scope (a province, or national data for a national report). Record
// and indicator-value writes call assertPeriodOpen inside their transaction; the lock is the
// approved report itself, so reopening the report (audited) is what unlocks the period.
//
// Check and approval cannot cross: a write takes the scope's advisory lock shared before it looks
// for an approved report and keeps it until it commits; approving takes the same lock exclusive.
// So an approval waits for the saves already under way, and a save that starts meanwhile waits for
// the approval and then sees it (its check is a later statement, with a fresh snapshot) — a record
// can never land in a period an approval committed over it. Writers do not block one another.
import { sql } from 'kysely';
import type { ServiceContext } from '../access/actor';
import { AppError } from '../http/errors';
import { ADVISORY_LOCKS } from '../db/advisory-locks';
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

/** Approved reports of this scope whose period overlaps these days: what locks them. */
function lockingReports(ctx: Pick<ServiceContext, 'db'>, scope: LockScope) {
  return ctx.db
    .selectFrom('report as r')
    .where('r.status', '=', 'approved')
    .where((eb) =>
      scope.province === null ? eb('r.province_code', 'is', null) : eb('r.province_code', '=', scope.province),
    )
    .where('r.period_start', '<=', scope.to ?? scope.from)
    .where('r.period_end', '>=', scope.from);
}

/** The approved report that locks these days here, if any. */
export async function findLock(ctx: Pick<ServiceContext, 'db'>, scope: LockScope) {
  return lockingReports(ctx, scope)
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
    .orderBy('r.period_start')
    .orderBy('r.report_id')
    .limit(1)
    .executeTakeFirst();
}

/** The advisory lock of one scope's periods (a province, or '' for national data). */
const scopeKey = (province: string | null) => sql`${sql.lit(ADVISORY_LOCKS.periodScope)}, hashtext(${province ?? ''})`;

/** Taken by the approval of a report for this scope, in its transaction, before it sets the status. */
export async function lockScopeForApproval(ctx: Pick<ServiceContext, 'db'>, province: string | null): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${scopeKey(province)})`.execute(ctx.db);
}

/** Refuses (423) a write into a period whose report for this scope has been approved. Call it inside
 * the write's transaction: it holds the scope's lock shared until the commit. */
export async function assertPeriodOpen(ctx: Pick<ServiceContext, 'db'>, scope: LockScope): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock_shared(${scopeKey(scope.province)})`.execute(ctx.db);
  const lock = await findLock(ctx, scope);
  if (!lock) return;
  throw new PeriodLockedError(lockMessage(lock), lock.report_id);
}

/**
 * The first half of `assertPeriodOpen`, for a write that checks the period in its own statement (one
 * round trip fewer): takes the scope's lock shared, till the commit. The write's statement must come
 * after this one — its fresh snapshot is what sees an approval committed while this one waited — and
 * must write nothing unless `periodOpen(scope)` holds; when it wrote nothing, `throwIfPeriodLocked`.
 */
export async function holdPeriodScope(ctx: Pick<ServiceContext, 'db'>, ...provinces: (string | null)[]): Promise<void> {
  // Several scopes (a record moved from one province to another) in one statement, in one order:
  // an approval takes one scope's lock exclusive, so no two writers can wait on each other.
  const keys = [...new Set(provinces.map((p) => p ?? ''))].sort();
  await sql`SELECT ${sql.join(keys.map((k) => sql`pg_advisory_xact_lock_shared(${sql.lit(ADVISORY_LOCKS.periodScope)}, hashtext(${k}))`))}`.execute(
    ctx.db,
  );
}

/** True when no approved report of this scope covers these days: the condition of a write's own statement. */
export function periodOpen(ctx: Pick<ServiceContext, 'db'>, scope: LockScope) {
  return sql<boolean>`NOT EXISTS (${lockingReports(ctx, scope).select(sql`1`.as('one'))})`;
}

/** The 423 of a write whose statement found its period locked (`periodOpen` false for one of `scopes`);
 * returns when none is locked, so the caller can say what else stopped the write. */
export async function throwIfPeriodLocked(ctx: Pick<ServiceContext, 'db'>, ...scopes: LockScope[]): Promise<void> {
  for (const scope of scopes) {
    const lock = await findLock(ctx, scope);
    if (lock) throw new PeriodLockedError(lockMessage(lock), lock.report_id);
  }
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
