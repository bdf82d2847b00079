// All SQL for activity status: the activities of the plans the actor can see, with the count and
// participants of the records the actor can see, and the lead agency's completion mark.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../access/actor';
import { planScope, provinceScope } from '../../access/scope';
import type { Queryable } from '../../db/database';
import type { ActivityStatus } from '../../../shared/activity-status';
import { recordScope } from './records.repo';
import { matchesAllWords, searchRank, searchWords } from '../../common/search-text';
import { sortTerms, type SortValue } from '../../common/list-sort';
import type { ACTIVITY_SORT_KEYS } from './records.schemas';

export interface ActivityFilter {
  id?: number;
  plan?: number;
  province?: string;
  agency?: number;
  section?: string;
  year?: number;
  /** Words of the activity's number or title, without diacritics. */
  q?: string;
  status?: ActivityStatus;
}

/** A page of the list: `limit` rows from `offset` in the `sort` asked for; without it, every activity that matches. */
export interface ActivityPage {
  limit: number;
  offset: number;
  sort?: SortValue<(typeof ACTIVITY_SORT_KEYS)[number]>;
}

/** The records the actor can see, not deleted. */
function liveRecords(db: Queryable, actor: Actor) {
  return db
    .selectFrom('implementation_record as r')
    .where('r.deleted_at', 'is', null)
    .where((eb) => recordScope(eb, actor));
}

/** The records of activity `activityId` (a column reference) the actor can see, not deleted. */
function recordsOf(db: Queryable, actor: Actor, activityId: string) {
  return liveRecords(db, actor).where(sql<SqlBool>`r.plan_activity_id = ${sql.ref(activityId)}`);
}

/**
 * The last day (a date) of a period reference column — "2026-Q2", "2026-05" or "2026-05-31" —
 * exactly as periodEndDate of shared/period.ts computes it.
 */
export function periodEndSql(ref: RawBuilder<string> | ReturnType<typeof sql.ref>) {
  const monthEnd = (month: RawBuilder<string>) =>
    sql`((${month} || '-01')::date + interval '1 month' - interval '1 day')::date`;
  return sql<string>`case
    when ${ref} like '____-Q_' then ${monthEnd(sql<string>`substr(${ref}, 1, 5) || lpad((substr(${ref}, 7, 1)::int * 3)::text, 2, '0')`)}
    when length(${ref}) = 7 then ${monthEnd(sql<string>`${ref}`)}
    else (${ref})::date end`;
}

/**
 * The status rule of shared/activity-status.ts in SQL, on the columns named: done when completed;
 * late when it has a timeframe (start and end) whose last day is before today; in progress when
 * `hasRecords`; otherwise not started.
 */
function statusSql(
  columns: { completedOn: string; start: string; end: string },
  today: string,
  hasRecords: RawBuilder<SqlBool>,
) {
  const end = sql.ref(columns.end);
  return sql<ActivityStatus>`case
    when ${sql.ref(columns.completedOn)} is not null then 'done'
    when ${sql.ref(columns.start)} is not null and ${end} is not null and ${periodEndSql(end)} < ${today}::date then 'late'
    when ${hasRecords} then 'in_progress'
    else 'not_started' end`;
}

/** The activities (not removed) of the plans the actor sees, narrowed by the filter, status included. */
function scopedActivities(db: Queryable, actor: Actor, filter: ActivityFilter, today: string) {
  let query = db
    .selectFrom('plan_activity as a')
    .innerJoin('plan as p', 'p.plan_id', 'a.plan_id')
    .leftJoin('activity_completion as c', 'c.plan_activity_id', 'a.plan_activity_id')
    .where('a.removed', '=', false);
  query = query.where((eb) => planScope(eb, 'p.kind', 'p.province_code', actor));
  if (filter.id) query = query.where('a.plan_activity_id', '=', filter.id);
  if (filter.plan) query = query.where('a.plan_id', '=', filter.plan);
  if (filter.province) query = query.where('p.province_code', '=', filter.province);
  if (filter.agency) query = query.where('a.lead_agency_id', '=', filter.agency);
  if (filter.section) query = query.where('a.section_key', '=', filter.section);
  if (filter.year) query = query.where('p.year', '=', filter.year);
  if (filter.q) query = query.where(matchesAllWords('a.search_text', searchWords(filter.q)));
  if (filter.status) query = query.where(activityStatus(db, actor, today), '=', filter.status);
  return query;
}

/**
 * Whether activity `a` has a record the actor can see, as index probes that stop at the first
 * record: one among the records with a province in scope, one among the central records (no
 * province) — the two halves of the record scope, each an index condition. Each probe is ordered
 * by the index's province column so that PostgreSQL walks the index rather than the table (an
 * EXISTS lets it choose a sequential scan that reads every older record of other activities).
 */
function hasRecords(db: Queryable, actor: Actor, activityId: string) {
  const probe = (part: 'provinces' | 'central') =>
    recordsOf(db, actor, activityId)
      .where((eb) =>
        part === 'central' ? eb('r.province_code', 'is', null) : provinceScope(eb, 'r.province_code', actor),
      )
      .select(sql`1`.as('one'))
      .orderBy('r.province_code')
      .limit(1);
  return sql<SqlBool>`((${probe('provinces')}) is not null or (${probe('central')}) is not null)`;
}

/** The status of activity `a` (with its completion `c`). */
function activityStatus(db: Queryable, actor: Actor, today: string) {
  return statusSql(
    { completedOn: 'c.completed_on', start: 'a.timeframe_start', end: 'a.timeframe_end' },
    today,
    hasRecords(db, actor, 'a.plan_activity_id'),
  );
}

/** The list order: newest year, central plans first, by province, plan, then section and position. */
const ORDER = (prefix: string) =>
  sql.raw(
    [
      `${prefix}plan_year desc`,
      `${prefix}plan_kind`,
      `${prefix}plan_province_code`,
      `${prefix}plan_id`,
      `length(${prefix}section_number)`,
      `${prefix}section_number`,
      `${prefix}position`,
      `${prefix}plan_activity_id`,
    ].join(', '),
  );

/**
 * Activities with their status and, for the rows returned only, the count and participants of the
 * records the actor can see. Filters, the status, the order, paging and the total are in SQL: the
 * page is chosen first (index probes per activity when the status is filtered), then the records
 * of the page's activities are summed by activity.
 */
export async function listActivities(
  db: Queryable,
  actor: Actor,
  filter: ActivityFilter,
  today: string,
  page?: ActivityPage,
) {
  let chosen = scopedActivities(db, actor, filter, today).select((eb) => [
    'a.plan_activity_id',
    'a.activity_key',
    'a.title',
    'a.section_key',
    'a.section_number',
    'a.section_title',
    'a.position',
    'a.timeframe_start',
    'a.timeframe_end',
    'a.lead_agency_id',
    'a.level',
    'p.plan_id',
    'p.kind as plan_kind',
    'p.year as plan_year',
    'p.number as plan_number',
    'p.title as plan_title',
    'p.status as plan_status',
    'p.province_code as plan_province_code',
    'c.completed_on',
    'c.note as completion_note',
    'c.completed_by',
    eb.fn.countAll<string>().over().as('total'),
  ]);
  // The page and the rows returned in one order: the columns asked for (both queries name the
  // activity `a`), else the plan's own order.
  const order = <Q extends { orderBy(term: RawBuilder<unknown>): Q }>(q: Q, prefix: string): Q =>
    (
      sortTerms(
        page?.sort,
        { title: 'a.title', start: 'a.timeframe_start', end: 'a.timeframe_end' },
        'a.plan_activity_id',
      ) ?? [ORDER(prefix)]
    ).reduce((acc, term) => acc.orderBy(term), q);
  chosen = order(chosen, '');
  if (page) chosen = chosen.limit(page.limit).offset(page.offset);
  const pageRows = db
    .with('page', () => chosen)
    // The page's activities only; PostgreSQL chooses how to reach their records (the activity
    // index for a page of a few activities among many, one scan when the page is nearly all).
    .with('totals', (q) =>
      liveRecords(db, actor)
        .where('r.plan_activity_id', 'in', q.selectFrom('page').select('page.plan_activity_id'))
        .groupBy('r.plan_activity_id')
        .select([
          'r.plan_activity_id',
          (eb) => eb.fn.countAll<string>().as('record_count'),
          sql<string>`coalesce(sum(r.total_participants), 0)`.as('participants'),
          sql<string>`coalesce(sum(r.female_participants), 0)`.as('female_participants'),
        ]),
    )
    .selectFrom('page as a')
    .leftJoin('app_user as cu', 'cu.user_id', 'a.completed_by')
    .leftJoin('totals as t', 't.plan_activity_id', 'a.plan_activity_id')
    .selectAll('a')
    .select([
      'cu.display_name as completed_by_name',
      't.record_count',
      't.participants',
      't.female_participants',
      statusSql(
        { completedOn: 'a.completed_on', start: 'a.timeframe_start', end: 'a.timeframe_end' },
        today,
        sql<SqlBool>`t.record_count is not null`,
      ).as('status'),
    ]);
  const rows = await order(pageRows, 'a.').execute();
  let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && page && page.offset > 0) {
    // Past the last page: the window had no row to count on.
    const counted = await scopedActivities(db, actor, filter, today)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    total = Number(counted.n);
  }
  return { rows, total };
}
export type ActivityListRow = Awaited<ReturnType<typeof listActivities>>['rows'][number];

/**
 * Activities counted by status for each plan and section (the overview's progress), in one grouped
 * query: no record is summed, only tested for existence per activity. Plans and sections in the list
 * order; a section's title is that of its first activity.
 */
export async function activityStatusCounts(
  db: Queryable,
  actor: Actor,
  filter: Omit<ActivityFilter, 'status' | 'id'>,
  today: string,
) {
  const statuses = scopedActivities(db, actor, filter, today).select([
    'a.plan_activity_id',
    'a.section_number',
    'a.section_title',
    'a.position',
    'p.plan_id',
    'p.kind as plan_kind',
    'p.year as plan_year',
    'p.number as plan_number',
    'p.title as plan_title',
    'p.province_code as plan_province_code',
    activityStatus(db, actor, today).as('status'),
  ]);
  const counted = (status: ActivityStatus) => sql<string>`count(*) filter (where s.status = ${status})`;
  return db
    .selectFrom(statuses.as('s'))
    .select([
      's.plan_id',
      's.plan_number',
      's.plan_title',
      's.plan_kind',
      's.plan_province_code',
      's.section_number',
      sql<string>`(array_agg(s.section_title order by s.position, s.plan_activity_id))[1]`.as('section_title'),
      counted('not_started').as('not_started'),
      counted('in_progress').as('in_progress'),
      counted('late').as('late'),
      counted('done').as('done'),
    ])
    .groupBy([
      's.plan_year',
      's.plan_kind',
      's.plan_province_code',
      's.plan_id',
      's.plan_number',
      's.plan_title',
      's.section_number',
    ])
    .orderBy(
      sql`s.plan_year desc, s.plan_kind, s.plan_province_code, s.plan_id, length(s.section_number), s.section_number`,
    )
    .execute();
}

/** The activities the actor could record against, in the list order, without their records. */
export async function activityChoices(db: Queryable, actor: Actor, today: string) {
  return scopedActivities(db, actor, {}, today)
    .select([
      'a.plan_activity_id',
      'a.title',
      'a.section_number',
      'a.position',
      'p.plan_id',
      'p.year as plan_year',
      'p.number as plan_number',
      'p.title as plan_title',
      'p.province_code as plan_province_code',
    ])
    .orderBy(
      sql`p.year desc, p.kind, p.province_code, p.plan_id, length(a.section_number), a.section_number, a.position, a.plan_activity_id`,
    )
    .execute();
}

export async function insertCompletion(
  db: Queryable,
  c: { activityId: number; completedOn: string; userId: number; note: string | null },
): Promise<boolean> {
  const row = await db
    .insertInto('activity_completion')
    .values({ plan_activity_id: c.activityId, completed_on: c.completedOn, completed_by: c.userId, note: c.note })
    .onConflict((oc) => oc.column('plan_activity_id').doNothing())
    .returning('plan_activity_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteCompletion(db: Queryable, activityId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('activity_completion')
    .where('plan_activity_id', '=', activityId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Search everywhere: the activities of plans in scope whose number and title hold every word. */
export async function searchActivities(db: Queryable, actor: Actor, words: readonly string[], limit: number) {
  return db
    .selectFrom('plan_activity as a')
    .innerJoin('plan as p', 'p.plan_id', 'a.plan_id')
    .where('a.removed', '=', false)
    .where((eb) => planScope(eb, 'p.kind', 'p.province_code', actor))
    .where(matchesAllWords('a.search_text', words))
    .select([
      'a.plan_activity_id as id',
      'a.title',
      'a.section_number',
      'a.position',
      'p.plan_id',
      'p.title as plan_title',
      'p.year',
      searchRank('a.search_text', words).as('rank'),
    ])
    .orderBy(sql`rank`, 'desc')
    .orderBy('a.plan_activity_id', 'desc')
    .limit(limit)
    .execute();
}
