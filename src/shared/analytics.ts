// The results framework's vocabulary, shared by server and web: indicator sources and how each is
// computed, time aggregation, disaggregations, pivot dimensions, and period codes. Periods use the
// DHIS2 codes (2022, 2022S1, 2022Q1, 202201) everywhere: in pivot keys, filters and data exchange.
// Months are stored as integers yyyymm (202201). Pure; no I/O.

export const INDICATOR_SOURCES = ['records', 'registry', 'aggregate'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** sum: flows add up over time; last: the value at the period's end (stocks); avg: mean of the values. */
export const TIME_AGGREGATIONS = ['sum', 'last', 'avg'] as const;
export type TimeAggregation = (typeof TIME_AGGREGATIONS)[number];

export const DISAGGREGATIONS = ['sex', 'ethnic_group', 'target_group', 'age_band'] as const;
export type Disaggregation = (typeof DISAGGREGATIONS)[number];

export const RECORD_MEASURES = ['count_records', 'sum_participants'] as const;
export const REGISTRY_MEASURES = ['count_active_at_period_end', 'sum_members'] as const;
export const AGGREGATE_PERIOD_TYPES = ['monthly', 'quarterly', 'sixmonthly', 'yearly'] as const;

/**
 * What a value of an indicator may be, by DHIS2's value type names: a count (people, courses,
 * models: a whole number, never negative), any number, or a percentage (0–100).
 */
export const VALUE_TYPES = ['INTEGER_ZERO_OR_POSITIVE', 'NUMBER', 'PERCENTAGE'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** Why `value` is not a value of that type (Vietnamese), or null when it is. */
export function valueTypeProblem(type: ValueType, value: number): string | null {
  if (type === 'INTEGER_ZERO_OR_POSITIVE' && !(Number.isInteger(value) && value >= 0))
    return `Chỉ số đếm nhận số nguyên không âm; "${value}" không hợp lệ`;
  if (type === 'PERCENTAGE' && !(value >= 0 && value <= 100))
    return `Tỷ lệ phần trăm nằm trong 0–100; "${value}" không hợp lệ`;
  return null;
}
export type AggregatePeriodType = (typeof AGGREGATE_PERIOD_TYPES)[number];

export interface RecordsDefinition {
  recordTypes: string[];
  measure: (typeof RECORD_MEASURES)[number];
  /** Only participants of these target groups (sum_participants). */
  targetGroups?: string[];
  /** Only participants of this sex (sum_participants). */
  sex?: 'female' | 'male';
  /** Only records whose outputs.language is this (TV/radio programmes). */
  language?: 'pho_thong' | 'dan_toc';
}

export interface RegistryDefinition {
  modelTypes: string[];
  measure: (typeof REGISTRY_MEASURES)[number];
  /** Only models owned or co-owned by women. */
  womenOwned?: boolean;
  /** Only models with at least one technology-4.0 flag. */
  tech40?: boolean;
}

export interface AggregateDefinition {
  /** The period values are entered for. */
  periodType: AggregatePeriodType;
}

export type IndicatorDefinition = RecordsDefinition | RegistryDefinition | AggregateDefinition;

/** Which time aggregation each source allows: records are flows, registry counts are stocks. */
export const ALLOWED_TIME_AGGREGATIONS: Record<IndicatorSource, readonly TimeAggregation[]> = {
  records: ['sum'],
  registry: ['last'],
  aggregate: ['sum', 'last', 'avg'],
};

/** Which disaggregations a source can carry at all. */
export const SOURCE_DISAGGREGATIONS: Record<IndicatorSource, readonly Disaggregation[]> = {
  records: DISAGGREGATIONS,
  registry: ['sex', 'ethnic_group'],
  aggregate: DISAGGREGATIONS,
};

export const TIME_DIMENSIONS = ['year', 'half', 'quarter', 'month'] as const;
export type TimeDimension = (typeof TIME_DIMENSIONS)[number];

export const PIVOT_DIMENSIONS = [
  'indicator',
  'province',
  'commune',
  ...TIME_DIMENSIONS,
  ...DISAGGREGATIONS,
  'agency',
  'plan',
] as const;
export type PivotDimension = (typeof PIVOT_DIMENSIONS)[number];

export const isPivotDimension = (value: string): value is PivotDimension =>
  (PIVOT_DIMENSIONS as readonly string[]).includes(value);
export const isTimeDimension = (value: string): value is TimeDimension =>
  (TIME_DIMENSIONS as readonly string[]).includes(value);

export const DIMENSION_LABELS: Record<PivotDimension, { vi: string; en: string }> = {
  indicator: { vi: 'Chỉ số', en: 'Indicator' },
  province: { vi: 'Tỉnh, thành phố', en: 'Province' },
  commune: { vi: 'Xã, phường', en: 'Commune' },
  year: { vi: 'Năm', en: 'Year' },
  half: { vi: '6 tháng', en: 'Half-year' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  month: { vi: 'Tháng', en: 'Month' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  ethnic_group: { vi: 'Dân tộc', en: 'Ethnic group' },
  target_group: { vi: 'Đối tượng', en: 'Target group' },
  age_band: { vi: 'Nhóm tuổi', en: 'Age band' },
  agency: { vi: 'Cơ quan tổ chức', en: 'Agency' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
};

// ——— Months and periods ———

/** "2022-07-18" → 202207. */
export function monthOf(date: string): number {
  return Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
}

export function addMonths(month: number, n: number): number {
  const index = Math.floor(month / 100) * 12 + (month % 100) - 1 + n;
  return Math.floor(index / 12) * 100 + (index % 12) + 1;
}

export type PeriodType = AggregatePeriodType;

export interface Period {
  code: string;
  type: PeriodType;
  /** First and last month, yyyymm, inclusive. */
  start: number;
  end: number;
}

const PERIOD_MONTHS: Record<PeriodType, number> = { monthly: 1, quarterly: 3, sixmonthly: 6, yearly: 12 };

/** A DHIS2 period code: 2022 (year), 2022S1 (six months), 2022Q3 (quarter), 202207 (month). Null if not one. */
export function parsePeriod(code: string): Period | null {
  const m = /^(\d{4})(?:(S[12])|(Q[1-4])|(0[1-9]|1[0-2]))?$/.exec(code);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  if (m[2]) return periodOf('sixmonthly', year, Number(m[2].slice(1)), code);
  if (m[3]) return periodOf('quarterly', year, Number(m[3].slice(1)), code);
  if (m[4]) return periodOf('monthly', year, Number(m[4]), code);
  return periodOf('yearly', year, 1, code);
}

function periodOf(type: PeriodType, year: number, index: number, code: string): Period {
  const length = PERIOD_MONTHS[type];
  const start = year * 100 + (index - 1) * length + 1;
  return { code, type, start, end: start + length - 1 };
}

/** The period of a type that contains a month. */
export function periodContaining(type: PeriodType, month: number): Period {
  const year = Math.floor(month / 100);
  const m = month % 100;
  switch (type) {
    case 'yearly':
      return periodOf(type, year, 1, String(year));
    case 'sixmonthly':
      return periodOf(type, year, m <= 6 ? 1 : 2, `${year}S${m <= 6 ? 1 : 2}`);
    case 'quarterly':
      return periodOf(type, year, Math.ceil(m / 3), `${year}Q${Math.ceil(m / 3)}`);
    default:
      return periodOf(type, year, m, String(month));
  }
}

export const TIME_DIMENSION_PERIOD: Record<TimeDimension, PeriodType> = {
  year: 'yearly',
  half: 'sixmonthly',
  quarter: 'quarterly',
  month: 'monthly',
};

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Năm 2022", "6 tháng đầu năm 2022", "Quý III/2022", "Tháng 7/2022". */
export function periodLabel(code: string): string {
  const p = parsePeriod(code);
  if (!p) return code;
  const year = Math.floor(p.start / 100);
  const first = p.start % 100;
  switch (p.type) {
    case 'yearly':
      return `Năm ${year}`;
    case 'sixmonthly':
      return first === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
    case 'quarterly':
      return `Quý ${ROMAN[(first - 1) / 3]}/${year}`;
    default:
      return `Tháng ${first}/${year}`;
  }
}

/** ADX (ISO 8601) period: 2022-01-01/P1M, 2022-04-01/P3M, 2022-07-01/P6M, 2022-01-01/P1Y. */
export function adxPeriod(code: string): string {
  const p = parsePeriod(code);
  if (!p) throw new RangeError(`Not a period: ${code}`);
  const start = `${Math.floor(p.start / 100)}-${String(p.start % 100).padStart(2, '0')}-01`;
  const duration = { monthly: 'P1M', quarterly: 'P3M', sixmonthly: 'P6M', yearly: 'P1Y' }[p.type];
  return `${start}/${duration}`;
}

/** The inverse of adxPeriod; null for anything else (a start that is not a period boundary too). */
export function parseAdxPeriod(text: string): Period | null {
  const m = /^(\d{4})-(\d{2})-01\/(P1M|P3M|P6M|P1Y|P12M)$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const type: PeriodType =
    m[3] === 'P1M' ? 'monthly' : m[3] === 'P3M' ? 'quarterly' : m[3] === 'P6M' ? 'sixmonthly' : 'yearly';
  const period = periodContaining(type, year * 100 + month);
  return period.start === year * 100 + month ? parsePeriod(period.code) : null;
}

// ——— Category option combos (data exchange) ———

export type Disaggregated = Partial<Record<Disaggregation, string>>;

/** Our code of a disaggregation: "default", or "sex=female;ethnic_group=3" in the fixed dimension order. */
export function comboCode(values: Disaggregated): string {
  const parts = DISAGGREGATIONS.filter((d) => values[d] != null && values[d] !== '').map((d) => `${d}=${values[d]}`);
  return parts.length ? parts.join(';') : 'default';
}

/** The inverse of comboCode; null when it names an unknown dimension or repeats one. */
export function parseComboCode(code: string): Disaggregated | null {
  if (code === 'default') return {};
  const out: Disaggregated = {};
  for (const part of code.split(';')) {
    const [dim, value, extra] = part.split('=');
    if (extra !== undefined || !dim || !value || !(DISAGGREGATIONS as readonly string[]).includes(dim)) return null;
    if (out[dim as Disaggregation] !== undefined) return null;
    out[dim as Disaggregation] = value;
  }
  return out;
}
