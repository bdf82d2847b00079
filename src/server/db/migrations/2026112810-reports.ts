// Periodic reports (Thông tư 06/2022/TT-UBDT periods; the seed's annual report and December review):
//  - report types as configuration: the period each covers and its deadline rule (days after the
//    period ends; negative: before it ends, as the annual report due before the December review);
//    thematic and ad hoc reports have no fixed calendar: their periods are created one by one;
//  - who reports which type and to whom, as rules over agencies (level × kind → the parent agency,
//    or the same agency's leadership for the central agencies' national reports);
//  - the reports: reporter agency, its 2025 province (null: national), status, narrative, the
//    pre-filled figures snapshotted as JSON, their trail of events, and the provincial reports a
//    national report aggregates. Approval locks the period's data for the report's scope: that is
//    read from this table (approved reports), never stored elsewhere;
//  - in-app notifications (reminders to the late reporters).
import { sql, type Kysely } from 'kysely';

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const PERIOD_KINDS = ['quarter', 'half', 'year', 'custom'];
const STATUSES = ['draft', 'submitted', 'approved', 'returned'];
const EVENTS = ['create', 'refresh', 'submit', 'return', 'approve', 'reopen'];

/** Defaults: code, name, period kind, deadline in days after the period's end, position. */
const TYPES: [string, string, string, number | null, number][] = [
  ['quarterly', 'Báo cáo quý', 'quarter', 10, 1],
  ['six_month', 'Báo cáo 6 tháng', 'half', 15, 2],
  // Due 15/12, before the two agencies' year-end review in December (seed plan, part II.5).
  ['annual', 'Báo cáo năm', 'year', -16, 3],
  ['thematic', 'Báo cáo chuyên đề', 'custom', null, 4],
  ['ad_hoc', 'Báo cáo đột xuất', 'custom', null, 5],
];

/** Every type: each provincial Hội LHPN and ethnic-affairs office to its central agency; each central agency to its own leadership. */
const RULES: [string, string, string][] = [
  ['provincial', 'women_union', 'parent'],
  ['provincial', 'ethnic_affairs', 'parent'],
  ['central', 'women_union', 'same_agency'],
  ['central', 'ethnic_affairs', 'same_agency'],
];

const statements = [
  sql`CREATE TABLE report_type (
    code text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{1,40}$'),
    name text NOT NULL,
    period_kind text NOT NULL CHECK (period_kind IN (${list(PERIOD_KINDS)})),
    due_offset_days integer CHECK (due_offset_days BETWEEN -366 AND 366),
    active boolean NOT NULL DEFAULT true,
    position smallint NOT NULL,
    CHECK ((period_kind = 'custom') = (due_offset_days IS NULL))
  )`,
  ...TYPES.map(
    ([code, name, kind, due, position]) =>
      sql`INSERT INTO report_type (code, name, period_kind, due_offset_days, position) VALUES (${code}, ${name}, ${kind}, ${due}, ${position})`,
  ),
  sql`CREATE TABLE report_reporter_rule (
    report_type_code text NOT NULL REFERENCES report_type (code),
    reporter_level text NOT NULL CHECK (reporter_level IN ('central', 'provincial')),
    reporter_kind text NOT NULL,
    recipient text NOT NULL CHECK (recipient IN ('parent', 'same_agency')),
    PRIMARY KEY (report_type_code, reporter_level, reporter_kind)
  )`,
  ...TYPES.flatMap(([code]) =>
    RULES.map(
      ([level, kind, recipient]) =>
        sql`INSERT INTO report_reporter_rule VALUES (${code}, ${level}, ${kind}, ${recipient})`,
    ),
  ),
  // Periods of thematic and ad hoc reports (regular periods are computed from the type).
  sql`CREATE TABLE report_period (
    report_period_id serial PRIMARY KEY,
    report_type_code text NOT NULL REFERENCES report_type (code),
    title text NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL,
    due_date date NOT NULL,
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL,
    CHECK (end_date >= start_date)
  )`,
  sql`CREATE INDEX report_period_type_idx ON report_period (report_type_code, start_date)`,
  sql`CREATE INDEX report_period_created_by_idx ON report_period (created_by)`,
  sql`CREATE TABLE report (
    report_id serial PRIMARY KEY,
    report_type_code text NOT NULL REFERENCES report_type (code),
    period_code text NOT NULL,
    report_period_id integer REFERENCES report_period (report_period_id),
    period_start date NOT NULL,
    period_end date NOT NULL,
    due_date date NOT NULL,
    agency_id integer NOT NULL REFERENCES agency (agency_id),
    province_code text,
    recipient_agency_id integer NOT NULL REFERENCES agency (agency_id),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN (${list(STATUSES)})),
    results text NOT NULL DEFAULT '',
    difficulties text NOT NULL DEFAULT '',
    lessons text NOT NULL DEFAULT '',
    proposals text NOT NULL DEFAULT '',
    figures jsonb NOT NULL,
    figures_at timestamptz NOT NULL,
    submitted_at timestamptz,
    submitted_by integer REFERENCES app_user (user_id),
    decided_at timestamptz,
    decided_by integer REFERENCES app_user (user_id),
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL DEFAULT 1,
    UNIQUE (report_type_code, period_code, agency_id),
    CHECK (period_end >= period_start)
  )`,
  sql`CREATE INDEX report_agency_idx ON report (agency_id)`,
  sql`CREATE INDEX report_recipient_idx ON report (recipient_agency_id, status)`,
  sql`CREATE INDEX report_period_idx ON report (report_period_id)`,
  sql`CREATE INDEX report_province_idx ON report (province_code, period_start)`,
  sql`CREATE INDEX report_submitted_by_idx ON report (submitted_by)`,
  sql`CREATE INDEX report_decided_by_idx ON report (decided_by)`,
  sql`CREATE INDEX report_created_by_idx ON report (created_by)`,
  // What the record and indicator-value writes ask: is there an approved report over this day here?
  sql`CREATE INDEX report_lock_idx ON report (province_code, period_start, period_end) WHERE status = 'approved'`,
  sql`CREATE TABLE report_event (
    report_event_id serial PRIMARY KEY,
    report_id integer NOT NULL REFERENCES report (report_id),
    action text NOT NULL CHECK (action IN (${list(EVENTS)})),
    comment text NOT NULL DEFAULT '',
    created_by integer REFERENCES app_user (user_id),
    created_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX report_event_report_idx ON report_event (report_id, report_event_id)`,
  sql`CREATE INDEX report_event_created_by_idx ON report_event (created_by)`,
  // The approved provincial reports a national report aggregates (kept as links).
  sql`CREATE TABLE report_source (
    report_id integer NOT NULL REFERENCES report (report_id),
    source_report_id integer NOT NULL REFERENCES report (report_id),
    PRIMARY KEY (report_id, source_report_id)
  )`,
  sql`CREATE INDEX report_source_source_idx ON report_source (source_report_id)`,
  sql`CREATE TABLE notification (
    notification_id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES app_user (user_id),
    kind text NOT NULL,
    title text NOT NULL,
    body text NOT NULL DEFAULT '',
    link text,
    report_id integer REFERENCES report (report_id),
    created_at timestamptz NOT NULL,
    read_at timestamptz
  )`,
  sql`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`,
  sql`CREATE INDEX notification_report_idx ON notification (report_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notification',
    'report_source',
    'report_event',
    'report',
    'report_period',
    'report_reporter_rule',
    'report_type',
  ])
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
}
