// All SQL for aggregate values entered directly (table aggregate_value).
import type { Actor } from '../../access/actor';
import { centralOrProvinceScope } from '../../access/scope';
import type { Queryable } from '../../db/database';
import type { Sex } from './derive-values';

export interface ValueKey {
  indicatorId: number;
  unitGeneration: number | null;
  unitCode: string | null;
  period: string;
  /** '' = not disaggregated by sex. */
  sex: Sex | '';
  ethnicGroupId: number;
  targetGroup: string;
  ageBand: string;
}

function whereKey(db: Queryable, k: ValueKey) {
  let query = db
    .selectFrom('aggregate_value')
    .where('indicator_id', '=', k.indicatorId)
    .where('period', '=', k.period)
    .where('sex', '=', k.sex)
    .where('ethnic_group_id', '=', k.ethnicGroupId)
    .where('target_group', '=', k.targetGroup)
    .where('age_band', '=', k.ageBand);
  query =
    k.unitCode === null
      ? query.where('unit_code', 'is', null)
      : query.where('unit_generation', '=', k.unitGeneration).where('unit_code', '=', k.unitCode);
  return query;
}

export async function findValue(db: Queryable, k: ValueKey) {
  return whereKey(db, k).select(['aggregate_value_id', 'value']).executeTakeFirst();
}

/** Sets one value (insert or update); returns what changed. */
export async function putValue(
  db: Queryable,
  k: ValueKey & { provinceCode: string | null },
  value: string,
  source: 'entry' | 'import',
  userId: number,
  now: Date,
): Promise<'imported' | 'updated' | 'ignored'> {
  const existing = await findValue(db, k);
  if (existing) {
    if (Number(existing.value) === Number(value)) return 'ignored';
    await db
      .updateTable('aggregate_value')
      .set({ value, source, updated_by: userId, updated_at: now })
      .where('aggregate_value_id', '=', existing.aggregate_value_id)
      .execute();
    return 'updated';
  }
  await db
    .insertInto('aggregate_value')
    .values({
      indicator_id: k.indicatorId,
      unit_generation: k.unitGeneration,
      unit_code: k.unitCode,
      province_code: k.provinceCode,
      period: k.period,
      sex: k.sex,
      ethnic_group_id: k.ethnicGroupId,
      target_group: k.targetGroup,
      age_band: k.ageBand,
      value,
      source,
      updated_by: userId,
      updated_at: now,
    })
    .execute();
  return 'imported';
}

/** Deletes one value; returns its id (the series must drop its derived rows) or null. */
export async function deleteValue(db: Queryable, k: ValueKey): Promise<number | null> {
  const existing = await findValue(db, k);
  if (!existing) return null;
  await db.deleteFrom('aggregate_value').where('aggregate_value_id', '=', existing.aggregate_value_id).execute();
  return existing.aggregate_value_id;
}

export async function listValues(
  db: Queryable,
  actor: Actor,
  filter: { indicatorId: number; period?: string; province?: string },
) {
  let query = db
    .selectFrom('aggregate_value as v')
    .leftJoin('admin_unit as u', (join) =>
      join.onRef('u.generation', '=', 'v.unit_generation').onRef('u.code', '=', 'v.unit_code'),
    )
    .select([
      'v.unit_generation',
      'v.unit_code',
      'u.full_name as unit_name',
      'v.period',
      'v.sex',
      'v.ethnic_group_id',
      'v.target_group',
      'v.age_band',
      'v.value',
      'v.source',
      'v.updated_at',
    ])
    .where('v.indicator_id', '=', filter.indicatorId);
  if (filter.period) query = query.where('v.period', '=', filter.period);
  if (filter.province) query = query.where('v.province_code', '=', filter.province);
  query = query.where((eb) => centralOrProvinceScope(eb, 'v.province_code', actor));
  return query
    .orderBy('v.period')
    .orderBy('v.unit_code')
    .orderBy('v.sex')
    .orderBy('v.ethnic_group_id')
    .orderBy('v.target_group')
    .orderBy('v.age_band')
    .execute();
}
