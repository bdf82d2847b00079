// Targets from a spreadsheet (.xlsx, first sheet) or .csv: columns "Mã chỉ số", "Năm", "Mã tỉnh"
// (empty or "TQ" for the national target) and "Chỉ tiêu" (empty clears it); English headers
// indicator, year, province, target work too. Every row is checked like PUT /api/indicator-targets;
// all-or-nothing unless the caller accepts the valid rows.
import type { ServiceContext } from '../../access/actor';
import { keyedRows, readTableFile, sheetOf } from '../../common/table-reader';
import { badRequest } from '../../http/errors';
import { inTransaction } from '../../db/transaction';
import { foldVietnamese } from '../../../shared/text';
import { applyTargets, checkTargets } from './indicators.service';
import type { TargetImportReport, TargetItem } from './indicators.schemas';

const HEADERS: Record<string, keyof TargetItem> = {
  'ma chi so': 'indicator',
  indicator: 'indicator',
  nam: 'year',
  year: 'year',
  'ma tinh': 'province',
  province: 'province',
  'chi tieu': 'target',
  target: 'target',
};

export async function importTargets(
  ctx: ServiceContext,
  file: { fileName: string; data: Buffer },
  acceptValid: boolean,
): Promise<TargetImportReport> {
  const table = await readTableFile(file.fileName, file.data, '.xlsx hoặc .csv');
  const { present, rows } = keyedRows(sheetOf(table), (title) => HEADERS[foldVietnamese(title)]);
  for (const needed of ['indicator', 'year', 'target'] as const)
    if (!present.has(needed))
      throw badRequest('file', `Thiếu cột "${needed}" (Mã chỉ số, Năm, Mã tỉnh, Chỉ tiêu) ở dòng đầu`);
  const rejected: TargetImportReport['rejected'] = [];
  const items: TargetItem[] = [];
  const lines: number[] = [];
  rows.forEach(({ row: line, cells }) => {
    const get = (k: keyof TargetItem) => cells[k] ?? '';
    const year = Number(get('year'));
    const province = get('province');
    const target = get('target').replace(/\s/g, '').replace(',', '.');
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      return rejected.push({ row: line, field: 'year', message: `Năm "${get('year')}" không hợp lệ` });
    if (province !== '' && !/^(\d{1,2}|TQ)$/i.test(province))
      return rejected.push({ row: line, field: 'province', message: `Mã tỉnh "${province}" không hợp lệ` });
    if (target !== '' && !(Number.isFinite(Number(target)) && Number(target) >= 0))
      return rejected.push({ row: line, field: 'target', message: `Chỉ tiêu "${get('target')}" phải là số không âm` });
    items.push({
      indicator: get('indicator'),
      year,
      province: province === '' || /^TQ$/i.test(province) ? null : province.padStart(2, '0'),
      target: target === '' ? null : Number(target),
    });
    lines.push(line);
  });
  return inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const { ok, problems } = await checkTargets(txCtx, items);
    for (const p of problems) rejected.push({ row: lines[p.index]!, field: p.field, message: p.message });
    rejected.sort((a, b) => a.row - b.row);
    if (rejected.length && !acceptValid) return { accepted: 0, rejected };
    if (ok.length) await applyTargets(txCtx, ok);
    return { accepted: ok.length, rejected };
  });
}
