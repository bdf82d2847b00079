import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedActivityTitles, seedPlan } from './fixtures/seed-plan';
import { ACTIVITY_COLUMNS, ACTIVITY_SHEET, HEADER_ROW, RESPONSIBILITY_SHEET, renderPlanXlsx } from './plan-xlsx';

let workbook: ExcelJS.Workbook;

/** A cell as text; rich text and formulas as their JSON, never "[object Object]". */
const cellText = (value: ExcelJS.CellValue) =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

beforeAll(async () => {
  const buffer = await renderPlanXlsx(seedPlan);
  workbook = new ExcelJS.Workbook();
  // exceljs's typings predate Node's generic Buffer; the bytes are what it reads.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
});

function rowValues(sheet: ExcelJS.Worksheet, row: number): string[] {
  const values: string[] = [];
  for (let column = 1; column <= sheet.columnCount; column += 1) {
    const value = sheet.getRow(row).getCell(column).value;
    values.push(cellText(value));
  }
  return values;
}

describe('renderPlanXlsx — activities', () => {
  it('has a bold, filled, frozen header row', () => {
    const sheet = workbook.getWorksheet(ACTIVITY_SHEET)!;
    expect(rowValues(sheet, HEADER_ROW)).toEqual([
      'STT',
      'Nội dung / Lĩnh vực',
      'Hoạt động',
      'Thời gian',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Cấp',
      'Sản phẩm dự kiến',
      'Chỉ tiêu',
    ]);
    const header = sheet.getRow(HEADER_ROW).getCell(1);
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    ACTIVITY_COLUMNS.forEach((column, i) => expect(sheet.getColumn(i + 1).width).toBe(column.width));
    // A table from the first row: filter on the headers, the title in the page header, one page wide.
    expect(HEADER_ROW).toBe(1);
    expect(sheet.autoFilter).toBe('A1:I1');
    expect(sheet.headerFooter.oddHeader).toContain('16/KH-HLHPNVN-UBĐT');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.getCell(1, 1).isMerged).toBe(false);
  });

  it('has one row per activity, with its section and Vietnamese text intact', () => {
    const sheet = workbook.getWorksheet(ACTIVITY_SHEET)!;
    const data = Array.from({ length: sheet.rowCount - HEADER_ROW }, (_, i) => rowValues(sheet, HEADER_ROW + 1 + i));
    expect(data).toHaveLength(seedActivityTitles.length);
    expect(data.map((row) => row[2])).toEqual(seedActivityTitles);
    expect(data.map((row) => row[0])).toEqual(seedActivityTitles.map((_, i) => String(i + 1)));
    expect(data[0]![1]).toBe(`1. ${seedPlan.sections[0]!.title}`);
    expect(data[0]![3]).toBe('Từ quý I đến quý IV/2022');
    expect(data.at(-1)![1]).toBe('5. Sơ kết, đánh giá kết quả phối hợp');
    expect(data.at(-1)![3]).toBe('tháng 12/2022');
    expect(data.at(-1)![6]).toBe('Trung ương');
    const training = data.find((row) => row[2]!.startsWith('Phối hợp với Ủy ban Dân tộc tập huấn'))!;
    expect(training[4]).toBe('Hội LHPN Việt Nam');
    expect(training[5]).toBe('Ủy ban Dân tộc');
    const broadcast = data[1]!;
    expect(broadcast[7]).toContain('Đài THVN');
    expect(broadcast[8]).toBe('1 chương trình');
    expect(sheet.getRow(HEADER_ROW + 1).getCell(3).alignment?.wrapText).toBe(true);
  });
});

describe('renderPlanXlsx — responsibilities', () => {
  it('lists every task with its actor', () => {
    const sheet = workbook.getWorksheet(RESPONSIBILITY_SHEET)!;
    expect(rowValues(sheet, HEADER_ROW)).toEqual(['STT', 'Đơn vị', 'Nhiệm vụ']);
    const tasks = seedPlan.responsibilities.flatMap((r) => r.tasks.map((task) => [r.actor, task]));
    const data = Array.from({ length: sheet.rowCount - HEADER_ROW }, (_, i) => rowValues(sheet, HEADER_ROW + 1 + i));
    expect(data.map((row) => row.slice(1))).toEqual(tasks);
    expect(data[0]![1]).toBe('TW Hội LHPN Việt Nam');
  });
});
