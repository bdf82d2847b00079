import { describe, expect, it } from 'vitest';
import { vietnamDate } from './dates';

describe('vietnamDate', () => {
  it('is already the next day in Hà Nội at 20:00 UTC', () => {
    expect(vietnamDate(new Date('2026-11-28T20:00:00Z'))).toBe('2026-11-29');
  });
  it('is the same day at 10:00 UTC', () => {
    expect(vietnamDate(new Date('2026-11-28T10:00:00Z'))).toBe('2026-11-28');
  });
});
