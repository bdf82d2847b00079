// All SQL for community models. Read scope: a model is visible only within the actor's provinces
// (province_code is always the 2025 generation); outside scope it does not exist (404).
import { sql } from 'kysely';
import type { Actor } from '../../access/actor';
import { provinceScope } from '../../access/scope';
import type { Queryable } from '../../db/database';
import type { ModelStatus, Sex, TechFlag } from '../../../shared/model-types';
import { foldVietnamese } from '../../../shared/text';
import { escapeLike } from '../../common/sql-text';
import { matchesAllWords, searchRank } from '../../common/search-text';
import { sortTerms, type SortValue } from '../../common/list-sort';

export async function listModelTypes(db: Queryable, q?: string) {
  let query = db.selectFrom('model_type').selectAll();
  for (const token of tokens(q)) query = query.where('search_text', 'like', `%${token}%`);
  return query.orderBy('position').orderBy('code').execute();
}

export async function findModelType(db: Queryable, code: string) {
  return db.selectFrom('model_type').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findAdminUnit(db: Queryable, generation: number, code: string) {
  return db
    .selectFrom('admin_unit')
    .select(['generation', 'code', 'level', 'full_name', 'province_code'])
    .where('generation', '=', generation)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The 2025 provinces an old (2024) province became: one for every province of the 2025 reform. */
export async function successorProvinces(db: Queryable, oldProvinceCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('admin_unit_lineage')
    .select('new_code')
    .where('level', '=', 'province')
    .where('old_code', '=', oldProvinceCode)
    .orderBy('new_code')
    .execute();
  return rows.map((r) => r.new_code);
}

export async function existingEthnicGroupIds(db: Queryable, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('ethnic_group')
    .select('ethnic_group_id')
    .where('ethnic_group_id', 'in', ids)
    .execute();
  return rows.map((r) => r.ethnic_group_id);
}

function tokens(q: string | undefined): string[] {
  if (!q) return [];
  return foldVietnamese(q)
    .split(' ')
    .filter((t) => t !== '')
    .slice(0, 8)
    .map(escapeLike);
}

const memberSum = (sex: Sex) =>
  sql<number>`coalesce((SELECT sum(mm.count) FROM model_member mm
    WHERE mm.community_model_id = m.community_model_id AND mm.sex = ${sex}), 0)::int`;

function scoped(db: Queryable, actor: Actor) {
  return db
    .selectFrom('community_model as m')
    .innerJoin('model_type as t', 't.code', 'm.model_type')
    .innerJoin('admin_unit as c', (join) =>
      join.onRef('c.generation', '=', 'm.commune_generation').onRef('c.code', '=', 'm.commune_code'),
    )
    .innerJoin('admin_unit as p', (join) => join.on('p.generation', '=', 2025).onRef('p.code', '=', 'm.province_code'))
    .where((eb) => provinceScope(eb, 'm.province_code', actor));
}

const columns = [
  'm.community_model_id',
  'm.model_type',
  't.name as type_name',
  't.sensitive',
  't.livelihood',
  't.host_kind',
  'm.name',
  'm.commune_generation',
  'm.commune_code',
  'c.full_name as commune_name',
  'm.province_code',
  'p.full_name as province_name',
  'm.village',
  'm.host',
  'm.founded_on',
  'm.status',
  'm.status_since',
  'm.merged_into_id',
  'm.leader_name',
  'm.women_ownership',
  'm.tech_ecommerce',
  'm.tech_traceability',
  'm.tech_quality_management',
  'm.tech_digital_payments',
  'm.source_record_id',
  'm.owner_agency_id',
  'm.version',
  'm.created_by',
  'm.created_at',
  'm.updated_at',
] as const;

function selectModel(query: ReturnType<typeof scoped>) {
  return query
    .select(columns)
    .select((eb) => [
      memberSum('female').as('female_members'),
      memberSum('male').as('male_members'),
      eb
        .selectFrom('app_user as u')
        .select('u.display_name')
        .whereRef('u.user_id', '=', 'm.created_by')
        .as('created_by_name'),
    ]);
}

export interface ModelRow {
  community_model_id: number;
  model_type: string;
  type_name: string;
  sensitive: boolean;
  livelihood: boolean;
  host_kind: string | null;
  name: string;
  commune_generation: number;
  commune_code: string;
  commune_name: string;
  province_code: string;
  province_name: string;
  village: string | null;
  host: string | null;
  founded_on: string | null;
  status: ModelStatus;
  status_since: string;
  merged_into_id: number | null;
  leader_name: string | null;
  women_ownership: 'owned' | 'co_owned' | null;
  tech_ecommerce: boolean;
  tech_traceability: boolean;
  tech_quality_management: boolean;
  tech_digital_payments: boolean;
  source_record_id: number | null;
  owner_agency_id: number | null;
  version: number;
  created_by: number | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  female_members: number;
  male_members: number;
}

export async function findModel(
  db: Queryable,
  actor: Actor,
  modelId: number,
  forUpdate = false,
): Promise<ModelRow | undefined> {
  let query = selectModel(scoped(db, actor)).where('m.community_model_id', '=', modelId);
  if (forUpdate) query = query.forUpdate('m');
  return await query.executeTakeFirst();
}

export interface ModelFilter {
  type?: string;
  province?: string;
  commune?: string;
  communeGeneration?: number;
  status?: string;
  womenOwned?: 'owned' | 'co_owned' | 'any';
  tech?: TechFlag;
  q?: string;
  sort?: SortValue<'name' | 'status' | 'founded' | 'created'>;
  limit: number;
  offset: number;
}

export async function listModels(db: Queryable, actor: Actor, filter: ModelFilter) {
  let query = scoped(db, actor);
  if (filter.type) query = query.where('m.model_type', '=', filter.type);
  if (filter.province) query = query.where('m.province_code', '=', filter.province);
  if (filter.commune) {
    query = query
      .where('m.commune_generation', '=', filter.communeGeneration ?? 2025)
      .where('m.commune_code', '=', filter.commune);
  }
  if (filter.status) query = query.where('m.status', '=', filter.status as ModelStatus);
  if (filter.womenOwned === 'any') query = query.where('m.women_ownership', 'is not', null);
  else if (filter.womenOwned) query = query.where('m.women_ownership', '=', filter.womenOwned);
  if (filter.tech) query = query.where(`m.tech_${filter.tech}`, '=', true);
  for (const token of tokens(filter.q)) {
    query = query.where(sql<boolean>`(m.search_text || ' | ' || t.search_text) LIKE ${`%${token}%`}`);
  }
  const [rows, count] = await Promise.all([
    selectModel(query)
      .$call((q) => {
        const sorted = sortTerms(
          filter.sort,
          { name: 'm.name', status: 'm.status', founded: 'm.founded_on', created: 'm.created_at' },
          'm.community_model_id',
        );
        return sorted
          ? sorted.reduce((acc, term) => acc.orderBy(term), q)
          : q.orderBy('m.created_at', 'desc').orderBy('m.community_model_id', 'desc');
      })
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ModelRow[], total: Number(count.n) };
}

export function modelSearchText(m: {
  name: string;
  village?: string | null;
  host?: string | null;
  leaderName?: string | null;
  communeName: string;
}): string {
  return foldVietnamese([m.name, m.village ?? '', m.host ?? '', m.leaderName ?? '', m.communeName].join(' | '));
}

/** The writable columns of a model (besides version, timestamps and author). */
export interface ModelColumns {
  model_type: string;
  name: string;
  commune_generation: number;
  commune_code: string;
  province_code: string;
  village: string | null;
  host: string | null;
  founded_on: string | null;
  status: ModelStatus;
  status_since: string;
  merged_into_id: number | null;
  leader_name: string | null;
  women_ownership: 'owned' | 'co_owned' | null;
  tech_ecommerce: boolean;
  tech_traceability: boolean;
  tech_quality_management: boolean;
  tech_digital_payments: boolean;
  source_record_id: number | null;
  search_text: string;
}

export async function insertModel(
  db: Queryable,
  values: ModelColumns & { owner_agency_id: number | null; created_by: number; now: Date },
): Promise<number> {
  const { now, ...rest } = values;
  const row = await db
    .insertInto('community_model')
    .values({ ...rest, created_at: now, updated_at: now })
    .returning('community_model_id')
    .executeTakeFirstOrThrow();
  return row.community_model_id;
}

/** Optimistic write: false when someone else changed the model first. */
export async function updateModel(
  db: Queryable,
  modelId: number,
  expectedVersion: number,
  changes: Partial<ModelColumns>,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('community_model')
    .set({ ...changes, version: sql`version + 1`, updated_at: now })
    .where('community_model_id', '=', modelId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listMembers(db: Queryable, modelId: number) {
  return db
    .selectFrom('model_member as mm')
    .innerJoin('ethnic_group as e', 'e.ethnic_group_id', 'mm.ethnic_group_id')
    .select(['mm.sex', 'mm.ethnic_group_id', 'e.name as ethnic_group', 'mm.count'])
    .where('mm.community_model_id', '=', modelId)
    .orderBy('e.ethnic_group_id')
    .orderBy('mm.sex')
    .execute();
}

export async function setMembers(
  db: Queryable,
  modelId: number,
  members: { sex: Sex; ethnicGroupId: number; count: number }[],
): Promise<void> {
  await db.deleteFrom('model_member').where('community_model_id', '=', modelId).execute();
  const rows = members
    .filter((m) => m.count > 0)
    .map((m) => ({ community_model_id: modelId, sex: m.sex, ethnic_group_id: m.ethnicGroupId, count: m.count }));
  if (rows.length) await db.insertInto('model_member').values(rows).execute();
}

export async function insertHistory(
  db: Queryable,
  entry: {
    modelId: number;
    status: ModelStatus;
    effectiveOn: string;
    mergedIntoId: number | null;
    note: string | null;
    userId: number;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('model_status_history')
    .values({
      community_model_id: entry.modelId,
      status: entry.status,
      effective_on: entry.effectiveOn,
      merged_into_id: entry.mergedIntoId,
      note: entry.note,
      created_by: entry.userId,
      created_at: entry.now,
    })
    .execute();
}

export async function listHistory(db: Queryable, modelId: number) {
  return db
    .selectFrom('model_status_history as h')
    .leftJoin('community_model as target', 'target.community_model_id', 'h.merged_into_id')
    .leftJoin('app_user as u', 'u.user_id', 'h.created_by')
    .select([
      'h.status',
      'h.effective_on',
      'h.merged_into_id',
      'target.name as merged_into_name',
      'h.note',
      'u.display_name as by_name',
      'h.created_at',
    ])
    .where('h.community_model_id', '=', modelId)
    .orderBy('h.effective_on')
    .orderBy('h.model_status_history_id')
    .execute();
}

export async function latestEffectiveOn(db: Queryable, modelId: number): Promise<string | null> {
  const row = await db
    .selectFrom('model_status_history')
    .select((eb) => eb.fn.max('effective_on').as('latest'))
    .where('community_model_id', '=', modelId)
    .executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

/** Models merged into this one (always in the same province, so scope is the target's). */
export async function mergedFrom(db: Queryable, modelId: number) {
  return db
    .selectFrom('community_model')
    .select(['community_model_id', 'name'])
    .where('merged_into_id', '=', modelId)
    .orderBy('community_model_id')
    .execute();
}

export async function modelName(db: Queryable, modelId: number): Promise<string | null> {
  const row = await db
    .selectFrom('community_model')
    .select('name')
    .where('community_model_id', '=', modelId)
    .executeTakeFirst();
  return row?.name ?? null;
}

/** A model of the same type and name in the same commune, whatever the actor's scope (duplicate check). */
export async function findSameModel(
  db: Queryable,
  modelType: string,
  generation: number,
  communeCode: string,
  name: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('community_model')
    .select('community_model_id')
    .where('model_type', '=', modelType)
    .where('commune_generation', '=', generation)
    .where('commune_code', '=', communeCode)
    .where('search_text', 'like', `${escapeLike(foldVietnamese(name))} | %`)
    .orderBy('community_model_id')
    .executeTakeFirst();
  return row?.community_model_id ?? null;
}

/** Search everywhere: the models in scope whose name, place, host or leader hold every word. */
export async function searchModels(db: Queryable, actor: Actor, words: readonly string[], limit: number) {
  return scoped(db, actor)
    .where(matchesAllWords('m.search_text', words))
    .select([
      'm.community_model_id as id',
      'm.name as title',
      't.name as type_name',
      'c.full_name as commune_name',
      'p.name as province_name',
      searchRank('m.search_text', words).as('rank'),
    ])
    .orderBy(sql`rank`, 'desc')
    .orderBy('m.community_model_id', 'desc')
    .limit(limit)
    .execute();
}
