// PostgreSQL only (the db-postgres project): a server that drops a pooled connection — a restart,
// a fail-over, an administrator's pg_terminate_backend — must not take the app down with it.
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-db';
import type { Database } from './database';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the PostgreSQL pool', () => {
  it('survives the server terminating an idle connection, and goes on answering', async () => {
    const pid = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
    const backend = pid.rows[0]!.pid;
    const unhandled: unknown[] = [];
    const onError = (error: unknown) => unhandled.push(error);
    process.on('uncaughtException', onError);
    try {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [backend]);
      await admin.end();
      // Give the dropped socket time to report its error.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(after.rows[0]!.one).toBe(1);
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(unhandled).toEqual([]);
  });
});
