import { describe, expect, it } from 'vitest';
import { addMoney, canonicalMoney, shareSpent, sumMoney } from './budget-math';

describe('money in đồng', () => {
  it('adds amounts above 2^53 without losing a đồng', () => {
    const big = '9007199254740993'; // 2^53 + 1: a double would read it as 9007199254740992
    expect(addMoney(big, '1')).toBe('9007199254740994');
    expect(sumMoney([big, big, '123456789012345678'])).toBe('141471187521827664');
    expect(sumMoney([])).toBe('0');
  });

  it('gives the share spent with one decimal, rounded half up', () => {
    expect(shareSpent('875', '1000')).toBe('87.5');
    expect(shareSpent('1', '3')).toBe('33.3');
    expect(shareSpent('2', '3')).toBe('66.7');
    expect(shareSpent('1', '2000')).toBe('0.1');
    expect(shareSpent('0', '5')).toBe('0.0');
    expect(shareSpent('15000000', '10000000')).toBe('150.0');
    expect(shareSpent('9007199254740993', '18014398509481986')).toBe('50.0');
    expect(shareSpent('5', '0')).toBeNull();
  });

  it('drops leading zeros', () => {
    expect(canonicalMoney('000120')).toBe('120');
    expect(canonicalMoney('0')).toBe('0');
  });
});
