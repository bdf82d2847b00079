// What several app instances on one PostgreSQL share besides the data: the bytes of uploaded files
// (the database file store, common/files/storage.ts) and the last run of each scheduled job
// (modules/housekeeping), so a round done by one instance is not done again by another.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    // One row per storage key (the key stored_file names). No foreign key to stored_file: the bytes
    // are written first, the row after, in the same transaction.
    sql`CREATE TABLE stored_file_bytes (
      storage_key text PRIMARY KEY,
      data bytea NOT NULL
    )`,
    // Uploads are mostly compressed already (images, PDF, OOXML zips): kept uncompressed out of line,
    // a download reads them slice by slice (substring) without detoasting the whole value.
    sql`ALTER TABLE stored_file_bytes ALTER COLUMN data SET STORAGE EXTERNAL`,
    sql`CREATE TABLE scheduled_job_run (
      job text PRIMARY KEY,
      last_run_at timestamptz NOT NULL
    )`,
    // Where the demo password of the accounts seeded on an empty database can be found, so that
    // another instance started on the same database can say so instead of inventing one.
    sql`CREATE TABLE demo_seed (
      demo_seed_id integer PRIMARY KEY CHECK (demo_seed_id = 1),
      seeded_at timestamptz NOT NULL,
      host text NOT NULL,
      password_source text NOT NULL CHECK (password_source IN ('env', 'file')),
      password_file text
    )`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
