// A plan's activities and responsibilities as a spreadsheet, for the people who track the plan
// in Excel: one row per activity ("Hoạt động") and one row per task ("Trách nhiệm").
import type ExcelJS from 'exceljs';
import type { ActivityLevel, ExpectedOutput, PlanDocument } from '../../../shared/plan-document';
import { addTableRow, addTableSheet, workbookBuffer, type RegisterColumn } from '../../common/register-xlsx';
import { formatPlanTimeframe } from './plan-docx';

export const ACTIVITY_SHEET = 'Hoạt động';
export const RESPONSIBILITY_SHEET = 'Trách nhiệm';

export const ACTIVITY_COLUMNS: readonly RegisterColumn[] = [
  { header: 'STT', width: 6, kind: 'center' },
  { header: 'Nội dung / Lĩnh vực', width: 34 },
  { header: 'Hoạt động', width: 60 },
  { header: 'Thời gian', width: 18 },
  { header: 'Đơn vị chủ trì', width: 20 },
  { header: 'Đơn vị phối hợp', width: 24 },
  { header: 'Cấp', width: 12 },
  { header: 'Sản phẩm dự kiến', width: 36 },
  { header: 'Chỉ tiêu', width: 16 },
];

export const RESPONSIBILITY_COLUMNS: readonly RegisterColumn[] = [
  { header: 'STT', width: 6, kind: 'center' },
  { header: 'Đơn vị', width: 28 },
  { header: 'Nhiệm vụ', width: 100 },
];

const LEVEL_LABELS: Record<ActivityLevel, string> = {
  central: 'Trung ương',
  provincial: 'Tỉnh',
  commune: 'Xã',
};

/** Row 1 holds the column headers (common/register-xlsx.ts); data starts on row 2. */
export { HEADER_ROW } from '../../common/register-xlsx';

export function renderPlanXlsx(plan: PlanDocument): Promise<Buffer> {
  return workbookBuffer((workbook) => {
    addActivitySheet(workbook, plan);
    addResponsibilitySheet(workbook, plan);
  });
}

function planCaption(plan: PlanDocument): string {
  const number = plan.number.trim() === '' ? '' : ` số ${plan.number}`;
  return `${plan.documentType || 'KẾ HOẠCH'}${number}: ${plan.title}`.replace(/\s+/g, ' ').trim();
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
  const sheet = addTableSheet(workbook, ACTIVITY_SHEET, planCaption(plan), ACTIVITY_COLUMNS);
  let index = 0;
  for (const section of plan.sections) {
    for (const activity of section.activities) {
      index += 1;
      addTableRow(sheet, ACTIVITY_COLUMNS, {
        values: [
          index,
          `${section.number}. ${section.title}`,
          activity.title,
          formatPlanTimeframe(activity.timeframe ?? section.timeframe) ?? '',
          activity.leadAgency ?? '',
          activity.partnerAgencies.join('; '),
          activity.level ? LEVEL_LABELS[activity.level] : '',
          formatOutputs(activity.outputs),
          formatTargets(activity.outputs),
        ],
      });
    }
  }
}

function addResponsibilitySheet(workbook: ExcelJS.Workbook, plan: PlanDocument): void {
  const sheet = addTableSheet(
    workbook,
    RESPONSIBILITY_SHEET,
    `${planCaption(plan)} — Tổ chức thực hiện`,
    RESPONSIBILITY_COLUMNS,
  );
  let index = 0;
  for (const responsibility of plan.responsibilities) {
    for (const task of responsibility.tasks) {
      index += 1;
      addTableRow(sheet, RESPONSIBILITY_COLUMNS, { values: [index, responsibility.actor, task] });
    }
  }
}
