// Case-level data of trusted addresses (personal data). Only users holding the case_data grant
// read or write it, whatever their role; every read and every change is written to the audit log
// with the reader. Audit entries carry case ids and types, never the personal fields themselves,
// so the audit log does not become a second copy readable by auditors without the grant.
import type { ServiceContext } from '../../access/actor';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { inTransaction, newTransaction } from '../../db/transaction';
import type { Permission } from '../../../shared/permissions';
import { insertAudit } from '../audit/audit.service';
import { grantedPermissions } from './grants.repo';
import { checkPastDate } from './model-input';
import * as logs from './model-logs.repo';
import * as repo from './models.repo';
import { assertMayChange, loadModel } from './models.service';
import type { CaseInput, CaseView } from './registry.schemas';

export const caseAccessRefused = () =>
  forbidden('Dữ liệu từng vụ việc chỉ dành cho người được cấp quyền riêng (case_data)');

export async function assertCaseAccess(ctx: ServiceContext, permission: Permission): Promise<void> {
  if (!(await grantedPermissions(ctx.db, ctx.actor.userId)).includes(permission)) throw caseAccessRefused();
}

async function trustedAddress(ctx: ServiceContext, modelId: number, write: boolean) {
  const row = await loadModel(ctx, modelId, write);
  if (!row.sensitive) throw conflict(`${row.type_name} không lưu dữ liệu vụ việc`, 'modelType');
  if (write) assertMayChange(ctx, row);
  return row;
}

type CaseRow = Awaited<ReturnType<typeof logs.listCases>>[number];

function toView(r: CaseRow): CaseView {
  return {
    id: r.model_case_id,
    modelId: r.community_model_id,
    receivedOn: r.received_on,
    caseType: r.case_type,
    personInitials: r.person_initials,
    age: r.age,
    sex: r.sex,
    ethnicGroupId: r.ethnic_group_id,
    referral: r.referral,
    notes: r.notes,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function listCases(ctx: ServiceContext, modelId: number): Promise<{ items: CaseView[] }> {
  await assertCaseAccess(ctx, 'case:read');
  // The read and its audit entry commit together: no case data leaves without its trace.
  return newTransaction(ctx.db, async (tx) => {
    const row = await trustedAddress({ ...ctx, db: tx }, modelId, false);
    const rows = await logs.listCases(tx, modelId);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'read_cases',
        entityType: 'community_model',
        entityId: modelId,
        provinceCode: row.province_code,
        after: { reader: ctx.actor.username, caseIds: rows.map((r) => r.model_case_id) },
      },
      ctx.clock.now(),
      ctx.ip,
    );
    return { items: rows.map(toView) };
  });
}

async function caseColumns(ctx: ServiceContext, input: CaseInput): Promise<logs.CaseColumns> {
  checkPastDate(ctx, input.receivedOn, 'receivedOn');
  const ethnicGroupId = input.ethnicGroupId ?? null;
  if (ethnicGroupId !== null && (await repo.existingEthnicGroupIds(ctx.db, [ethnicGroupId])).length === 0) {
    throw badRequest('ethnicGroupId', 'Dân tộc không tồn tại');
  }
  return {
    received_on: input.receivedOn,
    case_type: input.caseType,
    person_initials: input.personInitials?.trim() || null,
    age: input.age ?? null,
    sex: input.sex ?? null,
    ethnic_group_id: ethnicGroupId,
    referral: input.referral?.trim() || null,
    notes: input.notes?.trim() || null,
  };
}

async function writeCase(
  ctx: ServiceContext,
  modelId: number,
  action: 'create_case' | 'update_case' | 'delete_case',
  change: (tx: ServiceContext) => Promise<{ caseId: number; caseType: string }>,
): Promise<number> {
  await assertCaseAccess(ctx, 'case:write');
  return inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await trustedAddress(txCtx, modelId, true);
    const { caseId, caseType } = await change(txCtx);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action,
        entityType: 'community_model',
        entityId: modelId,
        provinceCode: row.province_code,
        after: { caseId, caseType },
      },
      ctx.clock.now(),
      ctx.ip,
    );
    return caseId;
  });
}

async function existingCase(ctx: ServiceContext, modelId: number, caseId: number) {
  const found = await logs.findCase(ctx.db, modelId, caseId);
  if (!found) throw notFound('Vụ việc');
  return found;
}

export async function createCase(ctx: ServiceContext, modelId: number, input: CaseInput): Promise<CaseView> {
  const caseId = await writeCase(ctx, modelId, 'create_case', async (txCtx) => {
    const id = await logs.insertCase(
      txCtx.db,
      modelId,
      await caseColumns(txCtx, input),
      ctx.actor.userId,
      ctx.clock.now(),
    );
    return { caseId: id, caseType: input.caseType };
  });
  return toView((await logs.findCase(ctx.db, modelId, caseId))!);
}

export async function updateCase(
  ctx: ServiceContext,
  modelId: number,
  caseId: number,
  input: CaseInput,
): Promise<CaseView> {
  await writeCase(ctx, modelId, 'update_case', async (txCtx) => {
    await existingCase(txCtx, modelId, caseId);
    await logs.updateCase(txCtx.db, caseId, await caseColumns(txCtx, input), ctx.clock.now());
    return { caseId, caseType: input.caseType };
  });
  return toView((await logs.findCase(ctx.db, modelId, caseId))!);
}

export async function deleteCase(ctx: ServiceContext, modelId: number, caseId: number): Promise<void> {
  await writeCase(ctx, modelId, 'delete_case', async (txCtx) => {
    const found = await existingCase(txCtx, modelId, caseId);
    await logs.deleteCase(txCtx.db, caseId);
    return { caseId, caseType: found.case_type };
  });
}
