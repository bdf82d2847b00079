// Plans: create, read, edit (every save is a new version), versions and their differences.
import type { ServiceContext } from '../../access/actor';
import { can, inProvinceScope } from '../../access/actor';
import { planActions, refusal } from '../../access/policies/plan.policy';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { diffPlanContent } from '../../../shared/plan-diff';
import type { PlanContent } from '../../../shared/plan';
import { insertAudit } from '../audit/audit.service';
import { inTransaction } from '../../db/transaction';
import * as repo from './plans.repo';
import { checkAgencies, normaliseContent } from './plan-content';
import { buildPlanView, planFacts } from './plan-view';
import type { CreatePlanBody, ListPlansQuery, PlanSummary, PlanView, UpdatePlanBody } from './plans.schemas';
import { listAgenciesAt } from '../reference/reference.service';
import { today } from '../../common/today';
import { assertVersion } from '../../common/version';

export async function loadPlan(ctx: ServiceContext, planId: number, forUpdate = false) {
  const row = await repo.findPlan(ctx.db, ctx.actor, planId, forUpdate);
  if (!row) throw notFound('Kế hoạch');
  const issuers = await repo.issuersOf(ctx.db, [planId]);
  return { row, issuers, facts: planFacts(row, issuers) };
}

export async function getPlan(ctx: ServiceContext, planId: number): Promise<PlanView> {
  const { row } = await loadPlan(ctx, planId);
  return buildPlanView(ctx.db, ctx.actor, row, today(ctx));
}

export async function listPlans(
  ctx: ServiceContext,
  query: ListPlansQuery,
): Promise<{ items: PlanSummary[]; total: number }> {
  const { rows, total } = await repo.listPlans(ctx.db, ctx.actor, {
    ...query,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  const issuers = await repo.issuersOf(
    ctx.db,
    rows.map((r) => r.plan_id),
  );
  const { items: agencies } = await listAgenciesAt(ctx.db, {
    at: today(ctx),
    ids: [...new Set(issuers.map((i) => i.agency_id))],
  });
  const names = new Map(agencies.map((a) => [a.id, a.shortName]));
  return {
    total,
    items: rows.map((r) => ({
      id: r.plan_id,
      kind: r.kind,
      year: r.year,
      provinceCode: r.province_code,
      parentPlanId: r.parent_plan_id,
      status: r.status,
      version: r.version,
      number: r.number,
      issuedOn: r.issued_on,
      title: r.title,
      issuers: issuers
        .filter((i) => i.plan_id === r.plan_id)
        .map((i) => ({ id: i.agency_id, shortName: names.get(i.agency_id) ?? '', signed: i.signed_at !== null })),
      activityCount: Number(r.activity_count ?? 0),
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
  };
}

/** Checks that the actor may create a plan of this kind for these issuers and province. */
function assertMayCreate(
  ctx: ServiceContext,
  body: { kind: string; provinceCode: string | null; issuerIds: number[] },
) {
  if (!can(ctx.actor, 'plan:edit')) throw forbidden();
  if (body.kind === 'provincial') {
    if (!body.provinceCode) throw badRequest('provinceCode', 'Kế hoạch cấp tỉnh cần mã tỉnh');
    if (!inProvinceScope(ctx.actor, body.provinceCode)) throw forbidden('Tỉnh này nằm ngoài phạm vi của bạn');
  } else if (body.provinceCode) {
    throw badRequest('provinceCode', 'Kế hoạch trung ương không có mã tỉnh');
  }
  if (ctx.actor.role !== 'admin' && !body.issuerIds.includes(ctx.actor.agencyId)) {
    throw badRequest('issuerIds', 'Cơ quan của bạn phải là một trong các cơ quan ban hành');
  }
}

export interface NewPlan {
  kind: 'central' | 'provincial';
  year: number;
  provinceCode: string | null;
  issuerIds: number[];
  content: PlanContent;
  parentPlanId?: number | null;
  previousPlanId?: number | null;
  note: string;
  action: string;
  /** More for the audit entry (a roll-forward's renames). */
  audit?: Record<string, unknown>;
}

/** Inserts a plan with its first version, activities and audit entry (inside the caller's transaction). */
export async function insertNewPlan(ctx: ServiceContext, plan: NewPlan): Promise<number> {
  const now = ctx.clock.now();
  const planId = await repo.insertPlan(ctx.db, {
    kind: plan.kind,
    year: plan.year,
    provinceCode: plan.provinceCode,
    parentPlanId: plan.parentPlanId ?? null,
    previousPlanId: plan.previousPlanId ?? null,
    content: plan.content,
    createdBy: ctx.actor.userId,
    now,
  });
  await repo.setIssuers(ctx.db, planId, plan.issuerIds);
  await repo.insertVersion(ctx.db, {
    planId,
    version: 1,
    status: 'draft',
    content: plan.content,
    issuerIds: plan.issuerIds,
    note: plan.note,
    userId: ctx.actor.userId,
    now,
  });
  await repo.syncActivities(ctx.db, planId, plan.content, plan.parentPlanId ?? null);
  await insertAudit(
    ctx.db,
    ctx.actor,
    {
      action: plan.action,
      entityType: 'plan',
      entityId: planId,
      agencyId: plan.issuerIds[0],
      provinceCode: plan.provinceCode,
      after: { kind: plan.kind, year: plan.year, issuerIds: plan.issuerIds, content: plan.content, ...plan.audit },
    },
    now,
    ctx.ip,
  );
  return planId;
}

export async function createPlan(ctx: ServiceContext, body: CreatePlanBody): Promise<PlanView> {
  const provinceCode = body.provinceCode ?? null;
  assertMayCreate(ctx, { kind: body.kind, provinceCode, issuerIds: body.issuerIds });
  const content = normaliseContent(body.content);
  // Joins an idempotent request's transaction, so its key is stored with the plan.
  const planId = await inTransaction(ctx.db, async (tx) => {
    await checkAgencies(tx, content, body.issuerIds);
    return insertNewPlan(
      { ...ctx, db: tx },
      {
        kind: body.kind,
        year: body.year,
        provinceCode,
        issuerIds: body.issuerIds,
        content,
        note: 'Tạo mới',
        action: 'create',
      },
    );
  });
  return getPlan(ctx, planId);
}

const staleMessage = 'Kế hoạch đã được người khác sửa sau khi bạn mở. Hãy tải lại để xem thay đổi rồi sửa lại.';

export async function updatePlan(ctx: ServiceContext, planId: number, body: UpdatePlanBody): Promise<PlanView> {
  const content = normaliseContent(body.content);
  // Joins the caller's transaction: an import replacing a draft updates it in its own.
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const { row, issuers, facts } = await loadPlan(txCtx, planId, true);
    if (!planActions(ctx.actor, facts).includes('edit')) {
      if (!can(ctx.actor, 'plan:edit')) throw forbidden();
      throw conflict(refusal('edit', facts));
    }
    assertVersion(row.version, body.version, staleMessage);
    const issuerIds = body.issuerIds ?? issuers.map((i) => i.agency_id);
    if (ctx.actor.role !== 'admin' && !issuerIds.includes(ctx.actor.agencyId)) {
      throw badRequest('issuerIds', 'Cơ quan của bạn phải là một trong các cơ quan ban hành');
    }
    await checkAgencies(tx, content, issuerIds);
    const now = ctx.clock.now();
    if (!(await repo.updatePlan(tx, planId, body.version, { content, bumpVersion: true }, now)))
      throw conflict(staleMessage, 'version');
    if (body.issuerIds) await repo.setIssuers(tx, planId, issuerIds);
    await repo.insertVersion(tx, {
      planId,
      version: body.version + 1,
      status: 'draft',
      content,
      issuerIds,
      note: body.note ?? null,
      userId: ctx.actor.userId,
      now,
    });
    await repo.syncActivities(tx, planId, content, row.parent_plan_id);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'update',
        entityType: 'plan',
        entityId: planId,
        agencyId: issuerIds[0],
        provinceCode: row.province_code,
        before: { version: row.version, content: row.content },
        after: { version: body.version + 1, content },
      },
      now,
      ctx.ip,
    );
  });
  return getPlan(ctx, planId);
}

/** Plans in the caller's scope with this document number in this year (an import warns of them). */
export async function plansWithNumber(ctx: ServiceContext, number: string, year: number) {
  if (!number.trim()) return [];
  const rows = await repo.plansWithNumber(ctx.db, ctx.actor, number, year);
  return rows.map((r) => ({ id: r.plan_id, status: r.status, title: r.title, version: r.version }));
}

export async function listVersions(ctx: ServiceContext, planId: number) {
  await loadPlan(ctx, planId);
  const rows = await repo.listVersions(ctx.db, planId);
  return rows.map((r) => ({
    version: r.version,
    status: r.status,
    note: r.note,
    author: r.author,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

async function versionContent(
  ctx: ServiceContext,
  planId: number,
  version: number,
  field: string,
): Promise<PlanContent> {
  const v = await repo.getVersion(ctx.db, planId, version);
  if (!v) throw badRequest(field, `Phiên bản ${version} không tồn tại`);
  return v.content;
}

export async function getVersion(ctx: ServiceContext, planId: number, version: number) {
  await loadPlan(ctx, planId);
  const v = await repo.getVersion(ctx.db, planId, version);
  if (!v) throw notFound('Phiên bản');
  return { version: v.version, status: v.status, content: v.content, createdAt: new Date(v.created_at).toISOString() };
}

export async function diffVersions(ctx: ServiceContext, planId: number, from: number, to: number) {
  await loadPlan(ctx, planId);
  const [before, after] = await Promise.all([
    versionContent(ctx, planId, from, 'from'),
    versionContent(ctx, planId, to, 'to'),
  ]);
  return { from, to, changes: diffPlanContent(before, after) };
}

/** Search everywhere (modules/search): the plans in the actor's scope holding every folded word. */
export function searchPlans(ctx: ServiceContext, words: readonly string[], limit: number) {
  return repo.searchPlans(ctx.db, ctx.actor, words, limit);
}
