import { describe, expect, it } from 'vitest';
import {
  A4_TWIPS,
  TEXT_WIDTH_TWIPS,
  balanceLines,
  estimateTextWidth,
  formatNumberLine,
  formatVietnameseDate,
  mmToTwips,
  recipientLines,
  recipientParagraphs,
} from './decree30-docx';

describe('formatVietnameseDate', () => {
  it('writes the place and date line as Decree 30 does', () => {
    expect(formatVietnameseDate('Hà Nội', '2022-07-18')).toBe('Hà Nội, ngày 18 tháng 7 năm 2022');
  });

  it('pads days below 10 and the months 1 and 2 with a zero, no other month', () => {
    expect(formatVietnameseDate('Hà Nội', '2023-01-05')).toBe('Hà Nội, ngày 05 tháng 01 năm 2023');
    expect(formatVietnameseDate('Lào Cai', '2024-02-09')).toBe('Lào Cai, ngày 09 tháng 02 năm 2024');
    expect(formatVietnameseDate('Hà Nội', '2022-03-10')).toBe('Hà Nội, ngày 10 tháng 3 năm 2022');
    expect(formatVietnameseDate('Hà Nội', '2022-12-01')).toBe('Hà Nội, ngày 01 tháng 12 năm 2022');
  });

  it('leaves blanks to fill in by hand when there is no date yet', () => {
    expect(formatVietnameseDate('Hà Nội', null)).toBe('Hà Nội, ngày      tháng      năm');
    expect(formatVietnameseDate('', '2022-07-18')).toBe('ngày 18 tháng 7 năm 2022');
  });
});

describe('formatNumberLine', () => {
  it('writes "Số: …", or the blank of an unnumbered draft', () => {
    expect(formatNumberLine('16/KH-HLHPNVN-UBĐT')).toBe('Số: 16/KH-HLHPNVN-UBĐT');
    expect(formatNumberLine('')).toMatch(/^Số:\s+\/$/);
  });
});

describe('page geometry', () => {
  it('converts millimetres to twips', () => {
    expect([20, 30, 15].map(mmToTwips)).toEqual([1134, 1701, 850]);
    expect(A4_TWIPS).toEqual({ width: 11906, height: 16838 });
    expect(TEXT_WIDTH_TWIPS).toBe(11906 - 1701 - 850);
  });
});

describe('balanceLines', () => {
  const title =
    'Triển khai Chương trình phối hợp công tác giữa Ủy ban Dân tộc và Hội Liên hiệp Phụ nữ Việt Nam năm 2022';

  it('keeps a short title on one line', () => {
    expect(balanceLines('Kế hoạch năm 2022', 14, true, TEXT_WIDTH_TWIPS)).toEqual(['Kế hoạch năm 2022']);
  });

  it('splits a long title into lines that fit, without cutting a name after its capital', () => {
    const lines = balanceLines(title, 14, true, TEXT_WIDTH_TWIPS);
    expect(lines.length).toBe(2);
    expect(lines.join(' ')).toBe(title);
    for (const line of lines) expect(estimateTextWidth(line, 14, true)).toBeLessThan(TEXT_WIDTH_TWIPS);
    expect(lines[0]).not.toMatch(/\s\p{Lu}\p{Ll}*$/u);
  });

  it('estimates widths close to Times New Roman', () => {
    // Measured in the rendered PDF (Liberation Serif, same metrics): about 115 pt.
    expect(estimateTextWidth('ỦY BAN DÂN TỘC', 13, true) / 20).toBeGreaterThan(105);
    expect(estimateTextWidth('ỦY BAN DÂN TỘC', 13, true) / 20).toBeLessThan(125);
  });
});

describe('recipientLines', () => {
  it('writes "- " items ending in ";", the last in ".", keeping punctuation already there', () => {
    expect(recipientLines(['- Như trên', 'Bộ Y tế;', '', 'Lưu: VT'])).toEqual([
      '- Như trên;',
      '- Bộ Y tế;',
      '- Lưu: VT.',
    ]);
    expect(recipientParagraphs(['Lưu: VT'])).toHaveLength(2);
  });
});
