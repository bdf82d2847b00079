// All SQL of the pivot engine. It reads the smallest rollup whose columns answer the request
// (dimensions, filters and scope), else the fact table. Rollup keys hold '' / 0 for "none" where the
// fact table holds NULL; readers treat both alike. Sums are over stripes, and keys whose row count
// nets to zero (everything in them was deleted) are skipped.
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../access/actor';
import type { Queryable } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import type { PivotDimension } from '../../../shared/analytics';
import type { PivotFilters } from './pivot.query';
import { rawProvinceScope } from '../../access/scope';

interface SourceTable {
  table: string;
  columns: readonly string[];
  rollup: boolean;
}

/** Smallest first. The fact table can answer anything. */
export const PIVOT_SOURCES: readonly SourceTable[] = [
  { table: 'dv_province_month', columns: ['indicator_id', 'province_code', 'province_2024', 'month'], rollup: true },
  {
    table: 'dv_province_month_sex_ethnic',
    columns: ['indicator_id', 'province_code', 'province_2024', 'month', 'sex', 'ethnic_group_id'],
    rollup: true,
  },
  {
    table: 'dv_commune_month',
    columns: ['indicator_id', 'province_code', 'commune_code', 'lineage_partial', 'month'],
    rollup: true,
  },
  {
    table: 'data_value',
    columns: [
      'indicator_id',
      'province_code',
      'province_2024',
      'commune_code',
      'commune_2024',
      'lineage_partial',
      'month',
      'sex',
      'ethnic_group_id',
      'target_group',
      'age_band',
      'agency_id',
      'plan_id',
    ],
    rollup: false,
  },
];

const TIME_EXPR: Record<string, string> = {
  year: 'month / 100',
  half: '(month / 100) * 10 + ((month % 100) + 5) / 6',
  quarter: '(month / 100) * 10 + ((month % 100) + 2) / 3',
  month: 'month',
};

/** The columns a dimension reads, in the geography asked for. */
export function dimensionColumns(dim: PivotDimension, geography: 2024 | 2025): string[] {
  switch (dim) {
    case 'indicator':
      return ['indicator_id'];
    case 'province':
      return geography === 2025 ? ['province_code'] : ['province_2024', 'province_code'];
    case 'commune':
      return geography === 2025
        ? ['commune_code', 'province_code', 'lineage_partial']
        : ['commune_2024', 'province_2024', 'province_code'];
    case 'year':
    case 'half':
    case 'quarter':
    case 'month':
      return ['month'];
    case 'ethnic_group':
      return ['ethnic_group_id'];
    case 'agency':
      return ['agency_id'];
    case 'plan':
      return ['plan_id'];
    default:
      return [dim];
  }
}

const text = (column: string) => `coalesce(${column}, '')`;

/**
 * The one SQL expression whose value is a dimension's member key (see pivot.keys.ts): codes as
 * they are, '' / 0 for none, geography's special keys built in SQL, periods as integers
 * (2022, 20221 for 2022Q1 or 2022S1, 202201). One narrow column per dimension keeps big results cheap.
 */
export function dimensionSelect(dim: PivotDimension, geography: 2024 | 2025): string {
  const expr = TIME_EXPR[dim];
  if (expr) return expr;
  switch (dim) {
    case 'indicator':
      return 'indicator_id';
    case 'province':
      return geography === 2025
        ? text('province_code')
        : `CASE WHEN ${text('province_2024')} <> '' THEN province_2024 WHEN ${text('province_code')} <> '' THEN '>' || province_code ELSE '' END`;
    case 'commune':
      return geography === 2025
        ? `CASE WHEN ${text('commune_code')} <> '' THEN commune_code WHEN lineage_partial THEN '>' || ${text('province_code')} ELSE '=' || ${text('province_code')} END`
        : `CASE WHEN ${text('commune_2024')} <> '' THEN commune_2024 ELSE '>' || ${text('province_code')} END`;
    case 'ethnic_group':
      return 'coalesce(ethnic_group_id, 0)';
    case 'agency':
      return 'coalesce(agency_id, 0)';
    case 'plan':
      return 'coalesce(plan_id, 0)';
    default:
      return text(dim);
  }
}

const FILTER_COLUMN = (key: keyof PivotFilters, geography: 2024 | 2025): string | null => {
  switch (key) {
    case 'province':
      return geography === 2025 ? 'province_code' : 'province_2024';
    case 'commune':
      return geography === 2025 ? 'commune_code' : 'commune_2024';
    case 'months':
      return 'month';
    case 'ethnic_group':
      return 'ethnic_group_id';
    case 'agency':
      return 'agency_id';
    case 'plan':
      return 'plan_id';
    default:
      return key;
  }
};

export function chooseSource(dims: PivotDimension[], filters: PivotFilters, geography: 2024 | 2025): SourceTable {
  const needed = new Set<string>(['indicator_id', 'province_code', 'month']);
  for (const d of dims) for (const c of dimensionColumns(d, geography)) needed.add(c);
  for (const key of Object.keys(filters) as (keyof PivotFilters)[]) {
    if (filters[key] === undefined) continue;
    needed.add(FILTER_COLUMN(key, geography)!);
  }
  return PIVOT_SOURCES.find((s) => [...needed].every((c) => s.columns.includes(c)))!;
}

export interface SourceQuery {
  source: SourceTable;
  /** One entry per dimension: the aliases of its select expressions. */
  aliases: string[][];
  inner: RawBuilder<unknown>;
}

/**
 * The scoped, filtered rows of the source with one column per dimension expression (d0, d1, …) and
 * the measures v (value), n (values counted) and p (values from split communes). With `monthsUpTo`
 * the month filter becomes "up to that month" and the month is kept (stocks need every change before).
 */
export function sourceQuery(
  actor: Actor,
  indicatorIds: number[],
  dims: PivotDimension[],
  filters: PivotFilters,
  geography: 2024 | 2025,
  options: { monthsUpTo?: number; keepMonth?: boolean } = {},
): SourceQuery {
  const source = chooseSource(dims, filters, geography);
  const selects: RawBuilder<unknown>[] = [];
  const aliases: string[][] = [];
  let k = 0;
  for (const d of dims) {
    const alias = `d${k++}`;
    aliases.push([alias]);
    selects.push(sql.raw(`${dimensionSelect(d, geography)} AS ${alias}`));
  }
  if (options.keepMonth) selects.push(sql.raw('month AS m'));
  selects.push(
    sql.raw(
      source.rollup
        ? 'value AS v, n, partial_n AS p'
        : 'value AS v, 1 AS n, CASE WHEN lineage_partial THEN 1 ELSE 0 END AS p',
    ),
  );

  const where: RawBuilder<unknown>[] = [sql`indicator_id IN (${sql.join(indicatorIds)})`];
  if (!actor.nationalScope) where.push(rawProvinceScope('province_code', actor));
  for (const key of Object.keys(filters) as (keyof PivotFilters)[]) {
    const values = filters[key];
    if (values === undefined || key === 'months') continue;
    where.push(sql`${sql.ref(FILTER_COLUMN(key, geography)!)} IN (${sql.join(values)})`);
  }
  if (options.monthsUpTo !== undefined) where.push(sql`month <= ${options.monthsUpTo}`);
  else if (filters.months) {
    const ranges = filters.months.map(([s, e]) => sql`month BETWEEN ${s} AND ${e}`);
    where.push(ranges.length ? sql`(${sql.join(ranges, sql` OR `)})` : sql`false`);
  }
  const inner = sql`SELECT ${sql.join(selects)} FROM ${sql.table(source.table)} WHERE ${sql.join(where, sql` AND `)}`;
  return { source, aliases, inner };
}

/** Grouped rows as columns: one array per dimension expression, and the measures. */
export interface GroupedColumns {
  /** Per dimension, the member values as text ('' for a total's summed-away dimension). */
  keys: string[][];
  /** Bit i (from the left) set: dimension i is summed away (GROUPING). */
  grouping: number[];
  value: number[];
  n: number[];
  partial: number[];
}

const SEPARATOR = '|';
const split = (text: string | null, count: number): string[] =>
  count === 0 || text === null ? [] : text.split(SEPARATOR);

/**
 * Cells and totals in one pass: GROUPING SETS of (rows ∪ cols), (rows), (cols) and (), where each
 * set listed in `sets` gives the expressions (by index) it keeps. The grouped rows come back as one
 * delimited text per column (string_agg), which both drivers hand over far faster than hundreds of
 * thousands of row objects; member codes never contain the separator.
 */
export async function groupedSums(
  db: Queryable,
  q: SourceQuery,
  sets: number[][],
  withCount: boolean,
): Promise<GroupedColumns> {
  const all = q.aliases.flat();
  const measures = `sum(v) AS v, sum(p) AS p${withCount ? ', sum(n) AS n' : ''}`;
  const grouped = all.length
    ? sql`SELECT ${sql.raw(all.join(', '))}, GROUPING(${sql.raw(all.join(', '))}) AS g, ${sql.raw(measures)}
        FROM (${q.inner}) s
        GROUP BY GROUPING SETS (${sql.raw(sets.map((s) => `(${s.map((i) => all[i]).join(', ')})`).join(', '))})
        HAVING sum(n) <> 0`
    : sql`SELECT 0 AS g, ${sql.raw(measures)} FROM (${q.inner}) s HAVING sum(n) <> 0`;
  const agg = (expr: string) => `string_agg(${expr}, '${SEPARATOR}')`;
  const columns = [
    ...all.map((a) => `${agg(`coalesce(${a}::text, '')`)} AS ${a}`),
    `${agg('g::text')} AS g`,
    `${agg('v::text')} AS v`,
    `${agg('p::text')} AS p`,
    ...(withCount ? [`${agg('n::text')} AS n`] : []),
    'count(*) AS c',
  ];
  const result = await sql<Record<string, string | null>>`
    SELECT ${sql.raw(columns.join(', '))} FROM (${grouped}) r`.execute(db);
  const row = result.rows[0]!;
  const count = Number(row.c);
  const numbers = (name: string) => split(row[name] ?? null, count).map(Number);
  return {
    keys: all.map((a) => split(row[a] ?? null, count)),
    grouping: numbers('g'),
    value: numbers('v'),
    n: withCount ? numbers('n') : [],
    partial: numbers('p'),
  };
}

/**
 * Runs the pivot's queries in one transaction with settings for analytical queries: enough
 * memory to group in memory rather than on disk, and no JIT (compiling costs more than these
 * queries over rollups take).
 */
export async function analyticsQuery<T>(db: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return inTransaction(db, async (tx) => {
    await sql`SET LOCAL work_mem = '32MB'`.execute(tx);
    await sql`SET LOCAL jit = off`.execute(tx);
    return fn(tx);
  });
}

export interface MonthRow {
  keys: unknown[];
  month: number;
  value: number;
  partial: number;
}

/** Changes by month for stock indicators: every non-time dimension plus the month. */
export async function monthlyChanges(db: Queryable, q: SourceQuery): Promise<MonthRow[]> {
  const all = q.aliases.flat();
  const group = sql.raw([...all, 'm'].join(', '));
  const result = await sql<Record<string, unknown>>`
    SELECT ${group}, sum(v) AS v, sum(p) AS p
    FROM (${q.inner}) s
    GROUP BY ${group}
    HAVING sum(n) <> 0
    ORDER BY m`.execute(db);
  return result.rows.map((r) => ({
    keys: all.map((a) => r[a]),
    month: Number(r.m),
    value: Number(r.v),
    partial: Number(r.p),
  }));
}
