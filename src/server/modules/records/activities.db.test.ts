// The status rule runs in SQL (to filter, count and page in the database): its "last day of the
// timeframe" must be exactly periodEndDate of shared/period.ts, which the web and documents use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../../test/test-db';
import type { Database } from '../../db/database';
import { periodEndDate } from '../../../shared/period';
import { periodEndSql } from './activities.repo';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the last day of a period in SQL', () => {
  it('is the last day periodEndDate gives for quarters, months (leap Februaries) and days', async () => {
    const refs = [
      ...[1, 2, 3, 4].map((q) => `2026-Q${q}`),
      '2024-Q1',
      ...Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`),
      '2024-02',
      '2100-02',
      '2000-02',
      '2026-05-31',
      '2024-02-29',
      '2026-01-01',
    ];
    const result = await sql<{ ref: string; end: string }>`
      SELECT ref, ${periodEndSql(sql.ref('ref'))}::text AS end
      FROM unnest(${refs}::text[]) AS ref`.execute(database.db);
    const ends = Object.fromEntries(result.rows.map((r) => [r.ref, r.end]));
    expect(ends).toEqual(Object.fromEntries(refs.map((ref) => [ref, periodEndDate(ref)])));
    expect(ends['2024-02']).toBe('2024-02-29');
    expect(ends['2026-Q3']).toBe('2026-09-30');
  });
});
