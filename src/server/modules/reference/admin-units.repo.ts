// Administrative units as they were on a date: stored with their 1/7/2025 names, with the
// dated changes of admin_unit_change applied on read (Đồng Nai is a city from 30/4/2026).
import { sql } from 'kysely';
import type { Queryable } from '../../db/database';
import { foldVietnamese } from '../../../shared/text';
import { escapeLike } from '../../common/sql-text';

export type Generation = 2024 | 2025;
export type AdminLevel = 'province' | 'district' | 'commune';
export type LineageKind = 'full' | 'partial' | 'district_without_communes';

export interface AdminUnitView {
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  level: AdminLevel;
  generation: number;
  unitType: string;
  parentCode: string | null;
  provinceCode: string;
  provinceName: string | null;
}

export interface AdminUnitFilter {
  generation: Generation;
  at: string;
  level?: AdminLevel;
  parentCode?: string;
  provinceCode?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface LineageUnit {
  generation: number;
  code: string;
  name: string;
  fullName: string;
  level: AdminLevel;
  kind: LineageKind;
  splitCount: number;
}

export interface AdminUnitChangeView {
  effectiveOn: string;
  kind: string;
  oldFullName: string;
  newFullName: string;
  source: string | null;
}

export interface AdminUnitDetail extends AdminUnitView {
  validFrom: string | null;
  validTo: string | null;
  parents: AdminUnitView[];
  lineage: { successors: LineageUnit[]; predecessors: LineageUnit[] };
  changes: AdminUnitChangeView[];
  children: number;
}

const LEVEL_RANK = sql<number>`CASE u.level WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END`;

/** The latest change of unit `alias` in effect on `at`, for a LEFT JOIN LATERAL. */
function changeAt(db: Queryable, alias: 'u' | 'p', at: string) {
  return db
    .selectFrom('admin_unit_change as c')
    .select(['c.new_name', 'c.new_full_name', 'c.new_unit_type'])
    .where(sql<boolean>`c.generation = ${sql.ref(`${alias}.generation`)} AND c.code = ${sql.ref(`${alias}.code`)}`)
    .where('c.effective_on', '<=', at)
    .orderBy('c.effective_on', 'desc')
    .orderBy('c.admin_unit_change_id', 'desc')
    .limit(1);
}

/** Units (alias `u`) with their names, unit type and province name as on `at`. */
function unitsAt(db: Queryable, at: string) {
  return db
    .selectFrom('admin_unit as u')
    .leftJoinLateral(changeAt(db, 'u', at).as('uc'), (join) => join.onTrue())
    .leftJoin('admin_unit as p', (join) =>
      join
        .onRef('p.generation', '=', 'u.generation')
        .onRef('p.code', '=', 'u.province_code')
        .on('p.level', '=', 'province'),
    )
    .leftJoinLateral(changeAt(db, 'p', at).as('pc'), (join) => join.onTrue())
    .select((eb) => [
      'u.code',
      'u.level',
      'u.generation',
      'u.name_en',
      'u.parent_code',
      'u.province_code',
      'u.valid_from',
      'u.valid_to',
      eb.fn.coalesce('uc.new_name', 'u.name').as('name'),
      eb.fn.coalesce('uc.new_full_name', 'u.full_name').as('full_name'),
      eb.fn.coalesce('uc.new_unit_type', 'u.unit_type').as('unit_type'),
      eb.fn.coalesce('pc.new_full_name', 'p.full_name').as('province_name'),
    ]);
}

type UnitRow = Awaited<ReturnType<ReturnType<typeof unitsAt>['execute']>>[number];

function toView(r: UnitRow): AdminUnitView {
  return {
    code: r.code,
    name: r.name,
    fullName: r.full_name,
    nameEn: r.name_en,
    level: r.level,
    generation: r.generation,
    unitType: r.unit_type,
    parentCode: r.parent_code,
    provinceCode: r.province_code,
    provinceName: r.province_name,
  };
}

/** LIKE treats % and _ as wildcards; a query containing them means the characters themselves. */

export async function listAdminUnits(
  db: Queryable,
  filter: AdminUnitFilter,
): Promise<{ items: AdminUnitView[]; total: number }> {
  let matched = db.selectFrom('admin_unit as u').where('u.generation', '=', filter.generation);
  if (filter.level) matched = matched.where('u.level', '=', filter.level);
  if (filter.parentCode) matched = matched.where('u.parent_code', '=', filter.parentCode);
  if (filter.provinceCode) matched = matched.where('u.province_code', '=', filter.provinceCode);
  const folded = filter.q ? escapeLike(foldVietnamese(filter.q)) : '';
  if (folded) matched = matched.where('u.search_text', 'like', `%${folded}%`);
  // search_text begins with the folded short name, so this ranks "name starts with q" first.
  const startsWith = folded
    ? sql<number>`CASE WHEN u.search_text LIKE ${`${folded}%`} THEN 0 ELSE 1 END`
    : sql<number>`0`;

  const page = matched
    .select(['u.generation', 'u.code', startsWith.as('match_rank'), LEVEL_RANK.as('level_rank')])
    .orderBy('match_rank')
    .orderBy('level_rank')
    .orderBy('u.code')
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0);
  const [rows, count] = await Promise.all([
    unitsAt(db, filter.at)
      .innerJoin(page.as('m'), (join) => join.onRef('m.generation', '=', 'u.generation').onRef('m.code', '=', 'u.code'))
      .orderBy('m.match_rank')
      .orderBy('m.level_rank')
      .orderBy('u.code')
      .execute(),
    matched.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toView), total: Number(count.n) };
}

async function viewsOf(db: Queryable, generation: number, codes: string[], at: string): Promise<Map<string, UnitRow>> {
  if (codes.length === 0) return new Map();
  const rows = await unitsAt(db, at)
    .where('u.generation', '=', generation)
    .where('u.code', 'in', codes)
    .orderBy(LEVEL_RANK, 'desc')
    .orderBy('u.code')
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

const UNIT_TYPE_PREFIX = /^(Xã|Phường|Thị trấn|Huyện|Quận|Thị xã|Thành phố|Tỉnh|Đặc khu) /i;

/** Lineage rows joined to the units on the other side; a few old communes are in DV25 only. */
type LineageRow = { code: string; name: string; kind: LineageKind; splitCount: number; level: AdminLevel };

async function lineageUnits(
  db: Queryable,
  rows: LineageRow[],
  generation: Generation,
  at: string,
): Promise<LineageUnit[]> {
  const units = await viewsOf(db, generation, [...new Set(rows.map((r) => r.code))], at);
  return rows.map((r) => {
    const unit = units.get(r.code);
    return {
      generation,
      code: r.code,
      name: unit?.name ?? r.name.replace(UNIT_TYPE_PREFIX, ''),
      fullName: unit?.full_name ?? r.name,
      level: unit?.level ?? r.level,
      kind: r.kind,
      splitCount: r.splitCount,
    };
  });
}

async function successors(db: Queryable, unit: UnitRow, at: string): Promise<LineageUnit[]> {
  const lineageLevel = unit.level === 'province' ? 'province' : 'commune';
  const newLevel: AdminLevel = unit.level === 'province' ? 'province' : 'commune';
  if (unit.level !== 'district') {
    const rows = await db
      .selectFrom('admin_unit_lineage')
      .select(['new_code', 'new_name', 'kind', 'old_split_count'])
      .where('level', '=', lineageLevel)
      .where('old_code', '=', unit.code)
      .orderBy('new_code')
      .execute();
    const mapped = rows.map((r) => ({
      code: r.new_code,
      name: r.new_name,
      kind: r.kind,
      splitCount: r.old_split_count,
      level: newLevel,
    }));
    return lineageUnits(db, mapped, 2025, at);
  }
  // A district has no lineage of its own (except island districts without communes): its
  // successors are the new communes its communes went to. A successor is `full` only when the
  // whole district went to that single commune; otherwise each one got part of the district.
  // splitCount is the number of new communes the district went to.
  const rows = await db
    .selectFrom('admin_unit_lineage as l')
    .select(['l.new_code', 'l.new_name', 'l.kind'])
    .where('l.level', '=', 'commune')
    .where((eb) =>
      eb.or([
        eb('l.old_code', '=', unit.code),
        eb(
          'l.old_code',
          'in',
          eb
            .selectFrom('admin_unit as c')
            .select('c.code')
            .where('c.generation', '=', 2024)
            .where('c.parent_code', '=', unit.code),
        ),
      ]),
    )
    .orderBy('l.new_code')
    .orderBy('l.old_code')
    .execute();
  const byNew = new Map<string, { name: string; kinds: Set<LineageKind> }>();
  for (const r of rows) {
    const entry = byNew.get(r.new_code) ?? { name: r.new_name, kinds: new Set<LineageKind>() };
    entry.kinds.add(r.kind);
    byNew.set(r.new_code, entry);
  }
  const count = byNew.size;
  const mapped = [...byNew].map(([code, e]): LineageRow => ({
    code,
    name: e.name,
    kind: e.kinds.has('district_without_communes')
      ? 'district_without_communes'
      : count === 1 && !e.kinds.has('partial')
        ? 'full'
        : 'partial',
    splitCount: count,
    level: newLevel,
  }));
  return lineageUnits(db, mapped, 2025, at);
}

async function predecessors(db: Queryable, unit: UnitRow, at: string): Promise<LineageUnit[]> {
  const rows = await db
    .selectFrom('admin_unit_lineage')
    .select(['old_code', 'old_name', 'kind', 'old_split_count'])
    .where('level', '=', unit.level === 'province' ? 'province' : 'commune')
    .where('new_code', '=', unit.code)
    .orderBy('old_code')
    .execute();
  const mapped = rows.map((r): LineageRow => ({
    code: r.old_code,
    name: r.old_name,
    kind: r.kind,
    splitCount: r.old_split_count,
    level: unit.level === 'province' ? 'province' : r.kind === 'district_without_communes' ? 'district' : 'commune',
  }));
  return lineageUnits(db, mapped, 2024, at);
}

export async function getAdminUnit(
  db: Queryable,
  generation: Generation,
  code: string,
  at: string,
): Promise<AdminUnitDetail | undefined> {
  const unit = (await viewsOf(db, generation, [code], at)).get(code);
  if (!unit) return undefined;
  const parentCodes = [unit.parent_code, unit.province_code].filter((c): c is string => !!c && c !== code);
  const [parents, changes, children, lineage] = await Promise.all([
    viewsOf(db, generation, [...new Set(parentCodes)], at),
    db
      .selectFrom('admin_unit_change')
      .select(['effective_on', 'kind', 'old_full_name', 'new_full_name', 'source'])
      .where('generation', '=', generation)
      .where('code', '=', code)
      .orderBy('effective_on')
      .orderBy('admin_unit_change_id')
      .execute(),
    db
      .selectFrom('admin_unit')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('generation', '=', generation)
      .where('parent_code', '=', code)
      .executeTakeFirstOrThrow(),
    generation === 2024 ? successors(db, unit, at) : predecessors(db, unit, at),
  ]);
  return {
    ...toView(unit),
    validFrom: unit.valid_from,
    validTo: unit.valid_to,
    // viewsOf orders by level, deepest first: the nearest parent comes first.
    parents: [...parents.values()].map(toView),
    lineage:
      generation === 2024 ? { successors: lineage, predecessors: [] } : { successors: [], predecessors: lineage },
    changes: changes.map((c) => ({
      effectiveOn: c.effective_on,
      kind: c.kind,
      oldFullName: c.old_full_name,
      newFullName: c.new_full_name,
      source: c.source,
    })),
    children: Number(children.n),
  };
}

/** Province names (2025 units) by code: "Lào Cai"; `full`: with the unit's own type, "Tỉnh Lào Cai", "Thành phố Hà Nội". */
export async function provinceNames(db: Queryable, codes: string[], full = false) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('admin_unit')
    .select(['code', full ? 'full_name as name' : 'name'])
    .where('generation', '=', 2025)
    .where('level', '=', 'province')
    .where('code', 'in', codes)
    .orderBy('code')
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The provinces of a generation with their names ("Lào Cai") and names with their type ("Tỉnh Lào Cai"). */
export async function provincesOf(db: Queryable, generation: Generation) {
  return db
    .selectFrom('admin_unit')
    .select(['code', 'name', 'full_name'])
    .where('generation', '=', generation)
    .where('level', '=', 'province')
    .orderBy('code')
    .execute();
}
