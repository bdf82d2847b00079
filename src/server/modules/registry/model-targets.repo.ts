// All SQL for model targets (type × province × year; province null = national).
import type { Actor } from '../../access/actor';
import { centralOrProvinceScope } from '../../access/scope';
import type { Queryable } from '../../db/database';

/** The year's targets the actor may see: national ones and those of their provinces. */
export async function listTargets(db: Queryable, actor: Actor, year: number) {
  return db
    .selectFrom('model_target as t')
    .leftJoin('admin_unit as p', (join) => join.on('p.generation', '=', 2025).onRef('p.code', '=', 't.province_code'))
    .select(['t.model_type', 't.province_code', 'p.full_name as province_name', 't.target', 't.updated_at'])
    .where('t.year', '=', year)
    .where((eb) => centralOrProvinceScope(eb, 't.province_code', actor))
    .orderBy('t.province_code', (ob) => ob.nullsFirst())
    .orderBy('t.model_type')
    .execute();
}

export async function modelTypeCodes(db: Queryable): Promise<Set<string>> {
  return new Set((await db.selectFrom('model_type').select('code').execute()).map((r) => r.code));
}

export async function provinceCodes2025(db: Queryable): Promise<Set<string>> {
  const rows = await db
    .selectFrom('admin_unit')
    .select('code')
    .where('generation', '=', 2025)
    .where('level', '=', 'province')
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** Sets one target; null removes it. */
export async function putTarget(
  db: Queryable,
  t: { modelType: string; provinceCode: string | null; year: number; target: number | null },
  userId: number,
  now: Date,
): Promise<void> {
  await db
    .deleteFrom('model_target')
    .where('model_type', '=', t.modelType)
    .where('year', '=', t.year)
    .where((eb) =>
      t.provinceCode === null ? eb('province_code', 'is', null) : eb('province_code', '=', t.provinceCode),
    )
    .execute();
  if (t.target === null) return;
  await db
    .insertInto('model_target')
    .values({
      model_type: t.modelType,
      province_code: t.provinceCode,
      year: t.year,
      target: t.target,
      updated_by: userId,
      updated_at: now,
    })
    .execute();
}
