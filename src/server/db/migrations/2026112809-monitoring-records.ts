// A mission that has issued its report is a held mission: it keeps one implementation record of type
// monitoring_mission on its plan activity (what indicator GS01 counts), as a sent policy review keeps
// its policy_comment record. record_id links the mission to that record.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE mission ADD COLUMN record_id integer REFERENCES implementation_record (record_id)`.execute(db);
  await sql`CREATE INDEX mission_record_idx ON mission (record_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
