// Monitoring, policy review and budgets (part 4 and part IV of the seed plan):
//  - checklist templates and their items (seeded with gender-mainstreaming and Dự án 8 items);
//  - joint monitoring missions: members from each agency, places visited (province or commune,
//    with its 2025 province for scope), checklist answers per place, findings, recommendations
//    addressed to an agency or a province with their follow-up trail and evidence files (bytes on
//    disk under the upload folder, never here). "Overdue" is computed from the due date, never stored;
//  - the register of policy documents received for comment, appraisal or social criticism;
//  - planned amounts per plan activity, province (null: central level) and funding source, in
//    whole đồng (numeric, exact). Spending is not stored here: it is the records' costs.
import { sql, type Kysely } from 'kysely';

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const ANSWERS = ['yes', 'partly', 'no', 'na'];
const FOLLOW_UP = ['open', 'in_progress', 'done'];
const MEMBER_ROLES = ['head', 'deputy', 'member', 'secretary'];
const DOCUMENT_KINDS = ['law', 'decree', 'circular', 'scheme', 'project', 'report'];
const REVIEW_TYPES = ['comment', 'appraisal', 'social_criticism'];

/** The seeded template: gender mainstreaming in the NTP and Dự án 8 monitoring. */
const TEMPLATE = {
  code: 'long_ghep_gioi_du_an_8',
  name: 'Giám sát lồng ghép giới và thực hiện Dự án 8',
  description:
    'Bảng kiểm giám sát việc lồng ghép giới, thúc đẩy bình đẳng giới trong Chương trình MTQG DTTS và MN và việc thực hiện Dự án 8 tại địa phương.',
  items: [
    ['Lồng ghép giới', 'Kế hoạch, chương trình phát triển kinh tế - xã hội của địa phương có lồng ghép giới không?'],
    ['Lồng ghép giới', 'Số liệu báo cáo có được tách biệt theo giới tính (và dân tộc) không?'],
    ['Lồng ghép giới', 'Phụ nữ dân tộc thiểu số có tham gia lập kế hoạch, giám sát ở thôn, bản không?'],
    ['Lồng ghép giới', 'Kinh phí cho các hoạt động bình đẳng giới có được bố trí và giải ngân không?'],
    ['Lồng ghép giới', 'Cán bộ cấp xã, thôn có được tập huấn về lồng ghép giới, giám sát bình đẳng giới không?'],
    ['Dự án 8', 'Tổ truyền thông cộng đồng có hoạt động thường xuyên không?'],
    ['Dự án 8', 'Địa chỉ tin cậy có hoạt động, tiếp nhận và hỗ trợ các trường hợp cần giúp đỡ không?'],
    ['Dự án 8', 'Câu lạc bộ "Thủ lĩnh của sự thay đổi" có được duy trì sinh hoạt không?'],
    ['Dự án 8', 'Tổ TKVVTB, mô hình sinh kế do phụ nữ làm chủ có hoạt động hiệu quả không?'],
    ['Dự án 8', 'Có truyền thông xóa bỏ định kiến, khuôn mẫu giới, phòng chống tảo hôn, hôn nhân cận huyết không?'],
    ['Dự án 8', 'Việc giám sát, đánh giá bình đẳng giới theo Sổ tay hướng dẫn có được thực hiện không?'],
  ],
};

const statements = [
  sql`CREATE TABLE checklist_template (
    checklist_template_id serial PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9_]{1,60}$'),
    name text NOT NULL,
    description text NOT NULL DEFAULT '',
    active boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE TABLE checklist_item (
    checklist_item_id serial PRIMARY KEY,
    checklist_template_id integer NOT NULL REFERENCES checklist_template (checklist_template_id),
    position smallint NOT NULL,
    group_name text NOT NULL DEFAULT '',
    text text NOT NULL,
    removed boolean NOT NULL DEFAULT false
  )`,
  sql`CREATE INDEX checklist_item_template_idx ON checklist_item (checklist_template_id, position)`,
  sql`INSERT INTO checklist_template (code, name, description) VALUES (${TEMPLATE.code}, ${TEMPLATE.name}, ${TEMPLATE.description})`,
  ...TEMPLATE.items.map(
    ([group, text], i) =>
      sql`INSERT INTO checklist_item (checklist_template_id, position, group_name, text)
          SELECT checklist_template_id, ${i + 1}, ${group}, ${text} FROM checklist_template WHERE code = ${TEMPLATE.code}`,
  ),

  sql`CREATE TABLE mission (
    mission_id serial PRIMARY KEY,
    title text NOT NULL,
    purpose text NOT NULL DEFAULT '',
    lead_agency_id integer NOT NULL REFERENCES agency (agency_id),
    plan_activity_id integer REFERENCES plan_activity (plan_activity_id),
    checklist_template_id integer REFERENCES checklist_template (checklist_template_id),
    start_date date NOT NULL,
    end_date date NOT NULL,
    report_number text NOT NULL DEFAULT '',
    report_place text NOT NULL DEFAULT 'Hà Nội',
    report_date date,
    conclusion text NOT NULL DEFAULT '',
    recipients text[] NOT NULL DEFAULT '{}',
    search_text text NOT NULL DEFAULT '',
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL DEFAULT 1,
    CHECK (end_date >= start_date)
  )`,
  sql`CREATE INDEX mission_lead_idx ON mission (lead_agency_id)`,
  sql`CREATE INDEX mission_activity_idx ON mission (plan_activity_id)`,
  sql`CREATE INDEX mission_template_idx ON mission (checklist_template_id)`,
  sql`CREATE INDEX mission_created_by_idx ON mission (created_by)`,
  sql`CREATE INDEX mission_start_idx ON mission (start_date)`,
  sql`CREATE TABLE mission_member (
    mission_member_id serial PRIMARY KEY,
    mission_id integer NOT NULL REFERENCES mission (mission_id) ON DELETE CASCADE,
    position smallint NOT NULL,
    name text NOT NULL,
    title text NOT NULL DEFAULT '',
    agency_id integer NOT NULL REFERENCES agency (agency_id),
    role text NOT NULL CHECK (role IN (${list(MEMBER_ROLES)}))
  )`,
  sql`CREATE INDEX mission_member_mission_idx ON mission_member (mission_id, position)`,
  sql`CREATE INDEX mission_member_agency_idx ON mission_member (agency_id)`,
  // province_code: the 2025-generation province the place lies in (scope), whatever its generation.
  sql`CREATE TABLE mission_place (
    mission_place_id serial PRIMARY KEY,
    mission_id integer NOT NULL REFERENCES mission (mission_id) ON DELETE CASCADE,
    position smallint NOT NULL,
    generation smallint NOT NULL,
    code text NOT NULL,
    province_code text NOT NULL,
    visit_date date,
    FOREIGN KEY (generation, code) REFERENCES admin_unit (generation, code),
    UNIQUE (mission_id, generation, code)
  )`,
  sql`CREATE INDEX mission_place_province_idx ON mission_place (province_code, mission_id)`,
  sql`CREATE INDEX mission_place_unit_idx ON mission_place (generation, code)`,
  sql`CREATE TABLE mission_answer (
    mission_place_id integer NOT NULL REFERENCES mission_place (mission_place_id) ON DELETE CASCADE,
    checklist_item_id integer NOT NULL REFERENCES checklist_item (checklist_item_id),
    answer text NOT NULL CHECK (answer IN (${list(ANSWERS)})),
    note text NOT NULL DEFAULT '',
    PRIMARY KEY (mission_place_id, checklist_item_id)
  )`,
  sql`CREATE INDEX mission_answer_item_idx ON mission_answer (checklist_item_id)`,
  sql`CREATE TABLE mission_finding (
    mission_finding_id serial PRIMARY KEY,
    mission_id integer NOT NULL REFERENCES mission (mission_id) ON DELETE CASCADE,
    mission_place_id integer REFERENCES mission_place (mission_place_id) ON DELETE SET NULL,
    text text NOT NULL,
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX mission_finding_mission_idx ON mission_finding (mission_id)`,
  sql`CREATE INDEX mission_finding_place_idx ON mission_finding (mission_place_id)`,
  sql`CREATE INDEX mission_finding_created_by_idx ON mission_finding (created_by)`,
  // Addressed to exactly one of an agency or a province; scope_province_code is the province whose
  // users see it (the province itself, or a provincial agency's province; null for a central agency).
  sql`CREATE TABLE recommendation (
    recommendation_id serial PRIMARY KEY,
    mission_id integer NOT NULL REFERENCES mission (mission_id),
    mission_finding_id integer REFERENCES mission_finding (mission_finding_id) ON DELETE SET NULL,
    text text NOT NULL,
    addressee_agency_id integer REFERENCES agency (agency_id),
    addressee_province_code text,
    scope_province_code text,
    due_date date NOT NULL,
    status text NOT NULL DEFAULT 'open' CHECK (status IN (${list(FOLLOW_UP)})),
    evidence text NOT NULL DEFAULT '',
    closed_on date,
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL DEFAULT 1,
    CHECK ((addressee_agency_id IS NULL) <> (addressee_province_code IS NULL)),
    CHECK ((status = 'done') = (closed_on IS NOT NULL))
  )`,
  sql`CREATE INDEX recommendation_mission_idx ON recommendation (mission_id)`,
  sql`CREATE INDEX recommendation_finding_idx ON recommendation (mission_finding_id)`,
  sql`CREATE INDEX recommendation_agency_idx ON recommendation (addressee_agency_id)`,
  sql`CREATE INDEX recommendation_scope_idx ON recommendation (scope_province_code, status, due_date)`,
  sql`CREATE INDEX recommendation_created_by_idx ON recommendation (created_by)`,
  sql`CREATE TABLE recommendation_update (
    recommendation_update_id serial PRIMARY KEY,
    recommendation_id integer NOT NULL REFERENCES recommendation (recommendation_id) ON DELETE CASCADE,
    status text NOT NULL CHECK (status IN (${list(FOLLOW_UP)})),
    evidence text NOT NULL DEFAULT '',
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX recommendation_update_rec_idx ON recommendation_update (recommendation_id)`,
  sql`CREATE INDEX recommendation_update_created_by_idx ON recommendation_update (created_by)`,
  sql`CREATE TABLE recommendation_file (
    recommendation_file_id serial PRIMARY KEY,
    recommendation_id integer NOT NULL REFERENCES recommendation (recommendation_id) ON DELETE CASCADE,
    file_name text NOT NULL,
    mime_type text NOT NULL,
    size_bytes integer NOT NULL CHECK (size_bytes >= 0),
    sha256 text NOT NULL,
    storage_key text NOT NULL UNIQUE,
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX recommendation_file_rec_idx ON recommendation_file (recommendation_id)`,
  sql`CREATE INDEX recommendation_file_created_by_idx ON recommendation_file (created_by)`,

  // agency_id: our agency that received the document; province_code its 2025 province (scope).
  // record_id: the implementation record (type policy_comment) created when the response is sent,
  // which is what the "policy documents commented" indicator counts.
  sql`CREATE TABLE policy_review (
    policy_review_id serial PRIMARY KEY,
    title text NOT NULL,
    kind text NOT NULL CHECK (kind IN (${list(DOCUMENT_KINDS)})),
    review_type text NOT NULL CHECK (review_type IN (${list(REVIEW_TYPES)})),
    requesting_agency text NOT NULL,
    request_number text NOT NULL DEFAULT '',
    received_on date NOT NULL,
    deadline date NOT NULL,
    plan_activity_id integer NOT NULL REFERENCES plan_activity (plan_activity_id),
    agency_id integer NOT NULL REFERENCES agency (agency_id),
    province_code text,
    assignee_user_id integer REFERENCES app_user (user_id),
    response_text text NOT NULL DEFAULT '',
    sent_on date,
    record_id integer REFERENCES implementation_record (record_id),
    file_name text,
    file_mime_type text,
    file_size_bytes integer,
    file_sha256 text,
    file_storage_key text UNIQUE,
    search_text text NOT NULL DEFAULT '',
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL DEFAULT 1,
    CHECK (deadline >= received_on),
    CHECK (sent_on IS NULL OR sent_on >= received_on)
  )`,
  sql`CREATE INDEX policy_review_activity_idx ON policy_review (plan_activity_id)`,
  sql`CREATE INDEX policy_review_agency_idx ON policy_review (agency_id)`,
  sql`CREATE INDEX policy_review_province_idx ON policy_review (province_code, deadline)`,
  sql`CREATE INDEX policy_review_assignee_idx ON policy_review (assignee_user_id)`,
  sql`CREATE INDEX policy_review_record_idx ON policy_review (record_id)`,
  sql`CREATE INDEX policy_review_created_by_idx ON policy_review (created_by)`,

  sql`CREATE TABLE budget_line (
    budget_line_id serial PRIMARY KEY,
    plan_activity_id integer NOT NULL REFERENCES plan_activity (plan_activity_id),
    province_code text,
    funding_source_code text NOT NULL REFERENCES funding_source (code),
    amount numeric(18, 0) NOT NULL CHECK (amount >= 0),
    updated_by integer REFERENCES app_user (user_id),
    updated_at timestamptz NOT NULL,
    UNIQUE NULLS NOT DISTINCT (plan_activity_id, province_code, funding_source_code)
  )`,
  sql`CREATE INDEX budget_line_province_idx ON budget_line (province_code)`,
  sql`CREATE INDEX budget_line_source_idx ON budget_line (funding_source_code)`,
  sql`CREATE INDEX budget_line_updated_by_idx ON budget_line (updated_by)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
