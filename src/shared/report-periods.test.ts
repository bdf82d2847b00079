import { describe, expect, it } from 'vitest';
import { dueDate, isLate, periodsOfYear, regularPeriod } from './report-periods';

describe('report periods', () => {
  it('lists the quarters, halves and year with their first and last days', () => {
    expect(periodsOfYear('quarter', 2024).map((p) => [p.code, p.start, p.end])).toEqual([
      ['2024Q1', '2024-01-01', '2024-03-31'],
      ['2024Q2', '2024-04-01', '2024-06-30'],
      ['2024Q3', '2024-07-01', '2024-09-30'],
      ['2024Q4', '2024-10-01', '2024-12-31'],
    ]);
    expect(periodsOfYear('half', 2022).map((p) => p.label)).toEqual(['6 tháng đầu năm 2022', '6 tháng cuối năm 2022']);
    expect(periodsOfYear('year', 2022)[0]).toMatchObject({ code: '2022', label: 'Năm 2022', end: '2022-12-31' });
    expect(periodsOfYear('custom', 2022)).toEqual([]);
  });

  it('reads a period code only for its own kind', () => {
    expect(regularPeriod('quarter', '2022Q3')?.label).toBe('Quý III/2022');
    expect(regularPeriod('quarter', '2022S1')).toBeNull();
    expect(regularPeriod('year', '202207')).toBeNull();
  });

  it('moves the deadline across month and year ends, before the end when negative', () => {
    expect(dueDate('2022-09-30', 10)).toBe('2022-10-10');
    expect(dueDate('2022-12-31', 15)).toBe('2023-01-15');
    expect(dueDate('2022-12-31', -16)).toBe('2022-12-15');
  });

  it('counts as late only what is not in the approver’s hands after the deadline', () => {
    expect(isLate('not_started', '2022-10-10', '2022-10-11')).toBe(true);
    expect(isLate('returned', '2022-10-10', '2022-10-11')).toBe(true);
    expect(isLate('draft', '2022-10-10', '2022-10-10')).toBe(false);
    expect(isLate('submitted', '2022-10-10', '2022-12-01')).toBe(false);
    expect(isLate('approved', '2022-10-10', '2022-12-01')).toBe(false);
  });
});
