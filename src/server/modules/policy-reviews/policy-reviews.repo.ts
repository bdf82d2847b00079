// All SQL for the policy-review register. Read scope: national actors see every entry; others the
// entries of their provinces (the receiving agency's province) and of their own agencies.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Actor } from '../../access/actor';
import { agencyIn, provinceIn } from '../../access/scope';
import type { Queryable } from '../../db/database';
import type { DB, PolicyReviewTable } from '../../db/schema';
import { foldVietnamese } from '../../../shared/text';
import { escapeLike } from '../../common/sql-text';
import { matchesAllWords, searchRank } from '../../common/search-text';
import { sortTerms, type SortValue } from '../../common/list-sort';
import type { REVIEW_SORT_KEYS } from './policy-reviews.schemas';

type ReviewEb = ExpressionBuilder<DB & { v: DB['policy_review'] }, 'v'>;

export function reviewScope(eb: ReviewEb, actor: Actor) {
  if (actor.nationalScope) return eb.val(true);
  return eb.or([provinceIn(eb, 'v.province_code', actor.provinces), agencyIn(eb, 'v.agency_id', actor.agencyIds)]);
}

function base(db: Queryable, actor: Actor) {
  return db
    .selectFrom('policy_review as v')
    .innerJoin('plan_activity as a', 'a.plan_activity_id', 'v.plan_activity_id')
    .innerJoin('plan as p', 'p.plan_id', 'a.plan_id')
    .leftJoin('app_user as u', 'u.user_id', 'v.assignee_user_id')
    .leftJoin('stored_file as f', 'f.policy_review_id', 'v.policy_review_id')
    .where((eb) => reviewScope(eb as never, actor));
}

const columns = [
  'v.policy_review_id',
  'v.title',
  'v.kind',
  'v.review_type',
  'v.requesting_agency',
  'v.request_number',
  'v.received_on',
  'v.deadline',
  'v.plan_activity_id',
  'v.agency_id',
  'v.province_code',
  'v.assignee_user_id',
  'v.response_text',
  'v.sent_on',
  'v.record_id',
  // The response file (one at most), kept by the file store.
  'f.file_name',
  'f.mime_type as file_mime_type',
  'f.size_bytes as file_size_bytes',
  'f.sha256 as file_sha256',
  'v.version',
  'v.updated_at',
  'a.title as activity_title',
  'a.section_number',
  'a.position as activity_position',
  'p.plan_id',
  'p.title as plan_title',
  'u.display_name as assignee_name',
] as const;

export async function findReview(db: Queryable, actor: Actor, reviewId: number, forUpdate = false) {
  let query = base(db, actor)
    .select([...columns])
    .where('v.policy_review_id', '=', reviewId);
  if (forUpdate) query = query.forUpdate('v');
  return query.executeTakeFirst();
}
export type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;

export interface ReviewFilter {
  q?: string;
  state?: 'pending' | 'late' | 'sent' | 'sent_late' | 'open';
  kind?: string;
  reviewType?: string;
  year?: number;
  plan?: number;
  province?: string;
  assignee?: number;
  sort?: SortValue<(typeof REVIEW_SORT_KEYS)[number]>;
  limit: number;
  offset: number;
}

const SENT = sql<boolean>`v.sent_on IS NOT NULL`;

export async function listReviews(db: Queryable, actor: Actor, filter: ReviewFilter, today: string) {
  let query = base(db, actor);
  if (filter.kind) query = query.where('v.kind', '=', filter.kind as PolicyReviewTable['kind']);
  if (filter.reviewType)
    query = query.where('v.review_type', '=', filter.reviewType as PolicyReviewTable['review_type']);
  if (filter.year)
    query = query
      .where('v.received_on', '>=', `${filter.year}-01-01`)
      .where('v.received_on', '<=', `${filter.year}-12-31`);
  if (filter.plan) query = query.where('a.plan_id', '=', filter.plan);
  if (filter.province) query = query.where('v.province_code', '=', filter.province);
  if (filter.assignee) query = query.where('v.assignee_user_id', '=', filter.assignee);
  if (filter.state === 'open') query = query.where('v.sent_on', 'is', null);
  if (filter.state === 'pending') query = query.where('v.sent_on', 'is', null).where('v.deadline', '>=', today);
  if (filter.state === 'late') query = query.where('v.sent_on', 'is', null).where('v.deadline', '<', today);
  if (filter.state === 'sent')
    query = query.where('v.sent_on', 'is not', null).whereRef('v.sent_on', '<=', 'v.deadline');
  if (filter.state === 'sent_late')
    query = query.where('v.sent_on', 'is not', null).whereRef('v.sent_on', '>', 'v.deadline');
  for (const word of foldVietnamese(filter.q ?? '')
    .split(' ')
    .filter(Boolean))
    query = query.where('v.search_text', 'like', `%${escapeLike(word)}%`);
  const sorted = sortTerms(
    filter.sort,
    { title: 'v.title', received: 'v.received_on', deadline: 'v.deadline', sent: 'v.sent_on' },
    'v.policy_review_id',
  );
  const rows = await (
    sorted
      ? sorted.reduce((q, term) => q.orderBy(term), query.select([...columns]))
      : query
          .select([...columns])
          // Open entries by nearest deadline first (late ones on top), then what was sent, newest first.
          .orderBy(sql`CASE WHEN ${SENT} THEN 1 ELSE 0 END`)
          .orderBy(sql`CASE WHEN ${SENT} THEN NULL ELSE v.deadline END`)
          .orderBy('v.sent_on', 'desc')
          .orderBy('v.policy_review_id', 'desc')
  )
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const summary = await query
    .select([
      (eb) => eb.fn.countAll<string>().as('total'),
      sql<string>`count(*) FILTER (WHERE v.sent_on IS NOT NULL AND v.sent_on <= v.deadline)`.as('sent'),
      sql<string>`count(*) FILTER (WHERE v.sent_on > v.deadline)`.as('sent_late'),
      sql<string>`count(*) FILTER (WHERE v.sent_on IS NULL AND v.deadline >= ${today}::date)`.as('pending'),
      sql<string>`count(*) FILTER (WHERE v.sent_on IS NULL AND v.deadline < ${today}::date)`.as('late'),
    ])
    .executeTakeFirstOrThrow();
  return { rows, summary };
}

/**
 * How many responses were sent (received in `year` when given), in the actor's scope: the figure
 * behind the "policy documents commented" indicator (GS02), which counts them live through the
 * implementation records the responses create.
 */
export async function countResponsesSent(db: Queryable, actor: Actor, year?: number): Promise<number> {
  let query = db
    .selectFrom('policy_review as v')
    .where((eb) => reviewScope(eb as never, actor))
    .where('v.sent_on', 'is not', null);
  if (year) query = query.where('v.sent_on', '>=', `${year}-01-01`).where('v.sent_on', '<=', `${year}-12-31`);
  const row = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ReviewValues {
  title: string;
  kind: PolicyReviewTable['kind'];
  review_type: PolicyReviewTable['review_type'];
  requesting_agency: string;
  request_number: string;
  received_on: string;
  deadline: string;
  plan_activity_id: number;
  agency_id: number;
  province_code: string | null;
  assignee_user_id: number | null;
}

const searchText = (v: ReviewValues) => foldVietnamese([v.title, v.requesting_agency, v.request_number].join(' '));

export async function insertReview(db: Queryable, v: ReviewValues, userId: number, now: Date): Promise<number> {
  const row = await db
    .insertInto('policy_review')
    .values({ ...v, search_text: searchText(v), created_by: userId, created_at: now, updated_at: now })
    .returning('policy_review_id')
    .executeTakeFirstOrThrow();
  return row.policy_review_id;
}

export async function updateReview(
  db: Queryable,
  reviewId: number,
  version: number,
  v: ReviewValues,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('policy_review')
    .set({ ...v, search_text: searchText(v), updated_at: now, version: sql`version + 1` })
    .where('policy_review_id', '=', reviewId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setResponse(
  db: Queryable,
  reviewId: number,
  version: number,
  r: { responseText: string; sentOn: string | null; recordId: number | null },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('policy_review')
    .set({
      response_text: r.responseText,
      sent_on: r.sentOn,
      record_id: r.recordId,
      updated_at: now,
      version: sql`version + 1`,
    })
    .where('policy_review_id', '=', reviewId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A change of the response file is a change of the review: a new version. */
export async function touchReview(db: Queryable, reviewId: number, now: Date): Promise<void> {
  await db
    .updateTable('policy_review')
    .set({ updated_at: now, version: sql`version + 1` })
    .where('policy_review_id', '=', reviewId)
    .execute();
}

export async function deleteReview(db: Queryable, reviewId: number): Promise<void> {
  await db.deleteFrom('policy_review').where('policy_review_id', '=', reviewId).execute();
}

export async function findAgency(db: Queryable, agencyId: number) {
  return db
    .selectFrom('agency')
    .select(['agency_id', 'level', 'generation', 'province_code'])
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
}

export async function findUser(db: Queryable, userId: number) {
  return db
    .selectFrom('app_user')
    .select(['user_id', 'agency_id', 'disabled_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Active users of an agency, to pick an assignee from. */
export async function agencyUsers(db: Queryable, agencyId: number) {
  return db
    .selectFrom('app_user')
    .select(['user_id', 'display_name', 'username'])
    .where('agency_id', '=', agencyId)
    .where('disabled_at', 'is', null)
    .orderBy('display_name')
    .orderBy('user_id')
    .execute();
}

/** Search everywhere: the register entries in scope whose text holds every word, best first. */
export async function searchReviews(db: Queryable, actor: Actor, words: readonly string[], limit: number) {
  return db
    .selectFrom('policy_review as v')
    .where((eb) => reviewScope(eb as never, actor))
    .where(matchesAllWords('v.search_text', words))
    .select([
      'v.policy_review_id as id',
      'v.title',
      'v.requesting_agency',
      'v.request_number',
      'v.deadline',
      searchRank('v.search_text', words).as('rank'),
    ])
    .orderBy(sql`rank`, 'desc')
    .orderBy('v.policy_review_id', 'desc')
    .limit(limit)
    .execute();
}
