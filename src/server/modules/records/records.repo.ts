// All SQL for implementation records. Read scope: a record with a province is visible only within
// the actor's provinces (national actors see all); a central record (no province) to every reader.
// Deleted records (soft) are invisible. The activity of a record must be in a plan the actor sees.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Actor } from '../../access/actor';
import { centralOrProvinceScope, planScope } from '../../access/scope';
import type { Queryable } from '../../db/database';
import type { DB } from '../../db/schema';
import { foldVietnamese } from '../../../shared/text';
import { escapeLike } from '../../common/sql-text';
import type { ParticipantRow } from './records.schemas';
import { jsonArrayFrom } from 'kysely/helpers/postgres';

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
}

/** An activity (not removed) of a plan the actor can see: central plans, or provincial ones in scope. */
export async function findActivity(db: Queryable, actor: Actor, activityId: number): Promise<ActivityRow | undefined> {
  let query = db
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
    ])
    .where('a.plan_activity_id', '=', activityId)
    .where('a.removed', '=', false);
  query = query.where((eb) => planScope(eb, 'p.kind', 'p.province_code', actor));
  return query.executeTakeFirst();
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

export async function findPlace(db: Queryable, generation: number, code: string): Promise<PlaceRow | undefined> {
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
    .executeTakeFirst();
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

/** Optimistic update: false when the version moved on. */
export async function updateRecord(
  db: Queryable,
  recordId: number,
  version: number,
  v: RecordValues,
  now: Date,
): Promise<boolean> {
  const result = await db
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
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
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

type Children = { partners: number[]; participants: ParticipantRow[]; costs: { code: string; amount: string }[] };

/** Writes a record's partners, participant rows and costs: one insert per kind that has rows. */
export async function insertChildren(db: Queryable, recordId: number, children: Children): Promise<void> {
  if (children.partners.length)
    await db
      .insertInto('record_partner')
      .values(children.partners.map((agency_id) => ({ record_id: recordId, agency_id })))
      .execute();
  if (children.participants.length)
    await db
      .insertInto('record_participant')
      .values(
        children.participants.map((p) => ({
          record_id: recordId,
          sex: p.sex,
          ethnic_group_id: p.ethnicGroupId,
          target_group: p.targetGroup,
          age_band: p.ageBand,
          count: p.count,
        })),
      )
      .execute();
  if (children.costs.length)
    await db
      .insertInto('record_cost')
      .values(children.costs.map((c) => ({ record_id: recordId, funding_source_code: c.code, amount: c.amount })))
      .execute();
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

export async function findRecord(db: Queryable, actor: Actor, recordId: number, forUpdate = false) {
  let query = scoped(db, actor)
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
  if (forUpdate) query = query.forUpdate('r');
  return query.executeTakeFirst();
}
export type RecordRow = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

/** A record's participants, costs (with the funding source's name), partners and total cost, in one statement. */
export async function recordChildren(db: Queryable, recordId: number) {
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('record_participant as p')
          .select(['p.sex', 'p.ethnic_group_id', 'p.target_group', 'p.age_band', 'p.count'])
          .where('p.record_id', '=', recordId)
          .orderBy('p.ethnic_group_id')
          .orderBy('p.target_group')
          .orderBy('p.age_band')
          .orderBy('p.sex'),
      ).as('participants'),
      jsonArrayFrom(
        eb
          .selectFrom('record_cost as c')
          .innerJoin('funding_source as f', 'f.code', 'c.funding_source_code')
          .select(['c.funding_source_code', 'f.name_vi', sql<string>`c.amount::text`.as('amount')])
          .where('c.record_id', '=', recordId)
          .orderBy('f.sort'),
      ).as('costs'),
      jsonArrayFrom(
        eb
          .selectFrom('record_partner as x')
          .select('x.agency_id')
          .where('x.record_id', '=', recordId)
          .orderBy('x.agency_id'),
      ).as('partners'),
      eb
        .selectFrom('record_cost as t')
        .select(sql<string>`coalesce(sum(t.amount), 0)::text`.as('total'))
        .where('t.record_id', '=', recordId)
        .as('total'),
    ])
    .executeTakeFirstOrThrow();
  return {
    participants: row.participants,
    costs: row.costs,
    partners: row.partners.map((p) => p.agency_id),
    totalCost: row.total ?? '0',
  };
}

export interface RecordFilter {
  plan?: number;
  activity?: number;
  province?: string;
  type?: string;
  from?: string;
  to?: string;
  q?: string;
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
    .orderBy('r.start_date', 'desc')
    .orderBy('r.record_id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}
