// The pivot engine: rows × columns of dimensions over live data, with totals, labels, and targets
// with achievement. Flow indicators (sum, avg) are summed in SQL with GROUPING SETS over the
// smallest rollup that answers; stock indicators ('last') are read as monthly changes and
// accumulated to each period's end. The API, the exports, the dashboard and the benchmark all call
// runPivot, so they share one code path.
import type { Actor } from '../../access/actor';
import type { Queryable } from '../../db/database';
import { isTimeDimension, type PivotDimension } from '../../../shared/analytics';
import { createCellMap, type CellMap } from './pivot.cells';
import { compareMembers, isPartialKey, memberKey } from './pivot.keys';
import { memberLabels } from './pivot.labels';
import type { IndicatorMeta, PivotSpec } from './pivot.query';
import { analyticsQuery, groupedSums, monthlyChanges, sourceQuery } from './pivot.repo';
import { buildSeries, stockCells } from './pivot.stocks';
import { pivotTargets, type TargetBlock } from './pivot.targets';

export interface PivotMember {
  key: string[];
  label: string[];
  /** Values the lineage could not place in this unit (see pivot.keys.ts). */
  partial?: boolean;
}

export interface PivotResult {
  rows: PivotMember[];
  columns: PivotMember[];
  cells: (number | null)[][];
  totals: { rows: (number | null)[]; columns: (number | null)[]; grand: number | null };
  targets?: TargetBlock;
  achievement?: TargetBlock;
  meta: {
    rows: PivotDimension[];
    cols: PivotDimension[];
    geography: 2024 | 2025;
    indicators: {
      code: string;
      nameVi: string;
      nameEn: string;
      unit: string;
      timeAggregation: string;
    }[];
    sources: string[];
    /** How many values in the result come from old communes that were split (not placed in a 2025 commune). */
    partialValues: number;
  };
}

export interface PivotOptions {
  /** This month (yyyymm): where stock indicators end when no period is asked for. */
  currentMonth: number;
  today: string;
  /** Skip labels and targets (data exchange needs keys only). */
  keysOnly?: boolean;
}

function maskOf(kept: number[], total: number): number {
  let mask = 0;
  for (let i = 0; i < total; i++) if (!kept.includes(i)) mask |= 1 << (total - 1 - i);
  return mask;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

async function sums(
  db: Queryable,
  actor: Actor,
  spec: PivotSpec,
  indicators: IndicatorMeta[],
  cells: CellMap,
  codeOf: (id: number) => string,
) {
  const dims = [...spec.rows, ...spec.cols];
  const q = sourceQuery(
    actor,
    indicators.map((i) => i.id),
    dims,
    spec.filters,
    spec.geography,
  );
  const width = dims.length;
  const rowExprs = spec.rows.length;
  const all = range(0, width);
  const rowSet = range(0, rowExprs);
  const colSet = range(rowExprs, width - rowExprs);
  const rowTotals = !spec.cols.includes('indicator');
  const colTotals = !spec.rows.includes('indicator');
  const sets = [all];
  if (rowTotals) sets.push(rowSet);
  if (colTotals) sets.push(colSet);
  if (rowTotals && colTotals) sets.push([]);
  const unique = [...new Map(sets.map((s) => [s.join(','), s])).values()];
  const averages = indicators.some((i) => i.timeAggregation === 'avg');
  const grouped = await groupedSums(db, q, unique, averages);

  const single = spec.indicators.length === 1 ? spec.indicators[0] : undefined;
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const indicatorPos = dims.indexOf('indicator');
  const masks = { cell: 0, row: maskOf(rowSet, width), col: maskOf(colSet, width), grand: maskOf([], width) };
  let partial = 0;
  for (let r = 0; r < grouped.grouping.length; r++) {
    const grouping = grouped.grouping[r]!;
    const key = dims.map((dim, d) =>
      (grouping & (1 << (width - 1 - d))) !== 0 ? '' : memberKey(dim, grouped.keys[d]![r], codeOf),
    );
    const indicator = indicatorPos >= 0 ? byCode.get(key[indicatorPos]!) : single;
    const value = indicator?.timeAggregation === 'avg' ? grouped.value[r]! / grouped.n[r]! : grouped.value[r]!;
    const rowKey = key.slice(0, spec.rows.length);
    const colKey = key.slice(spec.rows.length);
    if (grouping === masks.cell) {
      cells.setCell(rowKey, colKey, value);
      partial += grouped.partial[r]!;
    }
    if (grouping === masks.row && rowTotals) cells.setRowTotal(rowKey, value);
    if (grouping === masks.col && colTotals) cells.setColTotal(colKey, value);
    if (grouping === masks.grand && rowTotals && colTotals) cells.setGrand(value);
  }
  return { source: q.source.table, partial };
}

async function stocks(
  db: Queryable,
  actor: Actor,
  spec: PivotSpec,
  indicators: IndicatorMeta[],
  cells: CellMap,
  codeOf: (id: number) => string,
  currentMonth: number,
) {
  const rowDims = spec.rows.filter((d) => !isTimeDimension(d));
  const colDims = spec.cols.filter((d) => !isTimeDimension(d));
  const dims = [...rowDims, ...colDims];
  const upTo = spec.filters.months ? Math.max(...spec.filters.months.map(([, e]) => e)) : undefined;
  const q = sourceQuery(
    actor,
    indicators.map((i) => i.id),
    dims,
    spec.filters,
    spec.geography,
    { monthsUpTo: upTo ?? 999912, keepMonth: true },
  );
  const rows = await monthlyChanges(db, q);
  if (rows.length === 0) return { source: q.source.table, partial: 0 };
  const keyed = rows.map((r) => {
    const key = dims.map((dim, d) => memberKey(dim, r.keys[d], codeOf));
    return { rowKey: key.slice(0, rowDims.length), colKey: key.slice(rowDims.length), month: r.month, value: r.value };
  });
  const ranges = spec.filters.months ?? [[rows[0]!.month, Math.max(rows.at(-1)!.month, currentMonth)]];
  stockCells(
    {
      rows: spec.rows,
      cols: spec.cols,
      series: buildSeries(keyed),
      ranges,
      rowTotals: !spec.cols.includes('indicator'),
      colTotals: !spec.rows.includes('indicator'),
    },
    cells,
  );
  return { source: q.source.table, partial: rows.reduce((n, r) => n + r.partial, 0) };
}

export async function runPivot(
  db: Queryable,
  actor: Actor,
  spec: PivotSpec,
  options: PivotOptions,
): Promise<PivotResult> {
  const cells = createCellMap();
  const codes = new Map(spec.indicators.map((i) => [i.id, i.code]));
  const codeOf = (id: number) => codes.get(id) ?? String(id);
  const flows = spec.indicators.filter((i) => i.timeAggregation !== 'last');
  const stockIndicators = spec.indicators.filter((i) => i.timeAggregation === 'last');
  const runs = await analyticsQuery(db, async (tx) => [
    flows.length ? await sums(tx, actor, spec, flows, cells, codeOf) : null,
    stockIndicators.length ? await stocks(tx, actor, spec, stockIndicators, cells, codeOf, options.currentMonth) : null,
  ]);

  const byCode = new Map(spec.indicators.map((i) => [i.code, i]));
  const rowKeys = cells.rows().sort(compareMembers(spec.rows, byCode));
  const colKeys = cells.cols().sort(compareMembers(spec.cols, byCode));
  if (rowKeys.length === 0 && spec.rows.length === 0) rowKeys.push([]);
  if (colKeys.length === 0 && spec.cols.length === 0) colKeys.push([]);
  const label = options.keysOnly
    ? async (dims: PivotDimension[], keys: string[][]) => keys.map((k) => ({ key: k, label: k }))
    : (dims: PivotDimension[], keys: string[][]) => labelled(db, dims, keys, spec, options.today);
  const [rows, columns] = await Promise.all([label(spec.rows, rowKeys), label(spec.cols, colKeys)]);

  const result: PivotResult = {
    rows,
    columns,
    cells: cells.matrix(rowKeys, colKeys),
    totals: {
      rows: rowKeys.map((r) => cells.rowTotal(r)),
      columns: colKeys.map((c) => cells.colTotal(c)),
      grand: cells.grand(),
    },
    meta: {
      rows: spec.rows,
      cols: spec.cols,
      geography: spec.geography,
      indicators: spec.indicators.map((i) => ({
        code: i.code,
        nameVi: i.nameVi,
        nameEn: i.nameEn,
        unit: i.unit,
        timeAggregation: i.timeAggregation,
      })),
      sources: [...new Set(runs.flatMap((r) => (r ? [r.source] : [])))],
      partialValues: runs.reduce((n, r) => n + (r?.partial ?? 0), 0),
    },
  };
  if (!options.keysOnly) {
    const targets = await pivotTargets(db, actor, spec, result);
    if (targets) Object.assign(result, targets);
  }
  return result;
}

async function labelled(
  db: Queryable,
  dims: PivotDimension[],
  keys: string[][],
  spec: PivotSpec,
  today: string,
): Promise<PivotMember[]> {
  const maps = await Promise.all(
    dims.map((d, i) =>
      memberLabels(db, d, [...new Set(keys.map((k) => k[i]!))], {
        geography: spec.geography,
        indicators: spec.indicators,
        today,
      }),
    ),
  );
  return keys.map((key) => {
    const member: PivotMember = { key, label: key.map((k, i) => maps[i]!.get(k) ?? k) };
    if (key.some((k, i) => isPartialKey(dims[i]!, k))) member.partial = true;
    return member;
  });
}
