// Where a value lies in both geographies, from the unit it was recorded against. A 2024 commune
// that went whole into one 2025 commune maps to it; one that was split (lineage 'partial') has no
// 2025 commune and is flagged, never divided between its successors. The other way round, a 2025
// unit maps to an old province or commune only when the lineage names exactly one.
import type { Queryable } from '../../db/database';

export interface UnitGeography {
  sourceGeneration: number | null;
  sourceCode: string | null;
  provinceCode: string | null;
  province2024: string | null;
  communeCode: string | null;
  commune2024: string | null;
  lineagePartial: boolean;
}

export const NO_PLACE: UnitGeography = {
  sourceGeneration: null,
  sourceCode: null,
  provinceCode: null,
  province2024: null,
  communeCode: null,
  commune2024: null,
  lineagePartial: false,
};

const single = <T>(values: T[]): T | null => (new Set(values).size === 1 ? values[0]! : null);

async function lineage(db: Queryable, level: 'province' | 'commune', column: 'old_code' | 'new_code', code: string) {
  return db
    .selectFrom('admin_unit_lineage')
    .select(['old_code', 'new_code', 'kind'])
    .where('level', '=', level)
    .where(column, '=', code)
    .orderBy('old_code')
    .orderBy('new_code')
    .execute();
}

async function geography2025(db: Queryable, code: string, level: string, province: string): Promise<UnitGeography> {
  const base = { ...NO_PLACE, sourceGeneration: 2025, sourceCode: code, provinceCode: province };
  if (level === 'province') {
    const old = await lineage(db, 'province', 'new_code', code);
    return { ...base, province2024: single(old.map((l) => l.old_code)) };
  }
  const old = await lineage(db, 'commune', 'new_code', code);
  // Old units are communes, or an island district that had none (kind district_without_communes).
  const units = old.length
    ? await db
        .selectFrom('admin_unit')
        .select(['code', 'province_code'])
        .where('generation', '=', 2024)
        .where(
          'code',
          'in',
          old.map((l) => l.old_code),
        )
        .where('level', 'in', ['commune', 'district'])
        .orderBy('code')
        .execute()
    : [];
  const wholly = old.length === 1 && old[0]!.kind === 'full' ? old[0]!.old_code : null;
  return {
    ...base,
    communeCode: code,
    province2024: single(units.map((u) => u.province_code)),
    commune2024: wholly,
  };
}

async function geography2024(db: Queryable, code: string, level: string, province: string): Promise<UnitGeography> {
  const [newProvince] = await lineage(db, 'province', 'old_code', province);
  const base = {
    ...NO_PLACE,
    sourceGeneration: 2024,
    sourceCode: code,
    provinceCode: newProvince?.new_code ?? null,
    province2024: province,
  };
  if (level === 'province') return base;
  // A district is kept at province level, unless it is an island district with no communes.
  const successors = await lineage(db, 'commune', 'old_code', code);
  if (level === 'district' && successors.every((s) => s.kind !== 'district_without_communes')) return base;
  const whole = successors.length === 1 && successors[0]!.kind !== 'partial' ? successors[0]!.new_code : null;
  return {
    ...base,
    commune2024: level === 'commune' ? code : null,
    communeCode: whole,
    lineagePartial: successors.length > 1 || successors.some((s) => s.kind === 'partial'),
  };
}

/**
 * Units and their lineage are reference data: loaded from refdata/ at start, before the server
 * listens, and never written by a request. So a unit's geography is kept for the life of the
 * process (about 14,000 units in both generations; bounded all the same), and a save does not pay
 * three lookups for it. An instance started before newer reference data was loaded by another one
 * keeps the older answer until it restarts — as it keeps the older code.
 */
const known = new Map<string, UnitGeography>();
const KNOWN_LIMIT = 50_000;

/** The geography of a unit; a cache shared across one sync saves repeated lookups. */
export async function unitGeography(
  db: Queryable,
  generation: number | null,
  code: string | null,
  cache?: Map<string, UnitGeography>,
): Promise<UnitGeography> {
  if (generation === null || code === null) return NO_PLACE;
  const key = `${generation}:${code}`;
  const cached = cache?.get(key) ?? known.get(key);
  if (cached) return cached;
  const unit = await db
    .selectFrom('admin_unit')
    .select(['level', 'province_code'])
    .where('generation', '=', generation)
    .where('code', '=', code)
    .executeTakeFirst();
  const geo = !unit
    ? { ...NO_PLACE, sourceGeneration: generation, sourceCode: code }
    : generation === 2025
      ? await geography2025(db, code, unit.level, unit.province_code)
      : await geography2024(db, code, unit.level, unit.province_code);
  cache?.set(key, geo);
  // A code that is not a unit is not kept: the caller refuses it, and the process is not filled by guesses.
  if (unit) {
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(key, geo);
  }
  return geo;
}
