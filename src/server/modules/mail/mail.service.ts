// The mail outbox: `enqueueMail` writes each e-mail as a row inside the caller's transaction (so a
// mail exists only if the notification it repeats does), and `deliverMail` sends what is due. A
// sender claims rows in a short transaction (FOR UPDATE SKIP LOCKED, a lease and a token), sends
// them outside it, and marks each sent — or, refused, due again after a backoff that doubles, given
// up after `reminders.mailMaxAttempts` attempts. Any number of instances may run it at once: a row
// is claimed by one of them. Only a crash between the SMTP server's acceptance and the mark could
// send a mail again, after its lease (at least once, never twice in normal running).
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../access/actor';
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/database';
import { newTransaction } from '../../db/transaction';
import { openTransport, type Mail } from './mailer';
import * as repo from './mail.repo';

export type { Mail } from './mailer';

/** A claimed mail is settled within this; after it another sender may claim it again. */
const LEASE_MS = 10 * 60_000;
const BATCH = 50;

/** Queues mails in the caller's transaction; nothing when SMTP is not configured (reminders stay in the app). */
export async function enqueueMail(
  db: Queryable,
  config: Pick<Config, 'smtp'>,
  mails: Mail[],
  now: Date,
): Promise<number> {
  if (!config.smtp) return 0;
  await repo.insertMails(db, mails, now);
  return mails.length;
}

export interface Delivered {
  sent: number;
  retried: number;
  failed: number;
}

export interface MailDeps {
  db: Db;
  config: Pick<Config, 'smtp' | 'reminders'>;
  clock: Clock;
}

/** Sends the mails due now, batch after batch until none is left or one fails. */
export async function deliverMail(deps: MailDeps): Promise<Delivered> {
  const out: Delivered = { sent: 0, retried: 0, failed: 0 };
  const { smtp, reminders } = deps.config;
  if (!smtp) return out;
  for (;;) {
    const now = deps.clock.now();
    const token = randomUUID();
    const claimed = await newTransaction(deps.db, (tx) =>
      repo.claimDue(tx, now, new Date(now.getTime() + LEASE_MS), token, BATCH),
    );
    if (claimed.length === 0) return out;
    const transport = openTransport(smtp);
    let refused = 0;
    try {
      for (const mail of claimed) {
        try {
          await transport.send({ to: mail.to_address, subject: mail.subject, text: mail.body });
          await repo.markSent(deps.db, mail.mail_id, token, deps.clock.now());
          out.sent++;
        } catch (error) {
          refused++;
          const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
          const giveUp = mail.attempts >= reminders.mailMaxAttempts;
          const wait = reminders.mailRetrySeconds * 1000 * 2 ** (mail.attempts - 1);
          await repo.markFailed(
            deps.db,
            mail.mail_id,
            token,
            message,
            giveUp ? null : new Date(deps.clock.now().getTime() + wait),
          );
          if (giveUp) out.failed++;
          else out.retried++;
        }
      }
    } finally {
      transport.close();
    }
    // A server refusing now: the rest waits for the next round rather than being tried at once.
    if (refused > 0 || claimed.length < BATCH) return out;
  }
}
