// Administrative units of both generations, their lineage (2024 → 2025) and the dated changes
// made after 1/7/2025. Units are stored with their 1/7/2025 names; the API applies the changes
// by date, so the list is versioned rather than frozen.
import type { Insertable } from 'kysely';
import type { Queryable } from '../../db/database';
import type { AdminUnitChangeTable, AdminUnitLineageTable, AdminUnitTable } from '../../db/schema';
import { foldVietnamese } from '../../../shared/text';
import { chunks, readCsv } from './csv';

type UnitRow = Insertable<AdminUnitTable>;
type LineageRow = Insertable<AdminUnitLineageTable>;
type ChangeRow = Insertable<AdminUnitChangeTable>;
type Csv = Record<string, string>;

const VALID_TO_2024 = '2025-06-30';
const VALID_FROM_2025 = '2025-07-01';

const field = (row: Csv, name: string): string => row[name] ?? '';

function unit(
  row: Csv,
  generation: number,
  level: UnitRow['level'],
  parentCode: string | null,
  provinceCode: string,
): UnitRow {
  const name = field(row, 'name');
  const fullName = field(row, 'full_name');
  const nameEn = field(row, 'name_en') || null;
  return {
    generation,
    code: field(row, 'code'),
    level,
    name,
    full_name: fullName,
    name_en: nameEn,
    unit_type: field(row, 'unit_type'),
    parent_code: parentCode,
    province_code: provinceCode,
    search_text: foldVietnamese([name, fullName, nameEn ?? ''].join(' | ')),
    valid_from: generation === 2025 ? VALID_FROM_2025 : null,
    valid_to: generation === 2024 ? VALID_TO_2024 : null,
  };
}

function units2024(dir: string): UnitRow[] {
  return [
    ...readCsv(dir, 'admin-units-2024/provinces.csv').map((r) => unit(r, 2024, 'province', null, field(r, 'code'))),
    ...readCsv(dir, 'admin-units-2024/districts.csv').map((r) =>
      unit(r, 2024, 'district', field(r, 'province_code'), field(r, 'province_code')),
    ),
    ...readCsv(dir, 'admin-units-2024/wards.csv').map((r) =>
      unit(r, 2024, 'commune', field(r, 'district_code'), field(r, 'province_code')),
    ),
  ];
}

function units2025(dir: string): UnitRow[] {
  return [
    ...readCsv(dir, 'admin-units-2025/provinces.csv').map((r) => unit(r, 2025, 'province', null, field(r, 'code'))),
    ...readCsv(dir, 'admin-units-2025/wards.csv').map((r) =>
      unit(r, 2025, 'commune', field(r, 'province_code'), field(r, 'province_code')),
    ),
  ];
}

function provinceLineage(dir: string): LineageRow[] {
  const rows = readCsv(dir, 'admin-units-2025/mapping-provinces-old-to-new.csv');
  const successors = new Map<string, number>();
  for (const r of rows)
    successors.set(field(r, 'old_province_code'), (successors.get(field(r, 'old_province_code')) ?? 0) + 1);
  return rows.map((r) => {
    const count = successors.get(field(r, 'old_province_code')) ?? 1;
    return {
      level: 'province',
      old_code: field(r, 'old_province_code'),
      new_code: field(r, 'new_province_code'),
      kind: count > 1 ? 'partial' : 'full',
      old_split_count: count,
      old_name: field(r, 'old_province_name'),
      new_name: field(r, 'new_province_name'),
    };
  });
}

const DISTRICT_NOTE = / \(district without communes\)$/;

function communeLineage(dir: string): LineageRow[] {
  return readCsv(dir, 'admin-units-2025/mapping-wards-old-to-new.csv').map((r) => {
    const kind = field(r, 'merge_type') as LineageRow['kind'];
    // Island districts without communes went whole to one đặc khu: the old unit is the district.
    const withoutCommunes = kind === 'district_without_communes';
    return {
      level: 'commune',
      old_code: withoutCommunes ? field(r, 'old_district_code') : field(r, 'old_ward_code'),
      // DV25 and TLQ disagree on two new codes; the resolved one is the code in wards.csv.
      new_code: field(r, 'new_ward_code_resolved'),
      kind,
      old_split_count: Number(field(r, 'old_split_count') || '1'),
      old_name: field(r, 'old_ward_name').replace(DISTRICT_NOTE, ''),
      new_name: field(r, 'new_ward_name'),
    };
  });
}

/**
 * The real 2026 changes, dated from changes-2026-dates.csv. Not applied, on purpose:
 * - `tone_mark_placement_only` rows (Hòa → Hoà): TLQ switched spelling convention in v4, the
 *   units did not change, and stored names keep the 1/7/2025 style the other sources use;
 * - renames that only change letter case (06325 "xã Bắc Sơn"): a typo in the source.
 * A real change without a date stops the load: a guessed date would silently rename units.
 */
function changes(dir: string, units: UnitRow[]): ChangeRow[] {
  const dates = new Map(readCsv(dir, 'admin-units-2025/changes-2026-dates.csv').map((r) => [field(r, 'code'), r]));
  const byCode = new Map(units.filter((u) => u.generation === 2025).map((u) => [u.code, u]));
  const typeByShort = unitTypesByShortName(dir);
  const out: ChangeRow[] = [];
  for (const r of readCsv(dir, 'admin-units-2025/changes-2026.csv')) {
    const change = field(r, 'change');
    const [oldFull, newFull] = [field(r, 'name_2025_07'), field(r, 'name_2026')];
    if (change === 'tone_mark_placement_only' || oldFull.toLowerCase() === newFull.toLowerCase()) continue;
    const code = field(r, 'code');
    const current = byCode.get(code);
    const dated = dates.get(code);
    if (!current) throw new Error(`changes-2026.csv: no 2025 unit ${code}`);
    if (!dated) throw new Error(`changes-2026-dates.csv: no effective date for ${code} (${change})`);
    // "unit_type:Xã->Phường;renamed": the short type after the arrow, as in unit_type_short.
    const newShort = /unit_type:[^;]*->([^;]+)/.exec(change)?.[1];
    const newType = newShort ? (typeByShort.get(`${current.level}:${newShort}`) ?? newShort) : current.unit_type;
    const prefix = newShort ?? shortTypeOf(oldFull, current.name);
    out.push({
      generation: 2025,
      code,
      effective_on: field(dated, 'effective_on'),
      kind: newShort ? 'reclassified' : 'renamed',
      old_full_name: oldFull,
      new_full_name: newFull,
      new_name: newFull.startsWith(`${prefix} `) ? newFull.slice(prefix.length + 1) : current.name,
      new_unit_type: newType,
      source: field(dated, 'source') || null,
    });
  }
  return out;
}

/** "province:Thành phố" → "Thành phố trực thuộc trung ương", from the 2025 lists themselves. */
function unitTypesByShortName(dir: string): Map<string, string> {
  const map = new Map<string, string>();
  const add = (level: string, rows: Csv[]) => {
    for (const r of rows) map.set(`${level}:${field(r, 'unit_type_short')}`, field(r, 'unit_type'));
  };
  add('province', readCsv(dir, 'admin-units-2025/provinces.csv'));
  add('commune', readCsv(dir, 'admin-units-2025/wards.csv'));
  return map;
}

/** "Xã Phó Bảng" with name "Phó Bảng" → "Xã". */
function shortTypeOf(fullName: string, name: string): string {
  return fullName.endsWith(` ${name}`) ? fullName.slice(0, -name.length - 1) : '';
}

/** Names after a change are searchable whatever the date asked for. */
function withChangedNames(units: UnitRow[], dated: ChangeRow[]): UnitRow[] {
  const extra = new Map<string, string[]>();
  for (const c of dated) extra.set(c.code, [...(extra.get(c.code) ?? []), c.new_name ?? '', c.new_full_name]);
  return units.map((u) => {
    const names = u.generation === 2025 ? extra.get(u.code) : undefined;
    return names ? { ...u, search_text: `${u.search_text} | ${foldVietnamese(names.join(' | '))}` } : u;
  });
}

export async function loadAdminUnits(db: Queryable, dir: string): Promise<number> {
  const plain = [...units2024(dir), ...units2025(dir)];
  const dated = changes(dir, plain);
  const units = withChangedNames(plain, dated);
  const lineage = [...provinceLineage(dir), ...communeLineage(dir)];

  for (const batch of chunks(units, 1000)) {
    await db
      .insertInto('admin_unit')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['generation', 'code']).doUpdateSet((eb) => ({
          level: eb.ref('excluded.level'),
          name: eb.ref('excluded.name'),
          full_name: eb.ref('excluded.full_name'),
          name_en: eb.ref('excluded.name_en'),
          unit_type: eb.ref('excluded.unit_type'),
          parent_code: eb.ref('excluded.parent_code'),
          province_code: eb.ref('excluded.province_code'),
          search_text: eb.ref('excluded.search_text'),
          valid_from: eb.ref('excluded.valid_from'),
          valid_to: eb.ref('excluded.valid_to'),
        })),
      )
      .execute();
  }
  await db.deleteFrom('admin_unit_lineage').execute();
  for (const batch of chunks(lineage, 1000)) await db.insertInto('admin_unit_lineage').values(batch).execute();
  await db.deleteFrom('admin_unit_change').where('generation', '=', 2025).execute();
  if (dated.length) await db.insertInto('admin_unit_change').values(dated).execute();
  return units.length + lineage.length + dated.length;
}
