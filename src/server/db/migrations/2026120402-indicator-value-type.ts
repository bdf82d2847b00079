// Each indicator says what its values may be (DHIS2's value types): a count — every indicator of
// the programme so far counts people, courses, models, missions — is a whole number, never
// negative; entered and imported values are checked against it (analytics/indicator-values.service.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE indicator ADD COLUMN value_type text NOT NULL DEFAULT 'INTEGER_ZERO_OR_POSITIVE'
    CHECK (value_type IN ('INTEGER_ZERO_OR_POSITIVE', 'NUMBER', 'PERCENTAGE'))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
