// Several instances on one PostgreSQL: each has its own pool; the round is done once.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { ADVISORY_LOCKS } from '../../db/advisory-locks';
import { createTestDatabase, openAnotherPool, type TestDatabase } from '../../../../test/test-db';
import { TestClock } from '../../../../test/test-app';
import { createUser } from '../../../../test/factories';
import { runHousekeepingRound } from './housekeeping.service';
import { KEPT, housekeepingConfig, insertAgedRows, remainingRows } from '../../../../test/housekeeping-fixtures';

let first: TestDatabase;
let second: Database;
let userId: number;
beforeAll(async () => {
  first = await createTestDatabase();
  second = openAnotherPool(first);
  userId = (await createUser(first.db, { role: 'data_entry' })).id;
});
afterAll(async () => {
  await second.close();
  await first.close();
});

describe('housekeeping on several instances', () => {
  it('skips the round while another connection holds its lock, and touches nothing', async () => {
    const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));
    await insertAgedRows(first.db, userId, clock.now());
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = second.db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.housekeeping}::bigint)`.execute(tx);
      locked();
      await released;
    });
    await isLocked;
    try {
      expect(await runHousekeepingRound({ db: first.db, config: housekeepingConfig, clock })).toEqual({
        ran: false,
        reason: 'busy',
      });
    } finally {
      release();
      await holder;
    }
    expect((await remainingRows(first.db)).sessions).toHaveLength(4);
  });

  it('does the work once when two instances start a round at the same time', async () => {
    const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));
    const rounds = await Promise.all(
      [first, second].map((database) => runHousekeepingRound({ db: database.db, config: housekeepingConfig, clock })),
    );
    expect(rounds.filter((r) => r.ran)).toHaveLength(1);
    expect(rounds.filter((r) => r.ran)[0]).toEqual({
      ran: true,
      purged: { sessions: 2, loginAttempts: 2, idempotencyKeys: 1 },
    });
    expect(await remainingRows(second.db)).toEqual(KEPT);
  });
});
