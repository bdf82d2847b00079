import { Type } from 'typebox';
import type { App } from '../../http/context';
import { ErrorResponse, IsoDate, Paging } from '../../http/schemas';
import { listAgenciesAt } from './agencies.repo';
import { vietnamDate } from '../../../shared/dates';

export const AgencyView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  kind: Type.String(),
  level: Type.Union([Type.Literal('central'), Type.Literal('provincial')]),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  generation: Type.Union([Type.Integer(), Type.Null()]),
  provinceCode: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  shortName: Type.String(),
  abbreviation: Type.String(),
  governingBody: Type.Union([Type.String(), Type.Null()]),
  signingBody: Type.Union([Type.String(), Type.Null()]),
});

export async function agencyRoutes(app: App): Promise<void> {
  app.get(
    '/agencies',
    {
      config: { permission: 'refdata:read' },
      schema: {
        tags: ['reference'],
        summary: 'Cơ quan, với tên gọi tại một ngày',
        description:
          'Tên và chữ viết tắt như tại ngày `at` (mặc định hôm nay): năm 2022 là "Ủy ban Dân tộc", từ 1/3/2025 là "Bộ Dân tộc và Tôn giáo". Chỉ các cơ quan tồn tại vào ngày đó.',
        querystring: Type.Object({
          at: Type.Optional(IsoDate),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          level: Type.Optional(Type.Union([Type.Literal('central'), Type.Literal('provincial')])),
          kind: Type.Optional(Type.String({ maxLength: 40 })),
          province: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
          ...Paging,
        }),
        response: {
          200: Type.Object({ items: Type.Array(AgencyView), total: Type.Integer(), at: IsoDate }),
          400: ErrorResponse,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const at = q.at ?? vietnamDate(app.deps.clock.now());
      const result = await listAgenciesAt(app.deps.database.db, {
        at,
        q: q.q,
        level: q.level,
        kind: q.kind,
        provinceCode: q.province,
        activeOnly: true,
        limit: q.limit ?? 100,
        offset: q.offset ?? 0,
      });
      return { ...result, at };
    },
  );
}
