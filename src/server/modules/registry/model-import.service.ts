// Bulk import of models from .xlsx/.csv with a row-by-row report. Every row goes through the same
// validation as the API (type, commune, scope, type-specific fields), plus duplicate checks within
// the file and against the registry. All-or-nothing unless the caller accepts the valid rows; the
// rows written are written in one transaction, each audited like a single create.
import type { ServiceContext } from '../../access/actor';
import type { Queryable } from '../../db/database';
import { AppError, badRequest } from '../../http/errors';
import { foldVietnamese } from '../../../shared/text';
import { TECH_FLAGS, type TechFlag } from '../../../shared/model-types';
import { listEthnicGroups } from '../reference/reference.service';
import { isCalendarDate, resolveModelInput } from './model-input';
import { headerOf, readImportFile, type ImportKey, type RawRow } from './model-import-format';
import * as repo from './models.repo';
import { inTransaction } from '../../db/transaction';
import { insertModelRecord, type NewModelInput } from './models.service';
import type { ImportReport, MemberInput } from './registry.schemas';

const MAX_ROWS = 5000;
type RowError = ImportReport['rejected'][number];

interface Candidate {
  row: number;
  cells: RawRow['cells'];
  memberRows: RawRow[];
}

/** "Địa chỉ an toàn", "dia_chi_tin_cay", "CLB “Thủ lĩnh…”" → one comparable key. */
export const looseKey = (text: string) =>
  foldVietnamese(text.replace(/_/g, ' '))
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

interface Lookups {
  types: Map<string, string>;
  ethnicGroups: Map<string, number>;
}

/** Model types by code, name or alias (keys from `looseKey`): the records import reads them too. */
export async function modelTypesByKey(db: Queryable): Promise<Map<string, string>> {
  const types = new Map<string, string>();
  for (const t of await repo.listModelTypes(db)) {
    for (const name of [t.code, t.name, ...t.aliases]) types.set(looseKey(name), t.code);
  }
  return types;
}

async function loadLookups(ctx: ServiceContext): Promise<Lookups> {
  const types = await modelTypesByKey(ctx.db);
  const ethnicGroups = new Map<string, number>();
  const { items } = await listEthnicGroups(ctx.db, { limit: 200 });
  // Official names first: some old other names are another group's name ("Hoa" for Mông).
  const names = [
    ...items.map((e) => [e.id, [e.name, e.name1979]] as const),
    ...items.map((e) => [e.id, e.otherNames] as const),
  ];
  for (const [id, list] of names) {
    for (const name of list) if (!ethnicGroups.has(looseKey(name))) ethnicGroups.set(looseKey(name), id);
  }
  return { types, ethnicGroups };
}

const MEMBER_KEYS: ImportKey[] = ['ethnicGroup', 'female', 'male'];

/** Groups rows into models: a row without a name but with member columns continues the model above. */
function groupRows(rows: RawRow[], errors: RowError[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const raw of rows) {
    if (raw.cells.name) {
      candidates.push({ row: raw.row, cells: raw.cells, memberRows: [raw] });
      continue;
    }
    const onlyMembers = Object.keys(raw.cells).every((k) => MEMBER_KEYS.includes(k as ImportKey) || k === 'stt');
    const last = candidates.at(-1);
    if (onlyMembers && last) last.memberRows.push(raw);
    else errors.push({ row: raw.row, field: headerOf('name'), message: 'Thiếu tên mô hình' });
  }
  return candidates;
}

function parseDate(text: string): string | null {
  let iso: string | null = null;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) iso = text;
  else if (dmy) iso = `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  else if (/^\d{4,5}$/.test(text)) {
    // An Excel serial day number that lost its date format (1900 date system).
    iso = new Date(Date.UTC(1899, 11, 30) + Number(text) * 86_400_000).toISOString().slice(0, 10);
  }
  return iso && isCalendarDate(iso) ? iso : null;
}

function parseFlag(text: string | undefined): boolean | null {
  if (text === undefined) return false;
  const key = looseKey(text);
  if (['x', 'co', '1', 'true', 'yes', 'v', 'dat'].includes(key) || text.trim() === '✓') return true;
  if (['khong', '0', 'false', 'no', ''].includes(key)) return false;
  return null;
}

function parseCount(text: string | undefined): number | null {
  if (text === undefined) return 0;
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** Reads one candidate into an API input, or the row's errors. */
function toInput(c: Candidate, lookups: Lookups): { input?: NewModelInput; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (key: ImportKey, message: string, row = c.row) => errors.push({ row, field: headerOf(key), message });
  const cells = c.cells;

  const modelType = cells.type ? lookups.types.get(looseKey(cells.type)) : undefined;
  if (!cells.type) fail('type', 'Thiếu loại mô hình');
  else if (!modelType) fail('type', `Không nhận ra loại mô hình "${cells.type}"`);

  const commune = (cells.commune ?? '').replace(/\s/g, '');
  if (!commune) fail('commune', 'Thiếu mã xã/phường');
  else if (!/^\d{1,5}$/.test(commune)) fail('commune', 'Mã xã/phường là số có 5 chữ số');

  const generationText = cells.generation ?? '2025';
  const generation = generationText === '2024' ? 2024 : generationText === '2025' ? 2025 : null;
  if (generation === null) fail('generation', 'Ghi 2025 hoặc 2024');

  const foundedOn = cells.foundedOn ? parseDate(cells.foundedOn) : null;
  if (cells.foundedOn && !foundedOn) fail('foundedOn', `Ngày "${cells.foundedOn}" không hợp lệ (ngày/tháng/năm)`);

  let womenOwnership: NewModelInput['womenOwnership'] = null;
  if (cells.womenOwnership) {
    const key = looseKey(cells.womenOwnership);
    if (key === 'dong lam chu' || key === 'co owned') womenOwnership = 'co_owned';
    else if (key === 'lam chu' || key === 'owned' || key === 'x') womenOwnership = 'owned';
    else fail('womenOwnership', 'Ghi "làm chủ" hoặc "đồng làm chủ"');
  }

  const tech: Partial<Record<TechFlag, boolean>> = {};
  for (const flag of TECH_FLAGS) {
    const value = parseFlag(cells[flag]);
    if (value === null) fail(flag, 'Ghi "x" nếu có, để trống nếu không');
    else if (value) tech[flag] = true;
  }

  const members: MemberInput[] = [];
  const seenGroups = new Set<number>();
  for (const m of c.memberRows) {
    const female = parseCount(m.cells.female);
    const male = parseCount(m.cells.male);
    if (female === null) fail('female', 'Số thành viên là số nguyên không âm', m.row);
    if (male === null) fail('male', 'Số thành viên là số nguyên không âm', m.row);
    if (!m.cells.ethnicGroup) {
      if ((female ?? 0) + (male ?? 0) > 0) fail('ethnicGroup', 'Ghi dân tộc của các thành viên', m.row);
      continue;
    }
    const groupId = lookups.ethnicGroups.get(looseKey(m.cells.ethnicGroup));
    if (!groupId) {
      fail('ethnicGroup', `Không nhận ra dân tộc "${m.cells.ethnicGroup}"`, m.row);
      continue;
    }
    if (seenGroups.has(groupId)) fail('ethnicGroup', 'Dân tộc này đã ghi ở dòng trên', m.row);
    seenGroups.add(groupId);
    if (female) members.push({ sex: 'female', ethnicGroupId: groupId, count: female });
    if (male) members.push({ sex: 'male', ethnicGroupId: groupId, count: male });
  }

  if (errors.length) return { errors };
  return {
    errors,
    input: {
      name: cells.name ?? '',
      modelType: modelType!,
      communeCode: commune.padStart(5, '0'),
      communeGeneration: generation!,
      village: cells.village ?? null,
      host: cells.host ?? null,
      foundedOn,
      leaderName: cells.leader ?? null,
      womenOwnership,
      tech,
      members,
    },
  };
}

const FIELD_TO_KEY: Record<string, ImportKey> = {
  name: 'name',
  modelType: 'type',
  communeCode: 'commune',
  village: 'village',
  host: 'host',
  foundedOn: 'foundedOn',
  leaderName: 'leader',
  womenOwnership: 'womenOwnership',
};

/** An API validation error as a row error on the matching column. */
function rowError(row: number, error: AppError): RowError {
  if (error.statusCode === 403) {
    return { row, field: headerOf('commune'), message: 'Xã/phường thuộc tỉnh/thành phố ngoài phạm vi của bạn' };
  }
  const field = error.field ?? '';
  const key: ImportKey = field.startsWith('tech.')
    ? (field.slice(5) as ImportKey)
    : field.startsWith('members')
      ? 'ethnicGroup'
      : (FIELD_TO_KEY[field] ?? 'name');
  return { row, field: headerOf(key), message: error.message };
}

async function validate(ctx: ServiceContext, candidates: Candidate[], lookups: Lookups, errors: RowError[]) {
  const valid: NewModelInput[] = [];
  const inFile = new Map<string, number>();
  for (const c of candidates) {
    const { input, errors: rowErrors } = toInput(c, lookups);
    if (!input) {
      errors.push(...rowErrors);
      continue;
    }
    try {
      await resolveModelInput(ctx, input);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(rowError(c.row, error));
      continue;
    }
    const key = [input.modelType, input.communeGeneration, input.communeCode, foldVietnamese(input.name)].join('|');
    const earlier = inFile.get(key);
    if (earlier) {
      errors.push({ row: c.row, field: headerOf('name'), message: `Trùng với mô hình ở dòng ${earlier}` });
      continue;
    }
    inFile.set(key, c.row);
    const existing = await repo.findSameModel(
      ctx.db,
      input.modelType,
      input.communeGeneration!,
      input.communeCode,
      input.name,
    );
    if (existing) {
      errors.push({ row: c.row, field: headerOf('name'), message: `Đã có trong sổ đăng ký (mô hình số ${existing})` });
      continue;
    }
    valid.push(input);
  }
  return valid;
}

export async function importModels(
  ctx: ServiceContext,
  file: { filename: string; buffer: Buffer },
  acceptValid: boolean,
): Promise<ImportReport> {
  const parsed = await readImportFile(file.filename, file.buffer);
  if (parsed.rows.length > MAX_ROWS) throw badRequest('file', `Mỗi tệp tối đa ${MAX_ROWS} dòng`);
  const nothing = (rejected: RowError[], valid = 0): ImportReport => ({
    committed: false,
    valid,
    accepted: 0,
    rejected,
    created: [],
  });
  if (parsed.missingHeaders.length) {
    return nothing(parsed.missingHeaders.map((h) => ({ row: 1, field: h, message: 'Thiếu cột bắt buộc' })));
  }
  const errors: RowError[] = [];
  const candidates = groupRows(parsed.rows, errors);
  const valid = await validate(ctx, candidates, await loadLookups(ctx), errors);
  errors.sort((a, b) => a.row - b.row);
  if (valid.length === 0 || (errors.length > 0 && !acceptValid)) return nothing(errors, valid.length);

  const created = await inTransaction(ctx.db, async (tx) => {
    const ids: number[] = [];
    for (const input of valid) ids.push(await insertModelRecord({ ...ctx, db: tx }, input));
    return ids;
  });
  return { committed: true, valid: valid.length, accepted: created.length, rejected: errors, created };
}
