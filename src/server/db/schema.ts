// Row types of every table, as Kysely sees them. Keep in step with migrations/.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns travel as YYYY-MM-DD strings (see the type parsers in database.ts). */
type DateString = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;

export interface AdminUnitTable {
  generation: number;
  code: string;
  level: 'province' | 'district' | 'commune';
  name: string;
  full_name: string;
  name_en: string | null;
  unit_type: string;
  parent_code: string | null;
  province_code: string;
  search_text: string;
  valid_from: DateString | null;
  valid_to: DateString | null;
}

export interface AdminUnitChangeTable {
  admin_unit_change_id: Generated<number>;
  generation: number;
  code: string;
  effective_on: DateString;
  kind: string;
  old_full_name: string;
  new_full_name: string;
  /** Name and unit type after the change (added by 2026112802, so nullable; the loader fills them). */
  new_name: string | null;
  new_unit_type: string | null;
  source: string | null;
}

export interface AdminUnitLineageTable {
  level: 'province' | 'commune';
  old_code: string;
  new_code: string;
  kind: 'full' | 'partial' | 'district_without_communes';
  old_split_count: number;
  old_name: string;
  new_name: string;
}

export interface EthnicGroupTable {
  ethnic_group_id: number;
  code_1979: string;
  code_2008: string;
  code_2008_verified: boolean;
  name: string;
  name_1979: string;
  other_names: string[];
  language_group: string;
  is_minority: boolean;
  search_text: string;
}

export interface AgencyTable {
  agency_id: Generated<number>;
  code: string;
  kind: string;
  level: 'central' | 'provincial';
  parent_agency_id: number | null;
  generation: number | null;
  province_code: string | null;
  valid_from: DateString | null;
  valid_to: DateString | null;
  created_at: GeneratedTimestamp;
}

export interface AgencyNameTable {
  agency_name_id: Generated<number>;
  agency_id: number;
  valid_from: DateString | null;
  valid_to: DateString | null;
  name: string;
  short_name: string;
  abbreviation: string;
  governing_body: string | null;
  signing_body: string | null;
  aliases: string[];
  search_text: string;
}

export interface AppUserTable {
  user_id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  role: string;
  agency_id: number;
  national_scope: boolean;
  disabled_at: Timestamp | null;
  search_text: Generated<string>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface UserProvinceTable {
  user_id: number;
  province_code: string;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
}

export interface LoginAttemptTable {
  login_attempt_id: Generated<string>;
  username: string;
  ip: string;
  succeeded: boolean;
  attempted_at: Timestamp;
}

export interface AuditLogTable {
  audit_id: Generated<string>;
  occurred_at: GeneratedTimestamp;
  actor_user_id: number | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  agency_id: number | null;
  province_code: string | null;
  before: Json | null;
  after: Json | null;
  ip: string | null;
}

export interface ReferenceDataLoadTable {
  dataset: string;
  checksum: string;
  loaded_at: GeneratedTimestamp;
  row_count: number;
}

export interface PlanTable {
  plan_id: Generated<number>;
  kind: 'central' | 'provincial';
  year: number;
  province_code: string | null;
  parent_plan_id: number | null;
  previous_plan_id: number | null;
  status: string;
  version: Generated<number>;
  title: string;
  number: Generated<string>;
  issued_on: DateString | null;
  content: Json;
  search_text: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanIssuerTable {
  plan_id: number;
  agency_id: number;
  position: number;
  signed_at: Timestamp | null;
  signed_by: number | null;
}

export interface PlanVersionTable {
  plan_id: number;
  version: number;
  status: string;
  content: Json;
  issuer_ids: number[];
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface PlanCommentTable {
  plan_comment_id: Generated<number>;
  plan_id: number;
  version: number;
  kind: string;
  body: string;
  agency_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface PlanActivityTable {
  plan_activity_id: Generated<number>;
  plan_id: number;
  activity_key: string;
  section_key: string;
  section_number: string;
  section_title: string;
  position: number;
  title: string;
  timeframe_start: string | null;
  timeframe_end: string | null;
  lead_agency_id: number | null;
  level: string | null;
  central_activity_id: number | null;
  removed: Generated<boolean>;
}

// Implementation records (migration 2026112804-records).
/** numeric/bigint columns travel as strings (exact money). */
type Numeric = ColumnType<string, string, string>;

export interface FundingSourceTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort: number;
}

export interface ImplementationRecordTable {
  record_id: Generated<number>;
  plan_activity_id: number;
  type: string;
  title: string;
  start_date: DateString;
  end_date: DateString;
  place_generation: number | null;
  place_code: string | null;
  province_code: string | null;
  village: string | null;
  organiser_agency_id: number | null;
  description: Generated<string>;
  outputs: Json;
  participants_mode: 'breakdown' | 'totals_only';
  total_participants: number;
  female_participants: number | null;
  search_text: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  deleted_at: Timestamp | null;
  deleted_by: number | null;
}

export interface RecordPartnerTable {
  record_id: number;
  agency_id: number;
}

export interface RecordParticipantTable {
  record_id: number;
  sex: 'female' | 'male';
  ethnic_group_id: number;
  target_group: string;
  age_band: string;
  count: number;
}

export interface RecordCostTable {
  record_id: number;
  funding_source_code: string;
  amount: Numeric;
}

export interface RecordAttachmentTable {
  attachment_id: Generated<number>;
  record_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ActivityCompletionTable {
  plan_activity_id: number;
  completed_on: DateString;
  completed_by: number;
  note: string | null;
}

export interface IdempotencyKeyTable {
  user_id: number;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response: Json | null;
  created_at: Timestamp;
}

// Community-model registry (migration 2026112805-registry).
export interface ModelTypeTable {
  code: string;
  name: string;
  aliases: string[];
  sensitive: boolean;
  host_kind: string | null;
  livelihood: boolean;
  position: number;
  search_text: string;
}

export interface CommunityModelTable {
  community_model_id: Generated<number>;
  model_type: string;
  name: string;
  commune_generation: number;
  commune_code: string;
  /** Always the 2025 generation, whatever generation the commune is. */
  province_code: string;
  village: string | null;
  host: string | null;
  founded_on: DateString | null;
  status: 'active' | 'inactive' | 'merged' | 'dissolved';
  status_since: DateString;
  merged_into_id: number | null;
  leader_name: string | null;
  women_ownership: 'owned' | 'co_owned' | null;
  tech_ecommerce: Generated<boolean>;
  tech_traceability: Generated<boolean>;
  tech_quality_management: Generated<boolean>;
  tech_digital_payments: Generated<boolean>;
  source_record_id: number | null;
  search_text: Generated<string>;
  created_by: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ModelStatusHistoryTable {
  model_status_history_id: Generated<number>;
  community_model_id: number;
  status: 'active' | 'inactive' | 'merged' | 'dissolved';
  effective_on: DateString;
  merged_into_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ModelMemberTable {
  community_model_id: number;
  sex: 'female' | 'male';
  ethnic_group_id: number;
  count: number;
}

export interface ModelActivityTable {
  community_model_id: number;
  month: string;
  kind: 'meeting' | 'support_given' | 'case_referred';
  count: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ModelCaseCountTable {
  community_model_id: number;
  month: string;
  case_type: 'violence' | 'trafficking' | 'child_marriage' | 'other';
  count: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ModelCaseTable {
  model_case_id: Generated<number>;
  community_model_id: number;
  received_on: DateString;
  case_type: 'violence' | 'trafficking' | 'child_marriage' | 'other';
  person_initials: string | null;
  age: number | null;
  sex: 'female' | 'male' | null;
  ethnic_group_id: number | null;
  referral: string | null;
  notes: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserGrantTable {
  user_id: number;
  grant: 'case_data';
  granted_by: number | null;
  granted_at: Timestamp;
}

export interface ModelTargetTable {
  model_target_id: Generated<number>;
  model_type: string;
  province_code: string | null;
  year: number;
  target: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

// Indicators and live analytics (migration 2026112806-analytics).
export interface IndicatorTable {
  indicator_id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  section_number: string | null;
  plan_id: number | null;
  source: 'records' | 'registry' | 'aggregate';
  definition: Json;
  time_aggregation: 'sum' | 'last' | 'avg';
  disaggregations: string[];
  is_key: Generated<boolean>;
  position: number;
  search_text: Generated<string>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface IndicatorTargetTable {
  indicator_target_id: Generated<number>;
  indicator_id: number;
  year: number;
  /** Null: the national target. */
  province_code: string | null;
  target: Numeric;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface AggregateValueTable {
  aggregate_value_id: Generated<number>;
  indicator_id: number;
  unit_generation: number | null;
  unit_code: string | null;
  /** The unit's 2025 province (null: national), for scope. */
  province_code: string | null;
  /** DHIS2 period code: 2022, 2022S1, 2022Q1, 202201. */
  period: string;
  /** '' / 0: not disaggregated by that dimension. */
  sex: string;
  ethnic_group_id: number;
  target_group: string;
  age_band: string;
  value: Numeric;
  source: 'entry' | 'import';
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ExchangeCodeTable {
  kind: 'indicator' | 'orgunit' | 'category_option_combo' | 'category_option';
  our_value: string;
  their_code: string;
}

/** One derived value (see migration 2026112806): month is yyyymm, province_code the 2025 province. */
export interface DataValueTable {
  data_value_id: Generated<string>;
  indicator_id: number;
  province_code: string | null;
  province_2024: string | null;
  commune_code: string | null;
  commune_2024: string | null;
  source_unit_generation: number | null;
  source_unit_code: string | null;
  lineage_partial: boolean;
  month: number;
  sex: string | null;
  ethnic_group_id: number | null;
  target_group: string | null;
  age_band: string | null;
  agency_id: number | null;
  plan_id: number | null;
  source_kind: 'record' | 'model' | 'aggregate';
  source_id: number;
  value: Numeric;
}

/** Rollup rows: keys never NULL ('' / 0 = none); value, n and partial_n sum over stripes. */
interface RollupMeasures {
  stripe: number;
  value: number;
  n: number;
  partial_n: number;
}

export interface DvProvinceMonthTable extends RollupMeasures {
  indicator_id: number;
  province_code: string;
  province_2024: string;
  month: number;
}

export interface DvProvinceMonthSexEthnicTable extends DvProvinceMonthTable {
  sex: string;
  ethnic_group_id: number;
}

export interface DvCommuneMonthTable extends RollupMeasures {
  indicator_id: number;
  province_code: string;
  commune_code: string;
  lineage_partial: boolean;
  month: number;
}

// Monitoring missions, policy reviews, budgets (migration 2026112807-monitoring).
export interface ChecklistTemplateTable {
  checklist_template_id: Generated<number>;
  code: string;
  name: string;
  description: Generated<string>;
  active: Generated<boolean>;
  version: Generated<number>;
  updated_at: GeneratedTimestamp;
}

export interface ChecklistItemTable {
  checklist_item_id: Generated<number>;
  checklist_template_id: number;
  position: number;
  group_name: Generated<string>;
  text: string;
  removed: Generated<boolean>;
}

export interface MissionTable {
  mission_id: Generated<number>;
  title: string;
  purpose: Generated<string>;
  lead_agency_id: number;
  plan_activity_id: number | null;
  checklist_template_id: number | null;
  start_date: DateString;
  end_date: DateString;
  report_number: Generated<string>;
  report_place: Generated<string>;
  report_date: DateString | null;
  conclusion: Generated<string>;
  recipients: Generated<string[]>;
  search_text: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** The monitoring_mission implementation record kept while the report is issued. */
  record_id: Generated<number | null>;
}

export interface MissionMemberTable {
  mission_member_id: Generated<number>;
  mission_id: number;
  position: number;
  name: string;
  title: Generated<string>;
  agency_id: number;
  role: 'head' | 'deputy' | 'member' | 'secretary';
}

export interface MissionPlaceTable {
  mission_place_id: Generated<number>;
  mission_id: number;
  position: number;
  generation: number;
  code: string;
  province_code: string;
  visit_date: DateString | null;
}

export interface MissionAnswerTable {
  mission_place_id: number;
  checklist_item_id: number;
  answer: 'yes' | 'partly' | 'no' | 'na';
  note: Generated<string>;
}

export interface MissionFindingTable {
  mission_finding_id: Generated<number>;
  mission_id: number;
  mission_place_id: number | null;
  text: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface RecommendationTable {
  recommendation_id: Generated<number>;
  mission_id: number;
  mission_finding_id: number | null;
  text: string;
  addressee_agency_id: number | null;
  addressee_province_code: string | null;
  scope_province_code: string | null;
  due_date: DateString;
  status: Generated<'open' | 'in_progress' | 'done'>;
  evidence: Generated<string>;
  closed_on: DateString | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface RecommendationUpdateTable {
  recommendation_update_id: Generated<number>;
  recommendation_id: number;
  status: 'open' | 'in_progress' | 'done';
  evidence: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface RecommendationFileTable {
  recommendation_file_id: Generated<number>;
  recommendation_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface PolicyReviewTable {
  policy_review_id: Generated<number>;
  title: string;
  kind: 'law' | 'decree' | 'circular' | 'scheme' | 'project' | 'report';
  review_type: 'comment' | 'appraisal' | 'social_criticism';
  requesting_agency: string;
  request_number: Generated<string>;
  received_on: DateString;
  deadline: DateString;
  plan_activity_id: number;
  agency_id: number;
  province_code: string | null;
  assignee_user_id: number | null;
  response_text: Generated<string>;
  sent_on: DateString | null;
  record_id: number | null;
  file_name: string | null;
  file_mime_type: string | null;
  file_size_bytes: number | null;
  file_sha256: string | null;
  file_storage_key: string | null;
  search_text: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface BudgetLineTable {
  budget_line_id: Generated<number>;
  plan_activity_id: number;
  /** Null: the central level. */
  province_code: string | null;
  funding_source_code: string;
  amount: Numeric;
  updated_by: number | null;
  updated_at: Timestamp;
}

// Periodic reports and notifications (migration 2026112810-reports).
export interface ReportTypeTable {
  code: string;
  name: string;
  period_kind: 'quarter' | 'half' | 'year' | 'custom';
  /** Days after the period's end (negative: before it); null for custom periods. */
  due_offset_days: number | null;
  active: Generated<boolean>;
  position: number;
}

export interface ReportReporterRuleTable {
  report_type_code: string;
  reporter_level: 'central' | 'provincial';
  reporter_kind: string;
  recipient: 'parent' | 'same_agency';
}

export interface ReportPeriodTable {
  report_period_id: Generated<number>;
  report_type_code: string;
  title: string;
  start_date: DateString;
  end_date: DateString;
  due_date: DateString;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ReportTable {
  report_id: Generated<number>;
  report_type_code: string;
  period_code: string;
  report_period_id: number | null;
  period_start: DateString;
  period_end: DateString;
  due_date: DateString;
  agency_id: number;
  /** The 2025 province reported on; null: a national report. */
  province_code: string | null;
  recipient_agency_id: number;
  status: Generated<'draft' | 'submitted' | 'approved' | 'returned'>;
  results: Generated<string>;
  difficulties: Generated<string>;
  lessons: Generated<string>;
  proposals: Generated<string>;
  figures: Json;
  figures_at: Timestamp;
  submitted_at: Timestamp | null;
  submitted_by: number | null;
  decided_at: Timestamp | null;
  decided_by: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ReportEventTable {
  report_event_id: Generated<number>;
  report_id: number;
  action: 'create' | 'refresh' | 'submit' | 'return' | 'approve' | 'reopen';
  comment: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ReportSourceTable {
  report_id: number;
  source_report_id: number;
}

export interface NotificationTable {
  notification_id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  report_id: number | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface DB {
  plan: PlanTable;
  plan_issuer: PlanIssuerTable;
  plan_version: PlanVersionTable;
  plan_comment: PlanCommentTable;
  plan_activity: PlanActivityTable;
  admin_unit: AdminUnitTable;
  admin_unit_change: AdminUnitChangeTable;
  admin_unit_lineage: AdminUnitLineageTable;
  ethnic_group: EthnicGroupTable;
  agency: AgencyTable;
  agency_name: AgencyNameTable;
  app_user: AppUserTable;
  user_province: UserProvinceTable;
  user_session: UserSessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  reference_data_load: ReferenceDataLoadTable;
  funding_source: FundingSourceTable;
  implementation_record: ImplementationRecordTable;
  record_partner: RecordPartnerTable;
  record_participant: RecordParticipantTable;
  record_cost: RecordCostTable;
  record_attachment: RecordAttachmentTable;
  activity_completion: ActivityCompletionTable;
  idempotency_key: IdempotencyKeyTable;
  model_type: ModelTypeTable;
  community_model: CommunityModelTable;
  model_status_history: ModelStatusHistoryTable;
  model_member: ModelMemberTable;
  model_activity: ModelActivityTable;
  model_case_count: ModelCaseCountTable;
  model_case: ModelCaseTable;
  user_grant: UserGrantTable;
  model_target: ModelTargetTable;
  indicator: IndicatorTable;
  indicator_target: IndicatorTargetTable;
  aggregate_value: AggregateValueTable;
  exchange_code: ExchangeCodeTable;
  data_value: DataValueTable;
  dv_province_month: DvProvinceMonthTable;
  dv_province_month_sex_ethnic: DvProvinceMonthSexEthnicTable;
  dv_commune_month: DvCommuneMonthTable;
  checklist_template: ChecklistTemplateTable;
  checklist_item: ChecklistItemTable;
  mission: MissionTable;
  mission_member: MissionMemberTable;
  mission_place: MissionPlaceTable;
  mission_answer: MissionAnswerTable;
  mission_finding: MissionFindingTable;
  recommendation: RecommendationTable;
  recommendation_update: RecommendationUpdateTable;
  recommendation_file: RecommendationFileTable;
  policy_review: PolicyReviewTable;
  budget_line: BudgetLineTable;
  report_type: ReportTypeTable;
  report_reporter_rule: ReportReporterRuleTable;
  report_period: ReportPeriodTable;
  report: ReportTable;
  report_event: ReportEventTable;
  report_source: ReportSourceTable;
  notification: NotificationTable;
}
