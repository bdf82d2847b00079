// In-app notifications: the one way any module tells users something (`notify`, inside the
// caller's transaction), and the caller's own list, shown in the frame on every page.
// Reading and marking read are not audited (no programme data changes).
import type { ServiceContext } from '../../access/actor';
import type { Queryable } from '../../db/database';
import { notFound } from '../../http/errors';
import * as repo from './notifications.repo';

export type { NewNotification } from './notifications.repo';

/** Notifies users; pass the caller's transaction so a notification exists only if the change does. */
export async function notify(db: Queryable, rows: repo.NewNotification[], now: Date): Promise<void> {
  await repo.insertNotifications(db, rows, now);
}

export async function listNotifications(ctx: ServiceContext, unreadOnly: boolean, limit = 100) {
  const { items, unread } = await repo.listNotifications(ctx.db, ctx.actor.userId, unreadOnly, limit);
  return {
    unread,
    items: items.map((n) => ({
      id: n.notification_id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: new Date(n.created_at).toISOString(),
      readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
    })),
  };
}

/** Only the addressee marks a notification read; anyone else's is 404. */
export async function markRead(ctx: ServiceContext, notificationId: number) {
  if (!(await repo.markRead(ctx.db, ctx.actor.userId, notificationId, ctx.clock.now()))) throw notFound('Thông báo');
  return listNotifications(ctx, false);
}

export async function markAllRead(ctx: ServiceContext) {
  await repo.markAllRead(ctx.db, ctx.actor.userId, ctx.clock.now());
  return listNotifications(ctx, false);
}
