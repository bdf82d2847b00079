// The caller's own work for the home page (every signed-in role; each list scoped by its module).
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { MyWork, MyWorkQuery, errors } from './home.schemas';
import { myWork } from './home.service';

export async function homeRoutes(app: App): Promise<void> {
  app.get(
    '/me/work',
    {
      schema: {
        tags: ['home'],
        summary:
          'Việc của tôi: kế hoạch chờ ký hoặc ban hành, báo cáo phải lập hoặc chờ duyệt, tỉnh chậm nộp, kiến nghị đến hạn, kỳ đã khoá, thông báo chưa đọc',
        querystring: MyWorkQuery,
        response: { 200: MyWork, ...errors },
      },
    },
    async (request) => myWork(serviceContext(request), request.query.limit),
  );
}
