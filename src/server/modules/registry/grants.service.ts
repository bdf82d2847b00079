// Granting and revoking case-level data access, one user at a time, always audited.
// Nobody grants it to themselves: a second administrator has to.
import type { ServiceContext } from '../../access/actor';
import { forbidden, notFound } from '../../http/errors';
import type { UserGrant } from '../../../shared/model-types';
import { insertAudit } from '../audit/audit.service';
import { findUser } from '../users/users.service';
import * as repo from './grants.repo';
import type { GrantsView } from './registry.schemas';
import { newTransaction } from '../../db/transaction';

async function targetUser(ctx: ServiceContext, userId: number) {
  const user = await findUser(ctx.db, ctx.actor, userId);
  if (!user) throw notFound('Người dùng');
  return user;
}

export async function listUserGrants(ctx: ServiceContext, userId: number): Promise<GrantsView> {
  await targetUser(ctx, userId);
  const rows = await repo.listGrants(ctx.db, userId);
  return {
    userId,
    grants: rows.map((r) => ({
      grant: r.grant,
      grantedBy: r.granted_by_name,
      grantedAt: new Date(r.granted_at).toISOString(),
    })),
  };
}

export async function setUserGrant(
  ctx: ServiceContext,
  userId: number,
  grant: UserGrant,
  granted: boolean,
): Promise<GrantsView> {
  await newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const user = await targetUser(txCtx, userId);
    if (granted && userId === ctx.actor.userId) {
      throw forbidden('Không thể tự cấp quyền xem dữ liệu ca cho chính mình: cần một quản trị viên khác');
    }
    const now = ctx.clock.now();
    const changed = granted
      ? await repo.insertGrant(tx, { userId, grant, grantedBy: ctx.actor.userId, at: now })
      : await repo.deleteGrant(tx, userId, grant);
    // Granting twice or revoking what was not granted changes nothing and is not logged as a change.
    if (!changed) return;
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: granted ? 'grant' : 'revoke',
        entityType: 'user_grant',
        entityId: userId,
        agencyId: user.agency_id,
        provinceCode: user.provinces[0] ?? null,
        before: { user: user.username, grant, granted: !granted },
        after: { user: user.username, grant, granted },
      },
      now,
      ctx.ip,
    );
  });
  return listUserGrants(ctx, userId);
}
