// All SQL for a model's monthly counts (activity log, trusted-address case counts) and the
// case-level records. Callers have already found the model through the scoped models repo.
import type { Queryable } from '../../db/database';
import type { ActivityKind, CaseType, Sex } from '../../../shared/model-types';

export async function listActivity(db: Queryable, modelId: number) {
  return db
    .selectFrom('model_activity')
    .select(['month', 'kind', 'count'])
    .where('community_model_id', '=', modelId)
    .orderBy('month', 'desc')
    .orderBy('kind')
    .execute();
}

/** Upserts monthly counts; a count of 0 removes the entry. */
export async function upsertActivity(
  db: Queryable,
  modelId: number,
  entries: { month: string; kind: ActivityKind; count: number }[],
  userId: number,
  now: Date,
): Promise<void> {
  for (const e of entries) {
    if (e.count === 0) {
      await db
        .deleteFrom('model_activity')
        .where('community_model_id', '=', modelId)
        .where('month', '=', e.month)
        .where('kind', '=', e.kind)
        .execute();
      continue;
    }
    await db
      .insertInto('model_activity')
      .values({
        community_model_id: modelId,
        month: e.month,
        kind: e.kind,
        count: e.count,
        updated_by: userId,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['community_model_id', 'month', 'kind'])
          .doUpdateSet({ count: e.count, updated_by: userId, updated_at: now }),
      )
      .execute();
  }
}

export async function listCaseCounts(db: Queryable, modelId: number, year?: number) {
  let query = db
    .selectFrom('model_case_count')
    .select(['month', 'case_type', 'count'])
    .where('community_model_id', '=', modelId);
  if (year) query = query.where('month', 'like', `${year}-%`);
  return query.orderBy('month', 'desc').orderBy('case_type').execute();
}

export async function upsertCaseCounts(
  db: Queryable,
  modelId: number,
  entries: { month: string; caseType: CaseType; count: number }[],
  userId: number,
  now: Date,
): Promise<void> {
  for (const e of entries) {
    if (e.count === 0) {
      await db
        .deleteFrom('model_case_count')
        .where('community_model_id', '=', modelId)
        .where('month', '=', e.month)
        .where('case_type', '=', e.caseType)
        .execute();
      continue;
    }
    await db
      .insertInto('model_case_count')
      .values({
        community_model_id: modelId,
        month: e.month,
        case_type: e.caseType,
        count: e.count,
        updated_by: userId,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['community_model_id', 'month', 'case_type'])
          .doUpdateSet({ count: e.count, updated_by: userId, updated_at: now }),
      )
      .execute();
  }
}

export interface CaseColumns {
  received_on: string;
  case_type: CaseType;
  person_initials: string | null;
  age: number | null;
  sex: Sex | null;
  ethnic_group_id: number | null;
  referral: string | null;
  notes: string | null;
}

const caseColumns = [
  'model_case_id',
  'community_model_id',
  'received_on',
  'case_type',
  'person_initials',
  'age',
  'sex',
  'ethnic_group_id',
  'referral',
  'notes',
  'updated_at',
] as const;

export async function listCases(db: Queryable, modelId: number) {
  return db
    .selectFrom('model_case')
    .select(caseColumns)
    .where('community_model_id', '=', modelId)
    .orderBy('received_on', 'desc')
    .orderBy('model_case_id', 'desc')
    .execute();
}

export async function findCase(db: Queryable, modelId: number, caseId: number) {
  return db
    .selectFrom('model_case')
    .select(caseColumns)
    .where('community_model_id', '=', modelId)
    .where('model_case_id', '=', caseId)
    .executeTakeFirst();
}

export async function insertCase(
  db: Queryable,
  modelId: number,
  values: CaseColumns,
  userId: number,
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('model_case')
    .values({ ...values, community_model_id: modelId, created_by: userId, created_at: now, updated_at: now })
    .returning('model_case_id')
    .executeTakeFirstOrThrow();
  return row.model_case_id;
}

export async function updateCase(db: Queryable, caseId: number, values: CaseColumns, now: Date): Promise<void> {
  await db
    .updateTable('model_case')
    .set({ ...values, updated_at: now })
    .where('model_case_id', '=', caseId)
    .execute();
}

export async function deleteCase(db: Queryable, caseId: number): Promise<void> {
  await db.deleteFrom('model_case').where('model_case_id', '=', caseId).execute();
}
