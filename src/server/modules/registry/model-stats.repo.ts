// SQL for registry statistics: the models active on a date (from the dated status history), with
// current members by sex and, for the 2024 geography, the old provinces each one lies in.
import { sql } from 'kysely';
import type { Actor } from '../../access/actor';
import { provinceScope } from '../../access/scope';
import type { Queryable } from '../../db/database';

export interface ActiveModelRow {
  community_model_id: number;
  model_type: string;
  province_code: string;
  female: number;
  male: number;
  /** 2024 provinces the model's commune lies in (several when a new commune spans old provinces). */
  old_provinces: string[] | null;
}

/** Status on `date`: the latest history entry effective on or before it. */
const statusOn = (date: string) => sql<string | null>`(SELECT h.status FROM model_status_history h
  WHERE h.community_model_id = m.community_model_id AND h.effective_on <= ${date}::date
  ORDER BY h.effective_on DESC, h.model_status_history_id DESC LIMIT 1)`;

const memberSum = (sex: 'female' | 'male') =>
  sql<number>`coalesce((SELECT sum(mm.count) FROM model_member mm
    WHERE mm.community_model_id = m.community_model_id AND mm.sex = ${sex}), 0)::int`;

// A 2024 commune gives its province directly; a 2025 commune goes back through the commune
// lineage, and failing that through the province lineage.
const oldProvinces = sql<string[]>`CASE WHEN m.commune_generation = 2024 THEN
    (SELECT ARRAY[u.province_code] FROM admin_unit u WHERE u.generation = 2024 AND u.code = m.commune_code)
  ELSE coalesce(
    (SELECT array_agg(DISTINCT ou.province_code ORDER BY ou.province_code)
       FROM admin_unit_lineage l
       JOIN admin_unit ou ON ou.generation = 2024 AND ou.code = l.old_code
      WHERE l.level = 'commune' AND l.new_code = m.commune_code),
    (SELECT array_agg(pl.old_code ORDER BY pl.old_code)
       FROM admin_unit_lineage pl WHERE pl.level = 'province' AND pl.new_code = m.province_code))
  END`;

export async function activeModelsOn(
  db: Queryable,
  actor: Actor,
  options: { date: string; type?: string; withOldProvinces: boolean },
): Promise<ActiveModelRow[]> {
  let query = db
    .selectFrom('community_model as m')
    .where((eb) => provinceScope(eb, 'm.province_code', actor))
    .where(sql<boolean>`${statusOn(options.date)} = 'active'`);
  if (options.type) query = query.where('m.model_type', '=', options.type);
  const rows = await query
    .select([
      'm.community_model_id',
      'm.model_type',
      'm.province_code',
      memberSum('female').as('female'),
      memberSum('male').as('male'),
      (options.withOldProvinces ? oldProvinces : sql<string[] | null>`NULL`).as('old_provinces'),
    ])
    .orderBy('m.community_model_id')
    .execute();
  return rows;
}

/** Provinces of a generation with, for 2024 ones, their 2025 successors and lineage kind. */
export async function provincesOf(db: Queryable, generation: 2024 | 2025) {
  return db
    .selectFrom('admin_unit as p')
    .select((eb) => [
      'p.code',
      'p.full_name',
      generation === 2025
        ? sql<string[]>`ARRAY[p.code]`.as('successors')
        : eb.fn
            .coalesce(
              eb
                .selectFrom('admin_unit_lineage as l')
                .select(sql<string[]>`array_agg(l.new_code ORDER BY l.new_code)`.as('codes'))
                .where('l.level', '=', 'province')
                .whereRef('l.old_code', '=', 'p.code'),
              sql<string[]>`'{}'::text[]`,
            )
            .as('successors'),
      generation === 2025
        ? sql<boolean>`false`.as('split')
        : eb
            .exists(
              eb
                .selectFrom('admin_unit_lineage as ls')
                .select('ls.old_code')
                .where('ls.level', '=', 'province')
                .where('ls.kind', '=', 'partial')
                .whereRef('ls.old_code', '=', 'p.code'),
            )
            .as('split'),
    ])
    .where('p.generation', '=', generation)
    .where('p.level', '=', 'province')
    .orderBy('p.code')
    .execute();
}

export async function modelTypes(db: Queryable, type?: string) {
  let query = db.selectFrom('model_type').select(['code', 'name']);
  if (type) query = query.where('code', '=', type);
  return query.orderBy('position').execute();
}
