// Community-model registry: model types (data, seeded here), models with dated status history,
// members by sex × ethnic group, a counts-only activity log, trusted-address case counts and the
// case-level data only granted users may touch (user_grant), and targets per type, province, year.
import { sql, type Kysely } from 'kysely';
import { foldVietnamese } from '../../../shared/text';

interface SeedType {
  code: string;
  name: string;
  aliases: string[];
  sensitive?: boolean;
  hostKind?: 'school';
  livelihood?: boolean;
}

// Names as used officially (DOMAIN.md); aliases are the other names found in documents.
const MODEL_TYPES: SeedType[] = [
  {
    code: 'to_truyen_thong',
    name: 'Tổ truyền thông cộng đồng',
    aliases: ['Tổ truyền thông', 'Nhóm truyền thông cộng đồng'],
  },
  {
    code: 'dia_chi_tin_cay',
    name: 'Địa chỉ tin cậy',
    aliases: ['Địa chỉ an toàn', 'Địa chỉ an toàn/tin cậy', 'Địa chỉ tin cậy cộng đồng'],
    sensitive: true,
  },
  {
    code: 'clb_thu_linh',
    name: 'CLB “Thủ lĩnh của sự thay đổi”',
    aliases: ['Câu lạc bộ "Thủ lĩnh của sự thay đổi"', 'CLB Thủ lĩnh của sự thay đổi', 'Thủ lĩnh của sự thay đổi'],
    hostKind: 'school',
  },
  {
    code: 'tkvvtb',
    name: 'Tổ tiết kiệm vốn vay thôn bản (TKVVTB)',
    aliases: ['TKVVTB', 'Tổ tiết kiệm vốn vay thôn bản'],
  },
  {
    code: 'tkvvtb_sinh_ke',
    name: 'Tổ TKVVTB tích hợp sinh kế',
    aliases: ['TKVVTB & SK', 'TKVVTB và sinh kế', 'Tổ tiết kiệm vốn vay thôn bản tích hợp sinh kế'],
  },
  {
    code: 'to_nhom_sinh_ke',
    name: 'Tổ nhóm sinh kế',
    aliases: ['Nhóm sinh kế', 'Tổ sinh kế', 'Mô hình sinh kế do phụ nữ làm chủ'],
    livelihood: true,
  },
  { code: 'to_hop_tac', name: 'Tổ hợp tác', aliases: ['THT'], livelihood: true },
  { code: 'hop_tac_xa', name: 'Hợp tác xã', aliases: ['HTX'], livelihood: true },
];

const statements = [
  sql`CREATE TABLE model_type (
    code text PRIMARY KEY,
    name text NOT NULL,
    aliases text[] NOT NULL DEFAULT '{}',
    sensitive boolean NOT NULL DEFAULT false,
    host_kind text,
    livelihood boolean NOT NULL DEFAULT false,
    position smallint NOT NULL,
    search_text text NOT NULL
  )`,
  sql`CREATE TABLE community_model (
    community_model_id serial PRIMARY KEY,
    model_type text NOT NULL REFERENCES model_type (code),
    name text NOT NULL,
    commune_generation smallint NOT NULL,
    commune_code text NOT NULL,
    province_code text NOT NULL,
    village text,
    host text,
    founded_on date,
    status text NOT NULL CHECK (status IN ('active', 'inactive', 'merged', 'dissolved')),
    status_since date NOT NULL,
    merged_into_id integer REFERENCES community_model (community_model_id),
    leader_name text,
    women_ownership text CHECK (women_ownership IN ('owned', 'co_owned')),
    tech_ecommerce boolean NOT NULL DEFAULT false,
    tech_traceability boolean NOT NULL DEFAULT false,
    tech_quality_management boolean NOT NULL DEFAULT false,
    tech_digital_payments boolean NOT NULL DEFAULT false,
    -- The implementation record that established the model. No foreign key yet: the record table
    -- comes in its own migration, and a later migration adds the constraint.
    source_record_id integer,
    search_text text NOT NULL DEFAULT '',
    created_by integer REFERENCES app_user (user_id),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    FOREIGN KEY (commune_generation, commune_code) REFERENCES admin_unit (generation, code),
    CHECK ((status = 'merged') = (merged_into_id IS NOT NULL)),
    CHECK (merged_into_id <> community_model_id)
  )`,
  sql`CREATE INDEX community_model_province_idx ON community_model (province_code, model_type)`,
  sql`CREATE INDEX community_model_type_idx ON community_model (model_type)`,
  sql`CREATE INDEX community_model_commune_idx ON community_model (commune_generation, commune_code)`,
  sql`CREATE INDEX community_model_merged_into_idx ON community_model (merged_into_id)`,
  sql`CREATE INDEX community_model_source_record_idx ON community_model (source_record_id)`,
  sql`CREATE INDEX community_model_created_by_idx ON community_model (created_by)`,
  sql`CREATE TABLE model_status_history (
    model_status_history_id serial PRIMARY KEY,
    community_model_id integer NOT NULL REFERENCES community_model (community_model_id) ON DELETE CASCADE,
    status text NOT NULL CHECK (status IN ('active', 'inactive', 'merged', 'dissolved')),
    effective_on date NOT NULL,
    merged_into_id integer REFERENCES community_model (community_model_id),
    note text,
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX model_status_history_model_idx ON model_status_history (community_model_id, effective_on)`,
  sql`CREATE INDEX model_status_history_merged_into_idx ON model_status_history (merged_into_id)`,
  sql`CREATE TABLE model_member (
    community_model_id integer NOT NULL REFERENCES community_model (community_model_id) ON DELETE CASCADE,
    sex text NOT NULL CHECK (sex IN ('female', 'male')),
    ethnic_group_id smallint NOT NULL REFERENCES ethnic_group (ethnic_group_id),
    count integer NOT NULL CHECK (count >= 0),
    PRIMARY KEY (community_model_id, sex, ethnic_group_id)
  )`,
  sql`CREATE INDEX model_member_ethnic_group_idx ON model_member (ethnic_group_id)`,
  sql`CREATE TABLE model_activity (
    community_model_id integer NOT NULL REFERENCES community_model (community_model_id) ON DELETE CASCADE,
    month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    kind text NOT NULL CHECK (kind IN ('meeting', 'support_given', 'case_referred')),
    count integer NOT NULL CHECK (count >= 0),
    updated_by integer REFERENCES app_user (user_id),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (community_model_id, month, kind)
  )`,
  sql`CREATE TABLE model_case_count (
    community_model_id integer NOT NULL REFERENCES community_model (community_model_id) ON DELETE CASCADE,
    month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    case_type text NOT NULL CHECK (case_type IN ('violence', 'trafficking', 'child_marriage', 'other')),
    count integer NOT NULL CHECK (count >= 0),
    updated_by integer REFERENCES app_user (user_id),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (community_model_id, month, case_type)
  )`,
  // Personal data: reachable only through the case-level service, which checks the grant and
  // writes every read to the audit log.
  sql`CREATE TABLE model_case (
    model_case_id serial PRIMARY KEY,
    community_model_id integer NOT NULL REFERENCES community_model (community_model_id) ON DELETE CASCADE,
    received_on date NOT NULL,
    case_type text NOT NULL CHECK (case_type IN ('violence', 'trafficking', 'child_marriage', 'other')),
    person_initials text,
    age smallint CHECK (age BETWEEN 0 AND 120),
    sex text CHECK (sex IN ('female', 'male')),
    ethnic_group_id smallint REFERENCES ethnic_group (ethnic_group_id),
    referral text,
    notes text,
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX model_case_model_idx ON model_case (community_model_id, received_on)`,
  sql`CREATE INDEX model_case_ethnic_group_idx ON model_case (ethnic_group_id)`,
  sql`CREATE TABLE user_grant (
    user_id integer NOT NULL REFERENCES app_user (user_id) ON DELETE CASCADE,
    "grant" text NOT NULL CHECK ("grant" IN ('case_data')),
    granted_by integer REFERENCES app_user (user_id),
    granted_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, "grant")
  )`,
  sql`CREATE INDEX user_grant_granted_by_idx ON user_grant (granted_by)`,
  // province_code null = the national target; one row per type, province and year.
  sql`CREATE TABLE model_target (
    model_target_id serial PRIMARY KEY,
    model_type text NOT NULL REFERENCES model_type (code),
    province_code text,
    year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    target integer NOT NULL CHECK (target >= 0),
    updated_by integer REFERENCES app_user (user_id),
    updated_at timestamptz NOT NULL,
    UNIQUE NULLS NOT DISTINCT (model_type, province_code, year)
  )`,
  sql`CREATE INDEX model_target_year_idx ON model_target (year, province_code)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
  for (const [position, t] of MODEL_TYPES.entries()) {
    const searchText = foldVietnamese([t.code.replace(/_/g, ' '), t.name, ...t.aliases].join(' | '));
    await sql`INSERT INTO model_type (code, name, aliases, sensitive, host_kind, livelihood, position, search_text)
      VALUES (${t.code}, ${t.name}, ${t.aliases}, ${t.sensitive ?? false}, ${t.hostKind ?? null},
              ${t.livelihood ?? false}, ${position + 1}, ${searchText})`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
