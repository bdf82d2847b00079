// All SQL for monitoring missions: the mission, its members, places, checklist answers and
// findings. Read scope: national actors see every mission; a provincial actor sees the missions
// that visit one of their provinces, and those with a recommendation addressed to them.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Actor } from '../../access/actor';
import { planScope, provinceIn } from '../../access/scope';
import type { Queryable } from '../../db/database';
import type { DB } from '../../db/schema';
import { foldVietnamese } from '../../../shared/text';
import { escapeLike } from '../../common/sql-text';
import { recommendationScope } from './recommendations.repo';
import { matchesAllWords, searchRank } from '../../common/search-text';
import { sortTerms, type SortValue } from '../../common/list-sort';

type MissionEb = ExpressionBuilder<DB & { m: DB['mission'] }, 'm'>;

export function missionScope(eb: MissionEb, actor: Actor) {
  if (actor.nationalScope) return eb.val(true);
  return eb.or([
    eb.exists(
      eb
        .selectFrom('mission_place as sp')
        .select('sp.mission_id')
        .whereRef('sp.mission_id', '=', 'm.mission_id')
        .where((e) => provinceIn(e, 'sp.province_code', actor.provinces)),
    ),
    eb.exists(
      eb
        .selectFrom('recommendation as sr')
        .select('sr.recommendation_id')
        .whereRef('sr.mission_id', '=', 'm.mission_id')
        .where((e) => recommendationScope(e as never, actor, 'sr')),
    ),
  ]);
}

export async function findMission(db: Queryable, actor: Actor, missionId: number, forUpdate = false) {
  let query = db
    .selectFrom('mission as m')
    .leftJoin('plan_activity as a', 'a.plan_activity_id', 'm.plan_activity_id')
    .leftJoin('plan as p', 'p.plan_id', 'a.plan_id')
    .leftJoin('app_user as cu', 'cu.user_id', 'm.created_by')
    .select([
      'm.mission_id',
      'm.title',
      'm.purpose',
      'm.lead_agency_id',
      'm.plan_activity_id',
      'm.checklist_template_id',
      'm.start_date',
      'm.end_date',
      'm.report_number',
      'm.report_place',
      'm.report_date',
      'm.conclusion',
      'm.recipients',
      'm.version',
      'm.record_id',
      'm.created_at',
      'm.updated_at',
      'a.title as activity_title',
      'a.section_number',
      'a.position as activity_position',
      'p.plan_id',
      'p.title as plan_title',
      'p.year as plan_year',
      'p.number as plan_number',
      'cu.display_name as created_by_name',
    ])
    .where('m.mission_id', '=', missionId)
    .where((eb) => missionScope(eb as never, actor));
  if (forUpdate) query = query.forUpdate('m');
  return query.executeTakeFirst();
}
export type MissionRow = NonNullable<Awaited<ReturnType<typeof findMission>>>;

export async function missionMembers(db: Queryable, missionIds: number[]) {
  if (missionIds.length === 0) return [];
  return db
    .selectFrom('mission_member')
    .select(['mission_id', 'name', 'title', 'agency_id', 'role', 'position'])
    .where('mission_id', 'in', missionIds)
    .orderBy('mission_id')
    .orderBy('position')
    .execute();
}

export async function missionPlaces(db: Queryable, missionIds: number[]) {
  if (missionIds.length === 0) return [];
  return db
    .selectFrom('mission_place as mp')
    .innerJoin('admin_unit as u', (join) =>
      join.onRef('u.generation', '=', 'mp.generation').onRef('u.code', '=', 'mp.code'),
    )
    .leftJoin('admin_unit as pr', (join) =>
      join.on('pr.generation', '=', 2025).onRef('pr.code', '=', 'mp.province_code').on('pr.level', '=', 'province'),
    )
    .select([
      'mp.mission_place_id',
      'mp.mission_id',
      'mp.generation',
      'mp.code',
      'mp.province_code',
      'mp.visit_date',
      'mp.position',
      'u.name',
      'u.full_name',
      'u.level',
      'pr.name as province_name',
      'pr.full_name as province_full_name',
    ])
    .where('mp.mission_id', 'in', missionIds)
    .orderBy('mp.mission_id')
    .orderBy('mp.position')
    .execute();
}
export type MissionPlaceRow = Awaited<ReturnType<typeof missionPlaces>>[number];

export async function missionAnswers(db: Queryable, placeIds: number[]) {
  if (placeIds.length === 0) return [];
  return db
    .selectFrom('mission_answer')
    .select(['mission_place_id', 'checklist_item_id', 'answer', 'note'])
    .where('mission_place_id', 'in', placeIds)
    .orderBy('mission_place_id')
    .orderBy('checklist_item_id')
    .execute();
}

export async function missionFindings(db: Queryable, missionId: number) {
  return db
    .selectFrom('mission_finding')
    .select(['mission_finding_id', 'mission_place_id', 'text'])
    .where('mission_id', '=', missionId)
    .orderBy('mission_finding_id')
    .execute();
}

export interface MissionFilter {
  q?: string;
  province?: string;
  plan?: number;
  year?: number;
  sort?: SortValue<'title' | 'start'>;
  limit: number;
  offset: number;
}

export async function listMissions(db: Queryable, actor: Actor, filter: MissionFilter, today: string) {
  let query = db.selectFrom('mission as m').where((eb) => missionScope(eb as never, actor));
  if (filter.province) {
    const province = filter.province;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('mission_place as fp')
          .select('fp.mission_id')
          .whereRef('fp.mission_id', '=', 'm.mission_id')
          .where('fp.province_code', '=', province),
      ),
    );
  }
  if (filter.plan) {
    const plan = filter.plan;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('plan_activity as fa')
          .select('fa.plan_activity_id')
          .whereRef('fa.plan_activity_id', '=', 'm.plan_activity_id')
          .where('fa.plan_id', '=', plan),
      ),
    );
  }
  if (filter.year) {
    query = query.where('m.start_date', '<=', `${filter.year}-12-31`).where('m.end_date', '>=', `${filter.year}-01-01`);
  }
  for (const word of foldVietnamese(filter.q ?? '')
    .split(' ')
    .filter(Boolean))
    query = query.where('m.search_text', 'like', `%${escapeLike(word)}%`);
  const rows = await query
    .select([
      'm.mission_id',
      'm.title',
      'm.lead_agency_id',
      'm.start_date',
      'm.end_date',
      (eb) =>
        eb
          .selectFrom('mission_finding as f')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('f.mission_id', '=', 'm.mission_id')
          .as('finding_count'),
      (eb) =>
        eb
          .selectFrom('recommendation as r')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('r.mission_id', '=', 'm.mission_id')
          .as('recommendation_count'),
      (eb) =>
        eb
          .selectFrom('recommendation as r')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('r.mission_id', '=', 'm.mission_id')
          .where('r.status', '<>', 'done')
          .as('open_count'),
      (eb) =>
        eb
          .selectFrom('recommendation as r')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('r.mission_id', '=', 'm.mission_id')
          .where('r.status', '<>', 'done')
          .where('r.due_date', '<', today)
          .as('overdue_count'),
    ])
    .$call((q) => {
      const sorted = sortTerms(filter.sort, { title: 'm.title', start: 'm.start_date' }, 'm.mission_id');
      return sorted
        ? sorted.reduce((acc, term) => acc.orderBy(term), q)
        : q.orderBy('m.start_date', 'desc').orderBy('m.mission_id', 'desc');
    })
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export interface MissionValues {
  title: string;
  purpose: string;
  lead_agency_id: number;
  plan_activity_id: number | null;
  checklist_template_id: number | null;
  start_date: string;
  end_date: string;
  report_number: string;
  report_place: string;
  report_date: string | null;
  conclusion: string;
  recipients: string[];
}

const searchText = (v: MissionValues, extra: string[]) => foldVietnamese([v.title, v.purpose, ...extra].join(' '));

export async function insertMission(
  db: Queryable,
  v: MissionValues,
  extraSearch: string[],
  userId: number,
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('mission')
    .values({ ...v, search_text: searchText(v, extraSearch), created_by: userId, created_at: now, updated_at: now })
    .returning('mission_id')
    .executeTakeFirstOrThrow();
  return row.mission_id;
}

/** Optimistic update: false when the version moved on. */
export async function updateMission(
  db: Queryable,
  missionId: number,
  version: number,
  v: MissionValues,
  extraSearch: string[],
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('mission')
    .set({ ...v, search_text: searchText(v, extraSearch), updated_at: now, version: sql`version + 1` })
    .where('mission_id', '=', missionId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Any change below the mission (answers, findings, recommendations) moves its version on. */
export async function touchMission(db: Queryable, missionId: number, now: Date): Promise<void> {
  await db
    .updateTable('mission')
    .set({ updated_at: now, version: sql`version + 1` })
    .where('mission_id', '=', missionId)
    .execute();
}

export interface MemberValues {
  name: string;
  title: string;
  agency_id: number;
  role: 'head' | 'deputy' | 'member' | 'secretary';
}

export async function replaceMembers(db: Queryable, missionId: number, members: MemberValues[]): Promise<void> {
  await db.deleteFrom('mission_member').where('mission_id', '=', missionId).execute();
  if (members.length)
    await db
      .insertInto('mission_member')
      .values(members.map((m, i) => ({ ...m, mission_id: missionId, position: i })))
      .execute();
}

export interface PlaceValues {
  generation: number;
  code: string;
  province_code: string;
  visit_date: string | null;
}

/**
 * Places keep their id (and so their checklist answers and findings) when they stay on the list;
 * removed ones go with their answers; new ones are added.
 */
export async function syncPlaces(db: Queryable, missionId: number, places: PlaceValues[]): Promise<void> {
  const existing = await db
    .selectFrom('mission_place')
    .select(['mission_place_id', 'generation', 'code'])
    .where('mission_id', '=', missionId)
    .orderBy('mission_place_id')
    .execute();
  const key = (p: { generation: number; code: string }) => `${p.generation}:${p.code}`;
  const wanted = new Map(places.map((p, i) => [key(p), { ...p, position: i }]));
  const gone = existing.filter((e) => !wanted.has(key(e))).map((e) => e.mission_place_id);
  if (gone.length) await db.deleteFrom('mission_place').where('mission_place_id', 'in', gone).execute();
  const kept = new Map(existing.map((e) => [key(e), e.mission_place_id]));
  for (const [k, place] of wanted) {
    const id = kept.get(k);
    if (id !== undefined) {
      await db
        .updateTable('mission_place')
        .set({ position: place.position, visit_date: place.visit_date, province_code: place.province_code })
        .where('mission_place_id', '=', id)
        .execute();
    } else {
      await db
        .insertInto('mission_place')
        .values({ ...place, mission_id: missionId })
        .execute();
    }
  }
}

export async function findMissionPlace(db: Queryable, missionId: number, placeId: number) {
  return db
    .selectFrom('mission_place')
    .select(['mission_place_id', 'province_code'])
    .where('mission_id', '=', missionId)
    .where('mission_place_id', '=', placeId)
    .executeTakeFirst();
}

export async function replaceAnswers(
  db: Queryable,
  placeId: number,
  answers: { itemId: number; answer: 'yes' | 'partly' | 'no' | 'na'; note: string }[],
): Promise<void> {
  await db.deleteFrom('mission_answer').where('mission_place_id', '=', placeId).execute();
  if (answers.length)
    await db
      .insertInto('mission_answer')
      .values(
        answers.map((a) => ({
          mission_place_id: placeId,
          checklist_item_id: a.itemId,
          answer: a.answer,
          note: a.note,
        })),
      )
      .execute();
}

/** Answers to items of another template are dropped when the mission changes template. */
export async function dropAnswersOutside(db: Queryable, missionId: number, templateId: number | null): Promise<void> {
  await db
    .deleteFrom('mission_answer')
    .where('mission_place_id', 'in', (eb) =>
      eb.selectFrom('mission_place').select('mission_place_id').where('mission_id', '=', missionId),
    )
    .where((eb) =>
      templateId === null
        ? eb.val(true)
        : eb(
            'checklist_item_id',
            'not in',
            eb.selectFrom('checklist_item').select('checklist_item_id').where('checklist_template_id', '=', templateId),
          ),
    )
    .execute();
}

export async function insertFinding(
  db: Queryable,
  f: { missionId: number; placeId: number | null; text: string; userId: number; now: Date },
): Promise<number> {
  const row = await db
    .insertInto('mission_finding')
    .values({
      mission_id: f.missionId,
      mission_place_id: f.placeId,
      text: f.text,
      created_by: f.userId,
      created_at: f.now,
    })
    .returning('mission_finding_id')
    .executeTakeFirstOrThrow();
  return row.mission_finding_id;
}

export async function findFinding(db: Queryable, missionId: number, findingId: number) {
  return db
    .selectFrom('mission_finding')
    .select(['mission_finding_id', 'mission_place_id', 'text'])
    .where('mission_id', '=', missionId)
    .where('mission_finding_id', '=', findingId)
    .executeTakeFirst();
}

export async function updateFinding(
  db: Queryable,
  findingId: number,
  v: { placeId: number | null; text: string },
): Promise<void> {
  await db
    .updateTable('mission_finding')
    .set({ mission_place_id: v.placeId, text: v.text })
    .where('mission_finding_id', '=', findingId)
    .execute();
}

export async function deleteFinding(db: Queryable, findingId: number): Promise<void> {
  await db.deleteFrom('mission_finding').where('mission_finding_id', '=', findingId).execute();
}

/** An activity (not removed) of a plan the actor can see, with what a mission shows of it. */
export async function findActivity(db: Queryable, actor: Actor, activityId: number) {
  let query = db
    .selectFrom('plan_activity as a')
    .innerJoin('plan as p', 'p.plan_id', 'a.plan_id')
    .select(['a.plan_activity_id', 'p.kind', 'p.province_code'])
    .where('a.plan_activity_id', '=', activityId)
    .where('a.removed', '=', false);
  query = query.where((eb) => planScope(eb, 'p.kind', 'p.province_code', actor));
  return query.executeTakeFirst();
}

/** What a held mission's implementation record is built from: the mission, its plan and lead agency. */
export async function recordSource(db: Queryable, missionId: number) {
  return db
    .selectFrom('mission as m')
    .innerJoin('agency as g', 'g.agency_id', 'm.lead_agency_id')
    .leftJoin('plan_activity as a', 'a.plan_activity_id', 'm.plan_activity_id')
    .leftJoin('plan as p', 'p.plan_id', 'a.plan_id')
    .select([
      'm.mission_id',
      'm.title',
      'm.purpose',
      'm.conclusion',
      'm.lead_agency_id',
      'm.plan_activity_id',
      'm.start_date',
      'm.end_date',
      'm.report_number',
      'm.report_date',
      'm.record_id',
      'p.kind as plan_kind',
      'p.province_code as plan_province_code',
      'g.level as agency_level',
      'g.generation as agency_generation',
      'g.province_code as agency_province_code',
    ])
    .where('m.mission_id', '=', missionId)
    .executeTakeFirstOrThrow();
}
export type RecordSourceRow = Awaited<ReturnType<typeof recordSource>>;

/** The record, unless deleted: whoever edits the mission keeps its record, whatever their scope. */
export async function setRecord(db: Queryable, missionId: number, recordId: number | null): Promise<void> {
  await db.updateTable('mission').set({ record_id: recordId }).where('mission_id', '=', missionId).execute();
}

/** Search everywhere: the missions in scope whose text holds every word, best first. */
export async function searchMissions(db: Queryable, actor: Actor, words: readonly string[], limit: number) {
  return db
    .selectFrom('mission as m')
    .where((eb) => missionScope(eb as never, actor))
    .where(matchesAllWords('m.search_text', words))
    .select([
      'm.mission_id as id',
      'm.title',
      'm.start_date',
      'm.end_date',
      'm.report_number',
      searchRank('m.search_text', words).as('rank'),
    ])
    .orderBy(sql`rank`, 'desc')
    .orderBy('m.mission_id', 'desc')
    .limit(limit)
    .execute();
}
