// The import file's layout (shared by the template and the reader) and reading .xlsx/.csv into
// rows of text keyed by column. Headers are matched diacritic- and case-insensitively, so a sheet
// retyped by hand ("Ten mo hinh") still reads.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { foldVietnamese } from '../../../shared/text';

export const IMPORT_SHEET = 'Mô hình';

export const IMPORT_COLUMNS = [
  { key: 'stt', header: 'STT', width: 6, help: 'Số thứ tự (không bắt buộc).' },
  { key: 'name', header: 'Tên mô hình', width: 36, required: true, help: 'Bắt buộc.' },
  {
    key: 'type',
    header: 'Loại mô hình',
    width: 30,
    required: true,
    help: 'Bắt buộc. Tên, tên gọi khác hoặc mã loại (xem "Danh mục"), ví dụ "Địa chỉ an toàn" hoặc "dia_chi_tin_cay".',
  },
  {
    key: 'commune',
    header: 'Mã xã/phường',
    width: 14,
    required: true,
    help: 'Bắt buộc. Mã 5 chữ số của xã/phường/đặc khu (danh mục từ 1/7/2025, hoặc trước đó nếu cột sau ghi 2024).',
  },
  {
    key: 'generation',
    header: 'Địa giới (2025/2024)',
    width: 12,
    help: 'Để trống = địa giới từ 1/7/2025; ghi 2024 nếu mã xã thuộc danh mục trước sắp xếp.',
  },
  { key: 'village', header: 'Thôn/bản/tổ dân phố', width: 22, help: 'Không bắt buộc.' },
  {
    key: 'host',
    header: 'Trường/đơn vị chủ quản',
    width: 26,
    help: 'Bắt buộc với CLB "Thủ lĩnh của sự thay đổi" (tên trường).',
  },
  { key: 'foundedOn', header: 'Ngày thành lập', width: 14, help: 'Ngày/tháng/năm, ví dụ 15/03/2023.' },
  { key: 'leader', header: 'Người đứng đầu', width: 22, help: 'Tổ trưởng, chủ nhiệm, giám đốc…' },
  {
    key: 'womenOwnership',
    header: 'Phụ nữ làm chủ',
    width: 16,
    help: 'Chỉ với mô hình sinh kế: "làm chủ" hoặc "đồng làm chủ"; để trống nếu không.',
  },
  { key: 'ecommerce', header: 'Thương mại điện tử', width: 12, help: 'Mô hình sinh kế: "x" nếu có.' },
  { key: 'traceability', header: 'Truy xuất nguồn gốc', width: 12, help: 'Mô hình sinh kế: "x" nếu có.' },
  { key: 'quality_management', header: 'Quản lý chất lượng', width: 12, help: 'Mô hình sinh kế: "x" nếu có.' },
  { key: 'digital_payments', header: 'Thanh toán số', width: 12, help: 'Mô hình sinh kế: "x" nếu có.' },
  {
    key: 'ethnicGroup',
    header: 'Dân tộc (thành viên)',
    width: 16,
    help: 'Một dân tộc mỗi dòng. Mô hình có thành viên nhiều dân tộc: ghi tiếp ở các dòng ngay dưới, để trống tên mô hình.',
  },
  { key: 'female', header: 'Số thành viên nữ', width: 12, help: 'Số nguyên, của dân tộc ở cột trước.' },
  { key: 'male', header: 'Số thành viên nam', width: 12, help: 'Số nguyên, của dân tộc ở cột trước.' },
] as const satisfies readonly { key: string; header: string; width: number; required?: boolean; help: string }[];

export type ImportKey = (typeof IMPORT_COLUMNS)[number]['key'];
export type RawRow = { row: number; cells: Partial<Record<ImportKey, string>> };

export const headerOf = (key: ImportKey): string => IMPORT_COLUMNS.find((c) => c.key === key)!.header;

const headerKey = (text: string) =>
  foldVietnamese(text)
    .replace(/[*:]/g, '')
    .replace(/\s*\/\s*/g, '/')
    .trim();
const KEY_BY_HEADER = new Map<string, ImportKey>(IMPORT_COLUMNS.map((c) => [headerKey(c.header), c.key]));

export class ImportFileError extends Error {}

export interface ParsedFile {
  rows: RawRow[];
  missingHeaders: string[];
}

/** Reads the rows under the header row (row 1); fully blank rows are skipped. */
export async function readImportFile(filename: string, buffer: Buffer): Promise<ParsedFile> {
  const lower = filename.toLowerCase();
  let table: { row: number; values: string[] }[];
  if (lower.endsWith('.xlsx')) table = await readXlsx(buffer);
  else if (lower.endsWith('.csv') || lower.endsWith('.txt')) table = readCsv(buffer);
  else throw new ImportFileError('Chỉ nhận tệp .xlsx hoặc .csv');
  const [header, ...body] = table;
  if (!header) throw new ImportFileError('Tệp không có dữ liệu');
  const keys = header.values.map((h) => KEY_BY_HEADER.get(headerKey(h)));
  const missingHeaders = IMPORT_COLUMNS.filter((c) => 'required' in c && c.required && !keys.includes(c.key)).map(
    (c) => c.header,
  );
  const rows: RawRow[] = [];
  for (const line of body) {
    const cells: RawRow['cells'] = {};
    line.values.forEach((value, i) => {
      const key = keys[i];
      if (key && value.trim() !== '') cells[key] = value.trim();
    });
    if (Object.keys(cells).length > 0) rows.push({ row: line.row, cells });
  }
  return { rows, missingHeaders };
}

function readCsv(buffer: Buffer): { row: number; values: string[] }[] {
  const text = buffer.toString('utf8');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  try {
    const records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return records.map((values, i) => ({ row: i + 1, values }));
  } catch (error) {
    throw new ImportFileError(`Tệp CSV không đọc được: ${(error as Error).message}`);
  }
}

async function readXlsx(buffer: Buffer): Promise<{ row: number; values: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel');
  }
  const sheet = workbook.getWorksheet(IMPORT_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('Bảng tính không có trang nào');
  const out: { row: number; values: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cellText(cell.value);
    });
    out.push({ row: rowNumber, values: Array.from(values, (v) => v ?? '') });
  });
  return out;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}
