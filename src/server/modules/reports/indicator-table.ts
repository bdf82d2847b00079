// The indicators-against-targets table every report prints — the periodic report and the year-end
// review — as a .docx table and as an .xlsx sheet's columns and rows: one layout, written once.
import type { FileChild } from 'docx';
import { bodyTable } from '../../documents/decree30-table';
import { formatNumberVi, percentVi } from '../../common/format-vi';
import type { RegisterColumn, RegisterRow } from '../../common/register-xlsx';

export interface IndicatorLine {
  code: string;
  name: string;
  unit: string;
  value: number | null;
  target: number | null;
  /** In percent (44 for 44 %), null without a target. */
  achievement: number | null;
}

export function indicatorDocxTable(lines: IndicatorLine[]): FileChild {
  return bodyTable(
    [
      { header: 'Mã', weight: 10, align: 'center' },
      { header: 'Chỉ số', weight: 44 },
      { header: 'Đơn vị', weight: 12, align: 'center' },
      { header: 'Kết quả', weight: 12, align: 'right' },
      { header: 'Chỉ tiêu', weight: 11, align: 'right' },
      { header: 'Tỷ lệ đạt', weight: 11, align: 'right' },
    ],
    lines.map((i) => ({
      cells: [i.code, i.name, i.unit, formatNumberVi(i.value), formatNumberVi(i.target), percentVi(i.achievement)],
    })),
  );
}

export const INDICATOR_COLUMNS: RegisterColumn[] = [
  { header: 'Mã', width: 10, kind: 'center' },
  { header: 'Chỉ số', width: 56 },
  { header: 'Đơn vị', width: 14, kind: 'center' },
  { header: 'Kết quả', width: 14, kind: 'number' },
  { header: 'Chỉ tiêu', width: 14, kind: 'number' },
  { header: 'Tỷ lệ đạt', width: 12, kind: 'percent' },
];

export const indicatorRows = (lines: IndicatorLine[]): RegisterRow[] =>
  lines.map((i) => ({ values: [i.code, i.name, i.unit, i.value, i.target, i.achievement] }));
