// Implementation records: create, read, list, update (optimistic, by version), delete (soft).
// Every change is audited with its before/after in the same transaction. Creates join the
// caller's transaction when there is one, so an idempotent request stores its key atomically.
import type { ServiceContext } from '../../access/actor';
import { conflict, forbidden, notFound } from '../../http/errors';
import { sql } from 'kysely';
import { inTransaction } from '../../db/transaction';
import { insertAudit } from '../audit/audit.service';
import { syncRecordValues, writeRecordValues, type RecordWrite } from '../analytics/sync-values';
import { listPlans } from '../plans/plans.service';
import { listAdminUnits, listEthnicGroups } from '../reference/reference.service';
import { today } from '../../common/today';
import { assertPeriodOpen, holdPeriodScope, periodOpen, throwIfPeriodLocked } from '../../common/period-lock';
import { recordRefusal } from './record.policy';
import { prepareRecord, type PreparedRecord } from './record-input';
import { registerRecordModel } from './record-model';
import { auditShape, buildRecordView, recordSummary, type KnownOfRecord } from './record-view';
import * as repo from './records.repo';
import type {
  CreateRecordBody,
  ListRecordsQuery,
  RecordSummary,
  RecordView,
  UpdateRecordBody,
} from './records.schemas';

/** What other modules read through records: an activity in the caller's plans, a place, ids that
 * exist, funding sources, record rows for figures. */
export {
  existingIds,
  findActivity,
  findPlace,
  listFundingSources as fundingSourceRows,
  listRecords as listRecordRows,
} from './records.repo';
import { assertVersion } from '../../common/version';

const stale = 'Bản ghi đã được người khác sửa sau khi bạn mở. Hãy tải lại để xem thay đổi rồi sửa lại.';

export async function getRecord(ctx: ServiceContext, recordId: number): Promise<RecordView> {
  const found = await repo.findRecordWithChildren(ctx.db, ctx.actor, recordId);
  if (!found) throw notFound('Bản ghi');
  return buildRecordView(ctx.db, ctx.actor, found);
}

export async function listRecords(
  ctx: ServiceContext,
  query: ListRecordsQuery,
): Promise<{ items: RecordSummary[]; total: number }> {
  const { rows, total } = await repo.listRecords(ctx.db, ctx.actor, {
    ...query,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  return { items: rows.map((r) => recordSummary(ctx.actor, r)), total };
}

/**
 * Inserts a prepared record with its rows, its community model when the body asks for one, its
 * derived values and its audit entry, inside the caller's transaction. The view is built once:
 * the audit entry keeps it and the caller answers with it.
 */
export async function insertPrepared(
  ctx: ServiceContext,
  prepared: PreparedRecord,
  body: Pick<CreateRecordBody, 'model' | 'title'>,
  action = 'create',
): Promise<RecordView> {
  const { values } = prepared;
  const scope = { province: values.province_code, from: values.start_date, to: values.end_date };
  // The period is checked by the insert itself (period-lock.ts): one round trip, same guarantee.
  await holdPeriodScope(ctx, scope.province);
  const now = ctx.clock.now();
  const id = await repo.insertRecordWithChildren(
    ctx.db,
    values,
    { partners: prepared.partners, participants: prepared.participants.rows, costs: prepared.costs },
    ctx.actor.userId,
    now,
    periodOpen(ctx, scope),
  );
  if (id === null) {
    await throwIfPeriodLocked(ctx, scope);
    throw conflict('Kỳ báo cáo vừa thay đổi trạng thái; hãy lưu lại.');
  }
  await registerRecordModel(ctx, id, body, prepared);
  await writeRecordValues(ctx.db, id, recordWrite(prepared));
  const after = await viewOf(ctx, id, { open: true, noAttachments: true });
  await insertAudit(
    ctx.db,
    ctx.actor,
    {
      action,
      entityType: 'record',
      entityId: id,
      agencyId: prepared.values.organiser_agency_id,
      provinceCode: prepared.values.province_code,
      after: auditShape(after),
    },
    now,
    ctx.ip,
  );
  return after;
}

/** The facts a prepared record's values derive from, as the analytics module reads them. */
function recordWrite({ values, participants, activity }: PreparedRecord): RecordWrite {
  const language = (values.outputs as { language?: unknown }).language;
  return {
    type: values.type,
    startDate: values.start_date,
    language: typeof language === 'string' ? language : null,
    participantsMode: values.participants_mode,
    total: values.total_participants,
    female: values.female_participants,
    participants: participants.rows.map((p) => ({
      sex: p.sex,
      ethnic_group_id: p.ethnicGroupId,
      target_group: p.targetGroup,
      age_band: p.ageBand,
      count: p.count,
    })),
    placeGeneration: values.place_generation,
    placeCode: values.place_code,
    provinceCode: values.province_code,
    organiserAgencyId: values.organiser_agency_id,
    rootPlanId: activity.root_plan_id,
  };
}

/** The view of a record this transaction has just written (it is in scope: the write checked it). */
async function viewOf(ctx: ServiceContext, recordId: number, known: KnownOfRecord): Promise<RecordView> {
  const found = await repo.findRecordWithChildren(ctx.db, ctx.actor, recordId);
  if (!found) throw notFound('Bản ghi');
  return buildRecordView(ctx.db, ctx.actor, found, known);
}

export async function createRecord(ctx: ServiceContext, body: CreateRecordBody): Promise<RecordView> {
  return inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    return insertPrepared(txCtx, await prepareRecord(txCtx, body), body);
  });
}

/** A record in a period whose report for its province has been approved is locked (423). */
export const assertRecordOpen = (
  ctx: ServiceContext,
  r: { province_code: string | null; start_date: string; end_date: string },
) => assertPeriodOpen(ctx, { province: r.province_code, from: r.start_date, to: r.end_date });

const lockScopeOf = (r: { province_code: string | null; start_date: string; end_date: string }) => ({
  province: r.province_code,
  from: r.start_date,
  to: r.end_date,
});

/** The record for a change, locked: 404 outside scope, 403 when the caller may read but not write it,
 * 409 for a stale version. Its period is the caller's to check. */
async function findForChange(ctx: ServiceContext, recordId: number, version?: number) {
  const found = await repo.findRecordWithChildren(ctx.db, ctx.actor, recordId, true);
  if (!found) throw notFound('Bản ghi');
  const { row } = found;
  const refused = recordRefusal(ctx.actor, {
    provinceCode: row.province_code,
    organiserAgencyId: row.organiser_agency_id,
  });
  if (refused) throw forbidden(refused);
  assertVersion(row.version, version, stale);
  return found;
}

/** As findForChange, and 423 when the record's period is locked. */
async function loadForChange(ctx: ServiceContext, recordId: number, version?: number) {
  const found = await findForChange(ctx, recordId, version);
  await assertRecordOpen(ctx, found.row);
  return found;
}

export async function updateRecord(ctx: ServiceContext, recordId: number, body: UpdateRecordBody): Promise<RecordView> {
  return inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const found = await findForChange(txCtx, recordId, body.version);
    const { row } = found;
    const { version: _v, ...input } = body;
    const prepared = await prepareRecord(txCtx, input);
    // The period the record is in and the one it moves to are both checked, by the update itself.
    const was = lockScopeOf(row);
    const will = lockScopeOf(prepared.values);
    await holdPeriodScope(txCtx, was.province, will.province);
    const before = await buildRecordView(tx, ctx.actor, found, { open: true });
    const now = ctx.clock.now();
    const open = sql<boolean>`${periodOpen(txCtx, was)} AND ${periodOpen(txCtx, will)}`;
    if (!(await repo.updateRecord(tx, recordId, body.version, prepared.values, now, open))) {
      await throwIfPeriodLocked(txCtx, was, will);
      throw conflict(stale, 'version');
    }
    await repo.replaceChildren(tx, recordId, {
      partners: prepared.partners,
      participants: prepared.participants.rows,
      costs: prepared.costs,
    });
    await registerRecordModel(txCtx, recordId, input, prepared);
    await writeRecordValues(tx, recordId, recordWrite(prepared), true);
    const after = await viewOf(txCtx, recordId, { open: true, attachments: before.attachments });
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'update',
        entityType: 'record',
        entityId: recordId,
        agencyId: prepared.values.organiser_agency_id,
        provinceCode: prepared.values.province_code,
        before: auditShape(before),
        after: auditShape(after),
      },
      now,
      ctx.ip,
    );
    return after;
  });
}

/** Soft delete: the record disappears from every read; the audit log keeps what it was. */
export async function deleteRecord(ctx: ServiceContext, recordId: number, version?: number): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const found = await loadForChange(txCtx, recordId, version);
    const { row } = found;
    const before = await buildRecordView(tx, ctx.actor, found, { open: true });
    const now = ctx.clock.now();
    await repo.softDeleteRecord(tx, recordId, ctx.actor.userId, now);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'delete',
        entityType: 'record',
        entityId: recordId,
        agencyId: row.organiser_agency_id,
        provinceCode: row.province_code,
        before: auditShape(before),
      },
      now,
      ctx.ip,
    );
    await syncRecordValues(tx, recordId);
  });
}

export async function listFundingSources(ctx: ServiceContext) {
  const rows = await repo.listFundingSources(ctx.db);
  return rows.map((r) => ({ code: r.code, nameVi: r.name_vi, nameEn: r.name_en }));
}

/** Search everywhere (modules/search): the implementation records in the actor's scope holding every folded word. */
export function searchRecords(ctx: ServiceContext, words: readonly string[], limit: number) {
  return repo.searchRecords(ctx.db, ctx.actor, words, limit);
}

/**
 * The four reference lists the record form asks for as it opens, in one answer (issue 16: on 3G
 * each request costs a round trip): each part is what its own route answers, with the form's
 * parameters — GET /api/plans?status=issued&limit=100, the 2025 provinces of GET
 * /api/admin-units?generation=2025&level=province&limit=100, GET /api/ethnic-groups?limit=100 and
 * GET /api/funding-sources — so the web puts each where that route's answer is kept.
 */
export async function recordFormData(ctx: ServiceContext) {
  const plans = await listPlans(ctx, { status: 'issued', limit: 100 });
  const provinces = await listAdminUnits(ctx.db, {
    generation: 2025,
    level: 'province',
    at: today(ctx),
    limit: 100,
    offset: 0,
  });
  const ethnicGroups = await listEthnicGroups(ctx.db, { limit: 100, offset: 0 });
  const fundingSources = await listFundingSources(ctx);
  return { plans, provinces: provinces.items, ethnicGroups: ethnicGroups.items, fundingSources };
}
