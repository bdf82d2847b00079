// The pivot (JSON, .xlsx, .csv with the same query string: a shareable URL).
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { errors } from './indicators.schemas';
import { pivotCsv, pivotXlsx } from './pivot.export';
import { PivotQuery, PivotResponse } from './pivot.schemas';
import { pivot } from './pivot.service';
import { sendDownload } from '../../http/download';

const tags = ['analytics'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export async function pivotRoutes(app: App): Promise<void> {
  app.get(
    '/pivot',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary: 'Bảng tổng hợp trực tiếp: hàng × cột × bộ lọc, tổng, chỉ tiêu và tỷ lệ đạt',
        description:
          'Ví dụ: `?rows=province&cols=year&indicator=TT01&period=2022`. Số liệu luôn mới nhất (không có bước chạy tổng hợp). Người dùng cấp tỉnh chỉ thấy các tỉnh của mình.',
        querystring: PivotQuery,
        response: { 200: PivotResponse, ...errors },
      },
    },
    async (request) => pivot(serviceContext(request), request.query),
  );

  app.get(
    '/pivot/export.xlsx',
    {
      config: { permission: 'report:read' },
      schema: { tags, summary: 'Tải bảng tổng hợp (.xlsx), cùng tham số với /pivot', querystring: PivotQuery },
    },
    async (request, reply) => {
      const buffer = await pivotXlsx(await pivot(serviceContext(request), request.query));
      return sendDownload(reply, XLSX, 'bang-tong-hop.xlsx', buffer);
    },
  );

  app.get(
    '/pivot/export.csv',
    {
      config: { permission: 'report:read' },
      schema: { tags, summary: 'Tải bảng tổng hợp (.csv, UTF-8), cùng tham số với /pivot', querystring: PivotQuery },
    },
    async (request, reply) => {
      const buffer = pivotCsv(await pivot(serviceContext(request), request.query));
      return sendDownload(reply, 'text/csv; charset=utf-8', 'bang-tong-hop.csv', buffer);
    },
  );
}
