import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/test-db';
import type { Database } from '../../db/database';
import { agencyPositionsAt } from './reference.service';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const idOf = async (code: string) =>
  (await database.db.selectFrom('agency').select('agency_id').where('code', '=', code).executeTakeFirstOrThrow())
    .agency_id;
const titles = async (code: string, at: string) => {
  const id = await idOf(code);
  const positions = (await agencyPositionsAt(database.db, [id], at)).get(id) ?? [];
  return Object.fromEntries(positions.map((p) => [p.role, p.title]));
};

describe('the dated registry of positions (refdata/agency-positions.json)', () => {
  it('titles the ethnic-affairs agency’s head and deputies by date: Chủ nhiệm until 28/2/2025, not after', async () => {
    expect(await titles('UBDT', '2022-07-18')).toEqual({
      head: 'Bộ trưởng, Chủ nhiệm',
      deputy: 'Thứ trưởng, Phó Chủ nhiệm',
    });
    expect(await titles('UBDT', '2025-02-28')).toMatchObject({ head: 'Bộ trưởng, Chủ nhiệm' });
    expect(await titles('UBDT', '2025-03-01')).toEqual({ head: 'Bộ trưởng', deputy: 'Thứ trưởng' });
    expect(await titles('UBDT', '2026-12-31')).toEqual({ head: 'Bộ trưởng', deputy: 'Thứ trưởng' });
  });

  it('keeps the women’s union’s titles and gives every provincial branch its own', async () => {
    expect(await titles('HLHPN', '2026-01-01')).toEqual({
      head: 'Chủ tịch',
      deputy: 'Phó Chủ tịch',
      body: 'Đoàn Chủ tịch',
    });
    expect(await titles('UBDT-2024-10', '2022-01-01')).toMatchObject({ head: 'Trưởng ban' });
    expect(await titles('UBDT-2025-15', '2026-01-01')).toMatchObject({ head: 'Giám đốc', deputy: 'Phó Giám đốc' });
    expect(await titles('HLHPN-2025-15', '2026-01-01')).toMatchObject({ body: 'Ban Thường vụ' });
    const branches = await database.db
      .selectFrom('agency as a')
      .leftJoin('agency_position as p', 'p.agency_id', 'a.agency_id')
      .select('a.code')
      .where('a.level', '=', 'provincial')
      .where('p.agency_position_id', 'is', null)
      .execute();
    expect(branches).toEqual([]);
  });
});
