// Planned vs spent as a workbook: by content area, by province, by funding source and by activity,
// each with a bold total row. Amounts are whole đồng (see register-xlsx for how they are written).
import { addRegisterSheet, workbookBuffer, type RegisterColumn, type RegisterRow } from '../../common/register-xlsx';
import type { BudgetSummary } from './budgets.schemas';

const money = (header: string): RegisterColumn => ({ header, width: 20, kind: 'money' });
const COLUMNS = (label: string, width = 50): RegisterColumn[] => [
  { header: 'STT', width: 6, kind: 'center' },
  { header: label, width },
  money('Dự toán (đồng)'),
  money('Đã chi (đồng)'),
  { header: 'Tỷ lệ đã chi (%)', width: 12, kind: 'percent' },
];

interface Line {
  label: string;
  planned: string;
  spent: string;
  share: string | null;
}

function rows(lines: Line[], total: BudgetSummary['total']): RegisterRow[] {
  return [
    ...lines.map((l, i) => ({
      values: [i + 1, l.label, l.planned, l.spent, l.share === null ? null : Number(l.share)],
    })),
    {
      values: ['', 'Tổng cộng', total.planned, total.spent, total.share === null ? null : Number(total.share)],
      bold: true,
    },
  ];
}

export function renderBudgetXlsx(summary: BudgetSummary, caption: string): Promise<Buffer> {
  return workbookBuffer((workbook) => {
    addRegisterSheet(
      workbook,
      'Theo nội dung',
      `${caption} — THEO NỘI DUNG`,
      COLUMNS('Nội dung'),
      rows(
        summary.bySection.map((s) => ({ ...s, label: `${s.number}. ${s.title}` })),
        summary.total,
      ),
    );
    addRegisterSheet(
      workbook,
      'Theo tỉnh',
      `${caption} — THEO TỈNH, THÀNH PHỐ`,
      COLUMNS('Tỉnh, thành phố', 30),
      rows(
        summary.byProvince.map((p) => ({ ...p, label: p.name })),
        summary.total,
      ),
    );
    addRegisterSheet(
      workbook,
      'Theo nguồn',
      `${caption} — THEO NGUỒN KINH PHÍ`,
      COLUMNS('Nguồn kinh phí', 40),
      rows(
        summary.bySource.map((s) => ({ ...s, label: s.name })),
        summary.total,
      ),
    );
    addRegisterSheet(
      workbook,
      'Theo hoạt động',
      `${caption} — THEO HOẠT ĐỘNG`,
      COLUMNS('Hoạt động', 70),
      rows(
        summary.byActivity.map((a) => ({ ...a, label: `${a.number}. ${a.title}` })),
        summary.total,
      ),
    );
  });
}
