import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, parseDate, todayIso } from './format';

describe('Vietnamese formats', () => {
  it('shows calendar dates as dd/mm/yyyy without shifting the day', () => {
    expect(formatDate('2022-07-18')).toBe('18/07/2022');
  });

  it('shows timestamps in Vietnam time', () => {
    expect(formatDateTime('2025-06-30T17:30:00Z')).toBe('01/07/2025 00:30');
    expect(formatDate('2025-06-30T17:30:00Z')).toBe('01/07/2025');
  });

  it('groups thousands with dots', () => {
    expect(formatNumber(10035)).toBe('10.035');
  });

  it('reads typed dates and refuses impossible ones', () => {
    expect(parseDate('18/07/2022')).toBe('2022-07-18');
    expect(parseDate('1/7/2025')).toBe('2025-07-01');
    expect(parseDate('31/02/2025')).toBeNull();
    expect(parseDate('2025-07-01')).toBeNull();
  });

  it('knows the date in Vietnam when it is still yesterday in UTC', () => {
    expect(todayIso(new Date('2025-06-30T18:00:00Z'))).toBe('2025-07-01');
  });
});
