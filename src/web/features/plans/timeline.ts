// The quarter grid of a plan's timeline: the columns (every quarter of the years the plan's
// timeframes touch) and each timeframe as a bar from its first to its last quarter. A month or a
// day counts in the quarter it falls in. Pure, so it is tested without a browser.
import { parsePeriodRef, periodEndDate, periodStartDate, quarterOf, quarterToRoman } from '../../../shared/period';

export interface QuarterColumn {
  year: number;
  quarter: number;
  /** "2022-Q3" */
  ref: string;
  roman: string;
}

export interface Bar {
  /** 0-based column indexes, inclusive. */
  from: number;
  to: number;
}

interface Span {
  start: string;
  end: string;
}

function quarterParts(ref: string): { year: number; quarter: number } {
  const m = /^(\d{4})-Q([1-4])$/.exec(ref);
  return { year: Number(m![1]), quarter: Number(m![2]) };
}

/** The quarters a timeframe runs through, as "2022-Q2" refs; null when it cannot be read. */
export function quarterSpan(tf: Span): { start: string; end: string } | null {
  if (!parsePeriodRef(tf.start) || !parsePeriodRef(tf.end)) return null;
  return { start: quarterOf(periodStartDate(tf.start)), end: quarterOf(periodEndDate(tf.end)) };
}

/** Every quarter from the first year to the last year touched (always at least the plan's year). */
export function timelineColumns(planYear: number, timeframes: (Span | null | undefined)[]): QuarterColumn[] {
  let first = planYear;
  let last = planYear;
  for (const tf of timeframes) {
    const span = tf && quarterSpan(tf);
    if (!span) continue;
    first = Math.min(first, quarterParts(span.start).year);
    last = Math.max(last, quarterParts(span.end).year);
  }
  const columns: QuarterColumn[] = [];
  for (let year = first; year <= last; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      columns.push({ year, quarter, ref: `${year}-Q${quarter}`, roman: quarterToRoman(quarter) });
    }
  }
  return columns;
}

/** The columns a timeframe covers; null without a readable timeframe or outside the columns. */
export function barFor(tf: Span | null | undefined, columns: QuarterColumn[]): Bar | null {
  const span = tf && quarterSpan(tf);
  if (!span) return null;
  const from = columns.findIndex((c) => c.ref === span.start);
  const to = columns.findIndex((c) => c.ref === span.end);
  if (from < 0 || to < 0 || to < from) return null;
  return { from, to };
}

/** Years with how many columns each spans, for the header above the quarters. */
export function yearGroups(columns: QuarterColumn[]): { year: number; count: number }[] {
  const groups: { year: number; count: number }[] = [];
  for (const column of columns) {
    const last = groups.at(-1);
    if (last && last.year === column.year) last.count++;
    else groups.push({ year: column.year, count: 1 });
  }
  return groups;
}
