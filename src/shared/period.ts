// Period references as plans and reports use them: a quarter "2022-Q2", a month "2022-12" or a
// day "2022-12-15"; and the Vietnamese words for them ("quý II/2022", "tháng 12/2022").
// Pure functions; dates are YYYY-MM-DD strings so no time zone can shift a day.
import type { PeriodRef, Timeframe } from './plan-document';

type PointParts =
  { kind: 'quarter'; quarter: number } | { kind: 'month'; month: number } | { kind: 'day'; month: number; day: number };

export type PeriodParts = PointParts & { year: number };

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** 1 → "I" … 4 → "IV". */
export function quarterToRoman(quarter: number): string {
  const roman = ROMAN_QUARTERS[quarter - 1];
  if (!roman) throw new RangeError(`No quarter ${quarter}`);
  return roman;
}

/** "I" … "IV" (any case) or "1" … "4" → 1 … 4; null for anything else. */
export function romanToQuarter(text: string): number | null {
  const upper = text.trim().toUpperCase();
  const index = ROMAN_QUARTERS.indexOf(upper as (typeof ROMAN_QUARTERS)[number]);
  if (index >= 0) return index + 1;
  return /^[1-4]$/.test(upper) ? Number(upper) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a PeriodRef into its parts; null when it is not one (or names no real date). */
export function parsePeriodRef(ref: PeriodRef): PeriodParts | null {
  const m = /^(\d{4})-(?:Q([1-4])|(\d{2})(?:-(\d{2}))?)$/.exec(ref);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'quarter', year, quarter: Number(m[2]) };
  const month = Number(m[3]);
  if (month < 1 || month > 12) return null;
  if (m[4] === undefined) return { kind: 'month', year, month };
  const day = Number(m[4]);
  return day >= 1 && day <= daysInMonth(year, month) ? { kind: 'day', year, month, day } : null;
}

export function isPeriodRef(text: string): boolean {
  return parsePeriodRef(text) !== null;
}

/** The inverse of parsePeriodRef. */
export function periodRef(parts: PeriodParts): PeriodRef {
  if (parts.kind === 'quarter') return `${parts.year}-Q${parts.quarter}`;
  if (parts.kind === 'month') return `${parts.year}-${pad(parts.month)}`;
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

function mustParse(ref: PeriodRef): PeriodParts {
  const parts = parsePeriodRef(ref);
  if (!parts) throw new RangeError(`Not a period: ${ref}`);
  return parts;
}

/** First day of the period, YYYY-MM-DD. */
export function periodStartDate(ref: PeriodRef): string {
  const p = mustParse(ref);
  if (p.kind === 'quarter') return `${p.year}-${pad(p.quarter * 3 - 2)}-01`;
  if (p.kind === 'month') return `${p.year}-${pad(p.month)}-01`;
  return periodRef(p);
}

/** Last day of the period, YYYY-MM-DD. */
export function periodEndDate(ref: PeriodRef): string {
  const p = mustParse(ref);
  const month = p.kind === 'quarter' ? p.quarter * 3 : p.month;
  const day = p.kind === 'day' ? p.day : daysInMonth(p.year, month);
  return `${p.year}-${pad(month)}-${pad(day)}`;
}

/** The quarter a date ("2022-07-18") or month ("2022-07") falls in: "2022-Q3". */
export function quarterOf(date: string): PeriodRef {
  const m = /^(\d{4})-(\d{2})/.exec(date);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw new RangeError(`Not a date: ${date}`);
  return `${m[1]}-Q${Math.ceil(month / 3)}`;
}

/** The same period n years later (earlier when n < 0); 29 February becomes 28 February. */
export function shiftPeriodYears(ref: PeriodRef, years: number): PeriodRef {
  const p = mustParse(ref);
  const year = p.year + years;
  if (p.kind !== 'day') return periodRef({ ...p, year });
  return periodRef({ ...p, year, day: Math.min(p.day, daysInMonth(year, p.month)) });
}

/** Orders by first day, then by last day (a month before the quarter that starts with it). */
export function comparePeriods(a: PeriodRef, b: PeriodRef): number {
  const byStart = periodStartDate(a).localeCompare(periodStartDate(b));
  return byStart !== 0 ? byStart : periodEndDate(a).localeCompare(periodEndDate(b));
}

type Span = PeriodRef | Pick<Timeframe, 'start' | 'end'>;

/** Whether two periods or timeframes share at least one day. */
export function periodsOverlap(a: Span, b: Span): boolean {
  const [aStart, aEnd] = typeof a === 'string' ? [a, a] : [a.start, a.end];
  const [bStart, bEnd] = typeof b === 'string' ? [b, b] : [b.start, b.end];
  return periodStartDate(aStart) <= periodEndDate(bEnd) && periodStartDate(bStart) <= periodEndDate(aEnd);
}

/** "quý II/2022", "tháng 12/2022", "15/12/2022". */
export function formatPeriodVi(ref: PeriodRef): string {
  const p = mustParse(ref);
  if (p.kind === 'quarter') return `quý ${quarterToRoman(p.quarter)}/${p.year}`;
  if (p.kind === 'month') return `tháng ${p.month}/${p.year}`;
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

function formatWithoutYear(p: PeriodParts): string {
  if (p.kind === 'quarter') return `quý ${quarterToRoman(p.quarter)}`;
  if (p.kind === 'month') return `tháng ${p.month}`;
  return `ngày ${pad(p.day)}/${pad(p.month)}`;
}

/**
 * "Từ quý I đến quý IV/2022" (the year written once when both ends share it and their kind),
 * "Từ quý II/2022 đến quý I/2023", or a single period ("tháng 12/2022") when start = end.
 */
export function formatTimeframeVi(tf: Pick<Timeframe, 'start' | 'end'>): string {
  if (tf.start === tf.end) return formatPeriodVi(tf.start);
  const start = mustParse(tf.start);
  const end = mustParse(tf.end);
  const from =
    start.kind === end.kind && start.year === end.year
      ? formatWithoutYear(start)
      : (start.kind === 'day' ? 'ngày ' : '') + formatPeriodVi(tf.start);
  const to = (end.kind === 'day' ? 'ngày ' : '') + formatPeriodVi(tf.end);
  return `Từ ${from} đến ${to}`;
}

// ---------------------------------------------------------------------------------------------
// Reading Vietnamese timeframe phrases.

interface Point {
  parts: PointParts;
  year: number | null;
}

const YEAR = String.raw`(?:\s*(?:\/|năm)\s*(\d{4}))`;
const ROMAN = String.raw`(IV|I{1,3}|[1-4])(?![\p{L}\d])`;
const JOIN = String.raw`\s*(?:-|–|—|,|và|đến)\s*`;

// Alternatives in order of preference at the same position; ranges written compactly
// ("quý I - II/2023", "tháng 3 đến tháng 6/2023") are read as two points.
const POINTS = new RegExp(
  [
    String.raw`ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`,
    String.raw`quý\s+${ROMAN}${JOIN}(?:quý\s+)?${ROMAN}${YEAR}`,
    String.raw`tháng\s+(\d{1,2})${JOIN}(?:tháng\s+)?(\d{1,2})${YEAR}`,
    String.raw`quý\s+${ROMAN}${YEAR}?`,
    String.raw`tháng\s+(\d{1,2})(?!\d)${YEAR}?`,
    String.raw`(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\d/])`,
  ].join('|'),
  'giu',
);

function quarterPoint(roman: string | undefined, year: number | null): Point | null {
  const quarter = romanToQuarter(roman ?? '');
  return quarter ? { parts: { kind: 'quarter', quarter }, year } : null;
}

function monthPoint(month: string | undefined, year: number | null): Point | null {
  const m = Number(month);
  return m >= 1 && m <= 12 ? { parts: { kind: 'month', month: m }, year } : null;
}

function dayPoint(day: string | undefined, month: string | undefined, year: number | null): Point | null {
  const d = Number(day);
  const m = Number(month);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? { parts: { kind: 'day', month: m, day: d }, year } : null;
}

const yearOf = (text: string | undefined) => (text ? Number(text) : null);

/** Capture groups, by alternative of POINTS: day in words 0–2, quarter range 3–5, month range
 * 6–8, quarter 9–10, month 11–12, day in figures 13–15. */
function pointsOf(m: RegExpExecArray): Array<Point | null> {
  const g = m.slice(1);
  if (g[0]) return [dayPoint(g[0], g[1], yearOf(g[2]))];
  if (g[3]) return [quarterPoint(g[3], yearOf(g[5])), quarterPoint(g[4], yearOf(g[5]))];
  if (g[6]) return [monthPoint(g[6], yearOf(g[8])), monthPoint(g[7], yearOf(g[8]))];
  if (g[9]) return [quarterPoint(g[9], yearOf(g[10]))];
  if (g[11]) return [monthPoint(g[11], yearOf(g[12]))];
  return [dayPoint(g[13], g[14], yearOf(g[15]))];
}

function findPoints(text: string): Point[] {
  const points: Point[] = [];
  for (const m of text.matchAll(POINTS)) {
    for (const point of pointsOf(m)) if (point) points.push(point);
  }
  return points;
}

/** A point without a year takes the year of the next point that has one, else of the previous. */
function fillYears(points: Point[], defaultYear: number | undefined): PeriodRef[] | null {
  const refs: PeriodRef[] = [];
  for (let i = 0; i < points.length; i++) {
    const later = points.slice(i).find((p) => p.year !== null)?.year;
    const earlier = points
      .slice(0, i)
      .reverse()
      .find((p) => p.year !== null)?.year;
    const year = later ?? earlier ?? defaultYear;
    if (year === undefined) return null;
    const ref = periodRef({ ...points[i]!.parts, year });
    if (!isPeriodRef(ref)) return null;
    refs.push(ref);
  }
  return refs;
}

function wholeYears(first: number, last: number): [PeriodRef, PeriodRef] {
  return [`${first}-Q1`, `${last}-Q4`];
}

/** Phrases naming a part of a year or whole years rather than a quarter, month or day. */
function yearPhrase(text: string): [PeriodRef, PeriodRef] | null {
  const half = /(?:6 tháng|nửa)\s+(đầu|cuối)\s+năm\s+(\d{4})/iu.exec(text);
  if (half) {
    const year = Number(half[2]);
    return half[1]!.toLowerCase() === 'đầu' ? [`${year}-Q1`, `${year}-Q2`] : [`${year}-Q3`, `${year}-Q4`];
  }
  const range = /(?:năm|giai đoạn)\s+(\d{4})\s*(?:-|–|—|đến)\s*(?:năm\s+)?(\d{4})/iu.exec(text);
  if (range) return wholeYears(Number(range[1]), Number(range[2]));
  const year = /(?:^|\s)năm\s+(\d{4})|^\s*(\d{4})\s*$/iu.exec(text);
  if (year) return wholeYears(Number(year[1] ?? year[2]), Number(year[1] ?? year[2]));
  return null;
}

/**
 * Reads a Vietnamese timeframe: "Từ quý I đến quý IV/2022", "tháng 12/2022", "Quý III/2023",
 * "từ tháng 3 đến tháng 6/2023", "ngày 15/12/2022", "6 tháng đầu năm 2023", "(cả|trong) năm 2023".
 * The first and last periods named become start and end. `defaultYear` is used when the text
 * names no year at all ("Từ quý I đến quý IV" in a plan for 2022). Null when nothing is recognised.
 */
export function parseTimeframeVi(text: string, defaultYear?: number): Timeframe | null {
  const clean = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;,]+$/, '');
  const points = findPoints(clean);
  const refs = points.length > 0 ? fillYears(points, defaultYear) : yearPhrase(clean);
  if (!refs || refs.length === 0) return null;
  const start = refs[0]!;
  const end = refs[refs.length - 1]!;
  if (comparePeriods(start, end) > 0) return null;
  return { start, end, text: clean };
}
