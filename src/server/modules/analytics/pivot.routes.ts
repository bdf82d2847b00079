// The pivot (JSON, .xlsx, .csv with the same query string: a shareable URL), the dashboard and the
// province boundaries for its choropleth.
import fs from 'node:fs';
import path from 'node:path';
import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { notFound } from '../../http/errors';
import { REFDATA_DIR } from '../reference/reference-data';
import { errors } from './indicators.schemas';
import { pivotCsv, pivotXlsx } from './pivot.export';
import { DashboardQuery, DashboardResponse, PivotQuery, PivotResponse } from './pivot.schemas';
import { dashboard, pivot } from './pivot.service';

const tags = ['analytics'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GEO_FILES: Record<string, string> = {
  'provinces-34.geojson': 'vn-provinces-34.geojson',
  'provinces-63.geojson': 'vn-provinces-63.geojson',
};
const geoCache = new Map<string, Buffer>();

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
      return reply.type(XLSX).header('content-disposition', 'attachment; filename="bang-tong-hop.xlsx"').send(buffer);
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
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="bang-tong-hop.csv"')
        .send(buffer);
    },
  );

  app.get(
    '/analytics/dashboard',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary:
          'Tổng quan: tiến độ các mục của kế hoạch, chỉ số chính so với chỉ tiêu, bản đồ theo tỉnh, xu hướng theo quý',
        querystring: DashboardQuery,
        response: { 200: DashboardResponse, ...errors },
      },
    },
    async (request) => dashboard(serviceContext(request), request.query),
  );

  app.get(
    '/analytics/geo/:file',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary: 'Ranh giới tỉnh (GeoJSON) cho bản đồ: provinces-34.geojson hoặc provinces-63.geojson',
        params: Type.Object({ file: Type.String({ maxLength: 40 }) }),
      },
    },
    async (request, reply) => {
      const name = GEO_FILES[request.params.file];
      if (!name) throw notFound('Tệp bản đồ');
      let data = geoCache.get(name);
      if (!data) {
        data = fs.readFileSync(path.join(REFDATA_DIR, 'geo', name));
        geoCache.set(name, data);
      }
      return reply.type('application/geo+json').header('cache-control', 'private, max-age=86400').send(data);
    },
  );
}
