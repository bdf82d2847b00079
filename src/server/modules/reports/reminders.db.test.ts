// The scheduled reminders with a moved clock, on PGlite (and PostgreSQL with TEST_DATABASE_URL):
// nothing before the window, one reminder on its first day, none again when the round runs again,
// one after the deadline to the late (and to the recipient), the mails delivered once through the
// outbox to a local SMTP capture, a refused send tried again after its backoff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { createReport, reportWorld, writeAndSubmit, type ReportWorld } from '../../../../test/report-fixtures';
import { startSmtpCapture, type SmtpCapture } from '../../../../test/smtp-capture';
import { DUE, PERIOD, onlyQuarterlyReminders, reminders, setEmail } from '../../../../test/reminder-fixtures';
import { runReminderRound, type ReminderDeps } from './reminders.service';
import { deliverMail } from '../mail/mail.service';

let smtp: SmtpCapture;
let t: TestApp;
let w: ReportWorld;
let admin: ApiClient;
let deps: ReminderDeps;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({
    smtp: smtp.config,
    reminders: { everySeconds: 600, mailMaxAttempts: 3, mailRetrySeconds: 60 },
    // The clock moves by months here: the test's sessions outlive it.
    session: { idleMinutes: 1_000_000, absoluteHours: 100_000, secureCookie: false },
  });
  w = await reportWorld(t);
  admin = await t.as({ role: 'admin', agency: 'UBDT' });
  await onlyQuarterlyReminders(admin);
  await setEmail(t, w.dienBien, 'dienbien@example.vn');
  deps = { db: t.database.db, config: t.app.deps.config, clock: t.clock };
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const mailCount = async (status: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('mail_outbox')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('status', '=', status as never)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('scheduled report reminders', () => {
  it('are set per report type by an administrator, and only by one', async () => {
    const types = (await w.laoCai.get('/api/report-types')).json() as { code: string; reminders: unknown }[];
    expect(types.find((x) => x.code === 'quarterly')!.reminders).toEqual({
      enabled: true,
      daysBefore: 3,
      afterDue: true,
      afterDueRecipient: true,
    });
    expect(types.find((x) => x.code === 'annual')!.reminders).toMatchObject({ enabled: false });
    const refused = await w.women.put('/api/report-types/quarterly', {
      name: 'Báo cáo quý',
      dueOffsetDays: 10,
      active: true,
      reminders: { enabled: false, daysBefore: 3, afterDue: true, afterDueRecipient: true },
    });
    expect(refused.statusCode).toBe(403);
    const tooMany = await admin.put('/api/report-types/quarterly', {
      name: 'Báo cáo quý',
      dueOffsetDays: 10,
      active: true,
      reminders: { enabled: true, daysBefore: 61, afterDue: true, afterDueRecipient: true },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details?.[0]?.field ?? tooMany.body).toMatch(/daysBefore/);
  });

  it('send nothing before the window, one reminder on its first day and none again', async () => {
    t.clock.set('2027-04-06T03:00:00Z'); // 4 days before 10/4: before the window
    expect(await runReminderRound(deps)).toMatchObject({ ran: true, result: { notifications: 0 } });
    expect(await reminders(w.dienBien)).toHaveLength(0);

    t.clock.set('2027-04-07T01:00:00Z'); // 3 days before, 08:00 in Vietnam
    const first = await runReminderRound(deps);
    expect(first).toMatchObject({ ran: true, result: { before_due: expect.any(Number), after_due: 0 } });
    for (const client of [w.dienBien, w.laoCai, w.laoCaiEthnic, w.women, w.ethnic]) {
      const mine = await reminders(client);
      expect(mine, client.username).toHaveLength(1);
      expect(mine[0]!.title).toBe('Sắp đến hạn nộp báo cáo quý: Quý I/2027');
    }
    expect((await reminders(w.dienBien))[0]!.body).toContain('10/04/2027');
    expect((await reminders(w.dienBien))[0]!.body).toContain('còn 3 ngày');
    expect(await mailCount('pending')).toBe(1);

    // The same round again: left out (done a moment ago); an hour later it runs and finds nothing new.
    expect(await runReminderRound(deps)).toEqual({ ran: false, reason: 'recent' });
    t.clock.advance(3_600_000);
    expect(await runReminderRound(deps)).toMatchObject({ ran: true, result: { notifications: 0, mails: 0 } });
    t.clock.set('2027-04-10T02:00:00Z'); // the deadline day: still the same reminder
    expect(await runReminderRound(deps)).toMatchObject({ ran: true, result: { notifications: 0 } });
    expect(await reminders(w.dienBien)).toHaveLength(1);
    expect(await mailCount('pending')).toBe(1);
  });

  it('deliver the outbox once, and try a refused mail again after its backoff', async () => {
    smtp.refuse = true;
    expect(await deliverMail(deps)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(smtp.mails).toHaveLength(0);
    // Not due again yet: nothing claimed.
    smtp.refuse = false;
    expect(await deliverMail(deps)).toEqual({ sent: 0, retried: 0, failed: 0 });
    t.clock.advance(61_000);
    expect(await deliverMail(deps)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['dienbien@example.vn']);
    expect(smtp.mails[0]!.raw).toMatch(/Subject: =\?UTF-8\?/);
    // Sent once: nothing more, however often the sender runs.
    t.clock.advance(3_600_000);
    expect(await deliverMail(deps)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    expect(await mailCount('sent')).toBe(1);
  });

  it('remind the late the day after the deadline, and the recipient, once', async () => {
    t.clock.set('2027-04-09T03:00:00Z');
    const report = await createReport(w.laoCai, 'quarterly', PERIOD);
    expect(report.dueDate).toBe(DUE);
    await writeAndSubmit(w.laoCai, report);

    t.clock.set('2027-04-11T01:00:00Z');
    const after = await runReminderRound(deps);
    expect(after).toMatchObject({ ran: true, result: { before_due: 0 } });
    if (!after.ran) throw new Error('the round did not run');
    expect(after.result.after_due).toBeGreaterThan(0);
    // Lào Cai submitted in time: no second reminder.
    expect(await reminders(w.laoCai)).toHaveLength(1);
    const dienBien = await reminders(w.dienBien);
    expect(dienBien).toHaveLength(2);
    expect(dienBien[0]).toMatchObject({ title: 'Nhắc nộp báo cáo quý: Quý I/2027' });
    expect(dienBien[0]!.body).toContain('đã qua');
    // The central Hội LHPN receives the provincial unions' reports: told which are late (Lào Cai is not).
    const told = (await reminders(w.women)).filter((n) => n.title.startsWith('Quá hạn nộp'));
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toMatch(/Điện Biên/);
    expect(told[0]!.body).not.toMatch(/Lào Cai/);
    expect(told[0]!.link).toBe(`/reports/consolidation?type=quarterly&period=${PERIOD}`);
    // The provincial coordinator cannot approve: not told as a recipient.
    expect((await reminders(w.laoCai)).some((n) => n.title.startsWith('Quá hạn'))).toBe(false);

    t.clock.set('2027-04-12T01:00:00Z');
    expect(await runReminderRound(deps)).toMatchObject({ ran: true, result: { notifications: 0 } });
    expect(await reminders(w.dienBien)).toHaveLength(2);
    expect(await deliverMail(deps)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(2);

    // A week after the deadline nothing more is made, even for a type switched on late.
    t.clock.set('2027-04-20T01:00:00Z');
    expect(await runReminderRound(deps)).toMatchObject({ ran: true, result: { notifications: 0 } });
  });

  it('give up a mail after its last attempt', async () => {
    await setEmail(t, w.laoCaiEthnic, 'laocai-dt@example.vn');
    t.clock.set('2027-07-08T01:00:00Z'); // 3 days before 2027Q2's deadline, 10/7
    const round = await runReminderRound(deps);
    expect(round).toMatchObject({ ran: true, result: { mails: 2 } });
    smtp.refuse = true;
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(await deliverMail(deps));
      t.clock.advance(10 * 60_000);
    }
    expect(outcomes).toEqual([
      { sent: 0, retried: 2, failed: 0 },
      { sent: 0, retried: 2, failed: 0 },
      { sent: 0, retried: 0, failed: 2 },
    ]);
    smtp.refuse = false;
    t.clock.advance(86_400_000);
    expect(await deliverMail(deps)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await mailCount('failed')).toBe(2);
    expect(smtp.mails).toHaveLength(2);
  });
});
