// A pivot as a table file: .xlsx (values, then targets and achievement when there are any) and
// .csv (common/csv-export.ts: UTF-8 with BOM, formula-looking text neutralised).
// The layout is the pivot's: column headers (one row per column dimension), row labels, a total
// column and a total row.
import ExcelJS from 'exceljs';
import { csvFile } from '../../common/csv-export';
import { DIMENSION_LABELS } from '../../../shared/analytics';
import type { PivotResult } from './pivot.engine';
import type { TargetBlock } from './pivot.targets';

type Cell = string | number | null;

function table(result: PivotResult, block?: TargetBlock): Cell[][] {
  const { rows, columns } = result;
  const rowDims = result.meta.rows;
  const colDims = result.meta.cols;
  const values = block ?? {
    cells: result.cells,
    rows: result.totals.rows,
    columns: result.totals.columns,
    grand: result.totals.grand,
  };
  const lead = Math.max(rowDims.length, 1);
  const header: Cell[][] = (colDims.length ? colDims : ['']).map((dim, level) => [
    ...Array.from({ length: lead }, (_, i) =>
      level === Math.max(colDims.length - 1, 0) ? (rowDims[i] ? DIMENSION_LABELS[rowDims[i]].vi : '') : '',
    ),
    ...columns.map((c) => (dim === '' ? 'Giá trị' : (c.label[level] ?? ''))),
    level === 0 ? 'Tổng' : '',
  ]);
  const body: Cell[][] = rows.map((r, i) => [
    ...(rowDims.length ? r.label : ['Tổng']),
    ...values.cells[i]!,
    values.rows[i] ?? null,
  ]);
  const total: Cell[] = ['Tổng', ...Array.from({ length: lead - 1 }, () => ''), ...values.columns, values.grand];
  return [...header, ...body, ...(rowDims.length ? [total] : [])];
}

function title(result: PivotResult): string {
  const names = result.meta.indicators.map((i) => `${i.code} ${i.nameVi} (${i.unit})`);
  return names.length === 1 ? names[0]! : `${names.length} chỉ số`;
}

// Row labels (agency and indicator names) are long: each label column is as wide as its longest
// label, within reason, so a filled neighbour does not cut it off. Printed on one page's width.
const widthOf = (rows: Cell[][], column: number, min: number, max: number) =>
  Math.min(max, Math.max(min, ...rows.map((r) => String(r[column] ?? '').length + 2)));

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  heading: string,
  rows: Cell[][],
  headerRows: number,
  lead: number,
  /** Achievement in percent (44 for 44 %): stored as the fraction with a percent format. */
  percent = false,
) {
  // A table from the first row (common/register-xlsx.ts says why): the heading in the page header.
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${headerRows}`,
    },
    headerFooter: { oddHeader: `&C&B${heading.replace(/&/g, '&&')}`, oddFooter: '&CTrang &P/&N' },
  });
  workbook.title ||= heading;
  for (const [i, r] of rows.entries()) {
    const row = sheet.addRow(r.map((v) => (v === null ? null : percent && typeof v === 'number' ? v / 100 : v)));
    if (i < headerRows || i === rows.length - 1) row.font = { bold: true };
    // Column headers line up with the figures under them.
    if (i < headerRows)
      row.eachCell((cell, n) => {
        if (n > lead) cell.alignment = { horizontal: 'right' };
      });
    row.eachCell((cell) => {
      if (typeof cell.value === 'number')
        cell.numFmt = percent ? '0.0%' : Number.isInteger(cell.value) ? '#,##0' : '#,##0.0#';
    });
  }
  sheet.columns.forEach((col, i) => {
    col.width = i < lead ? widthOf(rows, i, 14, 60) : widthOf(rows.slice(0, headerRows), i, 12, 24);
  });
  sheet.views = [{ state: 'frozen', xSplit: lead, ySplit: headerRows }];
  sheet.autoFilter = { from: { row: headerRows, column: 1 }, to: { row: headerRows, column: rows[0]?.length ?? 1 } };
  return sheet;
}

export async function pivotXlsx(result: PivotResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Phối hợp';
  const headerRows = Math.max(result.meta.cols.length, 1);
  const lead = Math.max(result.meta.rows.length, 1);
  addSheet(workbook, 'Số liệu', title(result), table(result), headerRows, lead);
  if (result.targets && result.achievement) {
    addSheet(workbook, 'Chỉ tiêu', `Chỉ tiêu — ${title(result)}`, table(result, result.targets), headerRows, lead);
    addSheet(
      workbook,
      'Tỷ lệ đạt (%)',
      `Tỷ lệ đạt so với chỉ tiêu (%) — ${title(result)}`,
      table(result, result.achievement),
      headerRows,
      lead,
      true,
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function pivotCsv(result: PivotResult): Buffer {
  return csvFile(table(result));
}
