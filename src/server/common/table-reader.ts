// The one reader of uploaded tables (.xlsx, .csv) for every import: records, models, targets.
// CSV: UTF-8 with or without BOM, the delimiter (`,` `;` or tab) taken from the header line the
// same way everywhere (Excel on a Vietnamese-locale machine writes `;`). Rows keep the number the
// user sees in Excel, so every problem is reported as { row, field, message } the same way.
// A file that cannot be read is a 400 naming `file`, never a 500. An .xlsx is read by exceljs in
// a worker thread within the limits of office/office-reader.ts (a 413 or 503 naming `file` beyond them).
import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { badRequest } from '../http/errors';
import { officeReader } from './office/office-reader';
import type { Sheet, TableRow } from './office/readers';

export type { Sheet, TableRow };

export interface TableFile {
  format: 'csv' | 'xlsx';
  /** One sheet for a .csv (named ''); every worksheet of an .xlsx, in workbook order. */
  sheets: Sheet[];
}

/** A problem with one cell or column of an imported file, as every import reports it. */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

const DELIMITERS = [';', '\t', ','] as const;

/** The delimiter used most on the first line, outside quotes; `,` when there is none. Ties: `;`, tab, `,`. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    if (counts.get(d)! > most) {
      best = d;
      most = counts.get(d)!;
    }
  }
  return best;
}

/** The text of a .csv upload: UTF-8 (a BOM is dropped); anything else is a 400 naming `file`. */
export function csvText(data: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw badRequest('file', 'Tệp .csv phải là văn bản UTF-8 (trong Excel: Lưu thành "CSV UTF-8")');
  }
  if (text.includes('\u0000')) throw badRequest('file', 'Tệp .csv không phải là văn bản');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export function readCsv(data: Buffer): Sheet {
  const text = csvText(data);
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw badRequest('file', `Tệp .csv không đọc được${line ? ` (dòng ${line})` : ''}: kiểm tra dấu ngoặc kép`);
  }
  return { name: '', rows: records.map((values, i) => ({ row: i + 1, values })) };
}

/** Every worksheet of an .xlsx upload, in workbook order, as the text of its cells. */
export function readXlsx(data: Buffer): Promise<Sheet[]> {
  return officeReader.run('sheets', data, 'file', 'Tệp .xlsx bị hỏng hoặc không phải tệp Excel');
}

/** Reads an upload by its extension: .xlsx, or .csv/.txt; any other is a 400 naming `file`. */
export async function readTableFile(fileName: string, data: Buffer, accepted: string): Promise<TableFile> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xlsx') return { format: 'xlsx', sheets: await readXlsx(data) };
  if (ext === '.csv' || ext === '.txt') return { format: 'csv', sheets: [readCsv(data)] };
  throw badRequest('file', `Chỉ nhận tệp ${accepted}`);
}

/** The sheet called `name`, else the first one. */
export function sheetOf(file: TableFile, name?: string): Sheet | undefined {
  return (name === undefined ? undefined : file.sheets.find((s) => s.name === name)) ?? file.sheets[0];
}

export interface KeyedRows<K extends string> {
  /** The column keys found in the header row. */
  present: Set<K>;
  /** Rows under the header with their non-blank cells (trimmed) by key; blank rows are left out. */
  rows: { row: number; cells: Partial<Record<K, string>> }[];
}

/** The first row is the header; `keyOf` names the column a header title stands for. */
export function keyedRows<K extends string>(
  sheet: Sheet | undefined,
  keyOf: (title: string) => K | undefined,
): KeyedRows<K> {
  const [header, ...body] = sheet?.rows ?? [];
  const keys = (header?.values ?? []).map((title) => keyOf(title));
  const present = new Set(keys.filter((k): k is K => k !== undefined));
  const rows: KeyedRows<K>['rows'] = [];
  for (const line of body) {
    const cells: Partial<Record<K, string>> = {};
    line.values.forEach((value, i) => {
      const key = keys[i];
      const text = value.trim();
      if (key && text !== '') cells[key] = text;
    });
    if (Object.keys(cells).length > 0) rows.push({ row: line.row, cells });
  }
  return { present, rows };
}
