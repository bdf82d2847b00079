import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  formatPeriodVi,
  formatTimeframeVi,
  isPeriodRef,
  parsePeriodRef,
  parseTimeframeVi,
  periodEndDate,
  periodStartDate,
  periodsOverlap,
  quarterOf,
  quarterToRoman,
  romanToQuarter,
  shiftPeriodYears,
} from './period';

const span = (text: string, defaultYear?: number) => {
  const tf = parseTimeframeVi(text, defaultYear);
  return tf && [tf.start, tf.end];
};

describe('quarters in Roman numerals', () => {
  it('writes quarters 1 to 4 as I to IV and reads them back', () => {
    expect([1, 2, 3, 4].map(quarterToRoman)).toEqual(['I', 'II', 'III', 'IV']);
    expect(['I', 'ii', 'III', 'IV', '3'].map(romanToQuarter)).toEqual([1, 2, 3, 4, 3]);
  });
  it('knows no fifth quarter', () => {
    expect(romanToQuarter('V')).toBeNull();
    expect(() => quarterToRoman(5)).toThrow(RangeError);
  });
});

describe('period references', () => {
  it('recognises quarters, months and real days only', () => {
    expect(parsePeriodRef('2022-Q2')).toEqual({ kind: 'quarter', year: 2022, quarter: 2 });
    expect(parsePeriodRef('2022-12')).toEqual({ kind: 'month', year: 2022, month: 12 });
    expect(parsePeriodRef('2024-02-29')).toEqual({ kind: 'day', year: 2024, month: 2, day: 29 });
    expect(['2023-02-29', '2022-13', '2022-Q5', 'quý II'].some(isPeriodRef)).toBe(false);
  });
  it('gives the first and last day of each kind of period', () => {
    expect([periodStartDate('2022-Q3'), periodEndDate('2022-Q3')]).toEqual(['2022-07-01', '2022-09-30']);
    expect([periodStartDate('2024-02'), periodEndDate('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
    expect([periodStartDate('2022-12-15'), periodEndDate('2022-12-15')]).toEqual(['2022-12-15', '2022-12-15']);
  });
  it('finds the quarter of a date or month', () => {
    expect(quarterOf('2022-07-18')).toBe('2022-Q3');
    expect(quarterOf('2023-12')).toBe('2023-Q4');
    expect(() => quarterOf('18/7/2022')).toThrow(RangeError);
  });
  it('shifts a period by whole years, keeping 29 February inside the month', () => {
    expect(shiftPeriodYears('2022-Q2', 1)).toBe('2023-Q2');
    expect(shiftPeriodYears('2022-12', -2)).toBe('2020-12');
    expect(shiftPeriodYears('2024-02-29', 1)).toBe('2025-02-28');
  });
  it('orders by first day, then by last day', () => {
    const refs = ['2023-Q1', '2022-12-15', '2023-01', '2022-Q4', '2022-12'];
    expect([...refs].sort(comparePeriods)).toEqual(['2022-Q4', '2022-12', '2022-12-15', '2023-01', '2023-Q1']);
    expect(comparePeriods('2022-Q2', '2022-Q2')).toBe(0);
  });
  it('tells whether periods and timeframes share a day', () => {
    expect(periodsOverlap('2022-Q4', '2022-12-15')).toBe(true);
    expect(periodsOverlap('2022-Q3', '2022-10')).toBe(false);
    expect(periodsOverlap({ start: '2022-Q2', end: '2022-Q4' }, { start: '2022-01', end: '2022-04' })).toBe(true);
    expect(periodsOverlap({ start: '2022-Q2', end: '2022-Q4' }, '2023-01-01')).toBe(false);
  });
});

describe('Vietnamese wording of periods', () => {
  it('formats a quarter, a month and a day', () => {
    expect(formatPeriodVi('2022-Q2')).toBe('quý II/2022');
    expect(formatPeriodVi('2022-12')).toBe('tháng 12/2022');
    expect(formatPeriodVi('2022-12-15')).toBe('15/12/2022');
  });
  it('writes the year once when both ends of a timeframe share it', () => {
    expect(formatTimeframeVi({ start: '2022-Q1', end: '2022-Q4' })).toBe('Từ quý I đến quý IV/2022');
    expect(formatTimeframeVi({ start: '2023-03', end: '2023-06' })).toBe('Từ tháng 3 đến tháng 6/2023');
    expect(formatTimeframeVi({ start: '2023-03-01', end: '2023-06-30' })).toBe('Từ ngày 01/03 đến ngày 30/06/2023');
  });
  it('writes both years across a year end, and a single period when start is end', () => {
    expect(formatTimeframeVi({ start: '2022-Q4', end: '2023-Q1' })).toBe('Từ quý IV/2022 đến quý I/2023');
    expect(formatTimeframeVi({ start: '2022-12', end: '2022-12' })).toBe('tháng 12/2022');
  });
});

describe('reading Vietnamese timeframes', () => {
  it('reads the quarter ranges of the 2022 plan', () => {
    expect(span('Từ quý I đến quý IV/2022')).toEqual(['2022-Q1', '2022-Q4']);
    expect(span('Từ quý II/2022 đến quý IV/2022')).toEqual(['2022-Q2', '2022-Q4']);
    expect(span('Quý III/2023')).toEqual(['2023-Q3', '2023-Q3']);
    expect(span('quý IV năm 2022')).toEqual(['2022-Q4', '2022-Q4']);
    expect(span('Quý I - II/2024')).toEqual(['2024-Q1', '2024-Q2']);
  });
  it('reads months, month ranges and days', () => {
    expect(span('tháng 12/2022.')).toEqual(['2022-12', '2022-12']);
    expect(span('từ tháng 3 đến tháng 6/2023')).toEqual(['2023-03', '2023-06']);
    expect(span('Tháng 4-6/2024')).toEqual(['2024-04', '2024-06']);
    expect(span('tháng 12 năm 2022')).toEqual(['2022-12', '2022-12']);
    expect(span('ngày 15/12/2022')).toEqual(['2022-12-15', '2022-12-15']);
    expect(span('từ 01/3/2023 đến 30/6/2023')).toEqual(['2023-03-01', '2023-06-30']);
  });
  it('reads halves and whole years as quarters', () => {
    expect(span('6 tháng đầu năm 2023')).toEqual(['2023-Q1', '2023-Q2']);
    expect(span('6 tháng cuối năm 2023')).toEqual(['2023-Q3', '2023-Q4']);
    expect(span('năm 2023')).toEqual(['2023-Q1', '2023-Q4']);
    expect(span('Cả năm 2023')).toEqual(['2023-Q1', '2023-Q4']);
    expect(span('trong năm 2023')).toEqual(['2023-Q1', '2023-Q4']);
    expect(span('giai đoạn 2021-2025')).toEqual(['2021-Q1', '2025-Q4']);
  });
  it('keeps the source words and copes with decomposed diacritics', () => {
    expect(parseTimeframeVi('Từ quý I đến quý IV/2022'.normalize('NFD'))).toEqual({
      start: '2022-Q1',
      end: '2022-Q4',
      text: 'Từ quý I đến quý IV/2022',
    });
  });
  it('takes the plan year only when the text names none', () => {
    expect(span('Từ quý I đến quý IV')).toBeNull();
    expect(span('Từ quý I đến quý IV', 2022)).toEqual(['2022-Q1', '2022-Q4']);
    expect(span('quý II/2023', 2022)).toEqual(['2023-Q2', '2023-Q2']);
  });
  it('returns null when it recognises nothing, or a range that runs backwards', () => {
    expect(parseTimeframeVi('Thường xuyên')).toBeNull();
    expect(parseTimeframeVi('')).toBeNull();
    expect(parseTimeframeVi('tháng 13/2022')).toBeNull();
    expect(parseTimeframeVi('từ quý IV đến quý I/2023')).toBeNull();
  });
});
