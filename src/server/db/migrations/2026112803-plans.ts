// Joint plans: the plan, its issuing agencies and their signatures, every version as a snapshot,
// review comments, and the current activities as rows (records and cascades refer to them).
import { sql, type Kysely } from 'kysely';

const statements = [
  sql`CREATE TABLE plan (
    plan_id serial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('central', 'provincial')),
    year smallint NOT NULL,
    province_code text,
    parent_plan_id integer REFERENCES plan (plan_id),
    previous_plan_id integer REFERENCES plan (plan_id),
    status text NOT NULL CHECK (status IN ('draft', 'under_review', 'signed', 'issued', 'closed')),
    version integer NOT NULL DEFAULT 1,
    title text NOT NULL,
    number text NOT NULL DEFAULT '',
    issued_on date,
    content jsonb NOT NULL,
    search_text text NOT NULL DEFAULT '',
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK ((kind = 'provincial') = (province_code IS NOT NULL))
  )`,
  sql`CREATE INDEX plan_province_idx ON plan (province_code)`,
  sql`CREATE INDEX plan_parent_idx ON plan (parent_plan_id)`,
  sql`CREATE INDEX plan_previous_idx ON plan (previous_plan_id)`,
  sql`CREATE INDEX plan_year_idx ON plan (year)`,
  sql`CREATE TABLE plan_issuer (
    plan_id integer NOT NULL REFERENCES plan (plan_id) ON DELETE CASCADE,
    agency_id integer NOT NULL REFERENCES agency (agency_id),
    position smallint NOT NULL,
    signed_at timestamptz,
    signed_by integer REFERENCES app_user (user_id),
    PRIMARY KEY (plan_id, agency_id)
  )`,
  sql`CREATE INDEX plan_issuer_agency_idx ON plan_issuer (agency_id)`,
  sql`CREATE TABLE plan_version (
    plan_id integer NOT NULL REFERENCES plan (plan_id) ON DELETE CASCADE,
    version integer NOT NULL,
    status text NOT NULL,
    content jsonb NOT NULL,
    issuer_ids integer[] NOT NULL,
    note text,
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (plan_id, version)
  )`,
  sql`CREATE TABLE plan_comment (
    plan_comment_id serial PRIMARY KEY,
    plan_id integer NOT NULL REFERENCES plan (plan_id) ON DELETE CASCADE,
    version integer NOT NULL,
    kind text NOT NULL,
    body text NOT NULL,
    agency_id integer REFERENCES agency (agency_id),
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX plan_comment_plan_idx ON plan_comment (plan_id, created_at)`,
  sql`CREATE TABLE plan_activity (
    plan_activity_id serial PRIMARY KEY,
    plan_id integer NOT NULL REFERENCES plan (plan_id) ON DELETE CASCADE,
    activity_key text NOT NULL,
    section_key text NOT NULL,
    section_number text NOT NULL,
    section_title text NOT NULL,
    position smallint NOT NULL,
    title text NOT NULL,
    timeframe_start text,
    timeframe_end text,
    lead_agency_id integer REFERENCES agency (agency_id),
    level text,
    central_activity_id integer REFERENCES plan_activity (plan_activity_id),
    removed boolean NOT NULL DEFAULT false,
    UNIQUE (plan_id, activity_key)
  )`,
  sql`CREATE INDEX plan_activity_central_idx ON plan_activity (central_activity_id)`,
  sql`CREATE INDEX plan_activity_lead_idx ON plan_activity (lead_agency_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
