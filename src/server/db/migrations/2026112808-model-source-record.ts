// A community model registered through an implementation record ("model established") keeps the
// record it came from. The registry migration left the column without a constraint because the
// record table did not exist then; records are soft-deleted, so the link never dangles.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE community_model
    ADD CONSTRAINT community_model_source_record_fk
    FOREIGN KEY (source_record_id) REFERENCES implementation_record (record_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE community_model DROP CONSTRAINT community_model_source_record_fk`.execute(db);
}
