// Two app instances on one PostgreSQL database run the reminder round and the mail sender at the
// same moment, twice: one reminder per user, one mail delivered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstances, type Instances } from '../../../../test/instances';
import { reportWorld, type ReportWorld } from '../../../../test/report-fixtures';
import { startSmtpCapture, type SmtpCapture } from '../../../../test/smtp-capture';
import { onlyQuarterlyReminders, reminders, setEmail } from '../../../../test/reminder-fixtures';
import { runReminderRound } from './reminders.service';
import { deliverMail } from '../mail/mail.service';

let smtp: SmtpCapture;
let instances: Instances;
let w: ReportWorld;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  instances = await startInstances(2, {
    smtp: smtp.config,
    reminders: { everySeconds: 600, mailMaxAttempts: 3, mailRetrySeconds: 60 },
    session: { idleMinutes: 1_000_000, absoluteHours: 100_000, secureCookie: false },
  });
  const t = instances.all[0]!;
  w = await reportWorld(t);
  await onlyQuarterlyReminders(await t.as({ role: 'admin', agency: 'UBDT' }));
  await setEmail(t, w.dienBien, 'dienbien@example.vn');
});
afterAll(async () => {
  await instances.close();
  await smtp.close();
});

const deps = (i: number) => {
  const t = instances.all[i]!;
  return { db: t.database.db, config: t.app.deps.config, clock: t.clock };
};

describe('reminders on two instances', () => {
  it('are made once and mailed once when both instances run at the same moment', async () => {
    instances.all[0]!.clock.set('2027-04-07T01:00:00Z');
    for (let round = 0; round < 2; round++) {
      const outcomes = await Promise.all([runReminderRound(deps(0)), runReminderRound(deps(1))]);
      expect(outcomes.filter((o) => o.ran && o.result.notifications > 0)).toHaveLength(round === 0 ? 1 : 0);
      instances.all[0]!.clock.advance(3_600_000);
    }
    expect(await reminders(instances.on(1, w.dienBien))).toHaveLength(1);
    expect(await reminders(instances.on(0, w.laoCai))).toHaveLength(1);
    const delivered = await Promise.all([deliverMail(deps(0)), deliverMail(deps(1)), deliverMail(deps(0))]);
    expect(delivered.reduce((n, d) => n + d.sent, 0)).toBe(1);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['dienbien@example.vn']);
  });
});
