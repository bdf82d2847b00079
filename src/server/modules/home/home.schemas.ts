// The caller's work for the home page: each list its count (`total`) and its first items.
import { Type, type Static } from 'typebox';
import { DataErrors } from '../../http/schemas';
import { named } from '../../http/named-schemas';
import { NotificationView } from '../notifications/notifications.schemas';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Bounded = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({
    total: Type.Integer({ description: 'Tổng số, không chỉ những mục được liệt kê' }),
    items: Type.Array(item),
  });
const Named = Type.Object({ code: Type.String(), name: Type.String() });
const Period = Type.Object({ code: Type.String(), label: Type.String() });

export const MyWork = named(
  'MyWork',
  Type.Object({
    today: Type.String({ description: 'Hôm nay theo giờ Việt Nam (YYYY-MM-DD)' }),
    /** How many items each list shows at most. */
    limit: Type.Integer(),
    plans: Bounded(
      Type.Object({
        id: Type.Integer(),
        title: Type.String(),
        year: Type.Integer(),
        kind: Type.String(),
        provinceCode: Nullable(Type.String()),
        action: Type.Union([Type.Literal('sign'), Type.Literal('issue')]),
        link: Type.String(),
      }),
    ),
    reportsToWrite: Bounded(
      Type.Object({
        type: Named,
        period: Period,
        dueDate: Type.String(),
        status: Type.String(),
        late: Type.Boolean(),
        reportId: Nullable(Type.Integer()),
        link: Type.String(),
      }),
    ),
    reportsToApprove: Bounded(
      Type.Object({
        id: Type.Integer(),
        type: Named,
        period: Period,
        dueDate: Type.String(),
        agency: Type.String(),
        province: Nullable(Type.String()),
        submittedAt: Nullable(Type.String()),
        link: Type.String(),
      }),
    ),
    latePeriods: Bounded(
      Type.Object({
        type: Named,
        period: Period,
        dueDate: Type.String(),
        expected: Type.Integer(),
        late: Type.Integer(),
        provinces: Type.Array(Type.String(), { description: 'Tên các tỉnh chậm nộp (tối đa `limit`)' }),
        link: Type.String(),
      }),
    ),
    recommendations: Type.Object({
      total: Type.Integer({ description: 'Kiến nghị gửi cơ quan tôi chưa hoàn thành' }),
      overdue: Type.Integer(),
      items: Type.Array(
        Type.Object({
          id: Type.Integer(),
          text: Type.String(),
          mission: Type.String(),
          dueDate: Type.String(),
          overdue: Type.Boolean(),
          status: Type.String(),
          link: Type.String(),
        }),
      ),
      link: Type.String(),
    }),
    lockedPeriods: Bounded(
      Type.Object({
        reportId: Type.Integer(),
        type: Named,
        period: Type.Object({ code: Type.String(), label: Type.String(), start: Type.String(), end: Type.String() }),
        provinceCode: Nullable(Type.String()),
        link: Type.String(),
      }),
    ),
    notifications: Type.Object({ unread: Type.Integer(), items: Type.Array(NotificationView) }),
  }),
);
export type MyWork = Static<typeof MyWork>;

export const MyWorkQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
});

export const errors = DataErrors;
