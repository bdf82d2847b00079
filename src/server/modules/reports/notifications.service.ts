// The caller's own in-app notifications (report reminders): list and mark as read.
import type { ServiceContext } from '../../access/actor';
import { notFound } from '../../http/errors';
import * as repo from './reports.repo';

export async function listNotifications(ctx: ServiceContext, unreadOnly: boolean) {
  const { items, unread } = await repo.listNotifications(ctx.db, ctx.actor.userId, unreadOnly);
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

/** Only the addressee marks a notification read; anyone else's is 404. Reading is not audited (no data changes). */
export async function markRead(ctx: ServiceContext, notificationId: number) {
  if (!(await repo.markRead(ctx.db, ctx.actor.userId, notificationId, ctx.clock.now()))) throw notFound('Thông báo');
  return listNotifications(ctx, false);
}
