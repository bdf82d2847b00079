// What runs inside the worker (office.worker.ts): the parsers of Office files. exceljs and mammoth
// build the whole document in memory, so they run only there, under its memory limit
// (office-reader.ts), and only on a zip already checked by zip-limits.ts. Results are plain data
// (strings, arrays, objects), copied back to the server's thread.
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';

export interface TableRow {
  /** 1-based: the Excel row, or the CSV record (a quoted cell may span lines). */
  row: number;
  values: string[];
}

export interface Sheet {
  name: string;
  rows: TableRow[];
}

/** mammoth's document tree, kept to what the text of a document needs. */
export interface DocNode {
  type: string;
  value?: string;
  children?: DocNode[];
  numbering?: { isOrdered: boolean } | null;
}

/** What a cell shows, as text: dates as YYYY-MM-DD, formulas by their result, errors empty. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result ?? null);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/** Every worksheet of a workbook, in workbook order, as the text of its cells. */
export async function xlsxSheets(data: Buffer): Promise<Sheet[]> {
  const workbook = await loadWorkbook(data);
  return workbook.worksheets.map((sheet) => {
    const rows: TableRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (values[col - 1] = cellText(cell.value)));
      rows.push({ row: rowNumber, values: Array.from(values, (v) => v ?? '') });
    });
    return { name: sheet.name, rows };
  });
}

interface MammothNode {
  type: string;
  value?: unknown;
  children?: MammothNode[];
  numbering?: { isOrdered?: boolean } | null;
}

function plainNode(node: MammothNode): DocNode {
  return {
    type: node.type,
    ...(typeof node.value === 'string' ? { value: node.value } : {}),
    ...(node.children ? { children: node.children.map(plainNode) } : {}),
    ...(node.numbering ? { numbering: { isOrdered: node.numbering.isOrdered === true } } : {}),
  };
}

/** A Word document's tree as mammoth reads it (paragraphs, runs, tables, breaks), images left out. */
export async function docxTree(data: Buffer): Promise<DocNode> {
  const captured: { root?: MammothNode } = {};
  await mammoth.convertToHtml(
    { buffer: data },
    {
      transformDocument: (document: MammothNode) => {
        captured.root = document;
        return document;
      },
      // Images are not needed: skip their base64 encoding.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    },
  );
  return captured.root ? plainNode(captured.root) : { type: 'document', children: [] };
}

export const TASKS = {
  /** An .xlsx import: its sheets. */
  sheets: xlsxSheets,
  /** A .docx import: its document tree. */
  docxTree,
  /** An .xlsx attachment: opened by the parser that reads imports, nothing kept; a workbook has a sheet. */
  openXlsx: async (data: Buffer) => {
    const sheets = (await loadWorkbook(data)).worksheets.length;
    if (sheets === 0) throw new Error('no worksheet');
    return sheets;
  },
  /** A .docx attachment: opened by mammoth, nothing kept. */
  openDocx: async (data: Buffer) => (await docxTree(data)).type,
} satisfies Record<string, (data: Buffer) => Promise<unknown>>;

export type Task = keyof typeof TASKS;
export type TaskResult<T extends Task> = Awaited<ReturnType<(typeof TASKS)[T]>>;
