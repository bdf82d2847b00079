import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese, sameVietnameseName, unitInSentence } from './text';

describe('foldVietnamese', () => {
  it('drops diacritics and maps đ and Đ to d, which NFD does not decompose', () => {
    expect(foldVietnamese('Điện Biên')).toBe('dien bien');
    expect(foldVietnamese('đồng nai')).toBe('dong nai');
    expect(foldVietnamese('ĐẮK LẮK')).toBe('dak lak');
  });

  it('folds both tone-mark placements to the same text', () => {
    expect(foldVietnamese('Hòa')).toBe('hoa');
    expect(foldVietnamese('Hoà')).toBe('hoa');
    expect(foldVietnamese('Thủy')).toBe(foldVietnamese('Thuỷ'));
  });

  it('gives the same result for composed and decomposed input', () => {
    expect(foldVietnamese('Hòa Bình'.normalize('NFD'))).toBe(foldVietnamese('Hòa Bình'.normalize('NFC')));
  });

  it('collapses and trims white space', () => {
    expect(foldVietnamese('  Điện \t Biên  ')).toBe('dien bien');
  });
});

describe('sameVietnameseName', () => {
  it('treats old and new tone-mark placement as the same name', () => {
    expect(sameVietnameseName('Khánh Hòa', 'Khánh Hoà')).toBe(true);
    expect(sameVietnameseName('Thủy Nguyên', 'Thuỷ Nguyên')).toBe(true);
    expect(sameVietnameseName('Úy', 'Uý')).toBe(true);
  });

  it('ignores letter case, including Đ against đ', () => {
    expect(sameVietnameseName('Đồng Nai', 'đồng nai')).toBe(true);
  });

  it('tells apart names with different tones', () => {
    expect(sameVietnameseName('Hòa', 'Hóa')).toBe(false);
    expect(sameVietnameseName('Thủy', 'Thùy')).toBe(false);
    expect(sameVietnameseName('Hoa', 'Hòa')).toBe(false);
  });

  // Known gap: the comparison folds away vowel marks (ơ/ô, ă/â) and đ, so these still compare
  // equal although they are different names. Reported; text.ts is owned elsewhere.
  it('tells apart names that differ only in a vowel mark or in Đ/D (Hơn/Hôn, Đông/Dông)', () => {
    expect(sameVietnameseName('Hơn', 'Hôn')).toBe(false);
    expect(sameVietnameseName('Đông', 'Dông')).toBe(false);
    expect(sameVietnameseName('Xã Hoà An', 'xã Hòa An')).toBe(true);
  });
});

describe('compareVietnamese', () => {
  it('sorts Đ after D, as Vietnamese dictionaries do', () => {
    expect(['Đông', 'Dung', 'Anh'].sort(compareVietnamese)).toEqual(['Anh', 'Dung', 'Đông']);
  });
});

describe('unitInSentence', () => {
  it("keeps the unit's own type, in lower case inside a sentence", () => {
    expect(unitInSentence('Tỉnh Lào Cai')).toBe('tỉnh Lào Cai');
    expect(unitInSentence('Thành phố Hà Nội')).toBe('thành phố Hà Nội');
    expect(unitInSentence('Đặc khu Bạch Long Vĩ')).toBe('đặc khu Bạch Long Vĩ');
  });
});
