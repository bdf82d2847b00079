// Monthly counts of a model: its activity log (meetings, support given, cases referred) and, for
// trusted addresses, cases by type. Counts only — no personal data — so anyone who can read the
// model reads them. Entries are upserted by month and kind, so a retried save changes nothing.
import type { ServiceContext } from '../../access/actor';
import { badRequest, conflict } from '../../http/errors';
import { CASE_TYPES } from '../../../shared/model-types';
import { insertAudit } from '../audit/audit.service';
import * as logs from './model-logs.repo';
import { getModel, loadModel, modelForChange } from './models.service';
import type { ActivityBody, CaseCountsBody, CaseCountsView, ModelView } from './registry.schemas';
import { newTransaction } from '../../db/transaction';

/** No future months, and one entry per month and kind (`keys[i]` is entry i's "month:kind"). */
function checkEntries(ctx: ServiceContext, months: string[], keys: string[], what: string): void {
  const current = ctx.clock.now().toISOString().slice(0, 7);
  const seen = new Set<string>();
  for (const [i, month] of months.entries()) {
    if (month > current) throw badRequest(`entries.${i}.month`, 'Không ghi số liệu cho tháng chưa tới');
    if (seen.has(keys[i]!)) throw badRequest(`entries.${i}`, `Mỗi tháng chỉ ghi một dòng cho mỗi ${what}`);
    seen.add(keys[i]!);
  }
}

export async function logActivity(ctx: ServiceContext, modelId: number, body: ActivityBody): Promise<ModelView> {
  const keys = body.entries.map((e) => `${e.month}:${e.kind}`);
  checkEntries(
    ctx,
    body.entries.map((e) => e.month),
    keys,
    'loại hoạt động',
  );
  await newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await modelForChange(txCtx, modelId, 'log_activity', null);
    const before = await logs.listActivity(tx, modelId);
    const now = ctx.clock.now();
    await logs.upsertActivity(tx, modelId, body.entries, ctx.actor.userId, now);
    const touched = new Set(keys);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'log_activity',
        entityType: 'community_model',
        entityId: modelId,
        provinceCode: row.province_code,
        before: before.filter((b) => touched.has(`${b.month}:${b.kind}`)),
        after: body.entries,
      },
      now,
      ctx.ip,
    );
  });
  return getModel(ctx, modelId);
}

export async function getCaseCounts(ctx: ServiceContext, modelId: number, year?: number): Promise<CaseCountsView> {
  const row = await loadModel(ctx, modelId);
  const items = row.sensitive ? await logs.listCaseCounts(ctx.db, modelId, year) : [];
  return {
    modelId,
    items: items.map((c) => ({ month: c.month, caseType: c.case_type, count: c.count })),
    totals: CASE_TYPES.map((caseType) => ({
      caseType,
      count: items.filter((c) => c.case_type === caseType).reduce((sum, c) => sum + c.count, 0),
    })),
  };
}

export async function setCaseCounts(
  ctx: ServiceContext,
  modelId: number,
  body: CaseCountsBody,
): Promise<CaseCountsView> {
  const keys = body.entries.map((e) => `${e.month}:${e.caseType}`);
  checkEntries(
    ctx,
    body.entries.map((e) => e.month),
    keys,
    'loại vụ việc',
  );
  await newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await loadModel(txCtx, modelId, true);
    if (!row.sensitive) throw conflict(`${row.type_name} không ghi nhận số vụ việc: chỉ Địa chỉ tin cậy`, 'modelType');
    await modelForChange(txCtx, modelId, 'edit_case_counts', null);
    const before = await logs.listCaseCounts(tx, modelId);
    const now = ctx.clock.now();
    await logs.upsertCaseCounts(tx, modelId, body.entries, ctx.actor.userId, now);
    const touched = new Set(keys);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'set_case_counts',
        entityType: 'community_model',
        entityId: modelId,
        provinceCode: row.province_code,
        before: before.filter((b) => touched.has(`${b.month}:${b.case_type}`)),
        after: body.entries,
      },
      now,
      ctx.ip,
    );
  });
  return getCaseCounts(ctx, modelId);
}
