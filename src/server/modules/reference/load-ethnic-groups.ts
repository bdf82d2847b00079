// The 54 ethnic groups from refdata/ethnic-groups.csv, with the well-known spellings of
// refdata/ethnic-group-aliases.csv added to their other names so any of them finds the group.
import type { Insertable } from 'kysely';
import type { Queryable } from '../../db/database';
import type { EthnicGroupTable } from '../../db/schema';
import { foldVietnamese } from '../../../shared/text';
import { readCsv } from './csv';

const splitNames = (text: string | undefined): string[] =>
  (text ?? '')
    .split('; ')
    .map((s) => s.trim())
    .filter(Boolean);

function aliasesByName(dir: string, names: Set<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of readCsv(dir, 'ethnic-group-aliases.csv')) {
    const name = row.name ?? '';
    // An alias for a misspelt group name would otherwise be dropped without anyone noticing.
    if (!names.has(name)) throw new Error(`ethnic-group-aliases.csv: unknown group "${name}"`);
    out.set(name, [...(out.get(name) ?? []), row.alias ?? '']);
  }
  return out;
}

export async function loadEthnicGroups(db: Queryable, dir: string): Promise<number> {
  const rows = readCsv(dir, 'ethnic-groups.csv');
  const aliases = aliasesByName(dir, new Set(rows.map((r) => r.name ?? '')));
  const groups: Insertable<EthnicGroupTable>[] = rows.map((r) => {
    const name = r.name ?? '';
    const name1979 = r.name_1979_list ?? '';
    const otherNames = [...new Set([...splitNames(r.other_names), ...(aliases.get(name) ?? [])])];
    return {
      // The id is the GSO 2008 code (QĐ 1019/QĐ-TCTK), the list the 2009 and 2019 censuses use;
      // the 1979 code is kept alongside because many ministry systems still cite that list.
      ethnic_group_id: Number(r.gso_code_2008),
      code_1979: r.gso_code_1979 ?? '',
      code_2008: r.gso_code_2008 ?? '',
      code_2008_verified: r.gso_code_2008_verified === 'Y',
      name,
      name_1979: name1979,
      other_names: otherNames,
      language_group: r.language_group ?? '',
      is_minority: r.is_ethnic_minority === 'Y',
      search_text: foldVietnamese([name, name1979, ...otherNames].join(' | ')),
    };
  });
  await db
    .insertInto('ethnic_group')
    .values(groups)
    .onConflict((oc) =>
      oc.column('ethnic_group_id').doUpdateSet((eb) => ({
        code_1979: eb.ref('excluded.code_1979'),
        code_2008: eb.ref('excluded.code_2008'),
        code_2008_verified: eb.ref('excluded.code_2008_verified'),
        name: eb.ref('excluded.name'),
        name_1979: eb.ref('excluded.name_1979'),
        other_names: eb.ref('excluded.other_names'),
        language_group: eb.ref('excluded.language_group'),
        is_minority: eb.ref('excluded.is_minority'),
        search_text: eb.ref('excluded.search_text'),
      })),
    )
    .execute();
  return groups.length;
}
