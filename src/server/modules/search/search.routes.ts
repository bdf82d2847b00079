// GET /api/search: search everywhere, in the caller's scope.
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { ErrorResponse } from '../../http/schemas';
import { SearchQuery, SearchResponse } from './search.schemas';
import { search } from './search.service';

export async function searchRoutes(app: App): Promise<void> {
  app.get(
    '/search',
    {
      // Every role reads reference data; each kind is then searched only where the role reads it.
      config: { permission: 'refdata:read' },
      schema: {
        tags: ['search'],
        summary:
          'Tìm kiếm chung: kế hoạch, hoạt động, bản ghi, mô hình, đoàn giám sát, góp ý chính sách, cơ quan, người dùng (không dấu cũng tìm được)',
        querystring: SearchQuery,
        response: { 200: SearchResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => search(serviceContext(request), request.query),
  );
}
