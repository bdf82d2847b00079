// A pivot request (query-string text, as in a shareable URL) checked and turned into a spec the
// engine runs. Every problem is a 400 naming the parameter. Pure except for the indicator list.
import {
  DISAGGREGATIONS,
  isPivotDimension,
  parsePeriod,
  type Disaggregation,
  type PivotDimension,
  type TimeAggregation,
} from '../../../shared/analytics';
import { badRequest } from '../../http/errors';
import { AGE_BANDS, TARGET_GROUPS } from '../../../shared/record-codes';

export interface PivotParams {
  rows?: string;
  cols?: string;
  indicator?: string;
  province?: string;
  commune?: string;
  period?: string;
  year?: string;
  sex?: string;
  ethnic_group?: string;
  target_group?: string;
  age_band?: string;
  agency?: string;
  plan?: string;
  geography?: string;
}

export interface IndicatorMeta {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  timeAggregation: TimeAggregation;
  disaggregations: Disaggregation[];
  position: number;
}

export interface PivotFilters {
  province?: string[];
  commune?: string[];
  /** Inclusive month ranges (yyyymm); absent: all time. */
  months?: [number, number][];
  sex?: string[];
  ethnic_group?: number[];
  target_group?: string[];
  age_band?: string[];
  agency?: number[];
  plan?: number[];
}

export interface PivotSpec {
  rows: PivotDimension[];
  cols: PivotDimension[];
  indicators: IndicatorMeta[];
  geography: 2024 | 2025;
  filters: PivotFilters;
}

const MAX_AXIS_DIMS = 6;
const MAX_LIST = 500;

function list(value: string | undefined, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw badRequest(field, `Tham số "${field}" trống`);
  if (items.length > MAX_LIST) throw badRequest(field, `Tham số "${field}" có quá nhiều giá trị (tối đa ${MAX_LIST})`);
  return [...new Set(items)];
}

function codes(value: string | undefined, field: string, pattern: RegExp, what: string): string[] | undefined {
  const items = list(value, field);
  const bad = items?.find((c) => !pattern.test(c));
  if (bad !== undefined) throw badRequest(field, `${what} "${bad}" không hợp lệ (tham số "${field}")`);
  return items;
}

function ids(value: string | undefined, field: string): number[] | undefined {
  const items = codes(value, field, /^\d{1,9}$/, 'Mã số');
  return items?.map(Number);
}

function enumList(value: string | undefined, field: string, allowed: readonly string[]): string[] | undefined {
  const items = list(value, field);
  const bad = items?.find((v) => !allowed.includes(v));
  if (bad !== undefined)
    throw badRequest(field, `Giá trị "${bad}" của tham số "${field}" không hợp lệ; dùng: ${allowed.join(', ')}`);
  return items;
}

function axis(value: string | undefined, field: 'rows' | 'cols'): PivotDimension[] {
  const items = value === undefined || value.trim() === '' ? [] : list(value, field)!;
  const bad = items.find((d) => !isPivotDimension(d));
  if (bad !== undefined)
    throw badRequest(
      field,
      `Chiều "${bad}" không có (tham số "${field}"); dùng: indicator, province, commune, year, half, quarter, month, sex, ethnic_group, target_group, age_band, agency, plan`,
    );
  if (items.length > MAX_AXIS_DIMS) throw badRequest(field, `Tối đa ${MAX_AXIS_DIMS} chiều ở tham số "${field}"`);
  return items as PivotDimension[];
}

function intersect(a: [number, number][], b: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s1, e1] of a)
    for (const [s2, e2] of b) {
      const s = Math.max(s1, s2);
      const e = Math.min(e1, e2);
      if (s <= e) out.push([s, e]);
    }
  return out;
}

/** Month ranges from `period` (DHIS2 codes) and `year`; both given: months in both. */
export function monthRanges(period?: string, year?: string): [number, number][] | undefined {
  const periods = list(period, 'period')?.map((code) => {
    const p = parsePeriod(code);
    if (!p) throw badRequest('period', `Kỳ "${code}" không hợp lệ; dùng 2022, 2022S1, 2022Q1 hoặc 202201`);
    return [p.start, p.end] as [number, number];
  });
  const years = codes(year, 'year', /^\d{4}$/, 'Năm')?.map((y) => {
    const n = Number(y);
    if (n < 2000 || n > 2100) throw badRequest('year', `Năm "${y}" nằm ngoài khoảng 2000–2100`);
    return [n * 100 + 1, n * 100 + 12] as [number, number];
  });
  if (periods && years) return intersect(periods, years);
  return periods ?? years;
}

export function parsePivotParams(params: PivotParams, all: IndicatorMeta[]): PivotSpec {
  const rows = axis(params.rows, 'rows');
  const cols = axis(params.cols, 'cols');
  const repeated = rows.find((d) => cols.includes(d)) ?? [...rows, ...cols].find((d, i, a) => a.indexOf(d) !== i);
  if (repeated) throw badRequest('cols', `Chiều "${repeated}" xuất hiện hai lần`);
  const geography = params.geography === undefined ? 2025 : Number(params.geography);
  if (geography !== 2024 && geography !== 2025)
    throw badRequest('geography', 'Tham số "geography" là 2025 (34 tỉnh) hoặc 2024 (63 tỉnh)');

  const wanted = codes(params.indicator, 'indicator', /^[A-Za-z0-9_.-]{1,40}$/, 'Mã chỉ số');
  const byCode = new Map(all.map((i) => [i.code, i]));
  const unknown = wanted?.find((c) => !byCode.has(c));
  if (unknown !== undefined) throw badRequest('indicator', `Không có chỉ số mã "${unknown}"`);
  const indicators = wanted ? wanted.map((c) => byCode.get(c)!) : all;
  const dims = [...rows, ...cols];
  if (!dims.includes('indicator') && indicators.length !== 1)
    throw badRequest('indicator', 'Chọn đúng một chỉ số (indicator=MÃ), hoặc đặt "indicator" vào hàng hay cột');

  const filters: PivotFilters = {
    province: codes(params.province, 'province', /^\d{2}$/, 'Mã tỉnh'),
    commune: codes(params.commune, 'commune', /^\d{5}$/, 'Mã xã'),
    months: monthRanges(params.period, params.year),
    sex: enumList(params.sex, 'sex', ['female', 'male']),
    ethnic_group: ids(params.ethnic_group, 'ethnic_group'),
    target_group: enumList(params.target_group, 'target_group', TARGET_GROUPS),
    age_band: enumList(params.age_band, 'age_band', AGE_BANDS),
    agency: ids(params.agency, 'agency'),
    plan: ids(params.plan, 'plan'),
  };
  for (const d of DISAGGREGATIONS) {
    const used = dims.includes(d) || filters[d] !== undefined;
    if (used && !indicators.some((i) => i.disaggregations.includes(d))) {
      const field = rows.includes(d) ? 'rows' : cols.includes(d) ? 'cols' : d;
      throw badRequest(field, `Không chỉ số nào đã chọn được phân tổ theo "${d}"`);
    }
  }
  return { rows, cols, indicators, geography, filters };
}
