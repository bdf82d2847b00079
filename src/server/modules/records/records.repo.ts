// All SQL for implementation records. Read scope: a record with a province is visible only within
// the actor's provinces (national actors see all); a central record (no province) to every reader.
// Deleted records (soft) are invisible. The activity of a record must be in a plan the actor sees.
import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Actor } from '../../access/actor';
import { centralOrProvinceScope, planScope } from '../../access/scope';
import type { Queryable } from '../../db/database';
import type { DB } from '../../db/schema';
import { foldVietnamese } from '../../../shared/text';
import { escapeLike } from '../../common/sql-text';
import type { ParticipantRow } from './records.schemas';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { matchesAllWords, searchRank } from '../../common/search-text';
import { sortTerms, type SortValue } from '../../common/list-sort';

type RecordEb = ExpressionBuilder<DB & { r: DB['implementation_record'] }, 'r'>;
type RecordType = DB['implementation_record']['type'];

/** Records in the actor's scope: their provinces, plus central records with no province. */
export function recordScope(eb: RecordEb, actor: Actor) {
  return centralOrProvinceScope(eb, 'r.province_code', actor);
}

function scoped(db: Queryable, actor: Actor) {
  return db
    .selectFrom('implementation_record as r')
    .where('r.deleted_at', 'is', null)
    .where((eb) => recordScope(eb, actor));
}

export interface ActivityRow {
  plan_activity_id: number;
  plan_id: number;
  activity_key: string;
  title: string;
  section_number: string;
  position: number;
  lead_agency_id: number | null;
  timeframe_start: string | null;
  timeframe_end: string | null;
  plan_kind: 'central' | 'provincial';
  plan_province_code: string | null;
  plan_title: string;
  plan_year: number;
  /** The plan records of this activity count for: a derived plan's central plan, else its own. */
  root_plan_id: number;
}

/** An activity (not removed) of a plan the actor can see: central plans, or provincial ones in scope. */
function activityQuery(db: Queryable, actor: Actor, activityId: number) {
  return db
    .selectFrom('plan_activity as a')
    .innerJoin('plan as p', 'p.plan_id', 'a.plan_id')
    .select([
      'a.plan_activity_id',
      'a.plan_id',
      'a.activity_key',
      'a.title',
      'a.section_number',
      'a.position',
      'a.lead_agency_id',
      'a.timeframe_start',
      'a.timeframe_end',
      'p.kind as plan_kind',
      'p.province_code as plan_province_code',
      'p.title as plan_title',
      'p.year as plan_year',
      sql<number>`coalesce(p.parent_plan_id, p.plan_id)`.as('root_plan_id'),
    ])
    .where('a.plan_activity_id', '=', activityId)
    .where('a.removed', '=', false)
    .where((eb) => planScope(eb, 'p.kind', 'p.province_code', actor));
}

export async function findActivity(db: Queryable, actor: Actor, activityId: number): Promise<ActivityRow | undefined> {
  return activityQuery(db, actor, activityId).executeTakeFirst();
}

export interface PlaceRow {
  generation: number;
  code: string;
  level: string;
  name: string;
  full_name: string;
  /** The 2025-generation province the place lies in (through the lineage for a 2024 unit). */
  province_2025: string | null;
}

/** A place of either generation, with its 2025 province (through the lineage for a 2024 unit) and that province's name. */
function placeQuery(db: Queryable, generation: number, code: string) {
  return db
    .selectFrom('admin_unit as u')
    .leftJoin('admin_unit_lineage as l', (join) =>
      join.on('l.level', '=', 'province').onRef('l.old_code', '=', 'u.province_code').on('u.generation', '=', 2024),
    )
    .select([
      'u.generation',
      'u.code',
      'u.level',
      'u.name',
      'u.full_name',
      sql<string | null>`CASE WHEN u.generation = 2025 THEN u.province_code ELSE l.new_code END`.as('province_2025'),
    ])
    .where('u.generation', '=', generation)
    .where('u.code', '=', code)
    .orderBy('l.new_code')
    .limit(1);
}

export async function findPlace(db: Queryable, generation: number, code: string): Promise<PlaceRow | undefined> {
  return placeQuery(db, generation, code).executeTakeFirst();
}

export interface RecordReferences {
  activity: ActivityRow | null;
  place: PlaceRow | null;
  /** Of the agencies asked about, those that exist. */
  agencies: Set<number>;
  /** Of the ethnic groups asked about, those that exist. */
  ethnicGroups: Set<number>;
  /** The funding sources (only when asked for). */
  fundingSources: { code: string; name_vi: string; sort: number }[];
}

/**
 * Everything a record's body refers to, looked up in one statement: its activity (in the actor's
 * plans), its place, which of the agencies and ethnic groups exist, and the funding sources.
 */
export async function recordReferences(
  db: Queryable,
  actor: Actor,
  ask: {
    activityId: number;
    place: { generation: number; code: string } | null;
    agencyIds: number[];
    ethnicGroupIds: number[];
    fundingSources: boolean;
  },
): Promise<RecordReferences> {
  const none = [-1];
  const row = await db
    .selectNoFrom((eb) => [
      jsonObjectFrom(activityQuery(db, actor, ask.activityId)).as('activity'),
      ask.place
        ? jsonObjectFrom(placeQuery(db, ask.place.generation, ask.place.code)).as('place')
        : sql<null>`NULL`.as('place'),
      jsonArrayFrom(
        eb
          .selectFrom('agency')
          .select('agency_id as id')
          .where('agency_id', 'in', ask.agencyIds.length ? ask.agencyIds : none),
      ).as('agencies'),
      jsonArrayFrom(
        eb
          .selectFrom('ethnic_group')
          .select('ethnic_group_id as id')
          .where('ethnic_group_id', 'in', ask.ethnicGroupIds.length ? ask.ethnicGroupIds : none),
      ).as('ethnic'),
      jsonArrayFrom(
        eb
          .selectFrom('funding_source')
          .select(['code', 'name_vi', 'sort'])
          .where(sql<boolean>`${ask.fundingSources}`)
          .orderBy('sort')
          .orderBy('code'),
      ).as('sources'),
    ])
    .executeTakeFirstOrThrow();
  return {
    activity: row.activity ?? null,
    place: row.place ?? null,
    agencies: new Set(row.agencies.map((a) => a.id)),
    ethnicGroups: new Set(row.ethnic.map((e) => e.id)),
    fundingSources: row.sources,
  };
}

export async function existingIds(
  db: Queryable,
  table: 'agency' | 'ethnic_group',
  ids: number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  if (table === 'agency') {
    const rows = await db.selectFrom('agency').select('agency_id as id').where('agency_id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }
  const rows = await db
    .selectFrom('ethnic_group')
    .select('ethnic_group_id as id')
    .where('ethnic_group_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function listFundingSources(db: Queryable) {
  return db
    .selectFrom('funding_source')
    .select(['code', 'name_vi', 'name_en'])
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export interface RecordValues {
  plan_activity_id: number;
  type: RecordType;
  title: string;
  start_date: string;
  end_date: string;
  place_generation: number | null;
  place_code: string | null;
  province_code: string | null;
  village: string | null;
  organiser_agency_id: number | null;
  description: string;
  outputs: Record<string, unknown>;
  participants_mode: 'breakdown' | 'totals_only';
  total_participants: number;
  female_participants: number | null;
}

const searchText = (v: RecordValues) => foldVietnamese([v.title, v.description, v.village ?? ''].join(' '));

export async function insertRecord(db: Queryable, v: RecordValues, userId: number, now: Date): Promise<number> {
  const row = await db
    .insertInto('implementation_record')
    .values({
      ...v,
      outputs: JSON.stringify(v.outputs),
      search_text: searchText(v),
      created_by: userId,
      created_at: now,
      updated_at: now,
    })
    .returning('record_id')
    .executeTakeFirstOrThrow();
  return row.record_id;
}

type Children = { partners: number[]; participants: ParticipantRow[]; costs: { code: string; amount: string }[] };

/** The children as the JSON rows `jsonb_populate_recordset` reads (column names of their tables). */
function childRows(children: Children) {
  return {
    partners: JSON.stringify(children.partners.map((agency_id) => ({ agency_id }))),
    participants: JSON.stringify(
      children.participants.map((p) => ({
        sex: p.sex,
        ethnic_group_id: p.ethnicGroupId,
        target_group: p.targetGroup,
        age_band: p.ageBand,
        count: p.count,
      })),
    ),
    costs: JSON.stringify(children.costs.map((c) => ({ funding_source_code: c.code, amount: c.amount }))),
  };
}

/**
 * Inserts a record and its partners, participant rows and costs in one statement (data-modifying
 * CTEs; the rows go as JSON, typed by their tables' columns), provided `open` holds — the period
 * check of `common/period-lock.ts`. The record's id, or null when `open` was false and nothing was written.
 */
export async function insertRecordWithChildren(
  db: Queryable,
  v: RecordValues,
  children: Children,
  userId: number,
  now: Date,
  open: RawBuilder<boolean>,
): Promise<number | null> {
  const record = JSON.stringify({
    ...v,
    search_text: searchText(v),
    created_by: userId,
    created_at: now,
    updated_at: now,
  });
  const rows = childRows(children);
  const result = await sql<{ record_id: number }>`
    WITH rec AS (
      INSERT INTO implementation_record (${sql.join(RECORD_INSERT_COLUMNS.map((c) => sql.id(c)))})
      SELECT ${sql.join(RECORD_INSERT_COLUMNS.map((c) => sql.ref(`v.${c}`)))}
      FROM jsonb_populate_record(NULL::implementation_record, ${record}::jsonb) AS v
      WHERE ${open}
      RETURNING record_id
    ), partners AS (
      INSERT INTO record_partner (record_id, agency_id)
      SELECT rec.record_id, x.agency_id FROM rec, jsonb_populate_recordset(NULL::record_partner, ${rows.partners}::jsonb) AS x
    ), participants AS (
      INSERT INTO record_participant (record_id, sex, ethnic_group_id, target_group, age_band, count)
      SELECT rec.record_id, x.sex, x.ethnic_group_id, x.target_group, x.age_band, x.count
      FROM rec, jsonb_populate_recordset(NULL::record_participant, ${rows.participants}::jsonb) AS x
    ), costs AS (
      INSERT INTO record_cost (record_id, funding_source_code, amount)
      SELECT rec.record_id, x.funding_source_code, x.amount
      FROM rec, jsonb_populate_recordset(NULL::record_cost, ${rows.costs}::jsonb) AS x
    )
    SELECT record_id FROM rec`.execute(db);
  return result.rows[0]?.record_id ?? null;
}

/** What an insert of a record sets (the rest are defaults: id, version, deletion). */
const RECORD_INSERT_COLUMNS = [
  'plan_activity_id',
  'type',
  'title',
  'start_date',
  'end_date',
  'place_generation',
  'place_code',
  'province_code',
  'village',
  'organiser_agency_id',
  'description',
  'outputs',
  'participants_mode',
  'total_participants',
  'female_participants',
  'search_text',
  'created_by',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof DB['implementation_record'])[];

/** Optimistic update: false when the version moved on. */
export async function updateRecord(
  db: Queryable,
  recordId: number,
  version: number,
  v: RecordValues,
  now: Date,
  /** The period check (`common/period-lock.ts` periodOpen), in the update's own statement. */
  open?: RawBuilder<boolean>,
): Promise<boolean> {
  let query = db
    .updateTable('implementation_record')
    .set({
      ...v,
      outputs: JSON.stringify(v.outputs),
      search_text: searchText(v),
      updated_at: now,
      version: sql`version + 1`,
    })
    .where('record_id', '=', recordId)
    .where('version', '=', version)
    .where('deleted_at', 'is', null);
  if (open) query = query.where(open);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A live record with the fields a derived record sets, locked for the update that follows (no scope:
 * the entry it derives from has been checked). */
export async function findDerivedRecord(db: Queryable, recordId: number) {
  return db
    .selectFrom('implementation_record')
    .select([
      'record_id',
      'version',
      'plan_activity_id',
      'type',
      'title',
      'start_date',
      'end_date',
      'province_code',
      'organiser_agency_id',
      'description',
      'outputs',
    ])
    .where('record_id', '=', recordId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function softDeleteRecord(db: Queryable, recordId: number, userId: number, now: Date): Promise<void> {
  await db
    .updateTable('implementation_record')
    .set({ deleted_at: now, deleted_by: userId, updated_at: now, version: sql`version + 1` })
    .where('record_id', '=', recordId)
    .execute();
}

/** Writes a record's partners, participant rows and costs in one statement. */
export async function insertChildren(db: Queryable, recordId: number, children: Children): Promise<void> {
  if (!children.partners.length && !children.participants.length && !children.costs.length) return;
  const rows = childRows(children);
  await sql`
    WITH partners AS (
      INSERT INTO record_partner (record_id, agency_id)
      SELECT ${recordId}::int, x.agency_id FROM jsonb_populate_recordset(NULL::record_partner, ${rows.partners}::jsonb) AS x
    ), participants AS (
      INSERT INTO record_participant (record_id, sex, ethnic_group_id, target_group, age_band, count)
      SELECT ${recordId}::int, x.sex, x.ethnic_group_id, x.target_group, x.age_band, x.count
      FROM jsonb_populate_recordset(NULL::record_participant, ${rows.participants}::jsonb) AS x
    )
    INSERT INTO record_cost (record_id, funding_source_code, amount)
    SELECT ${recordId}::int, x.funding_source_code, x.amount
    FROM jsonb_populate_recordset(NULL::record_cost, ${rows.costs}::jsonb) AS x`.execute(db);
}

/** Replaces a record's children: the old rows of all three kinds go in one statement, then the new. */
export async function replaceChildren(db: Queryable, recordId: number, children: Children): Promise<void> {
  await db
    .with('partners', (qb) => qb.deleteFrom('record_partner').where('record_id', '=', recordId))
    .with('participants', (qb) => qb.deleteFrom('record_participant').where('record_id', '=', recordId))
    .deleteFrom('record_cost')
    .where('record_id', '=', recordId)
    .execute();
  await insertChildren(db, recordId, children);
}

const recordColumns = [
  'r.record_id',
  'r.plan_activity_id',
  'r.type',
  'r.title',
  'r.start_date',
  'r.end_date',
  'r.place_generation',
  'r.place_code',
  'r.province_code',
  'r.village',
  'r.organiser_agency_id',
  'r.description',
  'r.outputs',
  'r.participants_mode',
  'r.total_participants',
  'r.female_participants',
  'r.created_at',
  'r.updated_at',
  'r.version',
] as const;

function recordRowQuery(db: Queryable, actor: Actor, recordId: number) {
  return scoped(db, actor)
    .innerJoin('plan_activity as a', 'a.plan_activity_id', 'r.plan_activity_id')
    .innerJoin('plan as p', 'p.plan_id', 'a.plan_id')
    .leftJoin('admin_unit as u', (join) =>
      join.onRef('u.generation', '=', 'r.place_generation').onRef('u.code', '=', 'r.place_code'),
    )
    .leftJoin('admin_unit as pr', (join) =>
      join.on('pr.generation', '=', 2025).onRef('pr.code', '=', 'r.province_code').on('pr.level', '=', 'province'),
    )
    .leftJoin('app_user as cu', 'cu.user_id', 'r.created_by')
    .select([
      ...recordColumns,
      'a.title as activity_title',
      'a.section_number',
      'a.position',
      'p.plan_id',
      'p.title as plan_title',
      'p.kind as plan_kind',
      'p.province_code as plan_province_code',
      'u.name as place_name',
      'u.full_name as place_full_name',
      'u.level as place_level',
      'pr.name as province_name',
      'cu.display_name as created_by_name',
    ])
    .where('r.record_id', '=', recordId);
}

export async function findRecord(db: Queryable, actor: Actor, recordId: number, forUpdate = false) {
  const query = recordRowQuery(db, actor, recordId);
  return (forUpdate ? query.forUpdate('r') : query).executeTakeFirst();
}
export type RecordRow = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

type RecordRef = Parameters<ExpressionBuilder<DB & { r: DB['implementation_record'] }, 'r'>['ref']>[0];

/** The children of the record `r.record_id` as JSON columns of the statement that reads it: participants,
 * costs (with the funding source's name), partners, the total cost and the models it registered. */
function childColumns(eb: RecordEb, id: RecordRef = 'r.record_id') {
  return [
    jsonArrayFrom(
      eb
        .selectFrom('record_participant as rp')
        .select(['rp.sex', 'rp.ethnic_group_id', 'rp.target_group', 'rp.age_band', 'rp.count'])
        .whereRef('rp.record_id', '=', id)
        .orderBy('rp.ethnic_group_id')
        .orderBy(sql`rp.target_group COLLATE "C"`)
        .orderBy(sql`rp.age_band COLLATE "C"`)
        .orderBy(sql`rp.sex COLLATE "C"`),
    ).as('participants'),
    jsonArrayFrom(
      eb
        .selectFrom('record_cost as c')
        .innerJoin('funding_source as f', 'f.code', 'c.funding_source_code')
        .select(['c.funding_source_code', 'f.name_vi', sql<string>`c.amount::text`.as('amount')])
        .whereRef('c.record_id', '=', id)
        .orderBy('f.sort')
        .orderBy('f.code'),
    ).as('costs'),
    jsonArrayFrom(
      eb
        .selectFrom('record_partner as x')
        .select('x.agency_id')
        .whereRef('x.record_id', '=', id)
        .orderBy('x.agency_id'),
    ).as('partners'),
    eb
      .selectFrom('record_cost as t')
      .select(sql<string>`coalesce(sum(t.amount), 0)::text`.as('total'))
      .whereRef('t.record_id', '=', id)
      .as('total_cost'),
    jsonArrayFrom(
      eb
        .selectFrom('community_model as m')
        .innerJoin('model_type as mt', 'mt.code', 'm.model_type')
        .select(['m.community_model_id as id', 'm.name', 'mt.name as typeName', 'm.status'])
        .whereRef('m.source_record_id', '=', id)
        .orderBy('m.community_model_id'),
    ).as('models'),
  ] as const;
}

/** A record with its children and models, in one statement (the view's data); `forUpdate` locks the record row. */
export async function findRecordWithChildren(db: Queryable, actor: Actor, recordId: number, forUpdate = false) {
  let query = recordRowQuery(db, actor, recordId).select((eb) => childColumns(eb));
  if (forUpdate) query = query.forUpdate('r');
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const { participants, costs, partners, total_cost, models, ...record } = row;
  return {
    row: record,
    children: {
      participants,
      costs,
      partners: partners.map((p) => p.agency_id),
      totalCost: total_cost ?? '0',
    },
    models,
  };
}
export type RecordWithChildren = NonNullable<Awaited<ReturnType<typeof findRecordWithChildren>>>;

export interface RecordFilter {
  plan?: number;
  activity?: number;
  province?: string;
  type?: string;
  from?: string;
  to?: string;
  q?: string;
  sort?: SortValue<'title' | 'type' | 'start' | 'participants' | 'updated'>;
  limit: number;
  offset: number;
}

export async function listRecords(db: Queryable, actor: Actor, filter: RecordFilter) {
  let query = scoped(db, actor).innerJoin('plan_activity as a', 'a.plan_activity_id', 'r.plan_activity_id');
  if (filter.plan) query = query.where('a.plan_id', '=', filter.plan);
  if (filter.activity) query = query.where('r.plan_activity_id', '=', filter.activity);
  if (filter.province) query = query.where('r.province_code', '=', filter.province);
  if (filter.type) query = query.where('r.type', '=', filter.type as RecordType);
  // A record overlapping the period counts in it.
  if (filter.from) query = query.where('r.end_date', '>=', filter.from);
  if (filter.to) query = query.where('r.start_date', '<=', filter.to);
  // Every word of the query, in any order, without diacritics ("phong su tiet kiem").
  for (const word of foldVietnamese(filter.q ?? '')
    .split(' ')
    .filter(Boolean))
    query = query.where('r.search_text', 'like', `%${escapeLike(word)}%`);
  const rows = await query
    .leftJoin('admin_unit as u', (join) =>
      join.onRef('u.generation', '=', 'r.place_generation').onRef('u.code', '=', 'r.place_code'),
    )
    .select([
      'r.record_id',
      'r.plan_activity_id',
      'a.title as activity_title',
      'a.plan_id',
      'r.type',
      'r.title',
      'r.start_date',
      'r.end_date',
      'r.province_code',
      'r.organiser_agency_id',
      'u.full_name as place_name',
      'r.participants_mode',
      'r.total_participants',
      'r.female_participants',
      'r.version',
      'r.updated_at',
      (eb) =>
        eb
          .selectFrom('record_cost as c')
          .select(sql<string>`coalesce(sum(c.amount), 0)::text`.as('t'))
          .whereRef('c.record_id', '=', 'r.record_id')
          .as('total_cost'),
      (eb) =>
        eb
          .selectFrom('stored_file as f')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('f.record_id', '=', 'r.record_id')
          .as('attachment_count'),
    ])
    .$call((q) => {
      const sorted = sortTerms(
        filter.sort,
        {
          title: 'r.title',
          type: 'r.type',
          start: 'r.start_date',
          participants: 'r.total_participants',
          updated: 'r.updated_at',
        },
        'r.record_id',
      );
      return sorted
        ? sorted.reduce((acc, term) => acc.orderBy(term), q)
        : q.orderBy('r.start_date', 'desc').orderBy('r.record_id', 'desc');
    })
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Search everywhere: the records in scope (not deleted) whose text holds every word, best first. */
export async function searchRecords(db: Queryable, actor: Actor, words: readonly string[], limit: number) {
  return scoped(db, actor)
    .innerJoin('plan_activity as a', 'a.plan_activity_id', 'r.plan_activity_id')
    .where(matchesAllWords('r.search_text', words))
    .select([
      'r.record_id as id',
      'r.title',
      'r.type',
      'r.start_date',
      'r.end_date',
      'r.province_code',
      'a.title as activity_title',
      searchRank('r.search_text', words).as('rank'),
    ])
    .orderBy(sql`rank`, 'desc')
    .orderBy('r.record_id', 'desc')
    .limit(limit)
    .execute();
}
