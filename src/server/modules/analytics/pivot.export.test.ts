import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PivotResult } from './pivot.engine';
import { pivotXlsx } from './pivot.export';

const agency = 'Hội Liên hiệp Phụ nữ tỉnh Điện Biên';
const result: PivotResult = {
  rows: [
    { key: ['', '1'], label: ['Trung ương (không gắn địa bàn)', 'Hội Liên hiệp Phụ nữ Việt Nam'] },
    { key: ['11', '7'], label: ['Điện Biên', agency] },
  ],
  columns: ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => ({ key: [`2022${q}`], label: [`Quý ${q}/2022`] })),
  cells: [
    [1, null, 2, 3],
    [null, 1, 1, 12500],
  ],
  totals: { rows: [6, 12502], columns: [1, 1, 3, 12503], grand: 12508 },
  meta: {
    rows: ['province', 'agency'],
    cols: ['quarter'],
    geography: 2025,
    indicators: [
      { code: 'NL01', nameVi: 'Số lớp tập huấn', nameEn: 'Training courses', unit: 'lớp', timeAggregation: 'sum' },
    ],
    sources: [],
    partialValues: 0,
  },
};

async function sheetOf(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.getWorksheet('Số liệu')!;
}

describe('pivot .xlsx export', () => {
  it('makes every row-label column wide enough for its longest label, and freezes all of them', async () => {
    const sheet = await sheetOf(await pivotXlsx(result));
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(agency.length);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual('Trung ương (không gắn địa bàn)'.length);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2 });
  });

  it('prints the whole width on one page, landscape, with thousands separators on the figures and headers above them', async () => {
    const sheet = await sheetOf(await pivotXlsx(result));
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const dienBien = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'Điện Biên')!;
    expect(dienBien.getCell(6).value).toBe(12500);
    expect(dienBien.getCell(6).numFmt).toBe('#,##0');
    const header = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'Tỉnh, thành phố')!;
    expect(header.getCell(3).alignment).toEqual({ horizontal: 'right' });
    expect(header.getCell(2).alignment).toBeUndefined();
  });

  it('is a table from the first row, and stores achievement as a fraction with a percent format', async () => {
    const withTargets: PivotResult = {
      ...result,
      targets: {
        cells: [
          [2, 2, 4, 4],
          [2, 2, 2, 20000],
        ],
        rows: [12, 20006],
        columns: [4, 4, 6, 20004],
        grand: 20010,
      },
      achievement: {
        cells: [
          [50, null, 50, 75],
          [null, 50, 50, 62.5],
        ],
        rows: [50, 62.5],
        columns: [25, 25, 50, 62.5],
        grand: 62.5,
      },
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await pivotXlsx(withTargets)) as unknown as ArrayBuffer);
    const values = workbook.getWorksheet('Số liệu')!;
    expect(values.getRow(1).getCell(1).value).toBe('Tỉnh, thành phố');
    expect(values.autoFilter).toBe('A1:G1');
    expect(values.headerFooter.oddHeader).toContain('NL01 Số lớp tập huấn (lớp)');
    const rate = workbook.getWorksheet('Tỷ lệ đạt (%)')!;
    const dienBien = rate.getRows(1, rate.rowCount)!.find((r) => r.getCell(1).value === 'Điện Biên')!;
    expect(dienBien.getCell(6).value).toBe(0.625);
    expect(dienBien.getCell(6).numFmt).toBe('0.0%');
  });
});
