// PostgreSQL only: two instances starting at once on a database whose reference data is stale load
// each changed dataset once between them — one loads it, the other waits and finds it current.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, openAnotherPool, type TestDatabase } from '../../../../test/test-db';
import type { Database } from '../../db/database';
import { ensureReferenceData } from './reference-data';

let first: TestDatabase;
let second: Database;
beforeAll(async () => {
  first = await createTestDatabase();
  second = openAnotherPool(first);
});
afterAll(async () => {
  await second.close();
  await first.close();
});

describe('reference data on a concurrent start', () => {
  it('is loaded by one instance only, and both end with the data current', async () => {
    await first.db
      .updateTable('reference_data_load')
      .set({ checksum: 'stale' })
      .where('dataset', 'in', ['ethnic-groups', 'agencies'])
      .execute();
    const groupsBefore = await first.db.selectFrom('ethnic_group').select('ethnic_group_id').execute();
    const [a, b] = await Promise.all([ensureReferenceData(first.db), ensureReferenceData(second.db)]);
    const loads = [...a.loaded, ...b.loaded].sort();
    expect(loads).toEqual(['agencies', 'ethnic-groups']);
    const groupsAfter = await first.db.selectFrom('ethnic_group').select('ethnic_group_id').execute();
    expect(groupsAfter).toHaveLength(groupsBefore.length);
    // A third start finds everything current.
    expect((await ensureReferenceData(second.db)).loaded).toEqual([]);
  });
});
