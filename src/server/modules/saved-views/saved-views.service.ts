// Saved pivot views: save, list (mine and my agency's shared), open, rename/share, delete. Only the
// owner changes a view (access/policies/saved-view.policy.ts); each change is audited in its
// transaction, and a rename carries the version the caller read.
import type { ServiceContext } from '../../access/actor';
import { SAVED_VIEW_REFUSAL, savedViewActions } from '../../access/policies/saved-view.policy';
import { assertVersion } from '../../common/version';
import { inTransaction, newTransaction } from '../../db/transaction';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { insertAudit } from '../audit/audit.service';
import * as repo from './saved-views.repo';
import {
  SAVED_VIEW_STATE_MAX_BYTES,
  type CreateSavedViewBody,
  type PivotViewState,
  type SavedViewList,
  type SavedViewView,
  type UpdateSavedViewBody,
} from './saved-views.schemas';

/** Views one user may own: enough for any real use, and a bound on what one account can store. */
export const MAX_VIEWS_PER_USER = 200;
const WHAT = 'Chế độ xem';

function toView(ctx: ServiceContext, row: repo.SavedViewRow): SavedViewView {
  return {
    id: row.saved_view_id,
    kind: row.kind,
    name: row.name,
    state: row.state as PivotViewState,
    shared: row.shared,
    owner: { id: row.owner_user_id, displayName: row.owner_name },
    mine: row.owner_user_id === ctx.actor.userId,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
    allowedActions: savedViewActions(ctx.actor, { ownerUserId: row.owner_user_id }),
  };
}

function auditShape(view: { name: string; shared: boolean; state: unknown }) {
  return { name: view.name, shared: view.shared, state: view.state };
}

function cleanName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw badRequest('name', 'Tên chế độ xem không được để trống');
  return trimmed;
}

/** An axis named twice, or on both axes, is not a view the page can show. */
function checkState(state: PivotViewState): void {
  if (state.cols.some((d) => state.rows.includes(d)))
    throw badRequest('state.cols', 'Một chiều không thể vừa ở hàng vừa ở cột');
  if (Buffer.byteLength(JSON.stringify(state)) > SAVED_VIEW_STATE_MAX_BYTES)
    throw badRequest('state', `Chế độ xem quá lớn (tối đa ${SAVED_VIEW_STATE_MAX_BYTES} byte)`);
}

export async function listSavedViews(ctx: ServiceContext): Promise<SavedViewList> {
  const [rows, total] = await Promise.all([
    repo.listViews(ctx.db, ctx.actor, 'pivot', 500),
    repo.countViews(ctx.db, ctx.actor, 'pivot'),
  ]);
  return { items: rows.map((r) => toView(ctx, r)), total };
}

export async function getSavedView(ctx: ServiceContext, id: number): Promise<SavedViewView> {
  const row = await repo.findView(ctx.db, ctx.actor, id);
  if (!row) throw notFound(WHAT);
  return toView(ctx, row);
}

export async function createSavedView(ctx: ServiceContext, body: CreateSavedViewBody): Promise<SavedViewView> {
  const name = cleanName(body.name);
  checkState(body.state);
  const shared = body.shared ?? false;
  const id = await inTransaction(ctx.db, async (tx) => {
    if ((await repo.ownedCount(tx, ctx.actor.userId)) >= MAX_VIEWS_PER_USER)
      throw conflict(`Mỗi người lưu được tối đa ${MAX_VIEWS_PER_USER} chế độ xem; hãy xóa bớt`, 'name');
    if (await repo.nameTaken(tx, ctx.actor.userId, 'pivot', name))
      throw conflict('Bạn đã có một chế độ xem cùng tên', 'name');
    const now = ctx.clock.now();
    const newId = await repo.insertView(tx, {
      kind: 'pivot',
      name,
      state: body.state,
      shared,
      ownerUserId: ctx.actor.userId,
      agencyId: ctx.actor.agencyId,
      now,
    });
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'create',
        entityType: 'saved_view',
        entityId: newId,
        agencyId: ctx.actor.agencyId,
        after: auditShape({ name, shared, state: body.state }),
      },
      now,
      ctx.ip,
    );
    return newId;
  });
  return getSavedView(ctx, id);
}

/** The owner's row, locked, or 404 (not visible) / 403 (visible, someone else's). */
async function ownRow(ctx: ServiceContext, id: number): Promise<repo.SavedViewRow> {
  const row = await repo.findView(ctx.db, ctx.actor, id, true);
  if (!row) throw notFound(WHAT);
  if (!savedViewActions(ctx.actor, { ownerUserId: row.owner_user_id }).length) throw forbidden(SAVED_VIEW_REFUSAL);
  return row;
}

export async function updateSavedView(
  ctx: ServiceContext,
  id: number,
  body: UpdateSavedViewBody,
): Promise<SavedViewView> {
  const name = body.name === undefined ? undefined : cleanName(body.name);
  if (body.state) checkState(body.state);
  await newTransaction(ctx.db, async (tx) => {
    const tctx = { ...ctx, db: tx };
    const row = await ownRow(tctx, id);
    assertVersion(row.version, body.version, 'Chế độ xem đã được thay đổi ở nơi khác; hãy tải lại trang');
    if (name !== undefined && (await repo.nameTaken(tx, row.owner_user_id, row.kind, name, id)))
      throw conflict('Bạn đã có một chế độ xem cùng tên', 'name');
    const now = ctx.clock.now();
    await repo.updateView(tx, id, { name, shared: body.shared, state: body.state }, now);
    const before = auditShape(row);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'update',
        entityType: 'saved_view',
        entityId: id,
        agencyId: row.agency_id,
        before,
        after: auditShape({
          name: name ?? row.name,
          shared: body.shared ?? row.shared,
          state: body.state ?? row.state,
        }),
      },
      now,
      ctx.ip,
    );
  });
  return getSavedView(ctx, id);
}

export async function deleteSavedView(ctx: ServiceContext, id: number, version?: number): Promise<void> {
  await newTransaction(ctx.db, async (tx) => {
    const row = await ownRow({ ...ctx, db: tx }, id);
    assertVersion(row.version, version, 'Chế độ xem đã được thay đổi ở nơi khác; hãy tải lại trang');
    await repo.deleteView(tx, id);
    await insertAudit(
      tx,
      ctx.actor,
      { action: 'delete', entityType: 'saved_view', entityId: id, agencyId: row.agency_id, before: auditShape(row) },
      ctx.clock.now(),
      ctx.ip,
    );
  });
}
