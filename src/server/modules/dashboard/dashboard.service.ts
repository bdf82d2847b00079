// The overview page: progress of the plans' sections (from the activities), key indicators against
// their targets, a province map and a quarterly trend (from the pivot). It sits above analytics and
// records so that neither has to import the other.
import type { ServiceContext } from '../../access/actor';
import { notFound } from '../../http/errors';
import { periodLabel } from '../../../shared/analytics';
import { indicatorRows } from '../analytics/indicators.service';
import { pivot } from '../analytics/pivot.service';
import type { DashboardQuery, DashboardResponse } from '../analytics/pivot.schemas';
import { planProgress } from '../records/activities.service';

export async function dashboard(ctx: ServiceContext, query: DashboardQuery): Promise<DashboardResponse> {
  const year = String(query.year);
  const geography = query.geography ?? 2025;
  const keys = await indicatorRows(ctx, { key: true });
  const keyCodes = keys.map((k) => k.code).join(',');
  const mapCode = query.indicator ?? keys[0]?.code;
  const mapIndicator = mapCode ? (await indicatorRows(ctx, { codes: [mapCode] }))[0] : undefined;
  if (query.indicator && !mapIndicator) throw notFound('Chỉ số');

  // A provincial overview narrows the plans, key indicators and trend; the map stays national.
  const { province } = query;
  const [plans, key, trend, map, provinces] = await Promise.all([
    planProgress(ctx, { year: query.year, plan: query.plan, province }),
    keyCodes ? pivot(ctx, { rows: 'indicator', indicator: keyCodes, year, province }) : null,
    keyCodes ? pivot(ctx, { rows: 'indicator', cols: 'quarter', indicator: keyCodes, year, province }) : null,
    mapIndicator
      ? pivot(ctx, { rows: 'province', indicator: mapIndicator.code, year, geography: String(geography) })
      : null,
    ctx.db
      .selectFrom('admin_unit')
      .select(['code', 'name'])
      .where('generation', '=', geography)
      .where('level', '=', 'province')
      .orderBy('code')
      .execute(),
  ]);

  const keyRow = (code: string) => key?.rows.findIndex((r) => r.key[0] === code) ?? -1;
  const quarters = [1, 2, 3, 4].map((q) => `${year}Q${q}`);
  const mapIndex = new Map((map?.rows ?? []).map((r, i) => [r.key[0]!, i]));
  const ref = (i: (typeof keys)[number]) => ({ code: i.code, nameVi: i.name_vi, nameEn: i.name_en, unit: i.unit });
  return {
    year: query.year,
    province: province ?? null,
    scope: { national: ctx.actor.nationalScope, provinces: ctx.actor.provinces },
    plans,
    keyIndicators: keys.map((i) => {
      const r = keyRow(i.code);
      return {
        ...ref(i),
        section: i.section_number,
        value: r >= 0 ? key!.cells[r]![0]! : null,
        target: r >= 0 ? (key!.targets?.cells[r]![0] ?? null) : null,
        achievement: r >= 0 ? (key!.achievement?.cells[r]![0] ?? null) : null,
      };
    }),
    map: {
      indicator: mapIndicator ? ref(mapIndicator) : null,
      geography,
      geoJson: `/api/analytics/geo/provinces-${geography === 2025 ? 34 : 63}.geojson`,
      values: provinces.map((p) => {
        const i = mapIndex.get(p.code);
        return {
          code: p.code,
          name: p.name,
          value: i === undefined ? null : map!.cells[i]![0]!,
          target: i === undefined ? null : (map!.targets?.cells[i]![0] ?? null),
          achievement: i === undefined ? null : (map!.achievement?.cells[i]![0] ?? null),
        };
      }),
      unplaced:
        (map?.rows ?? [])
          .map((r, i) => (/^\d{2}$/.test(r.key[0]!) ? 0 : (map!.cells[i]![0] ?? 0)))
          .reduce((a, b) => a + b, 0) || null,
    },
    trend: {
      periods: quarters.map((code) => ({ code, label: periodLabel(code) })),
      series: keys.map((i) => {
        const r = trend?.rows.findIndex((row) => row.key[0] === i.code) ?? -1;
        return {
          ...ref(i),
          values: quarters.map((q) => {
            const c = trend?.columns.findIndex((col) => col.key[0] === q) ?? -1;
            return r >= 0 && c >= 0 ? trend!.cells[r]![c]! : null;
          }),
        };
      }),
    },
  };
}
