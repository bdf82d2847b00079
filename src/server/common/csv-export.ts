// Every .csv the application writes: UTF-8 with a BOM and CRLF line ends (Excel and LibreOffice
// open it with Vietnamese intact), quoted by csv-stringify, and text that a spreadsheet would run as
// a formula neutralised as OWASP advises (CSV injection): a cell starting with =, +, -, @, a tab or
// a carriage return gets a leading apostrophe, so "=HYPERLINK(…)" typed into a record title is shown,
// never run. Numbers stay numbers (a negative figure is a number, not text starting with "-").
// .xlsx exports need no such step: exceljs writes a string as a string cell, never a formula.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a spreadsheet shows as typed: formula-looking text prefixed with an apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvFile(rows: CsvCell[][]): Buffer {
  const cells = rows.map((row) =>
    row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? String(cell) : neutraliseFormula(cell))),
  );
  return Buffer.from(`\uFEFF${stringify(cells, { record_delimiter: '\r\n' })}`, 'utf8');
}
