import { Type } from 'typebox';
import type { App } from '../../http/context';
import { badRequest, notFound } from '../../http/errors';
import { ErrorResponse, IsoDate, Paging } from '../../http/schemas';
import { getAdminUnit, listAdminUnits } from './admin-units.repo';
import { AdminCode, AdminLevelSchema, AdminUnitDetailView, AdminUnitView, GenerationSchema } from './reference.schemas';
import { vietnamDate } from '../../../shared/dates';

export async function adminUnitRoutes(app: App): Promise<void> {
  const today = () => vietnamDate(app.deps.clock.now());

  app.get(
    '/admin-units',
    {
      config: { permission: 'refdata:read' },
      schema: {
        tags: ['reference'],
        summary: 'Đơn vị hành chính',
        description:
          'Theo thế hệ (2024: trước 1/7/2025; 2025: sau sắp xếp, không còn cấp huyện), cấp, đơn vị cha, tỉnh. `q` tìm không dấu ("dien bien"). Tên theo ngày `at` (mặc định hôm nay): từ 30/4/2026 mã 75 là "Thành phố Đồng Nai".',
        querystring: Type.Object({
          generation: Type.Optional(GenerationSchema),
          level: Type.Optional(AdminLevelSchema),
          parent: Type.Optional(AdminCode),
          province: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          at: Type.Optional(IsoDate),
          ...Paging,
        }),
        response: {
          200: Type.Object({ items: Type.Array(AdminUnitView), total: Type.Integer(), at: IsoDate }),
          400: ErrorResponse,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const generation = q.generation ?? 2025;
      // A rule across two fields, which the schema cannot word for a user.
      if (generation === 2025 && q.level === 'district') throw badRequest('level', 'Từ 1/7/2025 không còn cấp huyện');
      const at = q.at ?? today();
      const result = await listAdminUnits(app.deps.database.db, {
        generation,
        at,
        level: q.level,
        parentCode: q.parent,
        provinceCode: q.province,
        q: q.q,
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
      return { ...result, at };
    },
  );

  app.get(
    '/admin-units/:generation/:code',
    {
      config: { permission: 'refdata:read' },
      schema: {
        tags: ['reference'],
        summary: 'Một đơn vị hành chính, với cấp trên, đơn vị kế thừa/hợp thành và các thay đổi',
        description: 'Một mã chỉ xác định đơn vị cùng với thế hệ: mã 15 là Yên Bái (2024) và Lào Cai (2025).',
        params: Type.Object({ generation: GenerationSchema, code: AdminCode }),
        querystring: Type.Object({ at: Type.Optional(IsoDate) }),
        response: { 200: AdminUnitDetailView, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const at = request.query.at ?? today();
      const unit = await getAdminUnit(app.deps.database.db, request.params.generation, request.params.code, at);
      if (!unit) throw notFound('Đơn vị hành chính');
      return { ...unit, at };
    },
  );
}
