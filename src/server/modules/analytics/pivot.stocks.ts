// Stock indicators (time aggregation 'last'): the data hold changes by month, so the value of a cell
// is the sum of every change up to the end of its period (the finest period among its time
// dimensions, clipped to the months asked for). Totals over time take the end of the whole range.
// Pure: the month rows come from pivot.repo's monthlyChanges.
import {
  TIME_DIMENSION_PERIOD,
  addMonths,
  isTimeDimension,
  periodContaining,
  type Period,
  type PivotDimension,
  type TimeDimension,
} from '../../../shared/analytics';
import { joinKey } from './pivot.keys';
import type { CellMap } from './pivot.cells';

export interface Series {
  /** Keys of the non-time dimensions, row part and column part. */
  rowKey: string[];
  colKey: string[];
  months: number[];
  cumulative: number[];
}

export interface StockInput {
  rows: PivotDimension[];
  cols: PivotDimension[];
  series: Series[];
  /** Month ranges the request covers (inclusive). */
  ranges: [number, number][];
  rowTotals: boolean;
  colTotals: boolean;
}

/** Value of a series at the end of a month; null before its first change. */
function valueAt(s: Series, month: number): number | null {
  let lo = 0;
  let hi = s.months.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s.months[mid]! <= month) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? null : s.cumulative[found]!;
}

function sumAt(series: Series[], month: number | null): number | null {
  if (month === null) return null;
  let total: number | null = null;
  for (const s of series) {
    const v = valueAt(s, month);
    if (v !== null) total = (total ?? 0) + v;
  }
  return total;
}

/** The last month inside every period given and inside one of the ranges; null if none. */
export function effectiveEnd(periods: Period[], ranges: [number, number][]): number | null {
  const start = Math.max(...periods.map((p) => p.start), 0);
  const end = Math.min(...periods.map((p) => p.end), 999912);
  let best: number | null = null;
  for (const [s, e] of ranges) {
    const m = Math.min(end, e);
    if (m >= Math.max(start, s) && (best === null || m > best)) best = m;
  }
  return best;
}

/** Every period of a time dimension that touches the ranges. */
function periodsOf(dim: TimeDimension, ranges: [number, number][]): Period[] {
  const out = new Map<string, Period>();
  for (const [s, e] of ranges) {
    for (let m = s; m <= e; m = addMonths(m, 1)) {
      const p = periodContaining(TIME_DIMENSION_PERIOD[dim], m);
      out.set(p.code, p);
    }
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/** Combinations of periods for the time dimensions of one axis (positions kept), nested only. */
function timeCombos(dims: PivotDimension[], ranges: [number, number][]): Map<number, Period>[] {
  let combos: Map<number, Period>[] = [new Map<number, Period>()];
  dims.forEach((d, i) => {
    if (!isTimeDimension(d)) return;
    const next: Map<number, Period>[] = [];
    for (const combo of combos)
      for (const p of periodsOf(d, ranges)) {
        const c = new Map(combo).set(i, p);
        if (effectiveEnd([...c.values()], ranges) !== null) next.push(c);
      }
    combos = next;
  });
  return combos;
}

function groupBy(series: Series[], part: 'rowKey' | 'colKey'): Map<string, Series[]> {
  const out = new Map<string, Series[]>();
  for (const s of series) {
    const k = joinKey(s[part]);
    out.set(k, [...(out.get(k) ?? []), s]);
  }
  return out;
}

/** Full member keys of one axis: the non-time parts from the series, time parts from the combos. */
function members(dims: PivotDimension[], parts: Map<string, string[]>, combos: Map<number, Period>[]) {
  const out: { key: string[]; nonTime: string; periods: Period[] }[] = [];
  for (const [nonTime, keyParts] of parts) {
    for (const combo of combos) {
      let j = 0;
      const key = dims.map((d, i) => (isTimeDimension(d) ? combo.get(i)!.code : keyParts[j++]!));
      out.push({ key, nonTime, periods: [...combo.values()] });
    }
  }
  return out;
}

export function stockCells(input: StockInput, cells: CellMap): void {
  const { ranges, series } = input;
  if (series.length === 0 || ranges.length === 0) return;
  const overallEnd = effectiveEnd([], ranges);
  const rowCombos = timeCombos(input.rows, ranges);
  const colCombos = timeCombos(input.cols, ranges);
  const byRow = groupBy(series, 'rowKey');
  const byCol = groupBy(series, 'colKey');
  const rowMembers = members(input.rows, new Map([...byRow].map(([k, list]) => [k, list[0]!.rowKey])), rowCombos);
  const colMembers = members(input.cols, new Map([...byCol].map(([k, list]) => [k, list[0]!.colKey])), colCombos);
  for (const r of rowMembers) {
    const rowSeries = byRow.get(r.nonTime)!;
    for (const c of colMembers) {
      const list = rowSeries.filter((s) => joinKey(s.colKey) === c.nonTime);
      if (list.length === 0) continue;
      const value = sumAt(list, effectiveEnd([...r.periods, ...c.periods], ranges));
      if (value !== null) cells.setCell(r.key, c.key, value);
    }
    if (input.rowTotals) {
      const value = sumAt(rowSeries, r.periods.length ? effectiveEnd(r.periods, ranges) : overallEnd);
      if (value !== null) cells.setRowTotal(r.key, value);
    }
  }
  if (input.colTotals) {
    for (const c of colMembers) {
      const value = sumAt(byCol.get(c.nonTime)!, c.periods.length ? effectiveEnd(c.periods, ranges) : overallEnd);
      if (value !== null) cells.setColTotal(c.key, value);
    }
  }
  if (input.rowTotals && input.colTotals) {
    const value = sumAt(series, overallEnd);
    if (value !== null) cells.setGrand(value);
  }
}

/** Month rows → one series per non-time key, with running totals. */
export function buildSeries(rows: { rowKey: string[]; colKey: string[]; month: number; value: number }[]): Series[] {
  const out = new Map<string, Series>();
  for (const r of rows) {
    const k = `${joinKey(r.rowKey)}|${joinKey(r.colKey)}`;
    let s = out.get(k);
    if (!s) {
      s = { rowKey: r.rowKey, colKey: r.colKey, months: [], cumulative: [] };
      out.set(k, s);
    }
    const last = s.months.length - 1;
    if (last >= 0 && s.months[last] === r.month) s.cumulative[last] = s.cumulative[last]! + r.value;
    else {
      s.months.push(r.month);
      s.cumulative.push((s.cumulative[last] ?? 0) + r.value);
    }
  }
  return [...out.values()];
}
