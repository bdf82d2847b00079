// Community models: types, list, read, create (also for other modules), edit and members.
// Every change is audited in the same transaction.
import type { ServiceContext } from '../../access/actor';
import type { Queryable } from '../../db/database';
import { conflict, forbidden, notFound } from '../../http/errors';
import { inTransaction, newTransaction } from '../../db/transaction';
import type { ModelStatus } from '../../../shared/model-types';
import { insertAudit } from '../audit/audit.service';
import { syncModelValues } from '../analytics/sync-values';
import { agencyMap } from '../reference/reference.service';
import { grantedPermissions } from './grants.repo';
import { checkMembers, resolveModelInput } from './model-input';
import { AGENCY_CHOICE_REFUSAL, ownsRow } from '../../access/policies/agency.policy';
import { modelActions, modelRefusal, type ModelAction } from './model.policy';
import * as logs from './model-logs.repo';
import * as repo from './models.repo';
import type {
  CreateModelBody,
  ListModelsQuery,
  MembersBody,
  ModelSummary,
  ModelTypeView,
  ModelView,
  UpdateModelBody,
} from './registry.schemas';
import { today } from '../../common/today';
import { assertVersion } from '../../common/version';

export async function listModelTypes(ctx: ServiceContext, q?: string): Promise<ModelTypeView[]> {
  const rows = await repo.listModelTypes(ctx.db, q);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    aliases: r.aliases,
    sensitive: r.sensitive,
    hostKind: r.host_kind,
    livelihood: r.livelihood,
    position: r.position,
  }));
}

export async function loadModel(ctx: ServiceContext, modelId: number, forUpdate = false): Promise<repo.ModelRow> {
  const row = await repo.findModel(ctx.db, ctx.actor, modelId, forUpdate);
  if (!row) throw notFound('Mô hình');
  return row;
}

export function toSummary(r: repo.ModelRow): ModelSummary {
  return {
    id: r.community_model_id,
    name: r.name,
    type: { code: r.model_type, name: r.type_name, sensitive: r.sensitive },
    provinceCode: r.province_code,
    provinceName: r.province_name,
    commune: { generation: r.commune_generation, code: r.commune_code, name: r.commune_name },
    village: r.village,
    host: r.host,
    foundedOn: r.founded_on,
    status: r.status,
    statusSince: r.status_since,
    leaderName: r.leader_name,
    womenOwnership: r.women_ownership,
    tech: {
      ecommerce: r.tech_ecommerce,
      traceability: r.tech_traceability,
      quality_management: r.tech_quality_management,
      digital_payments: r.tech_digital_payments,
    },
    members: { female: r.female_members, male: r.male_members, total: r.female_members + r.male_members },
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function actionsOn(ctx: ServiceContext, row: repo.ModelRow): Promise<ModelAction[]> {
  const granted = row.sensitive ? await grantedPermissions(ctx.db, ctx.actor.userId) : [];
  return modelActions(ctx.actor, granted, {
    provinceCode: row.province_code,
    ownerAgencyId: row.owner_agency_id,
    status: row.status,
    sensitive: row.sensitive,
  });
}

export async function getModel(ctx: ServiceContext, modelId: number): Promise<ModelView> {
  const row = await loadModel(ctx, modelId);
  const [members, history, activity, caseCounts, from, mergedIntoName, allowedActions, owners] = await Promise.all([
    repo.listMembers(ctx.db, modelId),
    repo.listHistory(ctx.db, modelId),
    logs.listActivity(ctx.db, modelId),
    row.sensitive ? logs.listCaseCounts(ctx.db, modelId) : Promise.resolve([]),
    repo.mergedFrom(ctx.db, modelId),
    row.merged_into_id ? repo.modelName(ctx.db, row.merged_into_id) : Promise.resolve(null),
    actionsOn(ctx, row),
    agencyMap(ctx.db, row.owner_agency_id === null ? [] : [row.owner_agency_id], today(ctx)),
  ]);
  const owner = row.owner_agency_id === null ? undefined : owners.get(row.owner_agency_id);
  return {
    ...toSummary(row),
    mergedInto: row.merged_into_id ? { id: row.merged_into_id, name: mergedIntoName ?? '' } : null,
    mergedFrom: from.map((m) => ({ id: m.community_model_id, name: m.name })),
    sourceRecordId: row.source_record_id,
    ownerAgency: owner ? { id: owner.id, name: owner.name } : null,
    memberGrid: members.map((m) => ({
      sex: m.sex,
      ethnicGroupId: m.ethnic_group_id,
      ethnicGroup: m.ethnic_group,
      count: m.count,
    })),
    history: history.map((h) => ({
      status: h.status,
      effectiveOn: h.effective_on,
      mergedInto: h.merged_into_id ? { id: h.merged_into_id, name: h.merged_into_name ?? '' } : null,
      note: h.note,
      by: h.by_name,
      at: new Date(h.created_at).toISOString(),
    })),
    activity: activity.map((a) => ({ month: a.month, kind: a.kind, count: a.count })),
    caseCounts: caseCounts.map((c) => ({ month: c.month, caseType: c.case_type, count: c.count })),
    createdBy: row.created_by_name,
    createdAt: new Date(row.created_at).toISOString(),
    allowedActions,
  };
}

export async function listModels(ctx: ServiceContext, query: ListModelsQuery) {
  const { rows, total } = await repo.listModels(ctx.db, ctx.actor, {
    ...query,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  return { items: rows.map(toSummary), total };
}

/** What the audit log keeps of a model. */
async function snapshot(db: Queryable, modelId: number, row: repo.ModelRow) {
  const members = await repo.listMembers(db, modelId);
  return {
    ...toSummary(row),
    members: members.map((m) => ({ sex: m.sex, ethnicGroupId: m.ethnic_group_id, count: m.count })),
  };
}

export interface NewModelInput extends CreateModelBody {
  /** The implementation record ("model established") this model comes from. */
  sourceRecordId?: number | null;
  /** The agency the model belongs to (the record's organiser); the actor's agency when absent. */
  ownerAgencyId?: number | null;
}

/** 403 when the actor may read the model but not change it (province scope, then its owner agency). */
export function assertMayChange(ctx: ServiceContext, row: repo.ModelRow): void {
  const refused = modelRefusal(ctx.actor, { provinceCode: row.province_code, ownerAgencyId: row.owner_agency_id });
  if (refused) throw forbidden(refused);
}

/**
 * Registers a model: validates it, checks the actor may write in its province, records its first
 * status (active, from the founding date or today) and audits it. Runs in the caller's transaction
 * when `ctx.db` is one, so the records module can create a model together with its record.
 */
export async function createModel(ctx: ServiceContext, input: NewModelInput): Promise<ModelView> {
  return getModel(ctx, await insertModelRecord(ctx, input));
}

/** createModel without building the response: for bulk import. */
export async function insertModelRecord(ctx: ServiceContext, input: NewModelInput): Promise<number> {
  return inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const resolved = await resolveModelInput(txCtx, input);
    const owner = input.ownerAgencyId === undefined ? ctx.actor.agencyId : input.ownerAgencyId;
    if (!ownsRow(ctx.actor, owner)) throw forbidden(AGENCY_CHOICE_REFUSAL);
    const now = ctx.clock.now();
    const since = resolved.columns.founded_on ?? today(ctx);
    const id = await repo.insertModel(tx, {
      ...resolved.columns,
      status: 'active',
      status_since: since,
      merged_into_id: null,
      source_record_id: input.sourceRecordId ?? null,
      owner_agency_id: owner,
      created_by: ctx.actor.userId,
      now,
    });
    await repo.setMembers(tx, id, resolved.members ?? []);
    await repo.insertHistory(tx, {
      modelId: id,
      status: 'active',
      effectiveOn: since,
      mergedIntoId: null,
      note: input.sourceRecordId ? 'Thành lập (theo bản ghi triển khai)' : 'Thành lập',
      userId: ctx.actor.userId,
      now,
    });
    const row = await loadModel(txCtx, id);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'create',
        entityType: 'community_model',
        entityId: id,
        provinceCode: row.province_code,
        after: { ...(await snapshot(tx, id, row)), sourceRecordId: input.sourceRecordId ?? null },
      },
      now,
      ctx.ip,
    );
    await syncModelValues(tx, id);
    return id;
  });
}

const staleMessage = 'Mô hình đã được người khác sửa sau khi bạn mở. Hãy tải lại rồi sửa lại.';

/** Loads the model for a change, checking scope, the action and the version the client had. */
export async function modelForChange(
  ctx: ServiceContext,
  modelId: number,
  action: ModelAction,
  version: number | null,
): Promise<repo.ModelRow> {
  const row = await loadModel(ctx, modelId, true);
  assertMayChange(ctx, row);
  if (!(await actionsOn(ctx, row)).includes(action)) {
    throw conflict(
      `Mô hình đang ở trạng thái "${statusLabel(row.status)}": hãy mở lại mô hình trước khi sửa`,
      'status',
    );
  }
  assertVersion(row.version, version, staleMessage);
  return row;
}

function statusLabel(status: ModelStatus): string {
  return { active: 'đang hoạt động', inactive: 'tạm ngừng', merged: 'đã sáp nhập', dissolved: 'đã giải thể' }[status];
}

export async function updateModel(ctx: ServiceContext, modelId: number, body: UpdateModelBody): Promise<ModelView> {
  await newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const before = await modelForChange(txCtx, modelId, 'edit', body.version);
    const beforeSnapshot = await snapshot(tx, modelId, before);
    const resolved = await resolveModelInput(txCtx, body);
    const now = ctx.clock.now();
    if (!(await repo.updateModel(tx, modelId, body.version, resolved.columns, now))) {
      throw conflict(staleMessage, 'version');
    }
    if (resolved.members) await repo.setMembers(tx, modelId, resolved.members);
    const after = await loadModel(txCtx, modelId);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'update',
        entityType: 'community_model',
        entityId: modelId,
        provinceCode: after.province_code,
        before: beforeSnapshot,
        after: await snapshot(tx, modelId, after),
      },
      now,
      ctx.ip,
    );
    await syncModelValues(tx, modelId);
  });
  return getModel(ctx, modelId);
}

export async function setModelMembers(ctx: ServiceContext, modelId: number, body: MembersBody): Promise<ModelView> {
  await newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await modelForChange(txCtx, modelId, 'edit_members', body.version);
    await checkMembers(txCtx, body.members);
    const before = await repo.listMembers(tx, modelId);
    const now = ctx.clock.now();
    if (!(await repo.updateModel(tx, modelId, body.version, {}, now))) throw conflict(staleMessage, 'version');
    await repo.setMembers(tx, modelId, body.members);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'update_members',
        entityType: 'community_model',
        entityId: modelId,
        provinceCode: row.province_code,
        before: before.map((m) => ({ sex: m.sex, ethnicGroupId: m.ethnic_group_id, count: m.count })),
        after: body.members.filter((m) => m.count > 0),
      },
      now,
      ctx.ip,
    );
    await syncModelValues(tx, modelId);
  });
  return getModel(ctx, modelId);
}

/** Search everywhere (modules/search): the community models in the actor's scope holding every folded word. */
export function searchModels(ctx: ServiceContext, words: readonly string[], limit: number) {
  return repo.searchModels(ctx.db, ctx.actor, words, limit);
}
