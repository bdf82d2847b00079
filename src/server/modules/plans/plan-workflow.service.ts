// The plan lifecycle: draft → under review → signed by every issuing agency → issued → closed.
// Either agency can return it to draft with a comment (signatures are then cleared); an issued
// plan is never edited in place: a revision makes a new draft version and keeps the issued one.
import type { ServiceContext } from '../../access/actor';
import { can } from '../../access/actor';
import { planActions, refusal, type PlanAction } from '../../access/policies/plan.policy';
import { badRequest, conflict, forbidden } from '../../http/errors';
import type { PlanStatus } from '../../../shared/plan';
import { insertAudit } from '../audit/audit.service';
import * as repo from './plans.repo';
import { getPlan, loadPlan } from './plans.service';
import type { PlanView } from './plans.schemas';
import { assertVersion } from '../../common/version';
import { newTransaction } from '../../db/transaction';

type Loaded = Awaited<ReturnType<typeof loadPlan>>;
type Step = (ctx: ServiceContext, loaded: Loaded) => Promise<{ status?: PlanStatus; audit?: Record<string, unknown> }>;

const stale = 'Kế hoạch đã thay đổi sau khi bạn mở (có người vừa sửa hoặc ký). Hãy tải lại trang.';

async function transition(
  ctx: ServiceContext,
  planId: number,
  version: number,
  action: PlanAction,
  step: Step,
): Promise<PlanView> {
  await newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const loaded = await loadPlan(txCtx, planId, true);
    const { row, facts } = loaded;
    if (!planActions(ctx.actor, facts).includes(action)) {
      if (!can(ctx.actor, action === 'sign' ? 'plan:sign' : 'plan:edit')) throw forbidden();
      throw conflict(refusal(action, facts));
    }
    assertVersion(row.version, version, stale);
    const result = await step(txCtx, loaded);
    const now = ctx.clock.now();
    if (result.status && result.status !== row.status) {
      if (!(await repo.updatePlan(tx, planId, version, { status: result.status, bumpVersion: false }, now)))
        throw conflict(stale, 'version');
      await tx
        .updateTable('plan_version')
        .set({ status: result.status })
        .where('plan_id', '=', planId)
        .where('version', '=', version)
        .execute();
    }
    await insertAudit(
      tx,
      ctx.actor,
      {
        action,
        entityType: 'plan',
        entityId: planId,
        agencyId: ctx.actor.agencyId,
        provinceCode: row.province_code,
        before: { status: row.status, version },
        after: { status: result.status ?? row.status, ...result.audit },
      },
      now,
      ctx.ip,
    );
  });
  return getPlan(ctx, planId);
}

export function submitPlan(ctx: ServiceContext, planId: number, version: number) {
  return transition(ctx, planId, version, 'submit', async (_tx, { row }) => {
    if (row.content.sections.length === 0)
      throw badRequest('content.sections', 'Kế hoạch cần ít nhất một nội dung trước khi trình ký');
    return { status: 'under_review' };
  });
}

export function signPlan(ctx: ServiceContext, planId: number, version: number) {
  return transition(ctx, planId, version, 'sign', async (txCtx, { row, issuers }) => {
    await repo.recordSignature(txCtx.db, row.plan_id, ctx.actor.agencyId, ctx.actor.userId, ctx.clock.now());
    const remaining = issuers.filter((i) => i.signed_at === null && i.agency_id !== ctx.actor.agencyId);
    return { status: remaining.length === 0 ? 'signed' : 'under_review', audit: { signedFor: ctx.actor.agencyId } };
  });
}

export function returnPlan(ctx: ServiceContext, planId: number, version: number, comment: string) {
  return transition(ctx, planId, version, 'return', async (txCtx, { row }) => {
    await repo.clearSignatures(txCtx.db, row.plan_id);
    await repo.insertComment(txCtx.db, {
      planId: row.plan_id,
      version,
      kind: 'return',
      body: comment,
      agencyId: ctx.actor.agencyId,
      userId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
    return { status: 'draft', audit: { comment } };
  });
}

export function issuePlan(
  ctx: ServiceContext,
  planId: number,
  body: { version: number; number: string; issuedOn: string },
) {
  return transition(ctx, planId, body.version, 'issue', async (txCtx, { row }) => {
    // The number and date are given at issue by the records office; they belong to the signed version.
    const content = { ...row.content, number: body.number.replace(/\s+/g, ''), issuedOn: body.issuedOn };
    await repo.updatePlan(txCtx.db, row.plan_id, body.version, { content, bumpVersion: false }, ctx.clock.now());
    await txCtx.db
      .updateTable('plan_version')
      .set({ content: JSON.stringify(content) })
      .where('plan_id', '=', row.plan_id)
      .where('version', '=', body.version)
      .execute();
    return { status: 'issued', audit: { number: content.number, issuedOn: content.issuedOn } };
  });
}

export function closePlan(ctx: ServiceContext, planId: number, version: number) {
  return transition(ctx, planId, version, 'close', async () => ({ status: 'closed' }));
}

/** A change to an issued plan: a new draft version; the issued version stays in the history. */
export async function revisePlan(
  ctx: ServiceContext,
  planId: number,
  version: number,
  reason: string,
): Promise<PlanView> {
  await transition(ctx, planId, version, 'revise', async (txCtx, { row, issuers }) => {
    const now = ctx.clock.now();
    await repo.updatePlan(txCtx.db, row.plan_id, version, { bumpVersion: true }, now);
    await repo.clearSignatures(txCtx.db, row.plan_id);
    await repo.insertVersion(txCtx.db, {
      planId: row.plan_id,
      version: version + 1,
      status: 'draft',
      content: row.content,
      issuerIds: issuers.map((i) => i.agency_id),
      note: reason,
      userId: ctx.actor.userId,
      now,
    });
    await txCtx.db.updateTable('plan').set({ status: 'draft' }).where('plan_id', '=', row.plan_id).execute();
    await repo.insertComment(txCtx.db, {
      planId: row.plan_id,
      version: version + 1,
      kind: 'revise',
      body: reason,
      agencyId: ctx.actor.agencyId,
      userId: ctx.actor.userId,
      now,
    });
    return { audit: { status: 'draft', version: version + 1, reason } };
  });
  return getPlan(ctx, planId);
}
