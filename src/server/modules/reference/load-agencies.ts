// Agencies from refdata/agencies.json: the central agencies, and a provincial branch of each
// central agency in every province of each generation (2024: until 30/6/2025; 2025: from 1/7/2025).
import fs from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../../db/database';
import { readCsv } from './csv';
import { saveAgency, type AgencyNameSpec } from './agencies.repo';

type NameSpec = AgencyNameSpec;

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

export async function loadAgencies(db: Queryable, dir: string): Promise<number> {
  const spec = JSON.parse(fs.readFileSync(path.join(dir, 'agencies.json'), 'utf8')) as AgencyFile;
  const centralIds = new Map<string, number>();
  let count = 0;
  for (const central of spec.central) {
    const id = await saveAgency(
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
        await saveAgency(
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
