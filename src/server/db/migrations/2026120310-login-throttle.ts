// Login throttling by counters instead of a log of attempts: one row per (account, client address)
// and one per client address ('' as username), each with its failures and the time of the last one.
// A login takes both rows FOR UPDATE in one transaction and counts itself before the password is
// checked, so parallel attempts are counted one after another (auth/login-throttle.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE login_attempt`.execute(db);
  await sql`CREATE TABLE login_throttle (
    scope text NOT NULL CHECK (scope IN ('account', 'address')),
    username text NOT NULL,
    ip text NOT NULL,
    failures integer NOT NULL CHECK (failures >= 0),
    last_failure_at timestamptz NOT NULL,
    PRIMARY KEY (scope, ip, username)
  )`.execute(db);
  await sql`CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
