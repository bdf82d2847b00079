import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { ErrorResponse, IsoDate } from '../../http/schemas';
import { listAudit } from './audit.repo';
import { sortQuery } from '../../common/list-sort';
import { AUDIT_SORT_KEYS } from './audit.repo';

const AuditView = Type.Object({
  id: Type.String(),
  occurredAt: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  provinceCode: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export async function auditRoutes(app: App): Promise<void> {
  app.get(
    '/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký kiểm toán (chỉ đọc)',
        description:
          'Mọi thay đổi: ai, khi nào, trước/sau. Không thể sửa hay xóa qua ứng dụng. Kiểm toán viên cấp tỉnh chỉ thấy bản ghi của tỉnh mình.',
        querystring: Type.Object({
          entityType: Type.Optional(Type.String({ maxLength: 50 })),
          entityId: Type.Optional(Type.String({ maxLength: 50 })),
          actor: Type.Optional(Type.String({ maxLength: 50 })),
          action: Type.Optional(Type.String({ maxLength: 50 })),
          sort: sortQuery(AUDIT_SORT_KEYS),
          from: Type.Optional(IsoDate),
          to: Type.Optional(IsoDate),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(AuditView), total: Type.Integer() }),
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const q = request.query;
      const to = q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000).toISOString() : undefined;
      const { rows, total } = await listAudit(ctx.db, {
        ...q,
        from: q.from ? `${q.from}T00:00:00Z` : undefined,
        to,
        provinces: ctx.actor.nationalScope ? null : ctx.actor.provinces,
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.audit_id,
          occurredAt: new Date(r.occurred_at).toISOString(),
          actor: r.actor_username,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          provinceCode: r.province_code,
          before: r.before,
          after: r.after,
          ip: r.ip,
        })),
      };
    },
  );
}
