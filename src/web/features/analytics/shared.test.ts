import { describe, expect, it } from 'vitest';
import { parseAmount } from './shared';

describe('numbers typed in the target and value boxes', () => {
  it('reads Vietnamese thousands and both decimal marks, and refuses anything else', () => {
    expect(parseAmount('1500')).toBe(1500);
    expect(parseAmount('1.500')).toBe(1500);
    expect(parseAmount('1.234.567')).toBe(1234567);
    expect(parseAmount('2,5')).toBe(2.5);
    expect(parseAmount('2.5')).toBe(2.5);
    expect(parseAmount(' 40 ')).toBe(40);
    expect(parseAmount('12a')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });
});
