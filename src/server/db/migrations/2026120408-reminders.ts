// Reminders that send themselves (issue 17.4):
//  - per report type, what the scheduled job does: on or off, how many days before the deadline the
//    writers of agencies that have not submitted are reminded, whether they are reminded again the
//    day after it is missed, and whether the recipient agency is told then too;
//  - `report_reminder`: one row per (type, period, agency, user, kind) sent, so a reminder is made
//    once whatever the number of rounds or instances (the insert's ON CONFLICT decides);
//  - `mail_outbox`: each e-mail as a row written in the transaction of its notification, delivered
//    later by a sender that claims rows (FOR UPDATE SKIP LOCKED), retries with backoff a bounded
//    number of times and marks them sent.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`ALTER TABLE report_type
      ADD COLUMN reminder_enabled boolean NOT NULL DEFAULT true,
      ADD COLUMN reminder_days_before smallint NOT NULL DEFAULT 3 CHECK (reminder_days_before BETWEEN 0 AND 60),
      ADD COLUMN reminder_after_due boolean NOT NULL DEFAULT true,
      ADD COLUMN reminder_after_due_recipient boolean NOT NULL DEFAULT false`,
    sql`CREATE TABLE report_reminder (
      report_type_code text NOT NULL REFERENCES report_type (code),
      period_code text NOT NULL,
      agency_id integer NOT NULL REFERENCES agency (agency_id),
      user_id integer NOT NULL REFERENCES app_user (user_id),
      kind text NOT NULL CHECK (kind IN ('before_due', 'after_due', 'after_due_recipient')),
      due_date date NOT NULL,
      sent_at timestamptz NOT NULL,
      PRIMARY KEY (report_type_code, period_code, agency_id, user_id, kind)
    )`,
    sql`CREATE INDEX report_reminder_agency_idx ON report_reminder (agency_id)`,
    sql`CREATE INDEX report_reminder_user_idx ON report_reminder (user_id)`,
    sql`CREATE TABLE mail_outbox (
      mail_id serial PRIMARY KEY,
      to_address text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      claim_token text,
      last_error text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz
    )`,
    sql`CREATE INDEX mail_outbox_pending_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending'`,
  ])
    await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
