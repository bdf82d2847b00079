// The dated registry of positions per agency: who heads it and who deputises, under the titles
// valid at a date ("Bộ trưởng, Chủ nhiệm" of Ủy ban Dân tộc until 28/2/2025, "Bộ trưởng" of Bộ Dân
// tộc và Tôn giáo from 1/3/2025), and the collective body that signs "TM." ("Đoàn Chủ tịch").
// Loaded from refdata/agency-positions.json; a rolled-forward plan's signature lines use it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE agency_position (
    agency_position_id serial PRIMARY KEY,
    agency_id integer NOT NULL REFERENCES agency (agency_id),
    role text NOT NULL CHECK (role IN ('head', 'deputy', 'body')),
    valid_from date,
    valid_to date,
    title text NOT NULL,
    aliases text[] NOT NULL DEFAULT '{}',
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
  )`.execute(db);
  await sql`CREATE INDEX agency_position_agency_idx ON agency_position (agency_id, role)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
