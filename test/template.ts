// Builds the migrated database image every database test file starts from, once per run:
// migrations + reference data. Tests never pay PGlite's creation or the reference load per test.
import { migrateToLatest } from '../src/server/db/migrate';
import type { Database } from '../src/server/db/database';
import { ensureReferenceData } from '../src/server/modules/reference/reference-data';

export async function prepareTemplate(database: Database): Promise<void> {
  await migrateToLatest(database.db);
  await ensureReferenceData(database.db);
}
