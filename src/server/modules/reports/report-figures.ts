// The figures a report is pre-filled with, for its period and scope: indicators with targets and
// achievement (the live pivot), the activity status of the year's plans, the records of the
// period, and the community models (registry stats). They are computed as the report's scope sees
// them — its province, or the whole country — whoever asks, and stored as a snapshot.
import type { Actor, ServiceContext } from '../../access/actor';
import { activitiesOf } from '../records/activities.service';
import { listRecordRows } from '../records/records.service';
import { pivot } from '../analytics/pivot.service';
import { modelStats } from '../registry/model-stats.service';
import { provinceNames, agencyMap } from '../reference/reference.service';
import * as repo from './reports.repo';
import type { ReportFigures } from './reports.schemas';

export interface FigureScope {
  province: string | null;
  period: { code: string; start: string; end: string };
}

/** The actor as the report's scope: one province, or national. */
export function scopeActor(actor: Actor, province: string | null): Actor {
  return { ...actor, nationalScope: province === null, provinces: province === null ? [] : [province] };
}

/** Pivot period filter: the DHIS2 code of a regular period, or the months of a custom one. */
export function pivotPeriod(period: FigureScope['period']): string {
  if (!period.code.startsWith('R')) return period.code;
  const months: string[] = [];
  let y = Number(period.start.slice(0, 4));
  let m = Number(period.start.slice(5, 7));
  const last = Number(period.end.slice(0, 4)) * 100 + Number(period.end.slice(5, 7));
  while (y * 100 + m <= last && months.length < 500) {
    months.push(`${y}${String(m).padStart(2, '0')}`);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return months.join(',');
}

async function indicatorFigures(ctx: ServiceContext, scope: FigureScope): Promise<ReportFigures['indicators']> {
  const result = await pivot(ctx, {
    rows: 'indicator',
    period: pivotPeriod(scope.period),
    ...(scope.province ? { province: scope.province } : {}),
  });
  const names = new Map(result.meta.indicators.map((i) => [i.code, i]));
  return result.rows.map((row, i) => {
    const meta = names.get(row.key[0]!);
    return {
      code: row.key[0]!,
      name: meta?.nameVi ?? row.label[0] ?? row.key[0]!,
      unit: meta?.unit ?? '',
      value: result.cells[i]?.[0] ?? null,
      target: result.targets?.cells[i]?.[0] ?? null,
      achievement: result.achievement?.cells[i]?.[0] ?? null,
    };
  });
}

async function activityFigures(ctx: ServiceContext, scope: FigureScope): Promise<ReportFigures['activities']> {
  const year = Number(scope.period.end.slice(0, 4));
  const items = await activitiesOf(ctx, { year });
  return items
    .filter((a) => scope.province === null || a.plan.kind === 'central' || a.plan.provinceCode === scope.province)
    .map((a) => ({
      id: a.id,
      number: a.number,
      title: a.title,
      section: `${a.section.number}. ${a.section.title}`,
      plan: a.plan.number || a.plan.title,
      status: a.status,
      recordCount: a.recordCount,
      participants: a.participants,
      femaleParticipants: a.femaleParticipants,
    }));
}

async function recordFigures(ctx: ServiceContext, scope: FigureScope): Promise<ReportFigures['records']> {
  const { start, end } = scope.period;
  const [totals, list] = await Promise.all([
    repo.recordTotals(ctx.db, scope.province, start, end),
    listRecordRows(ctx.db, ctx.actor, {
      ...(scope.province ? { province: scope.province } : {}),
      from: start,
      to: end,
      limit: 200,
      offset: 0,
    }),
  ]);
  return {
    count: totals.count,
    participants: totals.participants,
    femaleParticipants: totals.female,
    items: list.rows.map((r) => ({
      id: r.record_id,
      title: r.title,
      type: r.type,
      startDate: r.start_date,
      endDate: r.end_date,
      placeName: r.place_name ?? null,
      participants: r.total_participants,
      femaleParticipants: r.female_participants,
    })),
  };
}

async function modelFigures(ctx: ServiceContext, scope: FigureScope): Promise<ReportFigures['models']> {
  const stats = await modelStats(ctx, { year: Number(scope.period.end.slice(0, 4)) });
  const byType = scope.province
    ? stats.rows.find((r) => r.provinceCode === scope.province)?.byType
    : stats.overall.byType;
  return stats.types.map((t) => {
    const c = byType?.[t.code];
    return {
      type: t.code,
      name: t.name,
      active: c?.active ?? 0,
      target: c?.target ?? null,
      achievementPct: c?.achievementPct ?? null,
      members: c?.members.total ?? 0,
    };
  });
}

/** National reports: the approved provincial reports sent to this agency, with their indicator values. */
export async function provinceFigures(
  ctx: ServiceContext,
  report: { agencyId: number; type: string; period: string; at: string },
) {
  const sources = await repo.approvedReportsTo(ctx.db, report.agencyId, report.type, report.period);
  const [names, agencies] = await Promise.all([
    provinceNames(
      ctx.db,
      sources.flatMap((s) => (s.province_code ? [s.province_code] : [])),
    ),
    agencyMap(
      ctx.db,
      sources.map((s) => s.agency_id),
      report.at,
    ),
  ]);
  const provinces = sources.map((s) => {
    const figures = s.figures as ReportFigures;
    return {
      reportId: s.report_id,
      provinceCode: s.province_code ?? '',
      provinceName: names.get(s.province_code ?? '') ?? s.province_code ?? '',
      agencyName: agencies.get(s.agency_id)?.shortName ?? '',
      values: Object.fromEntries(figures.indicators.map((i) => [i.code, i.value])),
    };
  });
  return { provinces, sourceIds: sources.map((s) => s.report_id) };
}

export async function computeFigures(
  ctx: ServiceContext,
  scope: FigureScope,
  national?: { agencyId: number; type: string },
): Promise<{ figures: ReportFigures; sourceIds: number[] }> {
  const scoped: ServiceContext = { ...ctx, actor: scopeActor(ctx.actor, scope.province) };
  // One at a time: inside a transaction on PGlite there is one connection.
  const indicators = await indicatorFigures(scoped, scope);
  const activities = await activityFigures(scoped, scope);
  const records = await recordFigures(scoped, scope);
  const models = await modelFigures(scoped, scope);
  const figures: ReportFigures = { indicators, activities, records, models };
  if (!national) return { figures, sourceIds: [] };
  const { provinces, sourceIds } = await provinceFigures(scoped, {
    ...national,
    period: scope.period.code,
    at: scope.period.end,
  });
  return { figures: { ...figures, provinces }, sourceIds };
}
