// PostgreSQL only: two transactions that lock the same rows in opposite orders deadlock for real;
// PostgreSQL aborts one of them (40P01) and newTransaction runs it again, so both commit.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-db';
import type { Database } from './database';
import { inTransaction, newTransaction } from './transaction';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await sql`CREATE TABLE deadlock_probe (id integer PRIMARY KEY, n integer NOT NULL)`.execute(database.db);
  await sql`INSERT INTO deadlock_probe VALUES (1, 0), (2, 0)`.execute(database.db);
});
afterAll(async () => {
  await database.close();
});

/** Resolves once `count` parties have arrived. */
function barrier(count: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived++;
    if (arrived >= count) open();
    return opened;
  };
}

describe('newTransaction', () => {
  it('runs a transaction PostgreSQL aborted as a deadlock again, so both writers commit', async () => {
    const bothHoldOneRow = barrier(2);
    const attempts = { a: 0, b: 0 };
    const writer = (name: 'a' | 'b', first: number, second: number) =>
      newTransaction(database.db, async (tx) => {
        attempts[name]++;
        await sql`UPDATE deadlock_probe SET n = n + 1 WHERE id = ${first}`.execute(tx);
        if (attempts[name] === 1) await bothHoldOneRow();
        await sql`UPDATE deadlock_probe SET n = n + 1 WHERE id = ${second}`.execute(tx);
        return name;
      });
    const results = await Promise.allSettled([writer('a', 1, 2), writer('b', 2, 1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    // Exactly one of them was chosen as the deadlock victim and ran twice.
    expect(attempts.a + attempts.b).toBe(3);
    const rows = await sql<{ n: number }>`SELECT n FROM deadlock_probe ORDER BY id`.execute(database.db);
    expect(rows.rows.map((r) => r.n)).toEqual([2, 2]);
  });

  it('does not retry an error that is not about concurrency', async () => {
    let attempts = 0;
    await expect(
      newTransaction(database.db, async (tx) => {
        attempts++;
        await sql`INSERT INTO deadlock_probe VALUES (1, 0)`.execute(tx);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(attempts).toBe(1);
  });

  it('leaves the retry to the opener when a call joins an outer transaction', async () => {
    let inner = 0;
    let outer = 0;
    const bothHoldOneRow = barrier(2);
    const joined = (first: number, second: number) =>
      newTransaction(database.db, async (tx) => {
        outer++;
        await inTransaction(tx, async (same) => {
          inner++;
          expect(same).toBe(tx);
          await sql`UPDATE deadlock_probe SET n = n + 1 WHERE id = ${first}`.execute(same);
          if (outer <= 2) await bothHoldOneRow();
          await sql`UPDATE deadlock_probe SET n = n + 1 WHERE id = ${second}`.execute(same);
        });
      });
    await Promise.all([joined(1, 2), joined(2, 1)]);
    expect(outer).toBe(3);
    expect(inner).toBe(3);
  });
});
