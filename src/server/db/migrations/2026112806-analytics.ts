// Indicators and live analytics: the results framework (indicator, seeded for every content area of
// the 2022 seed plan), targets, aggregate values entered directly, the exchange code list, and one
// fact table `data_value` with rollups kept current by statement triggers in the same transaction
// as every write (no analytics job). Rollup keys never hold NULL ('' and 0 stand for "none"), so
// plain unique keys work on both engines; `stripe` spreads concurrent writers over a few rows per
// key (pg_backend_pid() % 4) so hot cells do not serialise every save. Readers sum over stripes and
// skip keys whose row count nets to zero. The fact table keeps exact numerics; rollups sum in
// double precision (exact for counts, and several times faster to aggregate than numeric).
import { sql, type Kysely } from 'kysely';
import { foldVietnamese } from '../../../shared/text';

interface RollupDef {
  table: string;
  /** Key columns: [column, type, expression over data_value]. */
  keys: [string, string, string][];
  primaryKey: string[];
  indexes: string[][];
}

const INDICATOR = ['indicator_id', 'integer', 'indicator_id'] as [string, string, string];
// Codes compare and sort byte-wise (COLLATE "C"): much faster than the locale, and right for digits.
const CODE = 'text COLLATE "C"';
const PROVINCE = ['province_code', CODE, "coalesce(province_code, '')"] as [string, string, string];
const PROVINCE_2024 = ['province_2024', CODE, "coalesce(province_2024, '')"] as [string, string, string];
const MONTH = ['month', 'integer', 'month'] as [string, string, string];

const ROLLUPS: RollupDef[] = [
  {
    table: 'dv_province_month',
    keys: [INDICATOR, PROVINCE, PROVINCE_2024, MONTH],
    primaryKey: ['indicator_id', 'province_code', 'province_2024', 'month', 'stripe'],
    indexes: [],
  },
  {
    table: 'dv_province_month_sex_ethnic',
    keys: [
      INDICATOR,
      PROVINCE,
      PROVINCE_2024,
      MONTH,
      ['sex', CODE, "coalesce(sex, '')"],
      ['ethnic_group_id', 'smallint', 'coalesce(ethnic_group_id, 0)'],
    ],
    primaryKey: ['province_code', 'indicator_id', 'month', 'province_2024', 'sex', 'ethnic_group_id', 'stripe'],
    indexes: [['indicator_id', 'month']],
  },
  {
    table: 'dv_commune_month',
    keys: [
      INDICATOR,
      PROVINCE,
      ['commune_code', CODE, "coalesce(commune_code, '')"],
      ['lineage_partial', 'boolean', 'lineage_partial'],
      MONTH,
    ],
    primaryKey: ['indicator_id', 'province_code', 'commune_code', 'lineage_partial', 'month', 'stripe'],
    indexes: [],
  },
];

function rollupTable(def: RollupDef) {
  const columns = def.keys.map(([name, type]) => `${name} ${type} NOT NULL`).join(',\n    ');
  return sql.raw(`CREATE TABLE ${def.table} (
    ${columns},
    stripe smallint NOT NULL,
    value double precision NOT NULL,
    n integer NOT NULL,
    partial_n integer NOT NULL,
    PRIMARY KEY (${def.primaryKey.join(', ')})
  )`);
}

/** Adds the transition rows (sign +1 for new, -1 for old) to one rollup, grouped by its keys. */
function rollupUpsert(def: RollupDef, sources: { table: string; sign: 1 | -1 }[]): string {
  const keyNames = def.keys.map(([name]) => name);
  const rows = sources
    .map(
      ({ table, sign }) =>
        `SELECT ${def.keys.map(([name, , expr]) => `${expr} AS ${name}`).join(', ')},
           ${sign} * value AS value, ${sign} AS n, CASE WHEN lineage_partial THEN ${sign} ELSE 0 END AS partial_n
         FROM ${table}`,
    )
    .join('\n UNION ALL ');
  const updates = ['value', 'n', 'partial_n'].map((c) => `${c} = r.${c} + excluded.${c}`).join(', ');
  return `INSERT INTO ${def.table} AS r (${keyNames.join(', ')}, stripe, value, n, partial_n)
    SELECT ${keyNames.join(', ')}, (pg_backend_pid() % 4)::smallint, sum(value), sum(n), sum(partial_n)
    FROM (${rows}) AS changes
    GROUP BY ${keyNames.join(', ')}
    ORDER BY ${keyNames.join(', ')}
    ON CONFLICT (${def.primaryKey.join(', ')}) DO UPDATE SET ${updates};`;
}

function triggerFunction() {
  const forOp = (sources: { table: string; sign: 1 | -1 }[]) => ROLLUPS.map((d) => rollupUpsert(d, sources)).join('\n');
  return sql.raw(`CREATE FUNCTION data_value_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${forOp([{ table: 'new_rows', sign: 1 }])}
      ELSIF TG_OP = 'DELETE' THEN
        ${forOp([{ table: 'old_rows', sign: -1 }])}
      ELSE
        ${forOp([
          { table: 'new_rows', sign: 1 },
          { table: 'old_rows', sign: -1 },
        ])}
      END IF;
      RETURN NULL;
    END;
  $$`);
}

// ——— Seed indicators: every content area of Kế hoạch 16/KH-HLHPNVN-UBĐT (2022) ———

interface SeedIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  section: string;
  source: 'records' | 'registry' | 'aggregate';
  definition: Record<string, unknown>;
  time: 'sum' | 'last' | 'avg';
  disaggregations: string[];
  key?: boolean;
}

const PEOPLE = ['sex', 'ethnic_group', 'target_group', 'age_band'];
const LIVELIHOOD = ['to_nhom_sinh_ke', 'to_hop_tac', 'hop_tac_xa'];
const count = (recordTypes: string[], extra: Record<string, unknown> = {}) => ({
  recordTypes,
  measure: 'count_records',
  ...extra,
});
const active = (modelTypes: string[], extra: Record<string, unknown> = {}) => ({
  modelTypes,
  measure: 'count_active_at_period_end',
  ...extra,
});

const INDICATORS: SeedIndicator[] = [
  {
    code: 'TT01',
    nameVi: 'Số lượt người được tiếp cận qua các sự kiện truyền thông',
    nameEn: 'People reached by communication events',
    unit: 'lượt người',
    section: '1',
    source: 'records',
    definition: { recordTypes: ['communication_event'], measure: 'sum_participants' },
    time: 'sum',
    disaggregations: PEOPLE,
    key: true,
  },
  {
    code: 'TT02',
    nameVi: 'Số Tổ truyền thông cộng đồng đang hoạt động',
    nameEn: 'Community communication teams active',
    unit: 'tổ',
    section: '1',
    source: 'registry',
    definition: active(['to_truyen_thong']),
    time: 'last',
    disaggregations: [],
    key: true,
  },
  {
    code: 'TT03',
    nameVi: 'Số Địa chỉ an toàn / Địa chỉ tin cậy đang hoạt động',
    nameEn: 'Safe / trusted addresses active',
    unit: 'địa chỉ',
    section: '1',
    source: 'registry',
    definition: active(['dia_chi_tin_cay']),
    time: 'last',
    disaggregations: [],
  },
  {
    code: 'TT04',
    nameVi: 'Số CLB “Thủ lĩnh của sự thay đổi” đang hoạt động',
    nameEn: '“Leaders of change” clubs active',
    unit: 'câu lạc bộ',
    section: '1',
    source: 'registry',
    definition: active(['clb_thu_linh']),
    time: 'last',
    disaggregations: [],
  },
  {
    code: 'TT05',
    nameVi: 'Số chương trình truyền hình, phát thanh bằng tiếng phổ thông',
    nameEn: 'TV/radio programmes in the common language',
    unit: 'chương trình',
    section: '1',
    source: 'records',
    definition: count(['broadcast'], { language: 'pho_thong' }),
    time: 'sum',
    disaggregations: [],
    key: true,
  },
  {
    code: 'TT06',
    nameVi: 'Số chương trình truyền hình, phát thanh bằng tiếng dân tộc',
    nameEn: 'TV/radio programmes in ethnic languages',
    unit: 'chương trình',
    section: '1',
    source: 'records',
    definition: count(['broadcast'], { language: 'dan_toc' }),
    time: 'sum',
    disaggregations: [],
  },
  {
    code: 'TT07',
    nameVi: 'Số tài liệu, sản phẩm truyền thông được xây dựng',
    nameEn: 'Communication materials produced',
    unit: 'sản phẩm',
    section: '1',
    source: 'records',
    definition: count(['material']),
    time: 'sum',
    disaggregations: [],
  },
  {
    code: 'SK01',
    nameVi: 'Số Tổ tiết kiệm vốn vay thôn bản (TKVVTB) đang hoạt động',
    nameEn: 'Village savings and loan groups active',
    unit: 'tổ',
    section: '2',
    source: 'registry',
    definition: active(['tkvvtb']),
    time: 'last',
    disaggregations: [],
    key: true,
  },
  {
    code: 'SK02',
    nameVi: 'Số Tổ TKVVTB tích hợp sinh kế đang hoạt động',
    nameEn: 'Savings groups with livelihoods active',
    unit: 'tổ',
    section: '2',
    source: 'registry',
    definition: active(['tkvvtb_sinh_ke']),
    time: 'last',
    disaggregations: [],
  },
  {
    code: 'SK03',
    nameVi: 'Số thành viên các Tổ TKVVTB và TKVVTB & sinh kế',
    nameEn: 'Members of savings groups',
    unit: 'người',
    section: '2',
    source: 'registry',
    definition: { modelTypes: ['tkvvtb', 'tkvvtb_sinh_ke'], measure: 'sum_members' },
    time: 'last',
    disaggregations: ['sex', 'ethnic_group'],
  },
  {
    code: 'SK04',
    nameVi: 'Số mô hình sinh kế do phụ nữ làm chủ hoặc đồng làm chủ',
    nameEn: 'Women-led livelihood models',
    unit: 'mô hình',
    section: '2',
    source: 'registry',
    definition: active(LIVELIHOOD, { womenOwned: true }),
    time: 'last',
    disaggregations: [],
    key: true,
  },
  {
    code: 'SK05',
    nameVi: 'Số mô hình sinh kế do phụ nữ làm chủ ứng dụng công nghệ 4.0',
    nameEn: 'Women-led livelihood models applying technology 4.0',
    unit: 'mô hình',
    section: '2',
    source: 'registry',
    definition: active(LIVELIHOOD, { womenOwned: true, tech40: true }),
    time: 'last',
    disaggregations: [],
  },
  {
    code: 'NL01',
    nameVi: 'Số lớp tập huấn, bồi dưỡng được tổ chức',
    nameEn: 'Training courses held',
    unit: 'lớp',
    section: '3',
    source: 'records',
    definition: count(['training']),
    time: 'sum',
    disaggregations: [],
    key: true,
  },
  {
    code: 'NL02',
    nameVi: 'Số lượt cán bộ được tập huấn, bồi dưỡng',
    nameEn: 'Cadres trained',
    unit: 'lượt người',
    section: '3',
    source: 'records',
    definition: {
      recordTypes: ['training'],
      measure: 'sum_participants',
      targetGroups: ['union_cadre', 'ethnic_affairs_cadre', 'other_cadre'],
    },
    time: 'sum',
    disaggregations: PEOPLE,
    key: true,
  },
  {
    code: 'NL03',
    nameVi: 'Số giảng viên nguồn được đào tạo',
    nameEn: 'Trainers of trainers trained',
    unit: 'người',
    section: '3',
    source: 'aggregate',
    definition: { periodType: 'quarterly' },
    time: 'sum',
    disaggregations: ['sex', 'ethnic_group'],
  },
  {
    code: 'GS01',
    nameVi: 'Số đoàn kiểm tra, giám sát liên ngành',
    nameEn: 'Joint monitoring missions',
    unit: 'đoàn',
    section: '4',
    source: 'records',
    definition: count(['monitoring_mission']),
    time: 'sum',
    disaggregations: [],
    key: true,
  },
  {
    code: 'GS02',
    nameVi: 'Số văn bản chính sách được góp ý, thẩm định, phản biện',
    nameEn: 'Policy documents commented, appraised or critiqued',
    unit: 'văn bản',
    section: '4',
    source: 'records',
    definition: count(['policy_comment']),
    time: 'sum',
    disaggregations: [],
  },
  {
    code: 'SKT01',
    nameVi: 'Số hội nghị sơ kết, đánh giá kết quả phối hợp được tổ chức',
    nameEn: 'Year-end review conferences held',
    unit: 'hội nghị',
    section: '5',
    source: 'records',
    definition: count(['conference']),
    time: 'sum',
    disaggregations: [],
    key: true,
  },
];

const statements = [
  sql`CREATE TABLE indicator (
    indicator_id serial PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_.-]{1,40}$'),
    name_vi text NOT NULL,
    name_en text NOT NULL,
    unit text NOT NULL,
    section_number text,
    plan_id integer REFERENCES plan (plan_id),
    source text NOT NULL CHECK (source IN ('records', 'registry', 'aggregate')),
    definition jsonb NOT NULL,
    time_aggregation text NOT NULL CHECK (time_aggregation IN ('sum', 'last', 'avg')),
    disaggregations text[] NOT NULL DEFAULT '{}'
      CHECK (disaggregations <@ ARRAY['sex', 'ethnic_group', 'target_group', 'age_band']),
    is_key boolean NOT NULL DEFAULT false,
    position smallint NOT NULL,
    search_text text NOT NULL DEFAULT '',
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE INDEX indicator_plan_idx ON indicator (plan_id)`,
  // province_code null = the national target.
  sql`CREATE TABLE indicator_target (
    indicator_target_id serial PRIMARY KEY,
    indicator_id integer NOT NULL REFERENCES indicator (indicator_id),
    year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    province_code text,
    target numeric NOT NULL CHECK (target >= 0),
    updated_by integer REFERENCES app_user (user_id),
    updated_at timestamptz NOT NULL,
    UNIQUE NULLS NOT DISTINCT (indicator_id, year, province_code)
  )`,
  sql`CREATE INDEX indicator_target_year_idx ON indicator_target (year, province_code)`,
  sql`CREATE INDEX indicator_target_updated_by_idx ON indicator_target (updated_by)`,
  // Values entered directly for aggregate indicators, per unit (null = national; province_code is its
  // 2025 province, for scope), DHIS2 period and disaggregation ('' / 0 = not disaggregated by it).
  sql`CREATE TABLE aggregate_value (
    aggregate_value_id serial PRIMARY KEY,
    indicator_id integer NOT NULL REFERENCES indicator (indicator_id),
    unit_generation smallint,
    unit_code text,
    province_code text,
    period text NOT NULL,
    sex text NOT NULL DEFAULT '' CHECK (sex IN ('', 'female', 'male')),
    ethnic_group_id smallint NOT NULL DEFAULT 0,
    target_group text NOT NULL DEFAULT '',
    age_band text NOT NULL DEFAULT '',
    value numeric NOT NULL,
    source text NOT NULL CHECK (source IN ('entry', 'import')),
    updated_by integer REFERENCES app_user (user_id),
    updated_at timestamptz NOT NULL,
    CHECK ((unit_code IS NULL) = (unit_generation IS NULL)),
    FOREIGN KEY (unit_generation, unit_code) REFERENCES admin_unit (generation, code),
    UNIQUE NULLS NOT DISTINCT (indicator_id, unit_generation, unit_code, period, sex, ethnic_group_id, target_group, age_band)
  )`,
  sql`CREATE INDEX aggregate_value_unit_idx ON aggregate_value (unit_generation, unit_code)`,
  sql`CREATE INDEX aggregate_value_province_idx ON aggregate_value (province_code)`,
  sql`CREATE INDEX aggregate_value_updated_by_idx ON aggregate_value (updated_by)`,
  // The configurable code list for data exchange (DHIS2 dataValueSets, ADX). No row: the code is ours.
  sql`CREATE TABLE exchange_code (
    kind text NOT NULL CHECK (kind IN ('indicator', 'orgunit', 'category_option_combo', 'category_option')),
    our_value text NOT NULL,
    their_code text NOT NULL,
    PRIMARY KEY (kind, our_value),
    UNIQUE (kind, their_code)
  )`,
  // The fact table: derived from records, models and aggregate values by the sync functions (never
  // edited by hand), so it has no foreign keys. province_code is the 2025 province (null: a central
  // record without a place); province_2024 / commune_2024 the unit in the old geography when the
  // lineage determines it; lineage_partial: the original old commune was split, so no 2025 commune.
  sql`CREATE TABLE data_value (
    data_value_id bigserial PRIMARY KEY,
    indicator_id integer NOT NULL,
    province_code text COLLATE "C",
    province_2024 text COLLATE "C",
    commune_code text COLLATE "C",
    commune_2024 text COLLATE "C",
    source_unit_generation smallint,
    source_unit_code text,
    lineage_partial boolean NOT NULL DEFAULT false,
    month integer NOT NULL CHECK (month BETWEEN 200001 AND 210012 AND month % 100 BETWEEN 1 AND 12),
    sex text COLLATE "C",
    ethnic_group_id smallint,
    target_group text COLLATE "C",
    age_band text COLLATE "C",
    agency_id integer,
    plan_id integer,
    source_kind text NOT NULL CHECK (source_kind IN ('record', 'model', 'aggregate')),
    source_id integer NOT NULL,
    value numeric NOT NULL
  )`,
  sql`CREATE INDEX data_value_source_idx ON data_value (source_kind, source_id)`,
  sql`CREATE INDEX data_value_indicator_month_idx ON data_value (indicator_id, month)`,
  ...ROLLUPS.map(rollupTable),
  ...ROLLUPS.flatMap((def) =>
    def.indexes.map((cols) =>
      sql.raw(`CREATE INDEX ${def.table}_${cols.join('_')}_idx ON ${def.table} (${cols.join(', ')})`),
    ),
  ),
  triggerFunction(),
  sql`CREATE TRIGGER data_value_rollup_insert AFTER INSERT ON data_value
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_rollup()`,
  sql`CREATE TRIGGER data_value_rollup_update AFTER UPDATE ON data_value
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_rollup()`,
  sql`CREATE TRIGGER data_value_rollup_delete AFTER DELETE ON data_value
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_rollup()`,
];

const searchText = (i: SeedIndicator) => foldVietnamese([i.code, i.nameVi, i.nameEn].join(' | '));

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
  for (const [position, i] of INDICATORS.entries()) {
    await sql`INSERT INTO indicator (code, name_vi, name_en, unit, section_number, source, definition,
        time_aggregation, disaggregations, is_key, position, search_text)
      VALUES (${i.code}, ${i.nameVi}, ${i.nameEn}, ${i.unit}, ${i.section}, ${i.source},
        ${JSON.stringify(i.definition)}::jsonb, ${i.time}, ${i.disaggregations}, ${i.key ?? false},
        ${position + 1}, ${searchText(i)})`.execute(db);
    await sql`INSERT INTO exchange_code (kind, our_value, their_code) VALUES ('indicator', ${i.code}, ${i.code})`.execute(
      db,
    );
  }
  const defaults: [string, string, string][] = [
    ['orgunit', 'VN', 'VN'],
    ['category_option_combo', 'default', 'default'],
    ['category_option_combo', 'sex=female', 'sex=female'],
    ['category_option_combo', 'sex=male', 'sex=male'],
    ['category_option', 'sex=female', 'female'],
    ['category_option', 'sex=male', 'male'],
  ];
  for (const [kind, ours, theirs] of defaults) {
    await sql`INSERT INTO exchange_code (kind, our_value, their_code) VALUES (${kind}, ${ours}, ${theirs})`.execute(db);
  }
  // data_value is derived from records, models and entered values. This migration shipped together
  // with 04 (records) and 05 (registry), so it always runs before any of them can hold a row and the
  // fact table starts empty. It once called the live derivation code to fill it; a migration must
  // give the same result forever, so it now states that assumption instead of running today's code.
  const { rows } = await sql<{ n: number }>`SELECT
      (SELECT count(*) FROM implementation_record)::int + (SELECT count(*) FROM community_model)::int AS n`.execute(db);
  if (rows[0]!.n > 0) throw new Error('records or models exist before the analytics tables: derive data_value first');
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
