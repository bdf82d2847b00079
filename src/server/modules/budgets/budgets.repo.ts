// All SQL for budgets. Planned amounts are budget lines; spending is the costs on implementation
// records (never copied). Both are summed in SQL as numeric and travel as text: exact to the đồng.
// An activity of a provincial plan derived from a central one counts under the central activity
// when the central plan is among those chosen, so the central plan shows the whole country.
// Scope: lines and records of the actor's provinces, plus the central level (no province).
import { sql } from 'kysely';
import type { Actor } from '../../access/actor';
import { centralOrProvinceScope, planScope } from '../../access/scope';
import type { Queryable } from '../../db/database';

export interface Selection {
  plan?: number;
  year?: number;
  /** A province, or null for the central level only; undefined for all. */
  province?: string | null;
}

/** The chosen activities: of one plan, or of every plan of a year, that the actor can see. */
function chosen(db: Queryable, actor: Actor, s: Selection) {
  let query = db
    .selectFrom('plan_activity as sa')
    .innerJoin('plan as sp', 'sp.plan_id', 'sa.plan_id')
    .select('sa.plan_activity_id')
    .where('sa.removed', '=', false);
  if (s.plan) query = query.where('sa.plan_id', '=', s.plan);
  if (s.year) query = query.where('sp.year', '=', s.year);
  query = query.where((eb) => planScope(eb, 'sp.kind', 'sp.province_code', actor));
  return query;
}

/** The activity a row counts under: its central activity when that one is chosen, else itself. */
const keyOf = (ids: string) =>
  sql<number>`CASE WHEN a.central_activity_id IN (${sql.raw(ids)}) THEN a.central_activity_id ELSE a.plan_activity_id END`;

async function chosenIds(db: Queryable, actor: Actor, s: Selection): Promise<number[]> {
  const rows = await chosen(db, actor, s).orderBy('sa.plan_activity_id').execute();
  return rows.map((r) => r.plan_activity_id);
}

export interface AmountRow {
  activity_id: number;
  province_code: string | null;
  funding_source_code: string;
  amount: string;
}

export async function plannedAndSpent(db: Queryable, actor: Actor, s: Selection) {
  const ids = await chosenIds(db, actor, s);
  if (ids.length === 0) return { ids, planned: [] as AmountRow[], spent: [] as AmountRow[], recordCount: 0 };
  const list = ids.join(',');
  let planned = db
    .selectFrom('budget_line as b')
    .innerJoin('plan_activity as a', 'a.plan_activity_id', 'b.plan_activity_id')
    .where((eb) => eb.or([eb('a.plan_activity_id', 'in', ids), eb('a.central_activity_id', 'in', ids)]))
    .where('a.removed', '=', false);
  planned = planned.where((eb) => centralOrProvinceScope(eb, 'b.province_code', actor));
  if (s.province === null) planned = planned.where('b.province_code', 'is', null);
  else if (s.province) planned = planned.where('b.province_code', '=', s.province);
  const plannedRows = await planned
    .select([
      keyOf(list).as('activity_id'),
      'b.province_code',
      'b.funding_source_code',
      sql<string>`sum(b.amount)::text`.as('amount'),
    ])
    .groupBy([sql`1`, 'b.province_code', 'b.funding_source_code'])
    .orderBy(sql`1`)
    .orderBy('b.province_code')
    .orderBy('b.funding_source_code')
    .execute();

  let records = db
    .selectFrom('implementation_record as r')
    .innerJoin('plan_activity as a', 'a.plan_activity_id', 'r.plan_activity_id')
    .where('r.deleted_at', 'is', null)
    .where((eb) => centralOrProvinceScope(eb, 'r.province_code', actor))
    .where((eb) => eb.or([eb('a.plan_activity_id', 'in', ids), eb('a.central_activity_id', 'in', ids)]));
  if (s.province === null) records = records.where('r.province_code', 'is', null);
  else if (s.province) records = records.where('r.province_code', '=', s.province);
  const spentRows = await records
    .innerJoin('record_cost as c', 'c.record_id', 'r.record_id')
    .select([
      keyOf(list).as('activity_id'),
      'r.province_code',
      'c.funding_source_code',
      sql<string>`sum(c.amount)::text`.as('amount'),
    ])
    .groupBy([sql`1`, 'r.province_code', 'c.funding_source_code'])
    .orderBy(sql`1`)
    .orderBy('r.province_code')
    .orderBy('c.funding_source_code')
    .execute();
  const count = await records
    .where((eb) =>
      eb.exists(eb.selectFrom('record_cost as k').select('k.record_id').whereRef('k.record_id', '=', 'r.record_id')),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { ids, planned: plannedRows as AmountRow[], spent: spentRows as AmountRow[], recordCount: Number(count.n) };
}

export async function activityInfo(db: Queryable, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('plan_activity as a')
    .innerJoin('plan as p', 'p.plan_id', 'a.plan_id')
    .select([
      'a.plan_activity_id',
      'a.plan_id',
      'a.title',
      'a.section_number',
      'a.section_title',
      'a.position',
      'p.kind as plan_kind',
      'p.province_code as plan_province_code',
      'p.year as plan_year',
    ])
    .where('a.plan_activity_id', 'in', ids)
    .orderBy('p.year')
    .orderBy('p.kind')
    .orderBy('p.plan_id')
    .orderBy(sql`length(a.section_number)`)
    .orderBy('a.section_number')
    .orderBy('a.position')
    .orderBy('a.plan_activity_id')
    .execute();
}
export type ActivityInfo = Awaited<ReturnType<typeof activityInfo>>[number];

/** The plan's own activities (not removed), if the actor can see the plan. */
export async function planActivities(db: Queryable, actor: Actor, planId: number) {
  const ids = await chosenIds(db, actor, { plan: planId });
  return activityInfo(db, ids);
}

export async function planOf(db: Queryable, actor: Actor, planId: number) {
  let query = db
    .selectFrom('plan as p')
    .select(['p.plan_id', 'p.kind', 'p.province_code', 'p.number', 'p.title'])
    .where('p.plan_id', '=', planId);
  query = query.where((eb) => planScope(eb, 'p.kind', 'p.province_code', actor));
  return query.executeTakeFirst();
}

export async function linesOf(db: Queryable, activityIds: number[], provinceCode: string | null) {
  if (activityIds.length === 0) return [];
  let query = db
    .selectFrom('budget_line')
    .select(['plan_activity_id', 'funding_source_code', sql<string>`amount::text`.as('amount')])
    .where('plan_activity_id', 'in', activityIds);
  query =
    provinceCode === null ? query.where('province_code', 'is', null) : query.where('province_code', '=', provinceCode);
  return query.orderBy('plan_activity_id').orderBy('funding_source_code').execute();
}

/** Replaces the amounts of one cell (activity × province); zero amounts are not kept. */
export async function replaceCell(
  db: Queryable,
  cell: { activityId: number; provinceCode: string | null; amounts: { code: string; amount: string }[] },
  userId: number,
  now: Date,
): Promise<void> {
  let removal = db.deleteFrom('budget_line').where('plan_activity_id', '=', cell.activityId);
  removal =
    cell.provinceCode === null
      ? removal.where('province_code', 'is', null)
      : removal.where('province_code', '=', cell.provinceCode);
  await removal.execute();
  const kept = cell.amounts.filter((a) => a.amount !== '0');
  if (kept.length)
    await db
      .insertInto('budget_line')
      .values(
        kept.map((a) => ({
          plan_activity_id: cell.activityId,
          province_code: cell.provinceCode,
          funding_source_code: a.code,
          amount: a.amount,
          updated_by: userId,
          updated_at: now,
        })),
      )
      .execute();
}

/**
 * The agencies a budget cell (activity × province, null = central) belongs to, by activity: the
 * activity's lead agency (without one, the plan's issuers) and, for a province's cell, their
 * branches in that province (the provincial union under the central union that leads it).
 */
export async function cellOwners(
  db: Queryable,
  activityIds: number[],
  provinceCode: string | null,
): Promise<Map<number, number[]>> {
  const owners = new Map<number, number[]>(activityIds.map((id) => [id, []]));
  if (activityIds.length === 0) return owners;
  const leads = await db
    .selectFrom('plan_activity as a')
    .leftJoin('plan_issuer as i', (join) =>
      join.onRef('i.plan_id', '=', 'a.plan_id').on('a.lead_agency_id', 'is', null),
    )
    .select(['a.plan_activity_id', sql<number | null>`coalesce(a.lead_agency_id, i.agency_id)`.as('agency_id')])
    .where('a.plan_activity_id', 'in', activityIds)
    .execute();
  const heads = [...new Set(leads.flatMap((l) => (l.agency_id === null ? [] : [l.agency_id])))];
  const branches =
    provinceCode === null || heads.length === 0
      ? []
      : await db
          .selectFrom('agency')
          .select(['agency_id', 'parent_agency_id'])
          .where('parent_agency_id', 'in', heads)
          .where('generation', '=', 2025)
          .where('province_code', '=', provinceCode)
          .execute();
  for (const l of leads) {
    if (l.agency_id === null) continue;
    const ids = owners.get(l.plan_activity_id)!;
    ids.push(l.agency_id);
    for (const b of branches) if (b.parent_agency_id === l.agency_id) ids.push(b.agency_id);
  }
  return owners;
}

export async function provinceExists(db: Queryable, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('admin_unit')
    .select('code')
    .where('generation', '=', 2025)
    .where('level', '=', 'province')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}
