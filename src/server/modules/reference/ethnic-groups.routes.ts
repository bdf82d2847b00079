import { Type } from 'typebox';
import type { App } from '../../http/context';
import { notFound } from '../../http/errors';
import { ErrorResponse, Paging } from '../../http/schemas';
import { getEthnicGroup, listEthnicGroups } from './ethnic-groups.repo';
import { EthnicGroupView } from './reference.schemas';

export async function ethnicGroupRoutes(app: App): Promise<void> {
  app.get(
    '/ethnic-groups',
    {
      config: { permission: 'refdata:read' },
      schema: {
        tags: ['reference'],
        summary: 'Dân tộc',
        description: '54 dân tộc, theo mã danh mục 2008. `q` tìm theo mọi tên gọi, không dấu ("hmong" ra Mông).',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ...Paging }),
        response: {
          200: Type.Object({ items: Type.Array(EthnicGroupView), total: Type.Integer() }),
          400: ErrorResponse,
        },
      },
    },
    async (request) =>
      listEthnicGroups(app.deps.database.db, {
        q: request.query.q,
        limit: request.query.limit ?? 100,
        offset: request.query.offset ?? 0,
      }),
  );

  app.get(
    '/ethnic-groups/:id',
    {
      config: { permission: 'refdata:read' },
      schema: {
        tags: ['reference'],
        summary: 'Một dân tộc',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 32767 }) }),
        response: { 200: EthnicGroupView, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const group = await getEthnicGroup(app.deps.database.db, request.params.id);
      if (!group) throw notFound('Dân tộc');
      return group;
    },
  );
}
