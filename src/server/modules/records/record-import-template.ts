// The bulk-entry workbook: sheet "Bản ghi" (one record per row, keyed by "Mã dòng"), sheet
// "Người tham gia" (the breakdown rows of a record, referring to its "Mã dòng"), sheet
// "Hướng dẫn" (how to fill it in, in Vietnamese, with the code lists) and "Danh sách hoạt động"
// (the activities the user may record against, with their ids).
import ExcelJS from 'exceljs';
import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  RECORD_TYPES,
  RECORD_TYPE_LABELS,
  TARGET_GROUPS,
  TARGET_GROUP_LABELS,
} from '../../../shared/record-codes';

export const RECORD_SHEET = 'Bản ghi';
export const PARTICIPANT_SHEET = 'Người tham gia';
export const GUIDE_SHEET = 'Hướng dẫn';
export const ACTIVITY_LIST_SHEET = 'Danh sách hoạt động';

export const RECORD_COLUMNS = {
  ref: 'Mã dòng',
  activity: 'Mã hoạt động',
  type: 'Loại hoạt động',
  title: 'Tên hoạt động đã thực hiện',
  startDate: 'Ngày bắt đầu',
  endDate: 'Ngày kết thúc',
  placeCode: 'Mã địa bàn',
  placeGeneration: 'Thế hệ địa bàn',
  village: 'Thôn, bản',
  organiser: 'Mã cơ quan tổ chức',
  description: 'Mô tả',
  total: 'Tổng số người tham gia',
  female: 'Số nữ',
  modelType: 'Loại mô hình (nếu lập mô hình)',
  modelName: 'Tên mô hình',
} as const;
export type RecordColumn = keyof typeof RECORD_COLUMNS;

export const PARTICIPANT_COLUMNS = {
  ref: 'Mã dòng',
  sex: 'Giới tính',
  ethnic: 'Mã dân tộc',
  targetGroup: 'Đối tượng',
  ageBand: 'Nhóm tuổi',
  count: 'Số người',
} as const;
export type ParticipantColumn = keyof typeof PARTICIPANT_COLUMNS;

const WIDTHS: Record<RecordColumn, number> = {
  ref: 10,
  activity: 14,
  type: 22,
  title: 40,
  startDate: 14,
  endDate: 14,
  placeCode: 12,
  placeGeneration: 12,
  village: 18,
  organiser: 20,
  description: 40,
  total: 14,
  female: 10,
  modelType: 26,
  modelName: 30,
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };

function header(sheet: ExcelJS.Worksheet, titles: string[], widths: number[]) {
  sheet.columns = titles.map((title, i) => ({ header: title, width: widths[i] ?? 16 }));
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

const GUIDE = [
  'HƯỚNG DẪN NHẬP NHIỀU BẢN GHI THỰC HIỆN',
  '',
  `1. Trang "${RECORD_SHEET}": mỗi dòng là một hoạt động đã thực hiện. "Mã dòng" là số thứ tự do bạn đặt (1, 2, 3…), không trùng nhau.`,
  `   - "Mã hoạt động": số ở cột "Mã" của trang "${ACTIVITY_LIST_SHEET}".`,
  '   - "Loại hoạt động": một mã trong bảng dưới đây.',
  '   - Ngày ghi dạng 2026-03-15 hoặc 15/03/2026. "Ngày kết thúc" để trống nếu diễn ra trong một ngày.',
  '   - "Mã địa bàn": mã tỉnh, xã (hoặc huyện trước 1/7/2025). "Thế hệ địa bàn": 2025 (từ 1/7/2025, mặc định) hoặc 2024 (trước 1/7/2025). Để trống nếu là hoạt động cấp trung ương.',
  '   - "Mã cơ quan tổ chức": ví dụ HLHPN, UBDT, HLHPN-2025-11 (Hội LHPN tỉnh có mã tỉnh 11). Để trống: cơ quan của người nhập.',
  '   - "Tổng số người tham gia", "Số nữ": nếu có chi tiết ở trang "Người tham gia" thì các số này phải bằng tổng các dòng chi tiết (có thể để trống); nếu không có chi tiết thì bản ghi được lưu ở chế độ "chỉ có tổng số".',
  '   - "Loại mô hình (nếu lập mô hình)", "Tên mô hình": chỉ với loại model_established. Ghi tên hoặc mã loại mô hình (ví dụ: Tổ truyền thông cộng đồng, Địa chỉ tin cậy, tkvvtb) để đăng ký mô hình vào sổ mô hình cùng bản ghi; xã, thôn và ngày thành lập lấy từ bản ghi (địa bàn phải là cấp xã); "Tên mô hình" để trống thì lấy tên hoạt động.',
  `2. Trang "${PARTICIPANT_SHEET}" (không bắt buộc): mỗi dòng là một nhóm người tham gia của bản ghi có cùng "Mã dòng"; chỉ nhập các nhóm có người.`,
  '   - "Giới tính": nu hoặc nam. "Mã dân tộc": mã dân tộc của Tổng cục Thống kê (01 Kinh, 02 Tày, 03 Thái…) hoặc tên dân tộc.',
  '   - "Đối tượng", "Nhóm tuổi": mã trong các bảng dưới đây. Không nhập hai dòng cùng giới tính, dân tộc, đối tượng và nhóm tuổi.',
  '3. Tệp .csv: chỉ gồm các cột của trang "Bản ghi" (dòng đầu là tên cột), không có chi tiết người tham gia.',
  '4. Khi gửi tệp, hệ thống kiểm tra từng dòng. Mặc định nếu có dòng lỗi thì không lưu dòng nào; chọn "Lưu các dòng hợp lệ" để lưu các dòng đúng và nhận danh sách dòng lỗi (tên cột, lý do).',
];

export interface TemplateActivity {
  id: number;
  number: string;
  title: string;
  plan: string;
}

export async function renderImportTemplate(activities: TemplateActivity[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Phối hợp';
  const records = workbook.addWorksheet(RECORD_SHEET);
  const keys = Object.keys(RECORD_COLUMNS) as RecordColumn[];
  header(
    records,
    keys.map((k) => RECORD_COLUMNS[k]),
    keys.map((k) => WIDTHS[k]),
  );
  // Codes keep their leading zeros ("01", "00745") only in text cells.
  for (const key of ['ref', 'placeCode', 'organiser'] as const) records.getColumn(keys.indexOf(key) + 1).numFmt = '@';
  const participants = workbook.addWorksheet(PARTICIPANT_SHEET);
  header(participants, Object.values(PARTICIPANT_COLUMNS), [10, 10, 12, 24, 12, 10]);
  participants.getColumn(1).numFmt = '@';
  participants.getColumn(3).numFmt = '@';

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 28;
  guide.getColumn(2).width = 60;
  for (const line of GUIDE) guide.addRow([line]);
  guide.getRow(1).font = { bold: true, size: 13 };
  const table = (title: string, rows: [string, string][]) => {
    guide.addRow([]);
    guide.addRow([title]).font = { bold: true };
    guide.addRow(['Mã', 'Ý nghĩa']).font = { italic: true };
    for (const row of rows) guide.addRow(row);
  };
  table(
    'Loại hoạt động',
    RECORD_TYPES.map((t) => [t, RECORD_TYPE_LABELS[t]]),
  );
  table(
    'Đối tượng',
    TARGET_GROUPS.map((t) => [t, TARGET_GROUP_LABELS[t]]),
  );
  table(
    'Nhóm tuổi',
    AGE_BANDS.map((a) => [a, AGE_BAND_LABELS[a]]),
  );
  table('Giới tính', [
    ['nu', 'Nữ'],
    ['nam', 'Nam'],
  ]);

  const list = workbook.addWorksheet(ACTIVITY_LIST_SHEET);
  header(list, ['Mã', 'Số', 'Hoạt động', 'Kế hoạch'], [8, 8, 70, 50]);
  for (const a of activities) list.addRow([a.id, a.number, a.title, a.plan]);

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}
