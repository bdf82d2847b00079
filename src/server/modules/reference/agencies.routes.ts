import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { DataErrors, ErrorResponse, IsoDate, Paging } from '../../http/schemas';
import { createAgency } from './agencies.service';
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

export const NewAgencyBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 300, description: 'Tên đầy đủ như văn bản viết' }),
    shortName: Type.Optional(Type.String({ maxLength: 200 })),
    abbreviation: Type.String({ minLength: 1, maxLength: 30, description: 'Chữ viết tắt trong số, ký hiệu văn bản' }),
    level: Type.Union([Type.Literal('central'), Type.Literal('provincial')]),
    provinceCode: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{2}$' }), Type.Null()])),
    generation: Type.Optional(Type.Union([Type.Literal(2024), Type.Literal(2025), Type.Null()])),
  },
  { additionalProperties: false },
);

export async function agencyRoutes(app: App): Promise<void> {
  app.post(
    '/agencies',
    {
      config: { permission: 'refdata:manage' },
      schema: {
        tags: ['reference'],
        summary: 'Thêm cơ quan vào danh mục',
        description:
          'Một cơ quan mà văn bản nhắc tới nhưng danh mục chưa có (Sở, Tỉnh đoàn, bộ, ngành khác). 409 khi tên đã có trong danh mục.',
        body: NewAgencyBody,
        response: { 201: AgencyView, ...DataErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createAgency(serviceContext(request), request.body)),
  );

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
