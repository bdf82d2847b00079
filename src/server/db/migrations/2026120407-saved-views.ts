// Saved views: a user's named pivot view (the page's whole state), private or shared with every
// user of the owner's agency. `agency_id` is the owner's agency when it was saved, so a shared view
// stays with that agency; `version` guards a rename against a stale copy.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE saved_view (
    saved_view_id serial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('pivot')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    state jsonb NOT NULL,
    shared boolean NOT NULL DEFAULT false,
    owner_user_id integer NOT NULL REFERENCES app_user (user_id),
    agency_id integer NOT NULL REFERENCES agency (agency_id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL DEFAULT 1 CHECK (version > 0)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX saved_view_owner_name ON saved_view (owner_user_id, kind, lower(name))`.execute(db);
  await sql`CREATE INDEX saved_view_agency_shared ON saved_view (agency_id, kind) WHERE shared`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
