import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { vacuumWhereNeeded } from './maintenance';
import { createTestDatabase } from '../../../test/test-db';
import { TestClock } from '../../../test/test-app';
import { housekeepingConfig } from '../../../test/housekeeping-fixtures';
import { startHousekeeping } from '../modules/housekeeping/housekeeping.service';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

interface TableStats {
  n_dead_tup: string;
  n_mod_since_analyze: string;
  last_analyze: Date | null;
  last_vacuum: Date | null;
}

const stats = async () =>
  (
    await sql<TableStats>`
      SELECT n_dead_tup, n_mod_since_analyze, last_analyze, last_vacuum
        FROM pg_stat_user_tables WHERE relname = 'login_throttle'`.execute(database.db)
  ).rows[0]!;

/** 3,000 login throttle counters written and purged: the dead rows a housekeeping purge leaves. */
async function churn(): Promise<void> {
  await sql`INSERT INTO login_throttle (scope, username, ip, failures, last_failure_at)
            SELECT 'account', 'u' || g, '10.0.0.1', 1, now() - interval '2 days' FROM generate_series(1, 3000) g`.execute(
    database.db,
  );
  await sql`DELETE FROM login_throttle`.execute(database.db);
  // The statistics are sent at a transaction's end, at most once a second: wait until they are seen.
  for (let tries = 0; tries < 50 && Number((await stats()).n_dead_tup) < 3000; tries++) {
    await sql`SELECT pg_stat_force_next_flush()`.execute(database.db);
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(Number((await stats()).n_dead_tup)).toBeGreaterThanOrEqual(3000);
}

describe('vacuumWhereNeeded (what autovacuum does, for PGlite)', () => {
  it('vacuums and analyzes a table past the thresholds, and leaves it alone once it is done', async () => {
    await churn();
    expect(await vacuumWhereNeeded(database.db)).toContain('login_throttle');
    const after = await stats();
    expect(after.n_dead_tup).toBe('0');
    expect(after.n_mod_since_analyze).toBe('0');
    expect(after.last_vacuum).not.toBeNull();
    expect(after.last_analyze).not.toBeNull();
    expect(await vacuumWhereNeeded(database.db)).not.toContain('login_throttle');
  });

  it('follows each housekeeping round when the scheduler is asked to (main.ts does on PGlite)', async () => {
    await churn();
    const vacuumed = await new Promise<string[]>((resolve, reject) => {
      const scheduler = startHousekeeping(
        { db: database.db, config: housekeepingConfig, clock: new TestClock(new Date('2026-12-01T08:00:00Z')) },
        { onVacuum: (tables) => void scheduler.stop().then(() => resolve(tables)), onError: reject },
        { vacuum: true },
      );
    });
    expect(vacuumed).toContain('login_throttle');
    expect((await stats()).n_dead_tup).toBe('0');
  });
});
