// Reminders that send themselves (issue 17.4). A round, once across every instance on the database
// (housekeeping's `runScheduledJob`: advisory lock + scheduled_job_run), looks at each active report
// type whose reminders are on and each of its periods whose deadline is near or just past, today in
// Vietnam by the deps' clock:
//  - from `reminder_days_before` days before the deadline up to the deadline day: the writers of the
//    agencies that have not submitted (not started, draft, returned) get a 'before_due' reminder;
//  - from the day after the deadline (up to AFTER_DUE_DAYS days on, should the job not have run):
//    with `reminder_after_due`, the writers of the late agencies get an 'after_due' reminder and,
//    with `reminder_after_due_recipient`, the approvers of the recipient agency one listing them.
// Each reminder is a row of report_reminder keyed by (type, period, agency, user, kind), inserted
// ON CONFLICT DO NOTHING: only the rows new in this round are notified (`notify`) and mailed (the
// outbox, `enqueueMail`), in the round's transaction — never twice. The outbox is then delivered
// by `deliverMail` on every instance (each row claimed by one).
import type { Clock } from '../../access/actor';
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/database';
import { ADVISORY_LOCKS } from '../../db/advisory-locks';
import { addDays, dueDate, isLate, periodsOfYear, type ExpectedStatus } from '../../../shared/report-periods';
import { vietnamDate } from '../../../shared/dates';
import { roleHas, isRole, type Permission } from '../../../shared/permissions';
import { formatDateVi } from '../../common/format-vi';
import { insertAudit } from '../audit/audit.service';
import { notify, type NewNotification } from '../notifications/notifications.service';
import { agencyMap } from '../reference/reference.service';
import { repeatEvery, runScheduledJob, type JobOutcome, type Scheduler } from '../housekeeping/housekeeping.service';
import { deliverMail, enqueueMail, type Delivered, type Mail } from '../mail/mail.service';
import * as repo from './reports.repo';

const JOB = 'report_reminders';
/** After-deadline reminders are still made this many days on when the job did not run the day after. */
export const AFTER_DUE_DAYS = 7;

export interface ReminderDeps {
  db: Db;
  config: Pick<Config, 'smtp' | 'reminders'>;
  clock: Clock;
}

export interface Reminded {
  /** Reminder rows made this round, by kind. */
  before_due: number;
  after_due: number;
  after_due_recipient: number;
  notifications: number;
  mails: number;
}

interface DuePeriod {
  code: string;
  label: string;
  end: string;
  due: string;
}

/** The periods of a type whose deadline is between `from` and `to`. */
async function periodsDue(db: Queryable, type: repo.TypeRow, from: string, to: string): Promise<DuePeriod[]> {
  if (type.period_kind === 'custom')
    return (await repo.periodsDueBetween(db, type.code, from, to)).map((p) => ({
      code: `R${p.report_period_id}`,
      label: p.title,
      end: p.end_date,
      due: p.due_date,
    }));
  const year = Number(from.slice(0, 4));
  return [year - 1, year, year + 1, year + 2]
    .flatMap((y) => periodsOfYear(type.period_kind, y))
    .map((p) => ({ code: p.code, label: p.label, end: p.end, due: dueDate(p.end, type.due_offset_days ?? 0) }))
    .filter((p) => p.due >= from && p.due <= to);
}

const writes = (role: string, permission: Permission) => isRole(role) && roleHas(role, permission);

/** One round at the deps' clock time. */
export async function runReminderRound(deps: ReminderDeps): Promise<JobOutcome<Reminded>> {
  const now = deps.clock.now();
  return runScheduledJob(
    deps.db,
    { name: JOB, lockKey: ADVISORY_LOCKS.reminders, minGapMs: (deps.config.reminders.everySeconds * 1000) / 2, now },
    (tx) => remind(tx, deps.config, now),
  );
}

async function remind(tx: Queryable, config: ReminderDeps['config'], now: Date): Promise<Reminded> {
  const day = vietnamDate(now);
  const out: Reminded = { before_due: 0, after_due: 0, after_due_recipient: 0, notifications: 0, mails: 0 };
  const types = (await repo.listTypes(tx)).filter((t) => t.active && t.reminder_enabled);
  for (const type of types) {
    const periods = await periodsDue(tx, type, addDays(day, -AFTER_DUE_DAYS), addDays(day, type.reminder_days_before));
    for (const period of periods) {
      const kind: 'before_due' | 'after_due' | null =
        period.due >= day ? 'before_due' : type.reminder_after_due ? 'after_due' : null;
      if (!kind) continue;
      const [expected, reports] = await Promise.all([
        repo.expectedReporters(tx, type.code),
        repo.statusesOfPeriod(tx, type.code, period.code),
      ]);
      const byAgency = new Map(reports.map((r) => [r.agency_id, r]));
      const pending = expected.filter((e) => {
        const report = byAgency.get(e.agency_id);
        const status: ExpectedStatus = report?.status ?? 'not_started';
        return kind === 'before_due'
          ? status === 'not_started' || status === 'draft' || status === 'returned'
          : isLate(status, report?.due_date ?? period.due, day);
      });
      if (pending.length === 0) continue;
      const recipients =
        kind === 'after_due' && type.reminder_after_due_recipient
          ? [...new Set(pending.map((e) => e.recipient_agency_id))]
          : [];
      const [writers, approvers, agencies] = await Promise.all([
        repo.reportWriters(
          tx,
          pending.map((e) => e.agency_id),
        ),
        repo.reportWriters(tx, recipients),
        agencyMap(
          tx,
          pending.flatMap((e) => [e.agency_id, e.recipient_agency_id]),
          period.end,
        ),
      ]);
      const name = (id: number) => agencies.get(id)?.name ?? String(id);
      const key = { report_type_code: type.code, period_code: period.code, due_date: period.due };
      const made = await repo.insertReminders(
        tx,
        [
          ...writers
            .filter((u) => writes(u.role, 'report:write'))
            .map((u) => ({ ...key, agency_id: u.agency_id, user_id: u.user_id, kind })),
          ...approvers
            .filter((u) => writes(u.role, 'report:approve'))
            .map((u) => ({ ...key, agency_id: u.agency_id, user_id: u.user_id, kind: 'after_due_recipient' as const })),
        ],
        now,
      );
      if (made.length === 0) continue;
      const typeName = type.name.toLocaleLowerCase('vi');
      const users = new Map([...writers, ...approvers].map((u) => [u.user_id, u]));
      const notifications: NewNotification[] = [];
      const mails: Mail[] = [];
      for (const row of made) {
        const user = users.get(row.user_id)!;
        let title: string;
        let body: string;
        let link = `/reports?year=${period.end.slice(0, 4)}`;
        let reportId: number | null = null;
        if (row.kind === 'after_due_recipient') {
          const late = pending.filter((e) => e.recipient_agency_id === row.agency_id).map((e) => name(e.agency_id));
          title = `Quá hạn nộp ${typeName}: ${period.label}`;
          body = `${late.length} đơn vị chưa gửi ${typeName} (${period.label}) cho ${name(row.agency_id)}; hạn nộp ${formatDateVi(period.due)} đã qua: ${late.slice(0, 10).join('; ')}${late.length > 10 ? '; …' : ''}.`;
          link = `/reports/consolidation?type=${type.code}&period=${period.code}`;
        } else {
          const report = byAgency.get(row.agency_id);
          const recipient = name(pending.find((e) => e.agency_id === row.agency_id)!.recipient_agency_id);
          if (report) {
            link = `/reports/${report.report_id}`;
            reportId = report.report_id;
          }
          if (row.kind === 'before_due') {
            const left = daysBetween(day, period.due);
            title = `Sắp đến hạn nộp ${typeName}: ${period.label}`;
            body = `${type.name} (${period.label}) của ${name(row.agency_id)} cần gửi ${recipient} trước hạn ${formatDateVi(period.due)} (${left === 0 ? 'hôm nay là hạn cuối' : `còn ${left} ngày`}).`;
          } else {
            title = `Nhắc nộp ${typeName}: ${period.label}`;
            body = `${type.name} (${period.label}) của ${name(row.agency_id)} chưa được gửi; hạn nộp ${formatDateVi(period.due)} đã qua. Đề nghị hoàn thành và gửi ${recipient}.`;
          }
        }
        notifications.push({ user_id: row.user_id, kind: 'report_reminder', title, body, link, report_id: reportId });
        if (user.email)
          mails.push({
            to: user.email,
            subject: title,
            text: `Kính gửi ${user.display_name},\n\n${body}\n\nHệ thống Phối hợp`,
          });
        out[row.kind]++;
      }
      await notify(tx, notifications, now);
      out.notifications += notifications.length;
      out.mails += await enqueueMail(tx, config, mails, now);
      await insertAudit(
        tx,
        null,
        {
          action: 'remind',
          entityType: 'report_period',
          entityId: `${type.code}:${period.code}`,
          after: { scheduled: true, reminders: made },
        },
        now,
      );
    }
  }
  return out;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface ReminderReport {
  onRound?: (outcome: JobOutcome<Reminded>, delivered: Delivered) => void;
  onError: (error: unknown) => void;
}

/**
 * Every `reminders.everySeconds` until stopped (main.ts): a reminder round (done by one instance),
 * then the outbox's due mails delivered (by every instance, each mail claimed by one).
 */
export function startReminders(deps: ReminderDeps, report: ReminderReport): Scheduler {
  return repeatEvery(deps.config.reminders.everySeconds * 1000, async () => {
    let outcome: JobOutcome<Reminded> = { ran: false, reason: 'busy' };
    try {
      outcome = await runReminderRound(deps);
    } catch (error) {
      report.onError(error);
    }
    try {
      report.onRound?.(outcome, await deliverMail(deps));
    } catch (error) {
      report.onError(error);
    }
  });
}
