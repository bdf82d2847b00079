// All SQL for users. Scope: a national actor sees everyone; a provincial actor sees only
// provincial users who share one of their provinces (so other provinces' users are 404).
import { sql } from 'kysely';
import type { Queryable } from '../../db/database';
import type { Actor } from '../../access/actor';
import { provinceIn } from '../../access/scope';
import { foldVietnamese } from '../../../shared/text';
import { matchesAllWords, searchRank } from '../../common/search-text';
import { sortTerms, type SortValue } from '../../common/list-sort';

export interface UserRow {
  user_id: number;
  username: string;
  display_name: string;
  email: string | null;
  role: string;
  agency_id: number;
  national_scope: boolean;
  disabled_at: Date | null;
  created_at: Date;
  version: number;
  provinces: string[];
}

function scoped(db: Queryable, actor: Actor) {
  let query = db.selectFrom('app_user as u');
  if (!actor.nationalScope) {
    query = query.where('u.national_scope', '=', false).where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_province as up')
          .select('up.user_id')
          .whereRef('up.user_id', '=', 'u.user_id')
          .where((e) => provinceIn(e, 'up.province_code', actor.provinces)),
      ),
    );
  }
  return query;
}

const columns = [
  'u.user_id',
  'u.username',
  'u.display_name',
  'u.email',
  'u.role',
  'u.agency_id',
  'u.national_scope',
  'u.disabled_at',
  'u.created_at',
  'u.version',
] as const;

function withProvinces() {
  return sql<
    string[]
  >`coalesce((SELECT array_agg(up.province_code ORDER BY up.province_code) FROM user_province up WHERE up.user_id = u.user_id), '{}')`.as(
    'provinces',
  );
}

export interface UserFilter {
  q?: string;
  role?: string;
  province?: string;
  includeDisabled?: boolean;
  sort?: SortValue<'username' | 'name' | 'role'>;
  limit: number;
  offset: number;
}

export async function listUsers(db: Queryable, actor: Actor, filter: UserFilter) {
  let query = scoped(db, actor);
  if (!filter.includeDisabled) query = query.where('u.disabled_at', 'is', null);
  if (filter.role) query = query.where('u.role', '=', filter.role);
  if (filter.province) {
    const province = filter.province;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_province as p')
          .select('p.user_id')
          .whereRef('p.user_id', '=', 'u.user_id')
          .where('p.province_code', '=', province),
      ),
    );
  }
  if (filter.q) {
    const folded = `%${foldVietnamese(filter.q)}%`;
    query = query.where('u.search_text', 'like', folded);
  }
  const [rows, count] = await Promise.all([
    query
      .select([...columns, withProvinces()])
      .$call((q) => {
        const sorted = sortTerms(
          filter.sort,
          { username: 'u.username', name: 'u.display_name', role: 'u.role' },
          'u.user_id',
        );
        return sorted ? sorted.reduce((acc, term) => acc.orderBy(term), q) : q.orderBy('u.username');
      })
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as UserRow[], total: Number(count.n) };
}

export function userSearchText(username: string, displayName: string, email: string | null): string {
  return foldVietnamese([username, displayName, email ?? ''].join(' '));
}

export async function findUser(db: Queryable, actor: Actor, userId: number): Promise<UserRow | undefined> {
  const row = await scoped(db, actor)
    .select([...columns, withProvinces()])
    .where('u.user_id', '=', userId)
    .executeTakeFirst();
  return row;
}

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('user_id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(
  db: Queryable,
  user: {
    username: string;
    displayName: string;
    email: string | null;
    passwordHash: string;
    role: string;
    agencyId: number;
    nationalScope: boolean;
  },
): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({
      username: user.username,
      display_name: user.displayName,
      email: user.email,
      password_hash: user.passwordHash,
      role: user.role,
      agency_id: user.agencyId,
      national_scope: user.nationalScope,
      search_text: userSearchText(user.username, user.displayName, user.email),
    })
    .returning('user_id')
    .executeTakeFirstOrThrow();
  return row.user_id;
}

export async function setProvinces(db: Queryable, userId: number, provinces: string[]): Promise<void> {
  await db.deleteFrom('user_province').where('user_id', '=', userId).execute();
  if (provinces.length) {
    await db
      .insertInto('user_province')
      .values(provinces.map((p) => ({ user_id: userId, province_code: p })))
      .execute();
  }
}

/** Optimistic update: returns false when the row's version moved on. */
export async function updateUser(
  db: Queryable,
  userId: number,
  version: number,
  changes: Partial<{
    search_text: string;
    display_name: string;
    email: string | null;
    role: string;
    agency_id: number;
    national_scope: boolean;
    disabled_at: Date | null;
    password_hash: string;
  }>,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ ...changes, updated_at: now, version: sql`version + 1` })
    .where('user_id', '=', userId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function existingProvinceCodes(db: Queryable, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('admin_unit')
    .select('code')
    .where('generation', '=', 2025)
    .where('level', '=', 'province')
    .where('code', 'in', codes)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

/** The enabled provincial coordinators of each province (not national scope), by province then user. */
export async function provincialCoordinators(db: Queryable, provinceCodes: string[]) {
  if (provinceCodes.length === 0) return [];
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_province as p', 'p.user_id', 'u.user_id')
    .select(['u.user_id', 'u.agency_id', 'p.province_code'])
    .where('u.role', '=', 'provincial_coordinator')
    .where('u.national_scope', '=', false)
    .where('u.disabled_at', 'is', null)
    .where('p.province_code', 'in', provinceCodes)
    .orderBy('p.province_code')
    .orderBy('u.user_id')
    .execute();
}

/** Search everywhere: the accounts in scope whose user name, name or e-mail hold every word. */
export async function searchUsers(db: Queryable, actor: Actor, words: readonly string[], limit: number) {
  return scoped(db, actor)
    .where(matchesAllWords('u.search_text', words))
    .select([
      'u.user_id as id',
      'u.display_name as title',
      'u.username',
      'u.role',
      'u.disabled_at',
      searchRank('u.search_text', words).as('rank'),
    ])
    .orderBy(sql`rank`, 'desc')
    .orderBy('u.user_id', 'desc')
    .limit(limit)
    .execute();
}
