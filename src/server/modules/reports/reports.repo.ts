// All SQL for periodic reports: the calendar configuration, reports with their events and sources,
// and expected reporters. Read scope: national actors see every report; a provincial
// actor sees the reports on their provinces (national reports, with no province, are national-only).
import { sql, type ExpressionBuilder } from 'kysely';
import type { Actor } from '../../access/actor';
import { provinceIn, provinceScope } from '../../access/scope';
import type { Queryable } from '../../db/database';
import type { DB } from '../../db/schema';
import { sortTerms, type SortValue } from '../../common/list-sort';
import type { REPORT_SORT_KEYS } from './reports.schemas';

type ReportEb = ExpressionBuilder<DB & { r: DB['report'] }, 'r'>;

export function reportScope(eb: ReportEb, actor: Actor) {
  return provinceScope(eb, 'r.province_code', actor);
}

// ——— Calendar configuration ———

export async function listTypes(db: Queryable) {
  return db.selectFrom('report_type').selectAll().orderBy('position').orderBy('code').execute();
}
export type TypeRow = Awaited<ReturnType<typeof listTypes>>[number];

export async function findType(db: Queryable, code: string) {
  return db.selectFrom('report_type').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function updateType(
  db: Queryable,
  code: string,
  values: {
    name: string;
    due_offset_days: number | null;
    active: boolean;
    reminder_enabled: boolean;
    reminder_days_before: number;
    reminder_after_due: boolean;
    reminder_after_due_recipient: boolean;
  },
) {
  return db.updateTable('report_type').set(values).where('code', '=', code).returningAll().executeTakeFirst();
}

export async function listRules(db: Queryable) {
  return db
    .selectFrom('report_reporter_rule')
    .selectAll()
    .orderBy('report_type_code')
    .orderBy('reporter_level')
    .orderBy('reporter_kind')
    .execute();
}

export async function findPeriod(db: Queryable, id: number) {
  return db.selectFrom('report_period').selectAll().where('report_period_id', '=', id).executeTakeFirst();
}

export async function listPeriods(db: Queryable, year: number) {
  return db
    .selectFrom('report_period')
    .selectAll()
    .where('start_date', '<=', `${year}-12-31`)
    .where('end_date', '>=', `${year}-01-01`)
    .orderBy('start_date')
    .orderBy('report_period_id')
    .execute();
}

export async function insertPeriod(
  db: Queryable,
  v: { type: string; title: string; start: string; end: string; due: string; userId: number; now: Date },
) {
  const row = await db
    .insertInto('report_period')
    .values({
      report_type_code: v.type,
      title: v.title,
      start_date: v.start,
      end_date: v.end,
      due_date: v.due,
      created_by: v.userId,
      created_at: v.now,
    })
    .returning('report_period_id')
    .executeTakeFirstOrThrow();
  return row.report_period_id;
}

/**
 * The agencies expected to report a type: central agencies and the 2025-generation provincial
 * branches whose level and kind a rule names, with the recipient the rule gives them.
 */
export async function expectedReporters(db: Queryable, typeCode: string, agencyId?: number) {
  let query = db
    .selectFrom('agency as a')
    .innerJoin('report_reporter_rule as rr', (join) =>
      join.onRef('rr.reporter_level', '=', 'a.level').onRef('rr.reporter_kind', '=', 'a.kind'),
    )
    .select([
      'a.agency_id',
      'a.level',
      'a.kind',
      'a.province_code',
      'a.parent_agency_id',
      'rr.recipient',
      sql<number>`CASE WHEN rr.recipient = 'parent' THEN a.parent_agency_id ELSE a.agency_id END`.as(
        'recipient_agency_id',
      ),
    ])
    .where('rr.report_type_code', '=', typeCode)
    .where((eb) => eb.or([eb('a.level', '=', 'central'), eb('a.generation', '=', 2025)]));
  if (agencyId !== undefined) query = query.where('a.agency_id', '=', agencyId);
  return query.orderBy('a.level').orderBy('a.province_code').orderBy('a.kind').orderBy('a.agency_id').execute();
}
export type ExpectedRow = Awaited<ReturnType<typeof expectedReporters>>[number];

// ——— Reports ———

const REPORT_COLUMNS = [
  'r.report_id',
  'r.report_type_code',
  'r.period_code',
  'r.report_period_id',
  'r.period_start',
  'r.period_end',
  'r.due_date',
  'r.agency_id',
  'r.province_code',
  'r.recipient_agency_id',
  'r.status',
  'r.submitted_at',
  'r.submitted_by',
  'r.created_by',
  'r.updated_at',
  'r.version',
  't.name as type_name',
  'p.title as period_title',
] as const;

function base(db: Queryable, actor: Actor) {
  return db
    .selectFrom('report as r')
    .innerJoin('report_type as t', 't.code', 'r.report_type_code')
    .leftJoin('report_period as p', 'p.report_period_id', 'r.report_period_id')
    .where((eb) => reportScope(eb as never, actor));
}

export async function findReport(db: Queryable, actor: Actor, reportId: number, forUpdate = false) {
  let query = base(db, actor)
    .select([...REPORT_COLUMNS, 'r.results', 'r.difficulties', 'r.lessons', 'r.proposals', 'r.figures', 'r.figures_at'])
    .where('r.report_id', '=', reportId);
  if (forUpdate) query = query.forUpdate('r');
  return query.executeTakeFirst();
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export interface ReportFilter {
  type?: string;
  period?: string;
  status?: string;
  province?: string;
  year?: number;
  recipientAgencyId?: number;
  agencyId?: number;
  sort?: SortValue<(typeof REPORT_SORT_KEYS)[number]>;
  limit: number;
  offset: number;
}

export async function listReports(db: Queryable, actor: Actor, f: ReportFilter) {
  let query = base(db, actor);
  if (f.type) query = query.where('r.report_type_code', '=', f.type);
  if (f.period) query = query.where('r.period_code', '=', f.period);
  if (f.status) query = query.where('r.status', '=', f.status as never);
  if (f.province) query = query.where('r.province_code', '=', f.province);
  if (f.year)
    query = query.where('r.period_end', '>=', `${f.year}-01-01`).where('r.period_start', '<=', `${f.year}-12-31`);
  if (f.recipientAgencyId) query = query.where('r.recipient_agency_id', '=', f.recipientAgencyId);
  if (f.agencyId) query = query.where('r.agency_id', '=', f.agencyId);
  const [rows, count] = await Promise.all([
    (
      sortTerms(
        f.sort,
        { period: 'r.period_start', due: 'r.due_date', status: 'r.status', submitted: 'r.submitted_at' },
        'r.report_id',
      )?.reduce((q, term) => q.orderBy(term), query.select(REPORT_COLUMNS)) ??
      query.select(REPORT_COLUMNS).orderBy('r.due_date', 'desc').orderBy('r.province_code').orderBy('r.report_id')
    )
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
export type ReportListRow = Awaited<ReturnType<typeof listReports>>['rows'][number];

/** Every report of a type and period (for the consolidation table; scope applied by the caller's rows). */
export async function reportsOfPeriod(db: Queryable, actor: Actor, type: string, period: string) {
  return base(db, actor)
    .select(REPORT_COLUMNS)
    .where('r.report_type_code', '=', type)
    .where('r.period_code', '=', period)
    .orderBy('r.report_id')
    .execute();
}

/**
 * Approved reports that lock data the actor writes: those of the actor's provinces, or the national
 * ones (no province) for a national actor; periods ending on or after `since`, latest first.
 */
export async function approvedLocks(db: Queryable, actor: Actor, since: string, limit: number) {
  const query = base(db, actor)
    .where('r.status', '=', 'approved')
    .where('r.period_end', '>=', since)
    .where((eb) =>
      actor.nationalScope ? eb('r.province_code', 'is', null) : provinceIn(eb, 'r.province_code', actor.provinces),
    );
  const [rows, count] = await Promise.all([
    query
      .select(REPORT_COLUMNS)
      .orderBy('r.period_end', 'desc')
      .orderBy('r.province_code')
      .orderBy('r.report_id')
      .limit(limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export interface NewReport {
  report_type_code: string;
  period_code: string;
  report_period_id: number | null;
  period_start: string;
  period_end: string;
  due_date: string;
  agency_id: number;
  province_code: string | null;
  recipient_agency_id: number;
}

export async function insertReport(db: Queryable, v: NewReport, figures: unknown, userId: number, now: Date) {
  const row = await db
    .insertInto('report')
    .values({
      ...v,
      figures: JSON.stringify(figures),
      figures_at: now,
      created_by: userId,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['report_type_code', 'period_code', 'agency_id']).doNothing())
    .returning('report_id')
    .executeTakeFirst();
  return row?.report_id ?? null;
}

/** Moves the version on with the given changes; false when the version is stale. */
export async function updateReport(
  db: Queryable,
  reportId: number,
  version: number,
  set: Partial<{
    results: string;
    difficulties: string;
    lessons: string;
    proposals: string;
    status: 'draft' | 'submitted' | 'approved' | 'returned';
    figures: string;
    figures_at: Date;
    submitted_at: Date | null;
    submitted_by: number | null;
    decided_at: Date | null;
    decided_by: number | null;
  }>,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('report')
    .set({ ...set, updated_at: now, version: sql`version + 1` })
    .where('report_id', '=', reportId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvent(
  db: Queryable,
  e: { reportId: number; action: DB['report_event']['action']; comment: string; userId: number; now: Date },
) {
  await db
    .insertInto('report_event')
    .values({ report_id: e.reportId, action: e.action, comment: e.comment, created_by: e.userId, created_at: e.now })
    .execute();
}

export async function listEvents(db: Queryable, reportId: number) {
  return db
    .selectFrom('report_event as e')
    .leftJoin('app_user as u', 'u.user_id', 'e.created_by')
    .select(['e.action', 'e.comment', 'e.created_at', 'u.display_name'])
    .where('e.report_id', '=', reportId)
    .orderBy('e.report_event_id')
    .execute();
}

export async function replaceSources(db: Queryable, reportId: number, sourceIds: number[]) {
  await db.deleteFrom('report_source').where('report_id', '=', reportId).execute();
  if (sourceIds.length)
    await db
      .insertInto('report_source')
      .values(sourceIds.map((id) => ({ report_id: reportId, source_report_id: id })))
      .execute();
}

export async function listSources(db: Queryable, reportId: number) {
  return db
    .selectFrom('report_source as s')
    .innerJoin('report as r', 'r.report_id', 's.source_report_id')
    .select(['r.report_id', 'r.agency_id', 'r.province_code', 'r.status'])
    .where('s.report_id', '=', reportId)
    .orderBy('r.province_code')
    .orderBy('r.report_id')
    .execute();
}

/** The approved reports of a type and period sent to an agency (what its national report aggregates). */
export async function approvedReportsTo(db: Queryable, recipientAgencyId: number, type: string, period: string) {
  return db
    .selectFrom('report as r')
    .select(['r.report_id', 'r.agency_id', 'r.province_code', 'r.figures', 'r.difficulties', 'r.proposals'])
    .where('r.recipient_agency_id', '=', recipientAgencyId)
    .where('r.agency_id', '!=', recipientAgencyId)
    .where('r.report_type_code', '=', type)
    .where('r.period_code', '=', period)
    .where('r.status', '=', 'approved')
    .orderBy('r.province_code')
    .orderBy('r.report_id')
    .execute();
}

/** Approved provincial reports whose period lies in a year (difficulties and proposals for the review). */
export async function approvedProvincialReportsOfYear(db: Queryable, year: number) {
  return db
    .selectFrom('report as r')
    .innerJoin('report_type as t', 't.code', 'r.report_type_code')
    .select([
      'r.report_id',
      'r.agency_id',
      'r.province_code',
      'r.difficulties',
      'r.proposals',
      'r.period_end',
      't.position',
    ])
    .where('r.status', '=', 'approved')
    .where('r.province_code', 'is not', null)
    .where('r.period_start', '>=', `${year}-01-01`)
    .where('r.period_end', '<=', `${year}-12-31`)
    .orderBy('r.province_code')
    .orderBy('r.agency_id')
    .orderBy('r.period_end', 'desc')
    .orderBy('t.position', 'desc')
    .execute();
}

/** Records of a period in a scope: count and participants (the list is capped, the totals are not). */
export async function recordTotals(db: Queryable, province: string | null, from: string, to: string) {
  let query = db
    .selectFrom('implementation_record as r')
    .select([
      (eb) => eb.fn.countAll<string>().as('n'),
      sql<string>`coalesce(sum(r.total_participants), 0)`.as('participants'),
      sql<string>`coalesce(sum(r.female_participants), 0)`.as('female'),
    ])
    .where('r.deleted_at', 'is', null)
    .where('r.end_date', '>=', from)
    .where('r.start_date', '<=', to);
  if (province !== null) query = query.where('r.province_code', '=', province);
  const row = await query.executeTakeFirstOrThrow();
  return { count: Number(row.n), participants: Number(row.participants), female: Number(row.female) };
}

/** Active report writers of these agencies (who a reminder goes to). */
export async function reportWriters(db: Queryable, agencyIds: number[]) {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('app_user')
    .select(['user_id', 'agency_id', 'email', 'display_name', 'role'])
    .where('agency_id', 'in', agencyIds)
    .where('disabled_at', 'is', null)
    .orderBy('user_id')
    .execute();
}

// ——— Scheduled reminders (reminders.service.ts: a system job, over every agency) ———

/** Thematic and ad hoc periods whose deadline falls between two days (inclusive). */
export async function periodsDueBetween(db: Queryable, typeCode: string, from: string, to: string) {
  return db
    .selectFrom('report_period')
    .selectAll()
    .where('report_type_code', '=', typeCode)
    .where('due_date', '>=', from)
    .where('due_date', '<=', to)
    .orderBy('due_date')
    .orderBy('report_period_id')
    .execute();
}

/** The status of every report of a type and period, whoever wrote it (the job sees every agency). */
export async function statusesOfPeriod(db: Queryable, typeCode: string, periodCode: string) {
  return db
    .selectFrom('report')
    .select(['report_id', 'agency_id', 'status', 'due_date'])
    .where('report_type_code', '=', typeCode)
    .where('period_code', '=', periodCode)
    .execute();
}

export interface NewReminder {
  report_type_code: string;
  period_code: string;
  agency_id: number;
  user_id: number;
  kind: 'before_due' | 'after_due' | 'after_due_recipient';
  due_date: string;
}

/** Records reminders; answers those not made before (the key decides, whoever else is inserting). */
export async function insertReminders(db: Queryable, rows: NewReminder[], now: Date) {
  if (rows.length === 0) return [];
  return db
    .insertInto('report_reminder')
    .values(rows.map((r) => ({ ...r, sent_at: now })))
    .onConflict((oc) => oc.columns(['report_type_code', 'period_code', 'agency_id', 'user_id', 'kind']).doNothing())
    .returning(['agency_id', 'user_id', 'kind'])
    .execute();
}
