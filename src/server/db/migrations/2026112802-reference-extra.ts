// Dated changes also change the short name and the unit type (Xã → Phường, Tỉnh → Thành phố),
// which the full name alone cannot give back without guessing; `source` records the legal basis.
import { sql, type Kysely } from 'kysely';

const statements = [
  sql`ALTER TABLE admin_unit_change
    ADD COLUMN new_name text,
    ADD COLUMN new_unit_type text,
    ADD COLUMN source text`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
