// All SQL for aggregate values entered directly (table aggregate_value).
import type { Actor } from '../../access/actor';
import { centralOrProvinceScope } from '../../access/scope';
import { sql } from 'kysely';
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

const KEY_COLUMNS = [
  'indicator_id',
  'unit_generation',
  'unit_code',
  'period',
  'sex',
  'ethnic_group_id',
  'target_group',
  'age_band',
] as const;

/** A row of aggregate_value that a write changed: its id, key and value. */
export interface ChangedValue extends ValueKey {
  id: number;
  value: string;
  inserted: boolean;
}

const changedOf = (r: {
  aggregate_value_id: number;
  indicator_id: number;
  unit_generation: number | null;
  unit_code: string | null;
  period: string;
  sex: string;
  ethnic_group_id: number;
  target_group: string;
  age_band: string;
  value: string;
  inserted?: boolean;
}): ChangedValue => ({
  id: r.aggregate_value_id,
  indicatorId: r.indicator_id,
  unitGeneration: r.unit_generation,
  unitCode: r.unit_code,
  period: r.period,
  sex: r.sex as Sex | '',
  ethnicGroupId: r.ethnic_group_id,
  targetGroup: r.target_group,
  ageBand: r.age_band,
  value: r.value,
  inserted: r.inserted ?? false,
});

const ROWS_PER_STATEMENT = 1000;

/**
 * Sets values in one statement per thousand: inserted, updated when the value differs, left alone
 * when it is the same (not returned). Concurrent writers of one key meet on its unique index, never
 * on a duplicate-key error. The keys must be distinct.
 */
export async function upsertValues(
  db: Queryable,
  items: { key: ValueKey & { provinceCode: string | null }; value: string }[],
  source: 'entry' | 'import',
  userId: number,
  now: Date,
): Promise<ChangedValue[]> {
  const changed: ChangedValue[] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) {
    const rows = await db
      .insertInto('aggregate_value')
      .values(
        items.slice(i, i + ROWS_PER_STATEMENT).map(({ key: k, value }) => ({
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
        })),
      )
      .onConflict((oc) =>
        oc
          .columns([...KEY_COLUMNS])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            source: eb.ref('excluded.source'),
            updated_by: eb.ref('excluded.updated_by'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where(sql<boolean>`aggregate_value.value IS DISTINCT FROM excluded.value`),
      )
      .returning(['aggregate_value_id', ...KEY_COLUMNS, 'value', sql<boolean>`xmax = 0`.as('inserted')])
      .execute();
    changed.push(...rows.map(changedOf));
  }
  return changed;
}

/** Deletes the values of these keys in one statement per thousand; returns those that existed. */
export async function deleteValues(db: Queryable, keys: ValueKey[]): Promise<ChangedValue[]> {
  const removed: ChangedValue[] = [];
  for (let i = 0; i < keys.length; i += ROWS_PER_STATEMENT) {
    const batch = keys.slice(i, i + ROWS_PER_STATEMENT);
    const rows = await db
      .deleteFrom('aggregate_value')
      .where((eb) =>
        eb.or(
          batch.map((k) =>
            eb.and([
              eb('indicator_id', '=', k.indicatorId),
              eb('period', '=', k.period),
              eb('sex', '=', k.sex),
              eb('ethnic_group_id', '=', k.ethnicGroupId),
              eb('target_group', '=', k.targetGroup),
              eb('age_band', '=', k.ageBand),
              k.unitCode === null
                ? eb('unit_code', 'is', null)
                : eb.and([eb('unit_generation', '=', k.unitGeneration), eb('unit_code', '=', k.unitCode)]),
            ]),
          ),
        ),
      )
      .returning(['aggregate_value_id', ...KEY_COLUMNS, 'value'])
      .execute();
    removed.push(...rows.map(changedOf));
  }
  return removed;
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
