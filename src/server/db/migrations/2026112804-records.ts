// Implementation records: what was done for each plan activity (type, dates, place, organisers,
// participants by sex × ethnic group × target group × age band, outputs, cost by funding source,
// attachments on disk), the lead agency's completion mark per activity, and the idempotency keys
// that make retried creates safe.
import { sql, type Kysely } from 'kysely';

const RECORD_TYPES = [
  'training',
  'communication_event',
  'broadcast',
  'material',
  'model_established',
  'monitoring_mission',
  'policy_comment',
  'conference',
];
const TARGET_GROUPS = [
  'union_cadre',
  'ethnic_affairs_cadre',
  'other_cadre',
  'union_member',
  'community_member',
  'child',
  'village_elder',
  'religious_dignitary',
];
const AGE_BANDS = ['under_16', '16_30', '31_60', 'over_60', 'unknown'];

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const FUNDING_SOURCES: [string, string, string][] = [
  ['ngan_sach_trung_uong', 'Ngân sách nhà nước (trung ương)', 'State budget (central)'],
  ['ngan_sach_dia_phuong', 'Ngân sách địa phương', 'Local budget'],
  ['ctmtqg', 'Kinh phí Chương trình MTQG', 'National target programme funds'],
  ['huy_dong', 'Nguồn huy động hợp pháp', 'Lawfully mobilised sources'],
  ['long_ghep', 'Lồng ghép chương trình khác', 'Integrated with other programmes'],
];

const statements = [
  sql`CREATE TABLE funding_source (
    code text PRIMARY KEY,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    sort smallint NOT NULL
  )`,
  ...FUNDING_SOURCES.map(
    ([code, vi, en], i) =>
      sql`INSERT INTO funding_source (code, name_vi, name_en, sort) VALUES (${code}, ${vi}, ${en}, ${i + 1})`,
  ),
  // province_code is always the 2025-generation province (a 2024 place maps through the lineage);
  // null only for a central record with no place. Deleting a record is soft (deleted_at).
  sql`CREATE TABLE implementation_record (
    record_id serial PRIMARY KEY,
    plan_activity_id integer NOT NULL REFERENCES plan_activity (plan_activity_id),
    type text NOT NULL CHECK (type IN (${list(RECORD_TYPES)})),
    title text NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL,
    place_generation smallint,
    place_code text,
    province_code text,
    village text,
    organiser_agency_id integer REFERENCES agency (agency_id),
    description text NOT NULL DEFAULT '',
    outputs jsonb NOT NULL DEFAULT '{}',
    participants_mode text NOT NULL CHECK (participants_mode IN ('breakdown', 'totals_only')),
    total_participants integer NOT NULL DEFAULT 0 CHECK (total_participants >= 0),
    female_participants integer CHECK (female_participants >= 0 AND female_participants <= total_participants),
    search_text text NOT NULL DEFAULT '',
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL DEFAULT 1,
    deleted_at timestamptz,
    deleted_by integer REFERENCES app_user (user_id),
    CHECK (end_date >= start_date),
    CHECK ((place_code IS NULL) = (place_generation IS NULL)),
    FOREIGN KEY (place_generation, place_code) REFERENCES admin_unit (generation, code)
  )`,
  sql`CREATE INDEX implementation_record_activity_idx ON implementation_record (plan_activity_id)`,
  sql`CREATE INDEX implementation_record_province_date_idx ON implementation_record (province_code, start_date)`,
  sql`CREATE INDEX implementation_record_place_idx ON implementation_record (place_generation, place_code)`,
  sql`CREATE INDEX implementation_record_organiser_idx ON implementation_record (organiser_agency_id)`,
  sql`CREATE INDEX implementation_record_created_by_idx ON implementation_record (created_by)`,
  sql`CREATE INDEX implementation_record_deleted_by_idx ON implementation_record (deleted_by)`,
  sql`CREATE INDEX implementation_record_start_idx ON implementation_record (start_date)`,
  sql`CREATE TABLE record_partner (
    record_id integer NOT NULL REFERENCES implementation_record (record_id) ON DELETE CASCADE,
    agency_id integer NOT NULL REFERENCES agency (agency_id),
    PRIMARY KEY (record_id, agency_id)
  )`,
  sql`CREATE INDEX record_partner_agency_idx ON record_partner (agency_id)`,
  sql`CREATE TABLE record_participant (
    record_id integer NOT NULL REFERENCES implementation_record (record_id) ON DELETE CASCADE,
    sex text NOT NULL CHECK (sex IN ('female', 'male')),
    ethnic_group_id smallint NOT NULL REFERENCES ethnic_group (ethnic_group_id),
    target_group text NOT NULL CHECK (target_group IN (${list(TARGET_GROUPS)})),
    age_band text NOT NULL CHECK (age_band IN (${list(AGE_BANDS)})),
    count integer NOT NULL CHECK (count > 0),
    PRIMARY KEY (record_id, sex, ethnic_group_id, target_group, age_band)
  )`,
  sql`CREATE INDEX record_participant_ethnic_idx ON record_participant (ethnic_group_id)`,
  // Money in whole đồng, exact: numeric, never a float.
  sql`CREATE TABLE record_cost (
    record_id integer NOT NULL REFERENCES implementation_record (record_id) ON DELETE CASCADE,
    funding_source_code text NOT NULL REFERENCES funding_source (code),
    amount numeric(18, 0) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (record_id, funding_source_code)
  )`,
  sql`CREATE INDEX record_cost_source_idx ON record_cost (funding_source_code)`,
  // The bytes live on disk under the upload folder (storage_key is relative to it), never here.
  sql`CREATE TABLE record_attachment (
    attachment_id serial PRIMARY KEY,
    record_id integer NOT NULL REFERENCES implementation_record (record_id) ON DELETE CASCADE,
    file_name text NOT NULL,
    mime_type text NOT NULL,
    size_bytes integer NOT NULL CHECK (size_bytes >= 0),
    sha256 text NOT NULL,
    storage_key text NOT NULL UNIQUE,
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX record_attachment_record_idx ON record_attachment (record_id)`,
  sql`CREATE INDEX record_attachment_created_by_idx ON record_attachment (created_by)`,
  sql`CREATE TABLE activity_completion (
    plan_activity_id integer PRIMARY KEY REFERENCES plan_activity (plan_activity_id) ON DELETE CASCADE,
    completed_on date NOT NULL,
    completed_by integer NOT NULL REFERENCES app_user (user_id),
    note text
  )`,
  sql`CREATE INDEX activity_completion_user_idx ON activity_completion (completed_by)`,
  // One row per (user, key); written in the same transaction as what the request created.
  sql`CREATE TABLE idempotency_key (
    user_id integer NOT NULL REFERENCES app_user (user_id) ON DELETE CASCADE,
    key text NOT NULL,
    method text NOT NULL,
    path text NOT NULL,
    request_hash text NOT NULL,
    status_code smallint,
    response jsonb,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, key)
  )`,
  sql`CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
