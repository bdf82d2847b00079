// A plan's activities and responsibilities as a spreadsheet, for the people who track the plan
// in Excel: one row per activity ("Hoạt động") and one row per task ("Trách nhiệm").
import ExcelJS from 'exceljs';
import type { ActivityLevel, ExpectedOutput, PlanDocument } from '../../../shared/plan-document';
import { formatPlanTimeframe } from './plan-docx';

export const ACTIVITY_SHEET = 'Hoạt động';
export const RESPONSIBILITY_SHEET = 'Trách nhiệm';

export const ACTIVITY_COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Nội dung / Lĩnh vực', width: 34 },
  { header: 'Hoạt động', width: 60 },
  { header: 'Thời gian', width: 18 },
  { header: 'Đơn vị chủ trì', width: 20 },
  { header: 'Đơn vị phối hợp', width: 24 },
  { header: 'Cấp', width: 12 },
  { header: 'Sản phẩm dự kiến', width: 36 },
  { header: 'Chỉ tiêu', width: 16 },
] as const;

export const RESPONSIBILITY_COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Đơn vị', width: 28 },
  { header: 'Nhiệm vụ', width: 100 },
] as const;

const LEVEL_LABELS: Record<ActivityLevel, string> = {
  central: 'Trung ương',
  provincial: 'Tỉnh',
  commune: 'Xã',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
/** Row 1 is the title, row 2 the column headers; data starts on row 3. */
export const HEADER_ROW = 2;

export async function renderPlanXlsx(plan: PlanDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Phối hợp';
  addActivitySheet(workbook, plan);
  addResponsibilitySheet(workbook, plan);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}

function planCaption(plan: PlanDocument): string {
  const number = plan.number.trim() === '' ? '' : ` số ${plan.number}`;
  return `${plan.documentType || 'KẾ HOẠCH'}${number}: ${plan.title}`.replace(/\s+/g, ' ').trim();
}

function setUpSheet(
  sheet: ExcelJS.Worksheet,
  columns: readonly { header: string; width: number }[],
  caption: string,
): void {
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell(1, 1);
  title.value = caption;
  title.font = { name: 'Times New Roman', size: 13, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 36;

  const header = sheet.getRow(HEADER_ROW);
  header.values = columns.map((column) => column.header);
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', size: 12, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }];
}

function styleDataRow(row: ExcelJS.Row): void {
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = { name: 'Times New Roman', size: 12 };
    cell.border = THIN;
    cell.alignment = { vertical: 'top', wrapText: true };
  });
  row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
}

function formatOutputs(outputs: ExpectedOutput[]): string {
  return outputs.map((output) => output.text).join('\n');
}

function formatTargets(outputs: ExpectedOutput[]): string {
  return outputs
    .filter((output) => output.target !== undefined)
    .map((output) => `${output.target}${output.unit ? ` ${output.unit}` : ''}`)
    .join('\n');
}

function addActivitySheet(workbook: ExcelJS.Workbook, plan: PlanDocument): void {
  const sheet = workbook.addWorksheet(ACTIVITY_SHEET, { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  setUpSheet(sheet, ACTIVITY_COLUMNS, planCaption(plan));
  let index = 0;
  for (const section of plan.sections) {
    for (const activity of section.activities) {
      index += 1;
      const row = sheet.addRow([
        index,
        `${section.number}. ${section.title}`,
        activity.title,
        formatPlanTimeframe(activity.timeframe ?? section.timeframe) ?? '',
        activity.leadAgency ?? '',
        activity.partnerAgencies.join('; '),
        activity.level ? LEVEL_LABELS[activity.level] : '',
        formatOutputs(activity.outputs),
        formatTargets(activity.outputs),
      ]);
      styleDataRow(row);
    }
  }
}

function addResponsibilitySheet(workbook: ExcelJS.Workbook, plan: PlanDocument): void {
  const sheet = workbook.addWorksheet(RESPONSIBILITY_SHEET, { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  setUpSheet(sheet, RESPONSIBILITY_COLUMNS, `${planCaption(plan)} — Tổ chức thực hiện`);
  let index = 0;
  for (const responsibility of plan.responsibilities) {
    for (const task of responsibility.tasks) {
      index += 1;
      styleDataRow(sheet.addRow([index, responsibility.actor, task]));
    }
  }
}
