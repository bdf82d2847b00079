// Reading a bulk-entry file (.xlsx from the template, or .csv with the "Bản ghi" columns) into
// record bodies, cell by cell. Every problem names its sheet, row and column; nothing is guessed.
import { keyedRows, readTableFile, sheetOf, type RowProblem, type Sheet } from '../../common/table-reader';
import { badRequest } from '../../http/errors';
import { foldVietnamese } from '../../../shared/text';
import { looseKey } from '../registry/model-import.service';
import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  RECORD_TYPES,
  RECORD_TYPE_LABELS,
  TARGET_GROUPS,
  TARGET_GROUP_LABELS,
} from '../../../shared/record-codes';
import {
  PARTICIPANT_COLUMNS,
  PARTICIPANT_SHEET,
  RECORD_COLUMNS,
  RECORD_SHEET,
  type ParticipantColumn,
  type RecordColumn,
} from './record-import-template';
import type { CreateRecordBody, ParticipantRow } from './records.schemas';

export const MAX_IMPORT_ROWS = 2000;

export interface Rejection extends RowProblem {
  sheet: string;
}

export interface SheetRow<K extends string> {
  row: number;
  cells: Partial<Record<K, string>>;
}

export interface Lookups {
  agencyByCode: Map<string, number>;
  /** Folded GSO 2008 code ("1", "01") or name/alias → ethnic_group_id. */
  ethnicByKey: Map<string, number>;
  /** Folded code, name or alias of a registry model type → its code. */
  modelTypeByKey: Map<string, string>;
}

// Reading the file.

function rowsOf<K extends string>(
  titles: Record<K, string>,
  sheet: Sheet | undefined,
  name: string,
  required: K[],
): SheetRow<K>[] {
  const byTitle = new Map(Object.entries<string>(titles).map(([k, t]) => [foldVietnamese(t), k as K]));
  const { present, rows } = keyedRows(sheet, (title) => byTitle.get(foldVietnamese(title)));
  const missing = required.filter((k) => !present.has(k));
  if (missing.length)
    throw badRequest('file', `Trang "${name}" thiếu cột: ${missing.map((k) => `"${titles[k]}"`).join(', ')}`);
  if (rows.length > MAX_IMPORT_ROWS)
    throw badRequest('file', `Mỗi tệp tối đa ${MAX_IMPORT_ROWS} dòng; hãy chia nhỏ tệp`);
  return rows;
}

const REQUIRED: RecordColumn[] = ['activity', 'type', 'title', 'startDate'];

export async function readImportFile(fileName: string, data: Buffer) {
  const file = await readTableFile(fileName, data, '.xlsx (theo mẫu) hoặc .csv');
  const records = rowsOf(RECORD_COLUMNS, sheetOf(file, RECORD_SHEET), RECORD_SHEET, REQUIRED);
  const detail = file.format === 'xlsx' ? file.sheets.find((s) => s.name === PARTICIPANT_SHEET) : undefined;
  const detailColumns = Object.keys(PARTICIPANT_COLUMNS) as ParticipantColumn[];
  return {
    records,
    participants: detail?.rows.length ? rowsOf(PARTICIPANT_COLUMNS, detail, PARTICIPANT_SHEET, detailColumns) : [],
  };
}

// Reading cells.

class CellError extends Error {}

function date(text: string): string {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  const value = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!y || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
    throw new CellError(`Ngày "${text}" không hợp lệ (ghi 2026-03-15 hoặc 15/03/2026)`);
  return value;
}

function whole(text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min)
    throw new CellError(`Cần số nguyên${min > 0 ? ' dương' : ''}: "${text}"`);
  return Number(text);
}

function code<T extends string>(text: string, codes: readonly T[], labels: Record<T, string>, what: string): T {
  const folded = foldVietnamese(text);
  const found = codes.find((c) => c === text || foldVietnamese(labels[c]) === folded);
  if (!found) throw new CellError(`${what} "${text}" không có trong danh mục (xem trang Hướng dẫn)`);
  return found;
}

/** Codes typed into number cells lose their leading zeros: 1 → "01", 745 → "00745" for communes. */
function placeCode(text: string): string {
  if (!/^\d{1,5}$/.test(text)) throw new CellError(`Mã địa bàn "${text}" không hợp lệ`);
  return text.length === 1 ? text.padStart(2, '0') : text.length === 4 ? text.padStart(5, '0') : text;
}

type Reader<K extends string> = <T>(key: K, read: (text: string) => T) => T | undefined;

function reader<K extends string>(
  row: SheetRow<K>,
  sheet: string,
  titles: Record<K, string>,
  errors: Rejection[],
): Reader<K> {
  return (key, read) => {
    const text = row.cells[key];
    if (text === undefined) return undefined;
    try {
      return read(text);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      errors.push({ row: row.row, sheet, field: titles[key], message: e.message });
      return undefined;
    }
  };
}

export interface ParsedParticipant {
  row: number;
  ref: string;
  value: ParticipantRow;
}

export function parseParticipants(rows: SheetRow<ParticipantColumn>[], lookups: Lookups, errors: Rejection[]) {
  const parsed: ParsedParticipant[] = [];
  for (const row of rows) {
    const before = errors.length;
    const cell = reader(row, PARTICIPANT_SHEET, PARTICIPANT_COLUMNS, errors);
    const sex = cell('sex', (t) => {
      const f = foldVietnamese(t);
      if (['nu', 'female', 'f'].includes(f)) return 'female' as const;
      if (['nam', 'male', 'm'].includes(f)) return 'male' as const;
      throw new CellError(`Giới tính "${t}" không hợp lệ (ghi nu hoặc nam)`);
    });
    const ethnicGroupId = cell('ethnic', (t) => {
      const id = lookups.ethnicByKey.get(/^\d+$/.test(t) ? String(Number(t)) : foldVietnamese(t));
      if (!id) throw new CellError(`Dân tộc "${t}" không có trong danh mục 54 dân tộc`);
      return id;
    });
    const targetGroup = cell('targetGroup', (t) => code(t, TARGET_GROUPS, TARGET_GROUP_LABELS, 'Đối tượng'));
    const ageBand = cell('ageBand', (t) => code(t, AGE_BANDS, AGE_BAND_LABELS, 'Nhóm tuổi'));
    const count = cell('count', (t) => whole(t, 1));
    const missing = (['ref', 'sex', 'ethnic', 'targetGroup', 'ageBand', 'count'] as const).find(
      (k) => row.cells[k] === undefined,
    );
    if (missing)
      errors.push({
        row: row.row,
        sheet: PARTICIPANT_SHEET,
        field: PARTICIPANT_COLUMNS[missing],
        message: 'Ô bắt buộc',
      });
    if (errors.length > before) continue;
    parsed.push({
      row: row.row,
      ref: row.cells.ref!,
      value: { sex: sex!, ethnicGroupId: ethnicGroupId!, targetGroup: targetGroup!, ageBand: ageBand!, count: count! },
    });
  }
  return parsed;
}

export interface ParsedRecord {
  row: number;
  ref: string;
  body: CreateRecordBody;
  /** Source row (sheet "Người tham gia") of each participants.rows[i]. */
  participantRows: number[];
}

/** One "Bản ghi" row as a record body; null when a cell is wrong (the errors say which). */
export function parseRecord(
  row: SheetRow<RecordColumn>,
  lookups: Lookups,
  participants: ParsedParticipant[],
  errors: Rejection[],
): ParsedRecord | null {
  const before = errors.length;
  const cell = reader(row, RECORD_SHEET, RECORD_COLUMNS, errors);
  for (const key of REQUIRED)
    if (row.cells[key] === undefined)
      errors.push({ row: row.row, sheet: RECORD_SHEET, field: RECORD_COLUMNS[key], message: 'Ô bắt buộc' });
  const planActivityId = cell('activity', (t) => whole(t, 1));
  const type = cell('type', (t) => code(t, RECORD_TYPES, RECORD_TYPE_LABELS, 'Loại hoạt động'));
  const title = cell('title', (t) => {
    if (t.length > 500) throw new CellError('Tên hoạt động dài quá 500 ký tự');
    return t;
  });
  const startDate = cell('startDate', date);
  const endDate = cell('endDate', date);
  const code5 = cell('placeCode', placeCode);
  const generation = cell('placeGeneration', (t) => {
    if (t !== '2024' && t !== '2025') throw new CellError('Thế hệ địa bàn là 2025 (từ 1/7/2025) hoặc 2024');
    return Number(t) as 2024 | 2025;
  });
  const organiserAgencyId = cell('organiser', (t) => {
    const id = lookups.agencyByCode.get(t.toUpperCase());
    if (!id) throw new CellError(`Không có cơ quan mã "${t}"`);
    return id;
  });
  const total = cell('total', (t) => whole(t, 0));
  const female = cell('female', (t) => whole(t, 0));
  const modelType = cell('modelType', (t) => {
    const found = lookups.modelTypeByKey.get(looseKey(t));
    if (!found) throw new CellError(`Không có loại mô hình "${t}"`);
    return found;
  });
  if (row.cells.modelName !== undefined && modelType === undefined)
    errors.push({
      row: row.row,
      sheet: RECORD_SHEET,
      field: RECORD_COLUMNS.modelType,
      message: 'Cần loại mô hình khi có tên mô hình',
    });
  if (errors.length > before) return null;
  const ref = row.cells.ref ?? String(row.row);
  const mine = participants.filter((p) => p.ref === ref);
  const body: CreateRecordBody = {
    planActivityId: planActivityId!,
    type: type!,
    title: title!,
    startDate: startDate!,
    ...(endDate ? { endDate } : {}),
    place: code5 ? { generation: generation ?? 2025, code: code5 } : null,
    ...(row.cells.village ? { village: row.cells.village } : {}),
    ...(organiserAgencyId ? { organiserAgencyId } : {}),
    ...(row.cells.description ? { description: row.cells.description } : {}),
    ...(modelType ? { model: { modelType, ...(row.cells.modelName ? { name: row.cells.modelName } : {}) } } : {}),
  };
  if (mine.length)
    body.participants = {
      mode: 'breakdown',
      totalParticipants: total ?? null,
      femaleParticipants: female ?? null,
      rows: mine.map((p) => p.value),
    };
  else if (total !== undefined)
    body.participants = { mode: 'totals_only', totalParticipants: total, femaleParticipants: female ?? null };
  return { row: row.row, ref, body, participantRows: mine.map((p) => p.row) };
}
