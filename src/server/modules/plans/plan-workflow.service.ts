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
import { agencyMap, formerAbbreviations } from '../reference/reference.service';
import { foldVietnamese } from '../../../shared/text';
import { withSignOffs } from './plan-content';

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

export interface SignInput {
  version: number;
  signer?: string;
  position?: string;
  authority?: string;
}

/** Signs for the actor's agency, recording who signed as printed: the name (the user's display name
 *  unless given), the position and authority line (the plan's signature block for the agency unless given). */
export function signPlan(ctx: ServiceContext, planId: number, input: SignInput) {
  return transition(ctx, planId, input.version, 'sign', async (txCtx, { row, issuers }) => {
    const block = row.content.signatures.find((s) => s.agencyId === ctx.actor.agencyId);
    const signer = {
      name: (input.signer ?? ctx.actor.displayName).trim(),
      position: (input.position ?? block?.position ?? '').trim(),
      authority: (input.authority ?? block?.authority ?? '').trim(),
    };
    if (!signer.name) throw badRequest('signer', 'Cần ghi họ tên người ký');
    await repo.recordSignature(txCtx.db, row.plan_id, ctx.actor.agencyId, ctx.actor.userId, ctx.clock.now(), signer);
    const remaining = issuers.filter((i) => i.signed_at === null && i.agency_id !== ctx.actor.agencyId);
    return {
      status: remaining.length === 0 ? 'signed' : 'under_review',
      audit: { signedFor: ctx.actor.agencyId, signer },
    };
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

/** The number a plan issued on `issuedOn` gets from its lead agency's register: "12/KH-HLHPN-BDTTG",
 *  the issuers' abbreviations as of that day, lead agency first. `take` takes it (in the issue's transaction). */
async function registerNumber(
  ctx: ServiceContext,
  issuerIds: number[],
  issuedOn: string,
  take: boolean,
): Promise<{ seq: number; number: string; year: number }> {
  const year = Number(issuedOn.slice(0, 4));
  const lead = issuerIds[0]!;
  const seq = take
    ? await repo.takeDocumentNumber(ctx.db, lead, year)
    : await repo.peekDocumentNumber(ctx.db, lead, year);
  const agencies = await agencyMap(ctx.db, issuerIds, issuedOn);
  const symbol = ['KH', ...issuerIds.map((id) => agencies.get(id)?.abbreviation ?? '')].filter(Boolean).join('-');
  return { seq, year, number: `${String(seq).padStart(2, '0')}/${symbol}` };
}

/** A typed number whose symbol carries an issuer's abbreviation no longer in use on the issue date
 *  ("…-UBĐT" after 28/2/2025): 400 on `number` naming the one in use. */
async function refuseFormerAbbreviations(ctx: ServiceContext, issuerIds: number[], number: string, issuedOn: string) {
  const former = await formerAbbreviations(ctx.db, issuerIds, issuedOn);
  const parts = number.slice(number.indexOf('/') + 1).split('-');
  for (const { former: old, current } of former.values()) {
    const found = parts.find((p) => old.some((o) => foldVietnamese(o) === foldVietnamese(p)));
    if (found)
      throw badRequest(
        'number',
        `Ký hiệu "${found}" không phải tên viết tắt của cơ quan ban hành vào ngày ${issuedOn}; ngày đó dùng "${current}".`,
      );
  }
}

/** What the issue dialog shows: the number the plan will get if issued on that day. */
export async function nextPlanNumber(ctx: ServiceContext, planId: number, issuedOn: string) {
  const { issuers } = await loadPlan(ctx, planId);
  const { number, year } = await registerNumber(
    ctx,
    issuers.map((i) => i.agency_id),
    issuedOn,
    false,
  );
  return { number, year };
}

/** Issues the signed plan: the number from the lead agency's register (or a typed one the agency has
 *  not used that year: 409 on `number` otherwise), the date, and the sign-offs printed in its blocks. */
export function issuePlan(
  ctx: ServiceContext,
  planId: number,
  body: { version: number; number?: string; issuedOn: string },
) {
  return transition(ctx, planId, body.version, 'issue', async (txCtx, { row, issuers }) => {
    const issuerIds = issuers.map((i) => i.agency_id);
    const lead = issuerIds[0]!;
    const year = Number(body.issuedOn.slice(0, 4));
    const now = ctx.clock.now();
    let number: string;
    const typed = body.number?.replace(/\s+/g, '');
    if (typed) {
      const seq = /^0*(\d{1,9})\//.exec(typed);
      if (!seq || Number(seq[1]) === 0)
        throw badRequest('number', 'Số văn bản phải bắt đầu bằng số thứ tự, ví dụ "12/KH-HLHPN-BDTTG"');
      await refuseFormerAbbreviations(txCtx, issuerIds, typed, body.issuedOn);
      const claimed = await repo.claimDocumentNumber(txCtx.db, {
        agencyId: lead,
        year,
        seq: Number(seq[1]),
        number: typed,
        planId,
        now,
      });
      if (!claimed)
        throw conflict(
          `Số ${seq[1]} năm ${year} đã được cấp cho văn bản khác của cơ quan chủ trì; để trống để lấy số tiếp theo trong sổ.`,
          'number',
        );
      number = typed;
    } else {
      // A number the register gives is free unless it was typed before the register reached it.
      for (;;) {
        const next = await registerNumber(txCtx, issuerIds, body.issuedOn, true);
        if (
          await repo.claimDocumentNumber(txCtx.db, {
            agencyId: lead,
            year,
            seq: next.seq,
            number: next.number,
            planId,
            now,
          })
        ) {
          number = next.number;
          break;
        }
      }
    }
    // The number and date are given at issue by the records office; they belong to the signed version,
    // and so do the names of those who signed.
    const content = {
      ...row.content,
      number,
      issuedOn: body.issuedOn,
      signatures: withSignOffs(row.content.signatures, issuers),
    };
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
      // The revision is signed again: the names of the issued version's signers stay in its history.
      content: { ...row.content, signatures: row.content.signatures.map((x) => ({ ...x, signer: '' })) },
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
