import { describe, expect, it } from 'vitest';
import { formatDateVi, formatMoneyVi, formatNumberVi, percentVi } from './format-vi';

describe('Vietnamese formatting', () => {
  it('writes dates day first', () => {
    expect(formatDateVi('2022-09-05')).toBe('05/09/2022');
  });
  it('groups whole đồng with dots, exactly beyond a double', () => {
    expect(formatMoneyVi('1234567')).toBe('1.234.567');
    expect(formatMoneyVi('0012')).toBe('12');
    expect(formatMoneyVi('123456789012345678901')).toBe('123.456.789.012.345.678.901');
  });
  it('writes numbers with a decimal comma, one decimal at most, and a dash for none', () => {
    expect(formatNumberVi(1234.56)).toBe('1.234,6');
    expect(formatNumberVi(-1500)).toBe('-1.500');
    expect(formatNumberVi(null)).toBe('—');
    expect(percentVi(87.5)).toBe('87,5%');
  });
});
