// All SQL for recommendations and their follow-up trail (evidence files are in common/files).
// Read scope: national actors see all; others see those addressed to their agency (or an agency
// under it), to one of their provinces, or to an agency of one of their provinces.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../access/actor';
import { agencyIn, provinceIn } from '../../access/scope';
import type { Queryable } from '../../db/database';
import type { DB } from '../../db/schema';
import type { FollowUpStatus } from './mission.policy';

type RecEb = ExpressionBuilder<DB & { r: DB['recommendation'] }, 'r'>;

export function recommendationScope(eb: RecEb, actor: Actor, alias = 'r'): Expression<SqlBool> {
  if (actor.nationalScope) return sql<SqlBool>`true`;
  return eb.or([
    provinceIn(eb, `${alias}.scope_province_code` as 'r.scope_province_code', actor.provinces),
    agencyIn(eb, `${alias}.addressee_agency_id` as 'r.addressee_agency_id', actor.agencyIds),
  ]);
}

const columns = [
  'r.recommendation_id',
  'r.mission_id',
  'r.mission_finding_id',
  'r.text',
  'r.addressee_agency_id',
  'r.addressee_province_code',
  'r.scope_province_code',
  'r.due_date',
  'r.status',
  'r.evidence',
  'r.closed_on',
  'r.version',
  'r.updated_at',
  'm.title as mission_title',
  'm.start_date as mission_start',
  'm.end_date as mission_end',
  'm.lead_agency_id as mission_lead_agency_id',
  'pr.full_name as addressee_province_name',
] as const;

function base(db: Queryable) {
  return db
    .selectFrom('recommendation as r')
    .innerJoin('mission as m', 'm.mission_id', 'r.mission_id')
    .leftJoin('admin_unit as pr', (join) =>
      join
        .on('pr.generation', '=', 2025)
        .onRef('pr.code', '=', 'r.addressee_province_code')
        .on('pr.level', '=', 'province'),
    );
}

/**
 * A recommendation the actor can see. `viaMission`: also those of a mission the actor sees in full
 * (its editors see every recommendation of the mission, whoever they are addressed to).
 */
export async function findRecommendation(
  db: Queryable,
  actor: Actor,
  recommendationId: number,
  options: { forUpdate?: boolean; visibleMissionIds?: number[] } = {},
) {
  let query = base(db)
    .select([...columns])
    .where('r.recommendation_id', '=', recommendationId);
  const missions = options.visibleMissionIds ?? [];
  query = query.where((eb) =>
    missions.length
      ? eb.or([recommendationScope(eb as never, actor), eb('r.mission_id', 'in', missions)])
      : recommendationScope(eb as never, actor),
  );
  if (options.forUpdate) query = query.forUpdate('r');
  return query.executeTakeFirst();
}
export type RecommendationRow = NonNullable<Awaited<ReturnType<typeof findRecommendation>>>;

/** Every recommendation of one mission (the caller has already checked the mission's scope). */
export async function missionRecommendations(db: Queryable, missionId: number) {
  return base(db)
    .select([...columns])
    .where('r.mission_id', '=', missionId)
    .orderBy('r.recommendation_id')
    .execute();
}

export interface RecommendationFilter {
  status?: FollowUpStatus | 'overdue' | 'not_done';
  mission?: number;
  agency?: number;
  province?: string;
  /** Only those addressed to this agency, or to one of these provinces. */
  addressedTo?: { agencyId: number; provinces: string[] };
  limit: number;
  offset: number;
}

function filtered(db: Queryable, actor: Actor, filter: RecommendationFilter, today: string) {
  let query = base(db).where((eb) => recommendationScope(eb as never, actor));
  if (filter.mission) query = query.where('r.mission_id', '=', filter.mission);
  if (filter.agency) query = query.where('r.addressee_agency_id', '=', filter.agency);
  if (filter.province) query = query.where('r.scope_province_code', '=', filter.province);
  if (filter.status === 'overdue') query = query.where('r.status', '<>', 'done').where('r.due_date', '<', today);
  else if (filter.status === 'not_done') query = query.where('r.status', '<>', 'done');
  else if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.addressedTo) {
    const { agencyId, provinces } = filter.addressedTo;
    query = query.where((eb) =>
      eb.or([eb('r.addressee_agency_id', '=', agencyId), provinceIn(eb, 'r.addressee_province_code', provinces)]),
    );
  }
  return query;
}

export async function listRecommendations(db: Queryable, actor: Actor, filter: RecommendationFilter, today: string) {
  const query = filtered(db, actor, filter, today);
  const rows = await query
    .select([...columns])
    // Overdue first, then by due date: what needs attention is on top.
    .orderBy(
      sql`CASE WHEN r.status <> 'done' AND r.due_date < ${today}::date THEN 0 WHEN r.status <> 'done' THEN 1 ELSE 2 END`,
    )
    .orderBy('r.due_date')
    .orderBy('r.recommendation_id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const groups = await query
    .select([
      'r.addressee_agency_id',
      'r.addressee_province_code',
      'pr.full_name as addressee_province_name',
      (eb) => eb.fn.countAll<string>().as('total'),
      sql<string>`count(*) FILTER (WHERE r.status <> 'done')`.as('open'),
      sql<string>`count(*) FILTER (WHERE r.status <> 'done' AND r.due_date < ${today}::date)`.as('overdue'),
    ])
    .groupBy(['r.addressee_agency_id', 'r.addressee_province_code', 'pr.full_name'])
    .orderBy('r.addressee_province_code')
    .orderBy('r.addressee_agency_id')
    .execute();
  const total = groups.reduce((sum, g) => sum + Number(g.total), 0);
  return { rows, total, groups };
}

export interface RecommendationValues {
  mission_finding_id: number | null;
  text: string;
  addressee_agency_id: number | null;
  addressee_province_code: string | null;
  scope_province_code: string | null;
  due_date: string;
}

export async function insertRecommendation(
  db: Queryable,
  missionId: number,
  v: RecommendationValues,
  userId: number,
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('recommendation')
    .values({ ...v, mission_id: missionId, created_by: userId, created_at: now, updated_at: now })
    .returning('recommendation_id')
    .executeTakeFirstOrThrow();
  return row.recommendation_id;
}

export async function updateRecommendation(
  db: Queryable,
  recommendationId: number,
  version: number,
  v: RecommendationValues,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('recommendation')
    .set({ ...v, updated_at: now, version: sql`version + 1` })
    .where('recommendation_id', '=', recommendationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setFollowUp(
  db: Queryable,
  recommendationId: number,
  version: number,
  v: { status: FollowUpStatus; evidence: string; closedOn: string | null },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('recommendation')
    .set({ status: v.status, evidence: v.evidence, closed_on: v.closedOn, updated_at: now, version: sql`version + 1` })
    .where('recommendation_id', '=', recommendationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertFollowUp(
  db: Queryable,
  u: { recommendationId: number; status: FollowUpStatus; evidence: string; userId: number; now: Date },
): Promise<void> {
  await db
    .insertInto('recommendation_update')
    .values({
      recommendation_id: u.recommendationId,
      status: u.status,
      evidence: u.evidence,
      created_by: u.userId,
      created_at: u.now,
    })
    .execute();
}

export async function deleteRecommendation(db: Queryable, recommendationId: number): Promise<void> {
  await db.deleteFrom('recommendation').where('recommendation_id', '=', recommendationId).execute();
}

export async function followUps(db: Queryable, recommendationIds: number[]) {
  if (recommendationIds.length === 0) return [];
  return db
    .selectFrom('recommendation_update as u')
    .leftJoin('app_user as cu', 'cu.user_id', 'u.created_by')
    .select(['u.recommendation_id', 'u.status', 'u.evidence', 'u.created_at', 'cu.display_name'])
    .where('u.recommendation_id', 'in', recommendationIds)
    .orderBy('u.recommendation_id')
    .orderBy('u.created_at')
    .orderBy('u.recommendation_update_id')
    .execute();
}

/** The agency as an addressee: it must exist; its 2025 province (if provincial) scopes it. */
export async function addresseeAgency(db: Queryable, agencyId: number) {
  return db
    .selectFrom('agency')
    .select(['agency_id', 'level', 'generation', 'province_code'])
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
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

/** The mission of a recommendation, whoever may see it (the caller checks the mission's scope). */
export async function missionOf(db: Queryable, recommendationId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('recommendation')
    .select('mission_id')
    .where('recommendation_id', '=', recommendationId)
    .executeTakeFirst();
  return row?.mission_id;
}
