import { describe, expect, it } from 'vitest';
import { deriveActivityStatus } from './activity-status';

const q2toQ4 = { start: '2022-Q2', end: '2022-Q4' };

describe('activity status', () => {
  it('is not started before any record, even once the timeframe has begun', () => {
    expect(deriveActivityStatus({ timeframe: q2toQ4, recordCount: 0, completedOn: null }, '2022-05-01')).toBe(
      'not_started',
    );
  });

  it('is in progress from the first record until the timeframe ends', () => {
    expect(deriveActivityStatus({ timeframe: q2toQ4, recordCount: 1, completedOn: null }, '2022-12-31')).toBe(
      'in_progress',
    );
  });

  it('is late the day after the last day of its timeframe, with or without records', () => {
    expect(deriveActivityStatus({ timeframe: q2toQ4, recordCount: 3, completedOn: null }, '2023-01-01')).toBe('late');
    expect(deriveActivityStatus({ timeframe: q2toQ4, recordCount: 0, completedOn: null }, '2023-01-01')).toBe('late');
  });

  it('is done once the lead agency marks it complete, even after its timeframe', () => {
    expect(deriveActivityStatus({ timeframe: q2toQ4, recordCount: 0, completedOn: '2023-02-01' }, '2023-03-01')).toBe(
      'done',
    );
  });

  it('reads a month or a day as the end of the timeframe', () => {
    const december = { start: '2022-12', end: '2022-12' };
    expect(deriveActivityStatus({ timeframe: december, recordCount: 0, completedOn: null }, '2022-12-31')).toBe(
      'not_started',
    );
    const day = { start: '2022-12-15', end: '2022-12-15' };
    expect(deriveActivityStatus({ timeframe: day, recordCount: 0, completedOn: null }, '2022-12-16')).toBe('late');
  });

  it('is never late without a timeframe', () => {
    expect(deriveActivityStatus({ timeframe: null, recordCount: 0, completedOn: null }, '2030-01-01')).toBe(
      'not_started',
    );
  });
});
