// The import template: the "Mô hình" sheet to fill, a "Hướng dẫn" sheet explaining each column with
// an example, and a "Danh mục" sheet listing model types (with their other names) and ethnic groups,
// which also feed the drop-down lists of the type and ethnic-group columns.
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, IMPORT_SHEET } from './model-import-format';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const FONT = { name: 'Times New Roman', size: 12 };

export interface TemplateData {
  types: { code: string; name: string; aliases: string[] }[];
  ethnicGroups: { name: string }[];
}

export async function renderImportTemplate(data: TemplateData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Phối hợp';
  const sheet = workbook.addWorksheet(IMPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  addLists(workbook, sheet, data);
  addGuide(workbook, data);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}

function addLists(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, data: TemplateData): void {
  const lists = workbook.addWorksheet('Danh mục');
  lists.columns = [
    { header: 'Loại mô hình', width: 44 },
    { header: 'Mã loại', width: 18 },
    { header: 'Tên gọi khác', width: 60 },
    { header: 'Dân tộc', width: 18 },
  ];
  lists.getRow(1).font = { ...FONT, bold: true };
  data.types.forEach((t, i) => {
    const row = lists.getRow(i + 2);
    row.getCell(1).value = t.name;
    row.getCell(2).value = t.code;
    row.getCell(3).value = t.aliases.join('; ');
  });
  data.ethnicGroups.forEach((e, i) => {
    lists.getRow(i + 2).getCell(4).value = e.name;
  });
  const column = (key: string) => IMPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
  const typeRange = `'Danh mục'!$A$2:$A$${data.types.length + 1}`;
  const ethnicRange = `'Danh mục'!$D$2:$D$${data.ethnicGroups.length + 1}`;
  for (let r = 2; r <= 1001; r += 1) {
    // Lists guide the choice without forbidding the other names the reader also accepts.
    sheet.getCell(r, column('type')).dataValidation = {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false,
      formulae: [typeRange],
    };
    sheet.getCell(r, column('ethnicGroup')).dataValidation = {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false,
      formulae: [ethnicRange],
    };
    sheet.getCell(r, column('womenOwnership')).dataValidation = {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false,
      formulae: ['"làm chủ,đồng làm chủ"'],
    };
  }
}

function addGuide(workbook: ExcelJS.Workbook, data: TemplateData): void {
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 28 }, { width: 100 }];
  const lines: [string, string][] = [
    ['HƯỚNG DẪN NHẬP DANH SÁCH MÔ HÌNH', ''],
    ['', ''],
    ['Cách nhập', `Mỗi mô hình một dòng ở trang "${IMPORT_SHEET}", bắt đầu từ dòng 2; không đổi tên các cột.`],
    [
      'Thành viên',
      'Ghi số thành viên nữ và nam theo từng dân tộc. Dân tộc thứ hai trở đi: ghi ở dòng ngay dưới, để trống tên mô hình.',
    ],
    [
      'Khi có dòng lỗi',
      'Hệ thống báo từng dòng lỗi và cột lỗi. Mặc định không ghi gì nếu có dòng lỗi; có thể chọn "chỉ ghi các dòng hợp lệ".',
    ],
    ['Tệp CSV', 'Có thể lưu trang này thành .csv (UTF-8), phân cách bằng dấu phẩy hoặc chấm phẩy.'],
    ['', ''],
    ['Cột', 'Cách ghi'],
    ...IMPORT_COLUMNS.map((c): [string, string] => [c.header, c.help]),
    ['', ''],
    ['Loại mô hình', 'Tên gọi khác được chấp nhận'],
    ...data.types.map((t): [string, string] => [t.name, [t.code, ...t.aliases].join('; ')]),
    ['', ''],
    ['Ví dụ', ''],
    ['Tên mô hình', 'Tổ truyền thông cộng đồng bản Na Sang'],
    ['Loại mô hình', 'Tổ truyền thông cộng đồng'],
    ['Mã xã/phường', '03334'],
    ['Ngày thành lập', '15/03/2023'],
    ['Dân tộc (thành viên)', 'Thái — 8 nữ, 4 nam; dòng dưới: Mông — 2 nữ, 1 nam'],
  ];
  lines.forEach(([a, b], i) => {
    const row = guide.getRow(i + 1);
    row.getCell(1).value = a;
    row.getCell(2).value = b;
    row.getCell(1).font = { ...FONT, bold: true };
    row.getCell(2).font = FONT;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  guide.getRow(1).getCell(1).font = { ...FONT, bold: true, size: 14 };
}
