// Agencies from refdata/agencies.json: the central agencies, and a provincial branch of each
// central agency in every province of each generation (2024: until 30/6/2025; 2025: from 1/7/2025).
import fs from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../../db/database';
import { foldVietnamese } from '../../../shared/text';
import { readCsv } from './csv';

interface NameSpec {
  validFrom: string | null;
  validTo: string | null;
  name: string;
  shortName: string;
  abbreviation: string;
  governingBody: string | null;
  signingBody: string | null;
  aliases: string[];
}

interface AgencyFile {
  central: { code: string; kind: string; names: NameSpec[] }[];
  branches: { parent: string; kind: string; names: NameSpec[] }[];
}

const GENERATIONS = [
  { generation: 2024, file: 'admin-units-2024/provinces.csv', validFrom: null, validTo: '2025-06-30' },
  { generation: 2025, file: 'admin-units-2025/provinces.csv', validFrom: '2025-07-01', validTo: null },
] as const;

export function branchCode(parentCode: string, generation: number, provinceCode: string): string {
  return `${parentCode}-${generation}-${provinceCode}`;
}

function fill(template: string, provinceFullName: string): string {
  const lower = provinceFullName.charAt(0).toLowerCase() + provinceFullName.slice(1);
  return template.replace('{province}', lower).replace('{PROVINCE}', provinceFullName.toUpperCase());
}

/** Names of a branch clipped to the branch's own life (a 2025 branch has no pre-2025 names). */
function clip(names: NameSpec[], from: string | null, to: string | null): NameSpec[] {
  return names
    .filter(
      (n) =>
        (to === null || n.validFrom === null || n.validFrom <= to) &&
        (from === null || n.validTo === null || n.validTo >= from),
    )
    .map((n) => ({
      ...n,
      validFrom: from && (!n.validFrom || n.validFrom < from) ? from : n.validFrom,
      validTo: to && (!n.validTo || n.validTo > to) ? to : n.validTo,
    }));
}

async function upsertAgency(
  db: Queryable,
  agency: {
    code: string;
    kind: string;
    level: 'central' | 'provincial';
    parentId: number | null;
    generation: number | null;
    provinceCode: string | null;
    validFrom: string | null;
    validTo: string | null;
  },
  names: NameSpec[],
): Promise<number> {
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

export async function loadAgencies(db: Queryable, dir: string): Promise<number> {
  const spec = JSON.parse(fs.readFileSync(path.join(dir, 'agencies.json'), 'utf8')) as AgencyFile;
  const centralIds = new Map<string, number>();
  let count = 0;
  for (const central of spec.central) {
    const id = await upsertAgency(
      db,
      {
        code: central.code,
        kind: central.kind,
        level: 'central',
        parentId: null,
        generation: null,
        provinceCode: null,
        validFrom: null,
        validTo: null,
      },
      central.names,
    );
    centralIds.set(central.code, id);
    count++;
  }
  for (const gen of GENERATIONS) {
    for (const province of readCsv(dir, gen.file)) {
      const fullName = province.full_name ?? '';
      const code = province.code ?? '';
      for (const branch of spec.branches) {
        const names = clip(branch.names, gen.validFrom, gen.validTo).map((n) => ({
          ...n,
          name: fill(n.name, fullName),
          shortName: fill(n.shortName, fullName),
          governingBody: n.governingBody && fill(n.governingBody, fullName),
          aliases: n.aliases.map((a) => fill(a, fullName)),
        }));
        await upsertAgency(
          db,
          {
            code: branchCode(branch.parent, gen.generation, code),
            kind: branch.kind,
            level: 'provincial',
            parentId: centralIds.get(branch.parent) ?? null,
            generation: gen.generation,
            provinceCode: code,
            validFrom: gen.validFrom,
            validTo: gen.validTo,
          },
          names,
        );
        count++;
      }
    }
  }
  return count;
}
