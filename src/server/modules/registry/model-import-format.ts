// The import file's layout (shared by the template and the reader) and reading .xlsx/.csv into
// rows of text keyed by column. Headers are matched diacritic- and case-insensitively, so a sheet
// retyped by hand ("Ten mo hinh") still reads.
import { keyedRows, readTableFile, sheetOf } from '../../common/table-reader';
import { badRequest } from '../../http/errors';
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

export interface ParsedFile {
  rows: RawRow[];
  missingHeaders: string[];
}

/** Reads the rows under the header row (row 1); fully blank rows are skipped. */
export async function readImportFile(filename: string, buffer: Buffer): Promise<ParsedFile> {
  const file = await readTableFile(filename, buffer, '.xlsx hoặc .csv');
  const sheet = sheetOf(file, IMPORT_SHEET);
  if (!sheet?.rows.length) throw badRequest('file', 'Tệp không có dữ liệu');
  const { present, rows } = keyedRows(sheet, (title) => KEY_BY_HEADER.get(headerKey(title)));
  const missingHeaders = IMPORT_COLUMNS.filter((c) => 'required' in c && c.required && !present.has(c.key)).map(
    (c) => c.header,
  );
  return { rows, missingHeaders };
}
