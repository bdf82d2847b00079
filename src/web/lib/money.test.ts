import { describe, expect, it } from 'vitest';
import { formatMoney, moneyDigits, sumMoney } from './money';

describe('money in đồng', () => {
  it('keeps only the digits the user typed, with dots or spaces', () => {
    expect(moneyDigits('1.234.567 đ')).toBe('1234567');
    expect(moneyDigits('0012')).toBe('12');
    expect(moneyDigits('abc')).toBe('');
  });

  it('shows amounts with Vietnamese thousands dots', () => {
    expect(formatMoney('1234567')).toBe('1.234.567');
    expect(formatMoney('999')).toBe('999');
    expect(formatMoney('0')).toBe('0');
  });

  it('adds amounts beyond the precision of a float exactly', () => {
    expect(sumMoney(['9007199254740993', '1', ''])).toBe('9007199254740994');
    expect(formatMoney(sumMoney(['123456789012345678', '1']))).toBe('123.456.789.012.345.679');
  });
});
