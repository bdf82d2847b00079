import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { createQueryClient } from '../query-client';
import { closeOfflineDb, OFFLINE_DB_NAME } from '../outbox/outbox-db';
import { referenceKeys } from '../reference';
import { restoreQueries, saveQueries } from './offline-data';

afterEach(async () => {
  await closeOfflineDb();
  await deleteDB(OFFLINE_DB_NAME);
});

describe("the forms' data kept on the device", () => {
  it("gives a new session of the same user the reference data and the plans' activities, not page data", async () => {
    const before = createQueryClient();
    before.setQueryData(referenceKeys.ethnicGroups, [{ id: 1, name: 'Thái' }]);
    before.setQueryData(['/api/activities', { plan: 4, limit: 500 }], { items: [{ id: 9 }], total: 1 });
    before.setQueryData(['/api/records', { page: 1 }], { items: [] });
    await saveQueries(before, 7);

    const after = createQueryClient();
    const savedAt = await restoreQueries(after, 7);
    expect(savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(after.getQueryData(referenceKeys.ethnicGroups)).toEqual([{ id: 1, name: 'Thái' }]);
    expect(after.getQueryData(['/api/activities', { plan: 4, limit: 500 }])).toEqual({ items: [{ id: 9 }], total: 1 });
    expect(after.getQueryData(['/api/records', { page: 1 }])).toBeUndefined();
  });

  it("keeps each user's data apart", async () => {
    const first = createQueryClient();
    first.setQueryData(referenceKeys.agencies, [{ id: 1 }]);
    await saveQueries(first, 7);
    const other = createQueryClient();
    expect(await restoreQueries(other, 8)).toBeUndefined();
    expect(other.getQueryData(referenceKeys.agencies)).toBeUndefined();
  });

  it('lets a newer answer already in the client win over the kept one', async () => {
    const old = createQueryClient();
    old.setQueryData(referenceKeys.fundingSources, ['cũ'], { updatedAt: 1000 });
    await saveQueries(old, 7);
    const fresh = createQueryClient();
    fresh.setQueryData(referenceKeys.fundingSources, ['mới'], { updatedAt: Date.now() });
    await restoreQueries(fresh, 7);
    expect(fresh.getQueryData(referenceKeys.fundingSources)).toEqual(['mới']);
  });
});
