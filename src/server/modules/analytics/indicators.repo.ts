// All SQL for indicators, their targets and the aggregate values entered for them.
import { sql } from 'kysely';
import type { Actor } from '../../access/actor';
import { centralOrProvinceScope } from '../../access/scope';
import type { Queryable } from '../../db/database';
import type { Disaggregation, ValueType } from '../../../shared/analytics';
import { foldVietnamese } from '../../../shared/text';
import type { IndicatorMeta } from './pivot.query';

export interface IndicatorRow {
  indicator_id: number;
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  section_number: string | null;
  plan_id: number | null;
  source: 'records' | 'registry' | 'aggregate';
  definition: unknown;
  time_aggregation: 'sum' | 'last' | 'avg';
  disaggregations: string[];
  value_type: ValueType;
  is_key: boolean;
  position: number;
  version: number;
}

const COLUMNS = [
  'indicator_id',
  'code',
  'name_vi',
  'name_en',
  'unit',
  'section_number',
  'plan_id',
  'source',
  'definition',
  'time_aggregation',
  'disaggregations',
  'value_type',
  'is_key',
  'position',
  'version',
] as const;

export interface IndicatorFilter {
  source?: string;
  section?: string;
  q?: string;
  key?: boolean;
  codes?: string[];
}

export async function listIndicators(db: Queryable, filter: IndicatorFilter = {}): Promise<IndicatorRow[]> {
  let query = db.selectFrom('indicator').select(COLUMNS);
  if (filter.source) query = query.where('source', '=', filter.source as IndicatorRow['source']);
  if (filter.section) query = query.where('section_number', '=', filter.section);
  if (filter.key !== undefined) query = query.where('is_key', '=', filter.key);
  if (filter.codes) query = query.where('code', 'in', filter.codes.length ? filter.codes : ['']);
  if (filter.q) query = query.where('search_text', 'like', `%${foldVietnamese(filter.q).replace(/[\\%_]/g, '\\$&')}%`);
  return query.orderBy('position').orderBy('code').execute();
}

export async function findIndicator(db: Queryable, id: number, forUpdate = false): Promise<IndicatorRow | undefined> {
  let query = db.selectFrom('indicator').select(COLUMNS).where('indicator_id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function toMeta(r: IndicatorRow): IndicatorMeta {
  return {
    id: r.indicator_id,
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    unit: r.unit,
    timeAggregation: r.time_aggregation,
    disaggregations: r.disaggregations as Disaggregation[],
    position: r.position,
  };
}

export async function indicatorMetas(db: Queryable): Promise<IndicatorMeta[]> {
  return (await listIndicators(db)).map(toMeta);
}

export async function codeTaken(db: Queryable, code: string): Promise<boolean> {
  const row = await db.selectFrom('indicator').select('indicator_id').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export interface IndicatorValues {
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  section_number: string | null;
  plan_id: number | null;
  source: IndicatorRow['source'];
  definition: unknown;
  time_aggregation: IndicatorRow['time_aggregation'];
  disaggregations: string[];
  value_type: ValueType;
  is_key: boolean;
  position: number;
}

const searchText = (v: Pick<IndicatorValues, 'code' | 'name_vi' | 'name_en'>) =>
  foldVietnamese([v.code, v.name_vi, v.name_en].join(' | '));

export async function insertIndicator(db: Queryable, v: IndicatorValues, now: Date): Promise<number> {
  const row = await db
    .insertInto('indicator')
    .values({
      ...v,
      definition: JSON.stringify(v.definition),
      search_text: searchText(v),
      created_at: now,
      updated_at: now,
    })
    .returning('indicator_id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('exchange_code')
    .values({ kind: 'indicator', our_value: v.code, their_code: v.code })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return row.indicator_id;
}

export async function updateIndicator(
  db: Queryable,
  id: number,
  version: number,
  v: IndicatorValues,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('indicator')
    .set({
      ...v,
      definition: JSON.stringify(v.definition),
      search_text: searchText(v),
      updated_at: now,
      version: sql`version + 1`,
    })
    .where('indicator_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function modelTypeCodes(db: Queryable): Promise<string[]> {
  const rows = await db.selectFrom('model_type').select('code').orderBy('position').execute();
  return rows.map((r) => r.code);
}

export async function hasAggregateValues(db: Queryable, indicatorId: number): Promise<boolean> {
  const row = await db
    .selectFrom('aggregate_value')
    .select('aggregate_value_id')
    .where('indicator_id', '=', indicatorId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** One entered or imported value of the indicator that is not of that type (a count with 2.5), if any. */
export async function valueBreakingType(db: Queryable, indicatorId: number, type: ValueType) {
  if (type === 'NUMBER') return undefined;
  const row = await db
    .selectFrom('aggregate_value')
    .select('value')
    .where('indicator_id', '=', indicatorId)
    .where((eb) =>
      type === 'PERCENTAGE'
        ? eb.or([eb('value', '<', '0'), eb('value', '>', '100')])
        : eb.or([eb('value', '<', '0'), eb(sql`value % 1`, '<>', 0)]),
    )
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.value);
}

// ——— Targets ———

export interface TargetFilter {
  indicatorIds?: number[];
  year?: number;
  province?: string | null;
}

export async function listTargets(db: Queryable, actor: Actor, filter: TargetFilter) {
  let query = db
    .selectFrom('indicator_target as t')
    .innerJoin('indicator as i', 'i.indicator_id', 't.indicator_id')
    .select(['t.indicator_id', 'i.code', 't.year', 't.province_code', 't.target', 't.updated_at']);
  if (filter.indicatorIds)
    query = query.where('t.indicator_id', 'in', filter.indicatorIds.length ? filter.indicatorIds : [0]);
  if (filter.year) query = query.where('t.year', '=', filter.year);
  if (filter.province === null) query = query.where('t.province_code', 'is', null);
  else if (filter.province) query = query.where('t.province_code', '=', filter.province);
  // Provincial users see their provinces' targets and the national ones they work towards.
  query = query.where((eb) => centralOrProvinceScope(eb, 't.province_code', actor));
  return query
    .orderBy('i.position')
    .orderBy('t.year')
    .orderBy(sql`t.province_code NULLS FIRST`)
    .execute();
}

export async function findTarget(db: Queryable, indicatorId: number, year: number, province: string | null) {
  let query = db
    .selectFrom('indicator_target')
    .select(['indicator_target_id', 'target'])
    .where('indicator_id', '=', indicatorId)
    .where('year', '=', year);
  query = province === null ? query.where('province_code', 'is', null) : query.where('province_code', '=', province);
  return query.executeTakeFirst();
}

export async function setTarget(
  db: Queryable,
  t: { indicatorId: number; year: number; province: string | null; target: string | null },
  userId: number,
  now: Date,
): Promise<void> {
  const existing = await findTarget(db, t.indicatorId, t.year, t.province);
  if (t.target === null) {
    if (existing)
      await db.deleteFrom('indicator_target').where('indicator_target_id', '=', existing.indicator_target_id).execute();
    return;
  }
  if (existing) {
    await db
      .updateTable('indicator_target')
      .set({ target: t.target, updated_by: userId, updated_at: now })
      .where('indicator_target_id', '=', existing.indicator_target_id)
      .execute();
    return;
  }
  await db
    .insertInto('indicator_target')
    .values({
      indicator_id: t.indicatorId,
      year: t.year,
      province_code: t.province,
      target: t.target,
      updated_by: userId,
      updated_at: now,
    })
    .execute();
}

export async function existingProvinces(db: Queryable, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('admin_unit')
    .select('code')
    .where('generation', '=', 2025)
    .where('level', '=', 'province')
    .where('code', 'in', codes)
    .execute();
  return new Set(rows.map((r) => r.code));
}
