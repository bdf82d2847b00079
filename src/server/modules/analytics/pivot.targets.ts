// Targets and achievement (%) for the cells and totals of a pivot. A target exists per indicator,
// year and 2025 province (or national); a cell has one when it names (or its filters fix) exactly
// one indicator, one year and one province or the whole country, and no other dimension.
// With a period filter inside one year, that year's target applies (progress to date).
import type { Actor } from '../../access/actor';
import type { Queryable } from '../../db/database';
import type { PivotDimension } from '../../../shared/analytics';
import type { PivotResult } from './pivot.engine';
import type { PivotSpec } from './pivot.query';

export interface TargetBlock {
  cells: (number | null)[][];
  rows: (number | null)[];
  columns: (number | null)[];
  grand: number | null;
}

const TARGET_DIMS: PivotDimension[] = ['indicator', 'province', 'year'];

function filterYear(spec: PivotSpec): number | null {
  const months = spec.filters.months;
  if (!months?.length) return null;
  const years = new Set(months.flatMap(([s, e]) => [Math.floor(s / 100), Math.floor(e / 100)]));
  return years.size === 1 ? [...years][0]! : null;
}

function defaultProvince(actor: Actor, spec: PivotSpec): string | null | undefined {
  const filter = spec.filters.province;
  if (filter) return filter.length === 1 && spec.geography === 2025 ? filter[0] : undefined;
  if (actor.nationalScope) return null;
  return actor.provinces.length === 1 ? actor.provinces[0] : undefined;
}

export async function pivotTargets(
  db: Queryable,
  actor: Actor,
  spec: PivotSpec,
  result: PivotResult,
): Promise<{ targets: TargetBlock; achievement: TargetBlock } | null> {
  const rows = await db
    .selectFrom('indicator_target')
    .select(['indicator_id', 'year', 'province_code', 'target'])
    .where(
      'indicator_id',
      'in',
      spec.indicators.map((i) => i.id),
    )
    .orderBy('indicator_target_id')
    .execute();
  if (rows.length === 0) return null;
  const table = new Map(rows.map((r) => [`${r.indicator_id}|${r.year}|${r.province_code ?? ''}`, Number(r.target)]));
  const byCode = new Map(spec.indicators.map((i) => [i.code, i]));
  const single = spec.indicators.length === 1 ? spec.indicators[0] : undefined;
  const year0 = filterYear(spec);
  const province0 = defaultProvince(actor, spec);

  const targetOf = (fixed: Map<PivotDimension, string>): number | null => {
    if ([...fixed.keys()].some((d) => !TARGET_DIMS.includes(d))) return null;
    const indicator = fixed.has('indicator') ? byCode.get(fixed.get('indicator')!) : single;
    const year = fixed.has('year') ? Number(fixed.get('year')) : year0;
    let province: string | null | undefined = province0;
    if (fixed.has('province')) {
      const key = fixed.get('province')!;
      province = spec.geography === 2025 && /^\d{2}$/.test(key) ? key : undefined;
    }
    if (!indicator || year === null || province === undefined) return null;
    return table.get(`${indicator.id}|${year}|${province ?? ''}`) ?? null;
  };
  const fix = (dims: PivotDimension[], key: string[]) => dims.map((d, i) => [d, key[i]!] as [PivotDimension, string]);

  const targets: TargetBlock = {
    cells: result.rows.map((r) =>
      result.columns.map((c) => targetOf(new Map([...fix(spec.rows, r.key), ...fix(spec.cols, c.key)]))),
    ),
    rows: result.rows.map((r) => targetOf(new Map(fix(spec.rows, r.key)))),
    columns: result.columns.map((c) => targetOf(new Map(fix(spec.cols, c.key)))),
    grand: targetOf(new Map()),
  };
  const any = [...targets.cells.flat(), ...targets.rows, ...targets.columns, targets.grand].some((t) => t !== null);
  if (!any) return null;
  const pct = (value: number | null, target: number | null) =>
    target === null || target <= 0 ? null : Math.round(((value ?? 0) / target) * 1000) / 10;
  const achievement: TargetBlock = {
    cells: targets.cells.map((row, i) => row.map((t, j) => pct(result.cells[i]![j]!, t))),
    rows: targets.rows.map((t, i) => pct(result.totals.rows[i]!, t)),
    columns: targets.columns.map((t, j) => pct(result.totals.columns[j]!, t)),
    grand: pct(result.totals.grand, targets.grand),
  };
  return { targets, achievement };
}
