// The audit log is append-only (2026112801-foundation: no UPDATE or DELETE of a row). A row trigger
// does not see TRUNCATE, which empties the table without deleting rows one by one: a statement
// trigger refuses it too.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
