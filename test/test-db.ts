// A fresh database for one test file, cloned from the run's template (see global-setup.ts).
import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../src/server/db/database';
import { adminUrl } from './global-setup';

export const testEngine = (): 'pglite' | 'postgresql' =>
  process.env.PHOIHOP_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'pglite';

/** A test database; on PostgreSQL with its address, so that other pools (other app instances) can open it. */
export type TestDatabase = Database & { url?: string };

/** Another pool on the same PostgreSQL test database: what a second app instance would open. */
export function openAnotherPool(database: TestDatabase, max = 10): Database {
  if (!database.url) throw new Error('another pool needs a PostgreSQL test database');
  return openPostgres(database.url, max);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testEngine() === 'pglite') {
    const image = fs.readFileSync(inject('pgliteImage'));
    return openPglite({ loadDataDir: new Blob([image]) });
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `phoihop_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  } finally {
    await admin.end();
  }
  const url = adminUrl(base, name);
  const database = openPostgres(url, 10);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: base });
      await cleanup.connect();
      // The pool's end() resolves before its sockets have said goodbye; dropping WITH (FORCE)
      // meanwhile terminates them mid-goodbye. Wait (briefly) until they are gone.
      for (let tries = 0; tries < 50; tries++) {
        const left = await cleanup.query<{ n: string }>(
          'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (left.rows[0]?.n === '0') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
