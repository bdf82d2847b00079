// The overview page and the province boundaries for its choropleth.
import fs from 'node:fs';
import path from 'node:path';
import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { notFound } from '../../http/errors';
import { errors } from '../analytics/indicators.schemas';
import { DashboardQuery, DashboardResponse } from '../analytics/pivot.schemas';
import { REFDATA_DIR } from '../reference/reference-data';
import { dashboard } from './dashboard.service';

const tags = ['analytics'];
const GEO_FILES = new Map([
  ['provinces-34.geojson', 'vn-provinces-34.geojson'],
  ['provinces-63.geojson', 'vn-provinces-63.geojson'],
]);
const geoCache = new Map<string, Buffer>();

export async function dashboardRoutes(app: App): Promise<void> {
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
      const name = GEO_FILES.get(request.params.file);
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
