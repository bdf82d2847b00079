// Positions per agency from refdata/agency-positions.json: the central agencies' own, and a
// template for every provincial branch of a central agency (both generations). Replaces the table.
import fs from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../../db/database';

interface PositionSpec {
  role: 'head' | 'deputy' | 'body';
  validFrom: string | null;
  validTo: string | null;
  title: string;
  aliases: string[];
}

interface PositionFile {
  central: { agency: string; positions: PositionSpec[] }[];
  branches: { parent: string; positions: PositionSpec[] }[];
}

export async function loadAgencyPositions(db: Queryable, dir: string): Promise<number> {
  const spec = JSON.parse(fs.readFileSync(path.join(dir, 'agency-positions.json'), 'utf8')) as PositionFile;
  const central = await db
    .selectFrom('agency')
    .select(['agency_id', 'code'])
    .where('level', '=', 'central')
    .orderBy('agency_id')
    .execute();
  const idOf = new Map(central.map((a) => [a.code, a.agency_id]));
  await db.deleteFrom('agency_position').execute();
  const rows: {
    agency_id: number;
    role: PositionSpec['role'];
    valid_from: string | null;
    valid_to: string | null;
    title: string;
    aliases: string[];
  }[] = [];
  const add = (agencyId: number, positions: PositionSpec[]) => {
    for (const p of positions)
      rows.push({
        agency_id: agencyId,
        role: p.role,
        valid_from: p.validFrom,
        valid_to: p.validTo,
        title: p.title.normalize('NFC'),
        aliases: p.aliases.map((a) => a.normalize('NFC')),
      });
  };
  for (const c of spec.central) {
    const id = idOf.get(c.agency);
    if (id === undefined) throw new Error(`agency-positions.json: no agency ${c.agency} in agencies.json`);
    add(id, c.positions);
  }
  for (const b of spec.branches) {
    const parent = idOf.get(b.parent);
    if (parent === undefined) throw new Error(`agency-positions.json: no agency ${b.parent} in agencies.json`);
    const branches = await db
      .selectFrom('agency')
      .select('agency_id')
      .where('parent_agency_id', '=', parent)
      .orderBy('agency_id')
      .execute();
    for (const branch of branches) add(branch.agency_id, b.positions);
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('agency_position')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}
