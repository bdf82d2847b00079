import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { createTestDatabase } from '../../../../test/test-db';
import { TestClock } from '../../../../test/test-app';
import { createUser } from '../../../../test/factories';
import { runHousekeepingRound } from './housekeeping.service';
import { KEPT, housekeepingConfig, insertAgedRows, remainingRows } from '../../../../test/housekeeping-fixtures';

let database: Database;
let userId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  userId = (await createUser(database.db, { role: 'data_entry' })).id;
});
afterAll(() => database.close());

describe('housekeeping round', () => {
  it('purges dead sessions, attempts past the throttling window and keys past their retention, at its clock time', async () => {
    const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));
    await insertAgedRows(database.db, userId, clock.now());
    const deps = { db: database.db, config: housekeepingConfig, clock };
    expect(await runHousekeepingRound(deps)).toEqual({
      ran: true,
      purged: { sessions: 2, loginAttempts: 2, idempotencyKeys: 1 },
    });
    expect(await remainingRows(database.db)).toEqual(KEPT);

    // Within half an interval of the last round (by any instance) a round leaves the work alone.
    clock.advance(2 * 60_000);
    expect(await runHousekeepingRound(deps)).toEqual({ ran: false, reason: 'recent' });
    // Later, what has aged since goes: the session idle 59 minutes is now idle 61.
    clock.advance(3 * 60_000);
    expect(await runHousekeepingRound(deps)).toEqual({
      ran: true,
      purged: { sessions: 1, loginAttempts: 1, idempotencyKeys: 0 },
    });
    expect((await remainingRows(database.db)).sessions).toEqual(['new-active']);
  });
});
