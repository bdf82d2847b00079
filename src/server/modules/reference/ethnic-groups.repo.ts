// The 54 ethnic groups, found by any of their names (diacritic-insensitive).
import type { Queryable } from '../../db/database';
import type { Selectable } from 'kysely';
import type { EthnicGroupTable } from '../../db/schema';
import { foldVietnamese } from '../../../shared/text';
import { escapeLike } from '../../common/sql-text';

export interface EthnicGroupView {
  id: number;
  code1979: string;
  code2008: string;
  code2008Verified: boolean;
  name: string;
  name1979: string;
  otherNames: string[];
  languageGroup: string;
  isMinority: boolean;
}

export interface EthnicGroupFilter {
  q?: string;
  limit?: number;
  offset?: number;
}

const COLUMNS = [
  'ethnic_group_id',
  'code_1979',
  'code_2008',
  'code_2008_verified',
  'name',
  'name_1979',
  'other_names',
  'language_group',
  'is_minority',
] as const;

function toView(r: Omit<Selectable<EthnicGroupTable>, 'search_text'>): EthnicGroupView {
  return {
    id: r.ethnic_group_id,
    code1979: r.code_1979,
    code2008: r.code_2008,
    code2008Verified: r.code_2008_verified,
    name: r.name,
    name1979: r.name_1979,
    otherNames: r.other_names,
    languageGroup: r.language_group,
    isMinority: r.is_minority,
  };
}

export async function listEthnicGroups(
  db: Queryable,
  filter: EthnicGroupFilter,
): Promise<{ items: EthnicGroupView[]; total: number }> {
  let query = db.selectFrom('ethnic_group');
  const folded = filter.q ? escapeLike(foldVietnamese(filter.q)) : '';
  if (folded) query = query.where('search_text', 'like', `%${folded}%`);
  const [rows, count] = await Promise.all([
    query
      .select(COLUMNS)
      .orderBy('code_2008')
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toView), total: Number(count.n) };
}

export async function getEthnicGroup(db: Queryable, id: number): Promise<EthnicGroupView | undefined> {
  const row = await db.selectFrom('ethnic_group').select(COLUMNS).where('ethnic_group_id', '=', id).executeTakeFirst();
  return row && toView(row);
}
