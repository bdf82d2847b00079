// Agencies and their names as they were on a given date.
import { sql } from 'kysely';
import type { Queryable } from '../../db/database';
import { foldVietnamese } from '../../../shared/text';
import { matchesAllWords, searchRank } from '../../common/search-text';

export interface AgencyAt {
  id: number;
  code: string;
  kind: string;
  level: 'central' | 'provincial';
  parentId: number | null;
  generation: number | null;
  provinceCode: string | null;
  name: string;
  shortName: string;
  abbreviation: string;
  governingBody: string | null;
  signingBody: string | null;
}

/**
 * The name row valid at `date`; before the first or after the last validity the nearest one,
 * so a record dated outside a name's life still prints a name.
 */
function namesAt(db: Queryable, date: string) {
  return db
    .selectFrom('agency_name as n')
    .distinctOn('n.agency_id')
    .select(['n.agency_id', 'n.name', 'n.short_name', 'n.abbreviation', 'n.governing_body', 'n.signing_body'])
    .orderBy('n.agency_id')
    .orderBy(
      sql`CASE WHEN (n.valid_from IS NULL OR n.valid_from <= ${date}::date) AND (n.valid_to IS NULL OR n.valid_to >= ${date}::date) THEN 0 ELSE 1 END`,
    )
    .orderBy(sql`abs(coalesce(n.valid_from, '1900-01-01'::date) - ${date}::date)`);
}

/** An agency and its name at a date, as listed (`namesAt` joined as n). */
const AGENCY_COLUMNS = [
  'a.agency_id',
  'a.code',
  'a.kind',
  'a.level',
  'a.parent_agency_id',
  'a.generation',
  'a.province_code',
  'n.name',
  'n.short_name',
  'n.abbreviation',
  'n.governing_body',
  'n.signing_body',
] as const;

type AgencyColumnsRow = {
  agency_id: number;
  code: string;
  kind: string;
  level: AgencyAt['level'];
  parent_agency_id: number | null;
  generation: number | null;
  province_code: string | null;
  name: string;
  short_name: string;
  abbreviation: string;
  governing_body: string | null;
  signing_body: string | null;
};

/** A row of AGENCY_COLUMNS as the API names it. */
function agencyFromRow(r: AgencyColumnsRow): AgencyAt {
  return {
    id: r.agency_id,
    code: r.code,
    kind: r.kind,
    level: r.level,
    parentId: r.parent_agency_id,
    generation: r.generation,
    provinceCode: r.province_code,
    name: r.name,
    shortName: r.short_name,
    abbreviation: r.abbreviation,
    governingBody: r.governing_body,
    signingBody: r.signing_body,
  };
}

export interface AgencyFilter {
  at: string;
  ids?: number[];
  q?: string;
  level?: 'central' | 'provincial';
  kind?: string;
  generation?: number;
  provinceCode?: string;
  /** Only agencies that exist on `at` (branches of the right generation). */
  activeOnly?: boolean;
  limit?: number;
  offset?: number;
  /** The caller needs no total (a lookup by ids): one statement instead of two. */
  withoutTotal?: boolean;
}

export async function listAgenciesAt(
  db: Queryable,
  filter: AgencyFilter,
): Promise<{ items: AgencyAt[]; total: number }> {
  let query = db.selectFrom('agency as a').innerJoin(namesAt(db, filter.at).as('n'), 'n.agency_id', 'a.agency_id');
  if (filter.ids) query = query.where('a.agency_id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.level) query = query.where('a.level', '=', filter.level);
  if (filter.kind) query = query.where('a.kind', '=', filter.kind);
  if (filter.generation) query = query.where('a.generation', '=', filter.generation);
  if (filter.provinceCode) query = query.where('a.province_code', '=', filter.provinceCode);
  if (filter.activeOnly) {
    query = query
      .where((eb) => eb.or([eb('a.valid_from', 'is', null), eb('a.valid_from', '<=', filter.at)]))
      .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', filter.at)]));
  }
  if (filter.q) {
    const folded = `%${foldVietnamese(filter.q)}%`;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('agency_name as s')
          .select('s.agency_id')
          .whereRef('s.agency_id', '=', 'a.agency_id')
          .where('s.search_text', 'like', folded),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .select(AGENCY_COLUMNS)
      .orderBy('a.level')
      .orderBy('a.province_code')
      .orderBy('a.code')
      .limit(filter.limit ?? 500)
      .offset(filter.offset ?? 0)
      .execute(),
    filter.withoutTotal ? null : query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: count ? Number(count.n) : rows.length,
    items: rows.map(agencyFromRow),
  };
}

export async function agencyAt(db: Queryable, id: number, at: string): Promise<AgencyAt | undefined> {
  const { items } = await listAgenciesAt(db, { at, ids: [id], limit: 1 });
  return items[0];
}

/** Finds an agency by any of its names, abbreviations or aliases (diacritic-insensitive, exact). */
export async function findAgencyByName(db: Queryable, text: string, at: string): Promise<AgencyAt | undefined> {
  const folded = foldVietnamese(text);
  const rows = await db
    .selectFrom('agency_name')
    .select('agency_id')
    .where(sql<boolean>`${folded} = ANY(string_to_array(search_text, ' | '))`)
    .orderBy('agency_id')
    .execute();
  if (rows.length === 0) return undefined;
  const ids = rows.map((r) => r.agency_id);
  // Prefer an agency that exists on the date (a province's branch of the right generation), then a central one.
  const active = await listAgenciesAt(db, { at, ids, activeOnly: true });
  const { items } = active.total > 0 ? active : await listAgenciesAt(db, { at, ids });
  return items.sort((a, b) => (a.level === b.level ? 0 : a.level === 'central' ? -1 : 1))[0];
}

/** An agency's name row at a date with every way texts write it (the aliases of that row). */
export interface AgencyNameForms extends AgencyAt {
  aliases: string[];
  /** The agency's own life (a branch of one generation of provinces); null: open. */
  existsFrom: string | null;
  existsTo: string | null;
}

/** Every agency under its name as of `at`, with that name's aliases: what a text may call it then. */
export async function agencyNameFormsAt(db: Queryable, at: string): Promise<AgencyNameForms[]> {
  const rows = await db
    .selectFrom('agency as a')
    .innerJoin(namesAt(db, at).select('n.aliases').as('n'), 'n.agency_id', 'a.agency_id')
    .select([
      ...AGENCY_COLUMNS,
      'n.aliases',
      sql<string | null>`to_char(a.valid_from, 'YYYY-MM-DD')`.as('exists_from'),
      sql<string | null>`to_char(a.valid_to, 'YYYY-MM-DD')`.as('exists_to'),
    ])
    .orderBy('a.agency_id')
    .execute();
  return rows.map((r) => ({
    ...agencyFromRow(r),
    aliases: r.aliases,
    existsFrom: r.exists_from,
    existsTo: r.exists_to,
  }));
}

/**
 * The abbreviations an agency no longer uses on `at` ("UBDT", "UBĐT" of Ủy ban Dân tộc on a date
 * after 28/2/2025), with the one it uses then, by agency id: a document dated `at` with an old one
 * in its symbol is misnumbered.
 */
export async function formerAbbreviations(
  db: Queryable,
  ids: number[],
  at: string,
): Promise<Map<number, { former: string[]; current: string }>> {
  const map = new Map<number, { former: string[]; current: string }>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('agency_name')
    .select([
      'agency_id',
      'abbreviation',
      'aliases',
      sql<boolean>`(valid_from IS NULL OR valid_from <= ${at}::date) AND (valid_to IS NULL OR valid_to >= ${at}::date)`.as(
        'valid',
      ),
    ])
    .where('agency_id', 'in', [...new Set(ids)])
    .orderBy('agency_id')
    .orderBy('agency_name_id')
    .execute();
  const isAbbreviation = (s: string) => /^[\p{Lu}\p{N}&]+$/u.test(s);
  for (const id of new Set(ids)) {
    const own = rows.filter((r) => r.agency_id === id);
    const current = own.find((r) => r.valid);
    if (!current) continue;
    const now = new Set([current.abbreviation, ...current.aliases].filter(isAbbreviation).map(foldVietnamese));
    const former = [
      ...new Set(
        own
          .filter((r) => !r.valid)
          .flatMap((r) => [r.abbreviation, ...r.aliases])
          .filter((s) => isAbbreviation(s) && !now.has(foldVietnamese(s))),
      ),
    ];
    if (former.length) map.set(id, { former, current: current.abbreviation });
  }
  return map;
}

/** One dated name of an agency, as refdata/agencies.json and the registry's form write it. */
export interface AgencyNameSpec {
  validFrom: string | null;
  validTo: string | null;
  name: string;
  shortName: string;
  abbreviation: string;
  governingBody: string | null;
  signingBody: string | null;
  aliases: string[];
}

export interface AgencySpec {
  code: string;
  kind: string;
  level: 'central' | 'provincial';
  parentId: number | null;
  generation: number | null;
  provinceCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** Inserts or updates (by code) an agency with all its names, replacing the names it had. */
export async function saveAgency(db: Queryable, agency: AgencySpec, names: AgencyNameSpec[]): Promise<number> {
  const values = {
    code: agency.code,
    kind: agency.kind,
    level: agency.level,
    parent_agency_id: agency.parentId,
    generation: agency.generation,
    province_code: agency.provinceCode,
    valid_from: agency.validFrom,
    valid_to: agency.validTo,
  };
  const row = await db
    .insertInto('agency')
    .values(values)
    .onConflict((oc) => oc.column('code').doUpdateSet(values))
    .returning('agency_id')
    .executeTakeFirstOrThrow();
  await db.deleteFrom('agency_name').where('agency_id', '=', row.agency_id).execute();
  await db
    .insertInto('agency_name')
    .values(
      names.map((n) => ({
        agency_id: row.agency_id,
        valid_from: n.validFrom,
        valid_to: n.validTo,
        name: n.name,
        short_name: n.shortName,
        abbreviation: n.abbreviation,
        governing_body: n.governingBody,
        signing_body: n.signingBody,
        aliases: n.aliases,
        search_text: foldVietnamese([n.name, n.shortName, n.abbreviation, ...n.aliases].join(' | ')),
      })),
    )
    .execute();
  return row.agency_id;
}

/**
 * Search everywhere: agencies one of whose names — at any date, abbreviations and aliases included —
 * holds every word, under their name at `at`; ranked by their best-matching name.
 */
export async function searchAgencies(db: Queryable, words: readonly string[], at: string, limit: number) {
  const matched = db
    .selectFrom('agency_name as s')
    .where(matchesAllWords('s.search_text', words))
    .select(['s.agency_id', sql<number>`max(${searchRank('s.search_text', words)})`.as('rank')])
    .groupBy('s.agency_id');
  return db
    .selectFrom('agency as a')
    .innerJoin(matched.as('m'), 'm.agency_id', 'a.agency_id')
    .innerJoin(namesAt(db, at).as('n'), 'n.agency_id', 'a.agency_id')
    .select(['a.agency_id as id', 'n.name as title', 'n.abbreviation', 'a.level', 'a.province_code', 'm.rank'])
    .orderBy('m.rank', 'desc')
    .orderBy('a.agency_id')
    .limit(limit)
    .execute();
}
