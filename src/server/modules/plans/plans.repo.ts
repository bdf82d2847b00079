// All SQL for plans. Read scope: central plans are visible to every reader; a provincial plan only
// within the actor's provinces (outside scope it does not exist: 404).
import { sql } from 'kysely';
import type { Actor } from '../../access/actor';
import { planScope } from '../../access/scope';
import type { Queryable } from '../../db/database';
import type { PlanContent, PlanKind, PlanStatus } from '../../../shared/plan';
import { foldVietnamese } from '../../../shared/text';
import { matchesAllWords, searchRank } from '../../common/search-text';
import { sortTerms, type SortValue } from '../../common/list-sort';

export interface PlanRow {
  plan_id: number;
  kind: PlanKind;
  year: number;
  province_code: string | null;
  parent_plan_id: number | null;
  previous_plan_id: number | null;
  status: PlanStatus;
  version: number;
  title: string;
  number: string;
  issued_on: string | null;
  content: PlanContent;
  created_at: Date;
  updated_at: Date;
}

export interface IssuerRow {
  agency_id: number;
  position: number;
  signed_at: Date | null;
  signed_by_name: string | null;
  signer_name: string | null;
  signer_position: string | null;
  signer_authority: string | null;
}

function scoped(db: Queryable, actor: Actor) {
  return db.selectFrom('plan as p').where((eb) => planScope(eb, 'p.kind', 'p.province_code', actor));
}

const planColumns = [
  'p.plan_id',
  'p.kind',
  'p.year',
  'p.province_code',
  'p.parent_plan_id',
  'p.previous_plan_id',
  'p.status',
  'p.version',
  'p.title',
  'p.number',
  'p.issued_on',
  'p.content',
  'p.created_at',
  'p.updated_at',
] as const;

export async function findPlan(
  db: Queryable,
  actor: Actor,
  planId: number,
  forUpdate = false,
): Promise<PlanRow | undefined> {
  let query = scoped(db, actor).select(planColumns).where('p.plan_id', '=', planId);
  if (forUpdate) query = query.forUpdate();
  return (await query.executeTakeFirst()) as PlanRow | undefined;
}

export interface PlanFilter {
  year?: number;
  status?: string;
  kind?: string;
  province?: string;
  parent?: number;
  q?: string;
  sort?: SortValue<'title' | 'number' | 'year' | 'status' | 'updated'>;
  limit: number;
  offset: number;
}

export async function listPlans(db: Queryable, actor: Actor, filter: PlanFilter) {
  let query = scoped(db, actor);
  if (filter.year) query = query.where('p.year', '=', filter.year);
  if (filter.status) query = query.where('p.status', '=', filter.status as PlanStatus);
  if (filter.kind) query = query.where('p.kind', '=', filter.kind as PlanKind);
  if (filter.province) query = query.where('p.province_code', '=', filter.province);
  if (filter.parent) query = query.where('p.parent_plan_id', '=', filter.parent);
  if (filter.q) query = query.where('p.search_text', 'like', `%${foldVietnamese(filter.q)}%`);
  const sorted = sortTerms(
    filter.sort,
    { title: 'p.title', number: 'p.number', year: 'p.year', status: 'p.status', updated: 'p.updated_at' },
    'p.plan_id',
  );
  const [rows, count] = await Promise.all([
    query
      .select([
        'p.plan_id',
        'p.kind',
        'p.year',
        'p.province_code',
        'p.parent_plan_id',
        'p.status',
        'p.version',
        'p.number',
        'p.issued_on',
        'p.title',
        'p.updated_at',
        (eb) =>
          eb
            .selectFrom('plan_activity as a')
            .select((e) => e.fn.countAll<string>().as('n'))
            .whereRef('a.plan_id', '=', 'p.plan_id')
            .where('a.removed', '=', false)
            .as('activity_count'),
      ])
      .$call((q) =>
        sorted
          ? sorted.reduce((acc, term) => acc.orderBy(term), q)
          : q.orderBy('p.year', 'desc').orderBy('p.kind').orderBy('p.province_code').orderBy('p.plan_id', 'desc'),
      )
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function plansWithNumber(db: Queryable, actor: Actor, number: string, year: number) {
  return scoped(db, actor)
    .select(['p.plan_id', 'p.status', 'p.title', 'p.version'])
    .where('p.number', '=', number)
    .where('p.year', '=', year)
    .orderBy('p.plan_id')
    .limit(20)
    .execute();
}

/**
 * Plans waiting for the actor's agency: under review with its signature missing, or signed by every
 * issuer and waiting to be issued (any signed plan for an administrator). The same rule as the
 * policy's 'sign' and 'issue' (the caller checks the permissions); newest first.
 */
export async function plansAwaiting(db: Queryable, actor: Actor, limit: number) {
  const issuer = (signedOnly: boolean) =>
    sql<boolean>`exists (select 1 from plan_issuer i where i.plan_id = p.plan_id and i.agency_id = ${actor.agencyId}${
      signedOnly ? sql` and i.signed_at is null` : sql``
    })`;
  const query = scoped(db, actor).where((eb) =>
    eb.or([
      eb.and([eb('p.status', '=', 'under_review'), issuer(true)]),
      eb.and([eb('p.status', '=', 'signed'), actor.role === 'admin' ? sql<boolean>`true` : issuer(false)]),
    ]),
  );
  const [rows, count] = await Promise.all([
    query
      .select(planColumns)
      .orderBy('p.updated_at', 'desc')
      .orderBy('p.plan_id', 'desc')
      .limit(limit)
      .execute() as Promise<PlanRow[]>,
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function issuersOf(db: Queryable, planIds: number[]) {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('plan_issuer as i')
    .leftJoin('app_user as u', 'u.user_id', 'i.signed_by')
    .select([
      'i.plan_id',
      'i.agency_id',
      'i.position',
      'i.signed_at',
      'u.display_name as signed_by_name',
      'i.signer_name',
      'i.signer_position',
      'i.signer_authority',
    ])
    .where('i.plan_id', 'in', planIds)
    .orderBy('i.plan_id')
    .orderBy('i.position')
    .execute();
}

export async function insertPlan(
  db: Queryable,
  plan: {
    kind: PlanKind;
    year: number;
    provinceCode: string | null;
    parentPlanId: number | null;
    previousPlanId: number | null;
    content: PlanContent;
    createdBy: number;
    now: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto('plan')
    .values({
      kind: plan.kind,
      year: plan.year,
      province_code: plan.provinceCode,
      parent_plan_id: plan.parentPlanId,
      previous_plan_id: plan.previousPlanId,
      status: 'draft',
      title: plan.content.title,
      number: plan.content.number,
      issued_on: plan.content.issuedOn,
      content: JSON.stringify(plan.content),
      search_text: searchText(plan.content),
      created_by: plan.createdBy,
      created_at: plan.now,
      updated_at: plan.now,
    })
    .returning('plan_id')
    .executeTakeFirstOrThrow();
  return row.plan_id;
}

function searchText(content: PlanContent): string {
  return foldVietnamese(`${content.number} ${content.title}`);
}

/** Optimistic write of the plan row: false when someone else changed it first. */
export async function updatePlan(
  db: Queryable,
  planId: number,
  expectedVersion: number,
  changes: { status?: PlanStatus; content?: PlanContent; bumpVersion: boolean },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('plan')
    .set({
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.content
        ? {
            content: JSON.stringify(changes.content),
            title: changes.content.title,
            number: changes.content.number,
            issued_on: changes.content.issuedOn,
            search_text: searchText(changes.content),
          }
        : {}),
      ...(changes.bumpVersion ? { version: sql`version + 1` } : {}),
      updated_at: now,
    })
    .where('plan_id', '=', planId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setIssuers(db: Queryable, planId: number, agencyIds: number[]): Promise<void> {
  await db.deleteFrom('plan_issuer').where('plan_id', '=', planId).execute();
  await db
    .insertInto('plan_issuer')
    .values(agencyIds.map((agencyId, position) => ({ plan_id: planId, agency_id: agencyId, position })))
    .execute();
}

export interface Signer {
  name: string;
  position: string;
  authority: string;
}

export async function recordSignature(
  db: Queryable,
  planId: number,
  agencyId: number,
  userId: number | null,
  at: Date | null,
  signer: Signer | null,
) {
  await db
    .updateTable('plan_issuer')
    .set({
      signed_at: at,
      signed_by: userId,
      signer_name: signer?.name ?? null,
      signer_position: signer?.position ?? null,
      signer_authority: signer?.authority ?? null,
    })
    .where('plan_id', '=', planId)
    .where('agency_id', '=', agencyId)
    .execute();
}

export async function clearSignatures(db: Queryable, planId: number) {
  await db
    .updateTable('plan_issuer')
    .set({ signed_at: null, signed_by: null, signer_name: null, signer_position: null, signer_authority: null })
    .where('plan_id', '=', planId)
    .execute();
}

// The document register: per agency and calendar year, the last number given and every number used.

/** The number the agency's register gives next in that year (nothing is taken). */
export async function peekDocumentNumber(db: Queryable, agencyId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom('document_register')
    .select('last_number')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return (row?.last_number ?? 0) + 1;
}

/** Takes the register's next number atomically (the row is locked until the transaction ends). */
export async function takeDocumentNumber(db: Queryable, agencyId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('document_register')
    .values({ agency_id: agencyId, year, last_number: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet({ last_number: sql`document_register.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/** Records a number as used; false when the agency already used it that year. A typed number
 *  beyond the register moves the register on, so the register never gives it again. */
export async function claimDocumentNumber(
  db: Queryable,
  entry: { agencyId: number; year: number; seq: number; number: string; planId: number; now: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('document_number')
    .values({
      agency_id: entry.agencyId,
      year: entry.year,
      seq: entry.seq,
      number: entry.number,
      plan_id: entry.planId,
      created_at: entry.now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('seq')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .insertInto('document_register')
    .values({ agency_id: entry.agencyId, year: entry.year, last_number: entry.seq })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'year'])
        .doUpdateSet({ last_number: sql`GREATEST(document_register.last_number, excluded.last_number)` }),
    )
    .execute();
  return true;
}

export async function insertVersion(
  db: Queryable,
  v: {
    planId: number;
    version: number;
    status: PlanStatus;
    content: PlanContent;
    issuerIds: number[];
    note: string | null;
    userId: number;
    now: Date;
  },
) {
  await db
    .insertInto('plan_version')
    .values({
      plan_id: v.planId,
      version: v.version,
      status: v.status,
      content: JSON.stringify(v.content),
      issuer_ids: v.issuerIds,
      note: v.note,
      created_by: v.userId,
      created_at: v.now,
    })
    .onConflict((oc) => oc.columns(['plan_id', 'version']).doUpdateSet({ status: v.status }))
    .execute();
}

export async function listVersions(db: Queryable, planId: number) {
  return db
    .selectFrom('plan_version as v')
    .leftJoin('app_user as u', 'u.user_id', 'v.created_by')
    .select(['v.version', 'v.status', 'v.note', 'v.created_at', 'u.display_name as author'])
    .where('v.plan_id', '=', planId)
    .orderBy('v.version', 'desc')
    .execute();
}

export async function getVersion(db: Queryable, planId: number, version: number) {
  const row = await db
    .selectFrom('plan_version')
    .select(['version', 'status', 'content', 'issuer_ids', 'created_at'])
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row as (Omit<typeof row & object, 'content'> & { content: PlanContent }) | undefined;
}

export async function insertComment(
  db: Queryable,
  c: {
    planId: number;
    version: number;
    kind: string;
    body: string;
    agencyId: number | null;
    userId: number;
    now: Date;
  },
) {
  await db
    .insertInto('plan_comment')
    .values({
      plan_id: c.planId,
      version: c.version,
      kind: c.kind,
      body: c.body,
      agency_id: c.agencyId,
      created_by: c.userId,
      created_at: c.now,
    })
    .execute();
}

export async function listComments(db: Queryable, planId: number) {
  return db
    .selectFrom('plan_comment as c')
    .leftJoin('app_user as u', 'u.user_id', 'c.created_by')
    .select([
      'c.plan_comment_id',
      'c.version',
      'c.kind',
      'c.body',
      'c.agency_id',
      'c.created_at',
      'u.display_name as author',
    ])
    .where('c.plan_id', '=', planId)
    .orderBy('c.created_at')
    .orderBy('c.plan_comment_id')
    .execute();
}

/** Mirrors the content's activities into plan_activity (by key); vanished ones are marked removed. */
export async function syncActivities(db: Queryable, planId: number, content: PlanContent, parentPlanId: number | null) {
  const parentIds = new Map<string, number>();
  if (parentPlanId) {
    const rows = await db
      .selectFrom('plan_activity')
      .select(['activity_key', 'plan_activity_id'])
      .where('plan_id', '=', parentPlanId)
      .orderBy('plan_activity_id')
      .execute();
    for (const r of rows) parentIds.set(r.activity_key, r.plan_activity_id);
  }
  const keys: string[] = [];
  for (const section of content.sections) {
    for (const [position, activity] of section.activities.entries()) {
      keys.push(activity.key);
      const values = {
        section_key: section.key,
        section_number: section.number,
        section_title: section.title,
        position,
        title: activity.title,
        search_text: foldVietnamese(`${section.number}.${position + 1} ${activity.title}`),
        timeframe_start: activity.timeframe?.start ?? null,
        timeframe_end: activity.timeframe?.end ?? null,
        lead_agency_id: activity.leadAgencyId,
        level: activity.level,
        central_activity_id: activity.centralActivityKey ? (parentIds.get(activity.centralActivityKey) ?? null) : null,
        removed: false,
      };
      await db
        .insertInto('plan_activity')
        .values({ plan_id: planId, activity_key: activity.key, ...values })
        .onConflict((oc) => oc.columns(['plan_id', 'activity_key']).doUpdateSet(values))
        .execute();
    }
  }
  let removal = db.updateTable('plan_activity').set({ removed: true }).where('plan_id', '=', planId);
  if (keys.length) removal = removal.where('activity_key', 'not in', keys);
  await removal.execute();
}

export async function activityIds(db: Queryable, planId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('plan_activity')
    .select(['activity_key', 'plan_activity_id'])
    .where('plan_id', '=', planId)
    .orderBy('plan_activity_id')
    .execute();
  return new Map(rows.map((r) => [r.activity_key, r.plan_activity_id]));
}

/** Per province: the derived plans of a central plan. Per central activity: how many provinces planned it. */
export async function cascadeStatus(db: Queryable, planId: number) {
  const [plans, coverage] = await Promise.all([
    db
      .selectFrom('plan as d')
      .leftJoin('app_user as u', 'u.user_id', 'd.created_by')
      .select([
        'd.plan_id',
        'd.province_code',
        'd.status',
        'd.version',
        'd.number',
        'd.issued_on',
        'd.created_at',
        'd.updated_at',
        'u.display_name as created_by_name',
        'u.national_scope as created_by_centre',
        // When the last issuer signed (the plan is "signed" from then on).
        (eb) =>
          eb
            .selectFrom('plan_issuer as i')
            .select((e) => e.fn.max('i.signed_at').as('signed_at'))
            .whereRef('i.plan_id', '=', 'd.plan_id')
            .as('signed_at'),
      ])
      .where('d.parent_plan_id', '=', planId)
      .orderBy('d.province_code')
      .orderBy('d.plan_id')
      .execute(),
    db
      .selectFrom('plan_activity as c')
      .leftJoin('plan_activity as p', (join) =>
        join.onRef('p.central_activity_id', '=', 'c.plan_activity_id').on('p.removed', '=', false),
      )
      .leftJoin('plan as pp', 'pp.plan_id', 'p.plan_id')
      .select(['c.activity_key', (eb) => eb.fn.count<string>('pp.province_code').distinct().as('provinces')])
      .where('c.plan_id', '=', planId)
      .where('c.removed', '=', false)
      .groupBy('c.activity_key')
      .orderBy('c.activity_key')
      .execute(),
  ]);
  return { plans, coverage };
}

/** Search everywhere: the plans in scope whose number and title hold every word, best first. */
export async function searchPlans(db: Queryable, actor: Actor, words: readonly string[], limit: number) {
  return scoped(db, actor)
    .where(matchesAllWords('p.search_text', words))
    .select([
      'p.plan_id as id',
      'p.title',
      'p.number',
      'p.year',
      'p.kind',
      'p.province_code',
      searchRank('p.search_text', words).as('rank'),
    ])
    .orderBy(sql`rank`, 'desc')
    .orderBy('p.plan_id', 'desc')
    .limit(limit)
    .execute();
}
