import { describe, expect, it } from 'vitest';
import { suggestCode } from './shared';

describe('suggestCode', () => {
  it('folds a Vietnamese name into a code the API accepts', () => {
    expect(suggestCode('Giám sát lồng ghép giới & Dự án 8')).toBe('giam_sat_long_ghep_gioi_du_an_8');
    expect(suggestCode('  Đoàn — Điện Biên ')).toBe('doan_dien_bien');
    expect(suggestCode('x'.repeat(80))).toHaveLength(60);
  });
});
