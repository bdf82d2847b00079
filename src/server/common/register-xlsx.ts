// A register as a spreadsheet that works as a table: the column headers in the first row (bold,
// filled, wrapped, frozen, with an autoFilter, repeated on every printed page), the title in the
// page header and the workbook's title rather than a merged row above the headers (which would
// stop a filter being set), one row per entry with wrapped text, thin borders and a height that
// fits its text; A4 landscape, one page wide. Shared by the plan, recommendations, policy-review,
// budget and year-end review exports. Money cells hold whole đồng: a number with the "#,##0"
// format (Excel shows 1.234.567 in Vietnamese) while exact in a double, the digits as text beyond
// that. Percentages are given as percents (4.4) and stored as the fraction (0.044) with a percent
// format, so a spreadsheet computes with them.
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
export const HEADER_ROW = 1;
/** Points per line of 12-point Times New Roman, and characters per unit of column width. */
const LINE_HEIGHT = 15.75;
const CHARS_PER_WIDTH = 1.15;

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

/** The page header's text for `title` (Excel's header codes: "&" doubled, centred, bold). */
const pageHeader = (title: string) => `&C&"Times New Roman,Bold"&12${title.replace(/&/g, '&&')}`;

/** Lines a text takes in a column of that width once wrapped (an estimate: Excel stores no auto height). */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH));
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil([...line].length / perLine)), 0);
}

/** A row tall enough for its longest wrapped cell. */
function fitHeight(row: ExcelJS.Row, columns: readonly { width: number }[]) {
  let lines = 1;
  columns.forEach((column, i) => {
    const value = row.getCell(i + 1).value;
    if (typeof value === 'string') lines = Math.max(lines, wrappedLines(value, column.width - 1));
  });
  row.height = Math.max(LINE_HEIGHT, lines * LINE_HEIGHT + 2);
}

/**
 * A sheet whose first row holds `columns`' headers, set up as a table; rows are added by the caller
 * with `addTableRow` (or `addRegisterSheet` does it from plain values).
 */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: readonly { header: string; width: number }[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddHeader: pageHeader(title), oddFooter: '&CTrang &P/&N' },
  });
  workbook.title ||= title;
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const header = sheet.getRow(HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 12, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  fitHeight(header, columns);
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }];
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: columns.length } };
  return sheet;
}

/** One entry: values by column kind, wrapped text, borders, a height that fits. */
export function addTableRow(sheet: ExcelJS.Worksheet, columns: readonly RegisterColumn[], row: RegisterRow) {
  const added = sheet.addRow([]);
  columns.forEach((column, i) => {
    const cell = added.getCell(i + 1);
    const value = row.values[i] ?? null;
    cell.font = { name: FONT, size: 12, bold: row.bold ?? false };
    cell.border = THIN;
    cell.alignment = { vertical: 'top', wrapText: true };
    if (row.highlight) cell.fill = HIGHLIGHT_FILL;
    if (column.kind === 'money') return moneyCell(cell, value);
    if (column.kind === 'percent' && typeof value === 'number') {
      cell.value = value / 100;
      cell.numFmt = '0.0%';
    } else cell.value = value;
    if (column.kind === 'center') cell.alignment = { vertical: 'top', horizontal: 'center', wrapText: true };
    if (column.kind === 'number' || column.kind === 'percent')
      cell.alignment = { vertical: 'top', horizontal: 'right' };
  });
  fitHeight(added, columns);
  return added;
}

export function addRegisterSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: RegisterColumn[],
  rows: RegisterRow[],
): ExcelJS.Worksheet {
  const sheet = addTableSheet(workbook, name, title, columns);
  for (const row of rows) addTableRow(sheet, columns, row);
  return sheet;
}

export async function workbookBuffer(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Phối hợp';
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
