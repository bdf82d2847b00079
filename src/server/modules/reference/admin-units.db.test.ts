import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { createTestDatabase } from '../../../../test/test-db';
import { getAdminUnit, listAdminUnits, provinceNames } from './admin-units.repo';
import { getEthnicGroup, listEthnicGroups } from './ethnic-groups.repo';
import { loadAdminUnits } from './load-admin-units';
import { loadEthnicGroups } from './load-ethnic-groups';
import { REFDATA_DIR } from './reference-data';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

async function tableCounts() {
  const db = database.db;
  const count = async (table: 'admin_unit' | 'admin_unit_lineage' | 'admin_unit_change' | 'ethnic_group') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    units: await count('admin_unit'),
    lineage: await count('admin_unit_lineage'),
    changes: await count('admin_unit_change'),
    groups: await count('ethnic_group'),
  };
}

describe('loading the reference data', () => {
  it('stores both generations, the lineage and the real 2026 changes only', async () => {
    expect(await tableCounts()).toEqual({
      units: 63 + 696 + 10035 + 34 + 3321,
      // 63 provinces; 10,604 commune rows (10,599 + 5 island districts without communes).
      lineage: 63 + 10604,
      // Đồng Nai, its 10 xã → phường, and Phó Bảng → Phố Bảng; no tone-mark-only rows, no case-only typo.
      changes: 12,
      groups: 54,
    });
  });

  it('can run again without duplicating anything', async () => {
    const before = await tableCounts();
    await database.db.transaction().execute(async (tx) => {
      await loadAdminUnits(tx, REFDATA_DIR);
      await loadEthnicGroups(tx, REFDATA_DIR);
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('keeps the 1/7/2025 names in the table and leaves tone-mark placement as it was', async () => {
    const rows = await database.db
      .selectFrom('admin_unit')
      .select(['code', 'full_name', 'valid_from', 'valid_to'])
      .where('generation', '=', 2025)
      .where('code', 'in', ['38', '75'])
      .orderBy('code')
      .execute();
    expect(rows).toEqual([
      { code: '38', full_name: 'Tỉnh Thanh Hóa', valid_from: '2025-07-01', valid_to: null },
      { code: '75', full_name: 'Tỉnh Đồng Nai', valid_from: '2025-07-01', valid_to: null },
    ]);
  });

  it('links every unit to its province and its parent', async () => {
    const db = database.db;
    const orphans = await db
      .selectFrom('admin_unit as u')
      .leftJoin('admin_unit as p', (join) =>
        join.onRef('p.generation', '=', 'u.generation').onRef('p.code', '=', 'u.parent_code'),
      )
      .select('u.code')
      .where('u.parent_code', 'is not', null)
      .where('p.code', 'is', null)
      .orderBy('u.code')
      .execute();
    expect(orphans).toEqual([]);
    const commune2024 = await db
      .selectFrom('admin_unit')
      .selectAll()
      .where('generation', '=', 2024)
      .where('code', '=', '00001')
      .executeTakeFirstOrThrow();
    expect(commune2024).toMatchObject({
      level: 'commune',
      parent_code: '001',
      province_code: '01',
      valid_to: '2025-06-30',
    });
    const commune2025 = await db
      .selectFrom('admin_unit')
      .selectAll()
      .where('generation', '=', 2025)
      .where('code', '=', '00004')
      .executeTakeFirstOrThrow();
    expect(commune2025).toMatchObject({
      level: 'commune',
      parent_code: '01',
      province_code: '01',
      unit_type: 'Phường',
    });
  });
});

describe('listAdminUnits', () => {
  it('puts the units whose name starts with the query first, provinces before districts and communes', async () => {
    const { items } = await listAdminUnits(database.db, {
      generation: 2024,
      at: '2025-01-01',
      q: 'Điện Biên',
      limit: 10,
    });
    expect(items.slice(0, 4).map((u) => [u.level, u.code])).toEqual([
      ['province', '11'],
      ['district', '094'],
      ['district', '100'],
      ['district', '101'],
    ]);
  });

  it('takes % and _ in a query literally', async () => {
    expect((await listAdminUnits(database.db, { generation: 2025, at: '2026-01-01', q: '%' })).total).toBe(0);
  });
});

describe('getAdminUnit', () => {
  it('gives a 2024 district the new communes its communes went to, partial when it was split', async () => {
    const baDinh = await getAdminUnit(database.db, 2024, '001', '2026-01-01');
    expect(baDinh?.parents.map((p) => p.code)).toEqual(['01']);
    const successors = baDinh?.lineage.successors ?? [];
    expect(successors.map((s) => s.code)).toEqual(expect.arrayContaining(['00004', '00008', '00097']));
    expect(successors.every((s) => s.kind === 'partial' && s.splitCount === successors.length)).toBe(true);
  });

  it('links an island district without communes to its đặc khu', async () => {
    const district = await getAdminUnit(database.db, 2024, '318', '2026-01-01');
    expect(district?.lineage.successors).toEqual([
      {
        generation: 2025,
        code: '11948',
        name: 'Bạch Long Vĩ',
        fullName: 'Đặc khu Bạch Long Vĩ',
        level: 'commune',
        kind: 'district_without_communes',
        splitCount: 1,
      },
    ]);
    const dacKhu = await getAdminUnit(database.db, 2025, '11948', '2026-01-01');
    expect(dacKhu?.lineage.predecessors).toMatchObject([
      { code: '318', level: 'district', fullName: 'Huyện Bạch Long Vĩ' },
    ]);
  });

  it('names an old commune missing from the 2024 list after the mapping', async () => {
    const tanAn = await getAdminUnit(database.db, 2025, '07682', '2026-01-01');
    expect(tanAn?.lineage.predecessors.find((p) => p.code === '07693')).toMatchObject({
      name: 'Tân An',
      fullName: 'Xã Tân An',
      level: 'commune',
    });
  });

  it('applies a rename from its effective date on', async () => {
    const before = await getAdminUnit(database.db, 2025, '00745', '2026-04-29');
    const after = await getAdminUnit(database.db, 2025, '00745', '2026-04-30');
    expect([before?.name, after?.name]).toEqual(['Phó Bảng', 'Phố Bảng']);
  });

  it('returns nothing for an unknown code', async () => {
    expect(await getAdminUnit(database.db, 2024, '99999', '2026-01-01')).toBeUndefined();
  });
});

describe('provinceNames', () => {
  it('gives each province its own type in full: a tỉnh is a tỉnh, a thành phố a thành phố', async () => {
    const full = await provinceNames(database.db, ['01', '11', '15'], true);
    expect([...full.entries()]).toEqual([
      ['01', 'Thành phố Hà Nội'],
      ['11', 'Tỉnh Điện Biên'],
      ['15', 'Tỉnh Lào Cai'],
    ]);
    expect((await provinceNames(database.db, ['01'])).get('01')).toBe('Hà Nội');
  });
});

describe('ethnic groups', () => {
  it('keys each group by its 2008 code and keeps the 1979 code', async () => {
    expect(await getEthnicGroup(database.db, 4)).toMatchObject({ name: 'Mường', code1979: '06', code2008: '04' });
    expect(await getEthnicGroup(database.db, 43)).toMatchObject({
      name: 'Ngái',
      code1979: '11',
      code2008Verified: false,
    });
  });

  it('finds a group by a well-known spelling', async () => {
    for (const [q, name] of [
      ["H'Mông", 'Mông'],
      ['Rhade', 'Ê Đê'],
      ['khơ me', 'Khmer'],
      ['Jrai', 'Gia Rai'],
      ['Bahnar', 'Ba Na'],
    ]) {
      const { items } = await listEthnicGroups(database.db, { q });
      expect(
        items.map((g) => g.name),
        q,
      ).toContain(name);
    }
  });
});
