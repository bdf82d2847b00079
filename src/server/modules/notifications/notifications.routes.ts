// The caller's own notifications: list (with the unread count the frame shows), mark one or all read.
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { IdParams } from '../../http/schemas';
import * as notifications from './notifications.service';
import { ListNotificationsQuery, NotificationList, errors } from './notifications.schemas';

const tags = ['notifications'];

export async function notificationRoutes(app: App): Promise<void> {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi',
        querystring: ListNotificationsQuery,
        response: { 200: NotificationList, ...errors },
      },
    },
    async (request) =>
      notifications.listNotifications(serviceContext(request), request.query.unread ?? false, request.query.limit),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: { tags, summary: 'Đánh dấu đã đọc', params: IdParams, response: { 200: NotificationList, ...errors } },
    },
    async (request) => notifications.markRead(serviceContext(request), request.params.id),
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: 'Đánh dấu đã đọc tất cả', response: { 200: NotificationList, ...errors } } },
    async (request) => notifications.markAllRead(serviceContext(request)),
  );
}
