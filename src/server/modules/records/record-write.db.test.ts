// The short write path (one statement for a record and its children, values written from the facts
// the writer holds, the period checked by the write's own statement) must store exactly what the
// long one did: the values a read-back derivation gives, the view a later read gives, and a 423 —
// with nothing written — in a locked period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { analyticsWorld, ETHNIC, PLACES, recordBody, type AnalyticsWorld } from '../../../../test/analytics-fixtures';
import { syncRecordValues } from '../analytics/sync-values';

let t: TestApp;
let w: AnalyticsWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await analyticsWorld(t);
});
afterAll(async () => {
  await t.close();
});

const grid = [
  { sex: 'female' as const, ethnicGroupId: ETHNIC.thai, count: 7, targetGroup: 'union_member' },
  { sex: 'male' as const, ethnicGroupId: ETHNIC.thai, count: 3 },
  { sex: 'female' as const, ethnicGroupId: ETHNIC.mong, count: 5, ageBand: '16_30' },
  { sex: 'female' as const, ethnicGroupId: ETHNIC.kinh, count: 2, targetGroup: 'union_cadre' },
];

const agencyId = async (code: string) =>
  (await t.database.db.selectFrom('agency').select('agency_id').where('code', '=', code).executeTakeFirstOrThrow())
    .agency_id;

/** A record's data values, without their ids, in a fixed order. */
async function valuesOf(recordId: number) {
  const rows = await t.database.db
    .selectFrom('data_value')
    .selectAll()
    .where('source_kind', '=', 'record')
    .where('source_id', '=', recordId)
    .execute();
  return rows
    .map(({ data_value_id: _id, ...rest }) => rest)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Rollup totals, which the triggers keep from data_value: a re-derivation must leave them as they were. */
async function rollupTotal() {
  const row = await t.database.db
    .selectFrom('dv_province_month_sex_ethnic')
    .select((eb) => [eb.fn.sum<string>('value').as('v'), eb.fn.sum<string>('n').as('n')])
    .executeTakeFirstOrThrow();
  return row;
}

describe('the short record write path', () => {
  it('creates the values a read-back derivation gives, and answers with the view a later read gives', async () => {
    const body = recordBody(w.activities[0]!, 'training', PLACES.dienBien, '2026-04-09', grid, {
      partnerAgencyIds: [await agencyId('UBDT')],
      costs: [
        { fundingSource: 'ctmtqg', amount: '1200000' },
        { fundingSource: 'huy_dong', amount: '00300' },
      ],
    });
    const res = await w.central.post('/api/records', body);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as {
      id: number;
      totalCost: string;
      costs: unknown[];
      participants: { rows: unknown[] };
    };
    expect(created.totalCost).toBe('1200300');
    expect(created.participants.rows).toHaveLength(4);

    const read = (await w.central.get(`/api/records/${created.id}`)).json() as Record<string, unknown>;
    expect(created).toEqual(read);

    const written = await valuesOf(created.id);
    expect(written.length).toBeGreaterThan(0);
    const rollups = await rollupTotal();
    await t.database.db.transaction().execute((tx) => syncRecordValues(tx, created.id));
    expect(await valuesOf(created.id)).toEqual(written);
    expect(await rollupTotal()).toEqual(rollups);
  });

  it('updates to the values a read-back derivation gives, and answers with the view a later read gives', async () => {
    const first = (
      await w.central.post(
        '/api/records',
        recordBody(w.activities[0]!, 'training', PLACES.dienBien, '2026-04-10', grid),
      )
    ).json() as { id: number; version: number };
    const moved = recordBody(w.activities[0]!, 'training', PLACES.laoCai, '2026-05-02', grid.slice(1), {
      costs: [{ fundingSource: 'long_ghep', amount: '5' }],
    });
    const res = await w.central.put(`/api/records/${first.id}`, { ...moved, version: first.version });
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json() as Record<string, unknown>;
    expect(updated).toEqual((await w.central.get(`/api/records/${first.id}`)).json());
    expect(updated.provinceCode).toBe('15');

    const written = await valuesOf(first.id);
    expect(written.every((v) => v.province_code === '15' && v.month === 202605)).toBe(true);
    await t.database.db.transaction().execute((tx) => syncRecordValues(tx, first.id));
    expect(await valuesOf(first.id)).toEqual(written);
  });
});
