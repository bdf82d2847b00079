// A register as a spreadsheet: a title row, a header row (bold, filled, wrapped, frozen), then one
// row per entry with wrapped text and thin borders; A4 landscape. Shared by the recommendations,
// policy-review and budget exports. Money cells hold whole đồng: a number with the "#,##0" format
// (Excel shows 1.234.567 in Vietnamese) while exact in a double, the digits as text beyond that.
import ExcelJS from 'exceljs';
import { formatMoneyVi } from './format-vi';

export interface RegisterColumn {
  header: string;
  width: number;
  kind?: 'text' | 'center' | 'money' | 'number' | 'percent';
}

export type CellValue = string | number | null;

const FONT = 'Times New Roman';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const HIGHLIGHT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE3E1' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
export const HEADER_ROW = 2;

function moneyCell(cell: ExcelJS.Cell, value: CellValue) {
  if (value === null || value === '') return;
  const digits = String(value);
  if (BigInt(digits) <= BigInt(Number.MAX_SAFE_INTEGER)) {
    cell.value = Number(digits);
    cell.numFmt = '#,##0';
  } else {
    cell.value = formatMoneyVi(digits);
  }
  cell.alignment = { vertical: 'top', horizontal: 'right' };
}

export interface RegisterRow {
  values: CellValue[];
  /** Highlighted (overdue, late) rows are filled light red. */
  highlight?: boolean;
  /** Totals and group rows are bold. */
  bold?: boolean;
}

export function addRegisterSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: RegisterColumn[],
  rows: RegisterRow[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToWidth: 1 } });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const caption = sheet.getCell(1, 1);
  caption.value = title;
  caption.font = { name: FONT, size: 13, bold: true };
  caption.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 36;
  const header = sheet.getRow(HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 12, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }];
  for (const row of rows) {
    const added = sheet.addRow([]);
    columns.forEach((column, i) => {
      const cell = added.getCell(i + 1);
      const value = row.values[i] ?? null;
      cell.font = { name: FONT, size: 12, bold: row.bold ?? false };
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (row.highlight) cell.fill = HIGHLIGHT_FILL;
      if (column.kind === 'money') return moneyCell(cell, value);
      cell.value = value;
      if (column.kind === 'center') cell.alignment = { vertical: 'top', horizontal: 'center', wrapText: true };
      if (column.kind === 'number' || column.kind === 'percent')
        cell.alignment = { vertical: 'top', horizontal: 'right' };
      if (column.kind === 'percent' && typeof value === 'number') cell.numFmt = '0.0"%"';
    });
  }
  return sheet;
}

export async function workbookBuffer(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Phối hợp';
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
