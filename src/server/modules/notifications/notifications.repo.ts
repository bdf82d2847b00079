// All SQL of in-app notifications. A notification belongs to one user: every read and change is
// filtered by the caller's own user id (someone else's notification does not exist for them).
import { sql } from 'kysely';
import type { Queryable } from '../../db/database';

export interface NewNotification {
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  report_id?: number | null;
}

export async function insertNotifications(db: Queryable, rows: NewNotification[], now: Date) {
  if (rows.length === 0) return;
  await db
    .insertInto('notification')
    .values(rows.map((r) => ({ ...r, report_id: r.report_id ?? null, created_at: now })))
    .execute();
}

export async function listNotifications(db: Queryable, userId: number, unreadOnly: boolean, limit: number) {
  let query = db.selectFrom('notification').selectAll().where('user_id', '=', userId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  const [items, unread] = await Promise.all([
    query.orderBy('created_at', 'desc').orderBy('notification_id', 'desc').limit(limit).execute(),
    db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, unread: Number(unread.n) };
}

export async function markRead(db: Queryable, userId: number, notificationId: number, now: Date) {
  const row = await db
    .updateTable('notification')
    .set({ read_at: sql`coalesce(read_at, ${now})` })
    .where('notification_id', '=', notificationId)
    .where('user_id', '=', userId)
    .returning('notification_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markAllRead(db: Queryable, userId: number, now: Date) {
  await db
    .updateTable('notification')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}
