// Request and response schemas of the caller's notifications.
import { Type } from 'typebox';
import { DataErrors } from '../../http/schemas';
import { named } from '../../http/named-schemas';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const NotificationView = named(
  'NotificationView',
  Type.Object({
    id: Type.Integer(),
    kind: Type.String(),
    title: Type.String(),
    body: Type.String(),
    link: Nullable(Type.String()),
    createdAt: Type.String(),
    readAt: Nullable(Type.String()),
  }),
);
export const NotificationList = named(
  'NotificationList',
  Type.Object({ items: Type.Array(NotificationView), unread: Type.Integer() }),
);
export const ListNotificationsQuery = Type.Object({
  unread: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 100 })),
});
export const errors = DataErrors;
