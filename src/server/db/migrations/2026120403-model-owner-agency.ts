// A community model belongs to an agency, as a record belongs to its organiser: only that agency
// and the agency above it change the model (access/policies/agency.policy.ts), everyone in the
// province reads it. Existing models take the organiser of the record they came from, else the
// agency of the user who registered them; a model with neither stays without an owner, which
// only administrators change.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE community_model ADD COLUMN owner_agency_id integer REFERENCES agency (agency_id)`.execute(db);
  await sql`UPDATE community_model m
    SET owner_agency_id = COALESCE(
      (SELECT r.organiser_agency_id FROM implementation_record r WHERE r.record_id = m.source_record_id),
      (SELECT u.agency_id FROM app_user u WHERE u.user_id = m.created_by)
    )`.execute(db);
  await sql`CREATE INDEX community_model_owner_agency_idx ON community_model (owner_agency_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
