// Foundation: reference data (administrative units of both generations with lineage, ethnic
// groups, agencies with dated names), accounts, sessions, login throttling and the audit log.
import { sql, type Kysely } from 'kysely';

const statements = [
  sql`CREATE TABLE admin_unit (
    generation smallint NOT NULL CHECK (generation IN (2024, 2025)),
    code text NOT NULL,
    level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    name text NOT NULL,
    full_name text NOT NULL,
    name_en text,
    unit_type text NOT NULL,
    parent_code text,
    province_code text NOT NULL,
    search_text text NOT NULL,
    valid_from date,
    valid_to date,
    PRIMARY KEY (generation, code)
  )`,
  sql`CREATE INDEX admin_unit_parent_idx ON admin_unit (generation, parent_code)`,
  sql`CREATE INDEX admin_unit_level_idx ON admin_unit (generation, level, province_code)`,
  // Dated name and type changes after a generation started (e.g. Đồng Nai became a city 30/4/2026).
  sql`CREATE TABLE admin_unit_change (
    admin_unit_change_id serial PRIMARY KEY,
    generation smallint NOT NULL,
    code text NOT NULL,
    effective_on date NOT NULL,
    kind text NOT NULL,
    old_full_name text NOT NULL,
    new_full_name text NOT NULL,
    FOREIGN KEY (generation, code) REFERENCES admin_unit (generation, code)
  )`,
  sql`CREATE INDEX admin_unit_change_unit_idx ON admin_unit_change (generation, code)`,
  sql`CREATE TABLE admin_unit_lineage (
    level text NOT NULL CHECK (level IN ('province', 'commune')),
    old_code text NOT NULL,
    new_code text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('full', 'partial', 'district_without_communes')),
    old_split_count smallint NOT NULL DEFAULT 1,
    old_name text NOT NULL,
    new_name text NOT NULL,
    PRIMARY KEY (level, old_code, new_code)
  )`,
  sql`CREATE INDEX admin_unit_lineage_new_idx ON admin_unit_lineage (level, new_code)`,
  sql`CREATE TABLE ethnic_group (
    ethnic_group_id smallint PRIMARY KEY,
    code_1979 text NOT NULL UNIQUE,
    code_2008 text NOT NULL UNIQUE,
    code_2008_verified boolean NOT NULL,
    name text NOT NULL,
    name_1979 text NOT NULL,
    other_names text[] NOT NULL DEFAULT '{}',
    language_group text NOT NULL,
    is_minority boolean NOT NULL,
    search_text text NOT NULL
  )`,
  sql`CREATE TABLE agency (
    agency_id serial PRIMARY KEY,
    code text NOT NULL UNIQUE,
    kind text NOT NULL,
    level text NOT NULL CHECK (level IN ('central', 'provincial')),
    parent_agency_id integer REFERENCES agency (agency_id),
    generation smallint,
    province_code text,
    valid_from date,
    valid_to date,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE INDEX agency_parent_idx ON agency (parent_agency_id)`,
  sql`CREATE INDEX agency_province_idx ON agency (generation, province_code)`,
  sql`CREATE TABLE agency_name (
    agency_name_id serial PRIMARY KEY,
    agency_id integer NOT NULL REFERENCES agency (agency_id),
    valid_from date,
    valid_to date,
    name text NOT NULL,
    short_name text NOT NULL,
    abbreviation text NOT NULL,
    governing_body text,
    signing_body text,
    aliases text[] NOT NULL DEFAULT '{}',
    search_text text NOT NULL
  )`,
  sql`CREATE INDEX agency_name_agency_idx ON agency_name (agency_id)`,
  sql`CREATE TABLE app_user (
    user_id serial PRIMARY KEY,
    username text NOT NULL UNIQUE,
    display_name text NOT NULL,
    email text,
    password_hash text NOT NULL,
    role text NOT NULL,
    agency_id integer NOT NULL REFERENCES agency (agency_id),
    national_scope boolean NOT NULL DEFAULT false,
    disabled_at timestamptz,
    search_text text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1
  )`,
  sql`CREATE INDEX app_user_agency_idx ON app_user (agency_id)`,
  // Provinces a user may act in, always in the current (2025) generation.
  sql`CREATE TABLE user_province (
    user_id integer NOT NULL REFERENCES app_user (user_id) ON DELETE CASCADE,
    province_code text NOT NULL,
    PRIMARY KEY (user_id, province_code)
  )`,
  sql`CREATE INDEX user_province_province_idx ON user_province (province_code)`,
  sql`CREATE TABLE user_session (
    token_hash text PRIMARY KEY,
    user_id integer NOT NULL REFERENCES app_user (user_id) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    ip text
  )`,
  sql`CREATE INDEX user_session_user_idx ON user_session (user_id)`,
  sql`CREATE TABLE login_attempt (
    login_attempt_id bigserial PRIMARY KEY,
    username text NOT NULL,
    ip text NOT NULL,
    succeeded boolean NOT NULL,
    attempted_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX login_attempt_username_idx ON login_attempt (username, attempted_at)`,
  sql`CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, attempted_at)`,
  sql`CREATE TABLE audit_log (
    audit_id bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor_user_id integer,
    actor_username text,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id text,
    agency_id integer,
    province_code text,
    before jsonb,
    after jsonb,
    ip text
  )`,
  sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`,
  sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, occurred_at)`,
  sql`CREATE INDEX audit_log_time_idx ON audit_log (occurred_at)`,
  // The audit log is append-only, whatever the application does.
  sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END;
  $$`,
  sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
  sql`CREATE TABLE reference_data_load (
    dataset text PRIMARY KEY,
    checksum text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now(),
    row_count integer NOT NULL
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
