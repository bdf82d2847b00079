// A model's status lifecycle with dated history: active ⇄ inactive, → merged (into another model of
// the same province) or dissolved. Merged and dissolved are final; `reopen: true` (with a note)
// brings such a model back to active — a correction on the record, history is never rewritten.
// Dates only move forward: a change cannot take effect before the previous one.
import type { ServiceContext } from '../../access/actor';
import { badRequest, conflict } from '../../http/errors';
import { FINAL_STATUSES, MODEL_STATUS_LABELS, statusTransitionAllowed } from '../../../shared/model-types';
import { insertAudit } from '../audit/audit.service';
import { syncModelValues } from '../analytics/sync-values';
import { checkPastDate } from './model-input';
import * as repo from './models.repo';
import { assertMayChange, getModel, loadModel } from './models.service';
import type { ModelView, StatusBody } from './registry.schemas';
import { assertVersion } from '../../common/version';
import { newTransaction } from '../../db/transaction';

export async function changeStatus(ctx: ServiceContext, modelId: number, body: StatusBody): Promise<ModelView> {
  await newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await loadModel(txCtx, modelId, true);
    assertMayChange(txCtx, row);
    assertVersion(row.version, body.version, 'Mô hình đã được người khác sửa sau khi bạn mở. Hãy tải lại rồi thử lại.');
    const reopen = body.reopen ?? false;
    if (!statusTransitionAllowed(row.status, body.status, reopen))
      throw conflict(refusal(row.status, body.status, reopen), 'status');
    const note = body.note?.trim() || null;
    if (reopen && !note) throw badRequest('note', 'Mở lại mô hình cần ghi rõ lý do');

    checkPastDate(ctx, body.effectiveOn, 'effectiveOn');
    const latest = await repo.latestEffectiveOn(tx, modelId);
    if (latest && body.effectiveOn < latest) {
      throw badRequest('effectiveOn', `Ngày hiệu lực không được trước lần thay đổi trạng thái gần nhất (${latest})`);
    }

    const mergedIntoId = body.status === 'merged' ? await mergeTarget(txCtx, row, body.mergedIntoId) : null;
    if (body.status !== 'merged' && body.mergedIntoId) {
      throw badRequest('mergedIntoId', 'Chỉ ghi mô hình nhận sáp nhập khi trạng thái là "đã sáp nhập"');
    }
    const now = ctx.clock.now();
    const changed = await repo.updateModel(
      tx,
      modelId,
      body.version,
      { status: body.status, status_since: body.effectiveOn, merged_into_id: mergedIntoId },
      now,
    );
    if (!changed) throw conflict('Mô hình đã được người khác sửa sau khi bạn mở. Hãy tải lại rồi thử lại.', 'version');
    await repo.insertHistory(tx, {
      modelId,
      status: body.status,
      effectiveOn: body.effectiveOn,
      mergedIntoId,
      note,
      userId: ctx.actor.userId,
      now,
    });
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: reopen ? 'reopen' : 'change_status',
        entityType: 'community_model',
        entityId: modelId,
        provinceCode: row.province_code,
        before: { status: row.status, statusSince: row.status_since, mergedIntoId: row.merged_into_id },
        after: { status: body.status, statusSince: body.effectiveOn, mergedIntoId, note },
      },
      now,
      ctx.ip,
    );
    await syncModelValues(tx, modelId);
  });
  return getModel(ctx, modelId);
}

/** The model this one merges into: another live model of the same province, visible to the actor. */
async function mergeTarget(ctx: ServiceContext, row: repo.ModelRow, targetId: number | null | undefined) {
  if (!targetId) throw badRequest('mergedIntoId', 'Hãy chọn mô hình nhận sáp nhập');
  if (targetId === row.community_model_id) throw badRequest('mergedIntoId', 'Mô hình không thể sáp nhập vào chính nó');
  const target = await repo.findModel(ctx.db, ctx.actor, targetId);
  if (!target) throw badRequest('mergedIntoId', 'Mô hình nhận sáp nhập không tồn tại');
  if (target.province_code !== row.province_code) {
    throw badRequest('mergedIntoId', 'Chỉ sáp nhập vào mô hình cùng tỉnh/thành phố');
  }
  if (FINAL_STATUSES.includes(target.status)) {
    throw badRequest('mergedIntoId', `Mô hình nhận sáp nhập ${MODEL_STATUS_LABELS[target.status].toLowerCase()}`);
  }
  return targetId;
}

function refusal(from: StatusBody['status'], to: StatusBody['status'], reopen: boolean): string {
  if (FINAL_STATUSES.includes(from)) {
    return reopen
      ? 'Mở lại chỉ đưa mô hình về trạng thái "đang hoạt động"'
      : `Mô hình ${MODEL_STATUS_LABELS[from].toLowerCase()}: chỉ có thể mở lại (reopen) với ghi chú lý do`;
  }
  if (reopen) return 'Chỉ mở lại mô hình đã sáp nhập hoặc giải thể';
  return `Mô hình đang ở trạng thái "${MODEL_STATUS_LABELS[to].toLowerCase()}"`;
}
