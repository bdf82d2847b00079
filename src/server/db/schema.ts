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
}
