// All SQL for mail_outbox: mails waiting to be sent, claimed by one sender at a time.
import { sql } from 'kysely';
import type { Queryable } from '../../db/database';

export interface NewMail {
  to: string;
  subject: string;
  text: string;
}

export async function insertMails(db: Queryable, mails: NewMail[], now: Date): Promise<void> {
  if (mails.length === 0) return;
  await db
    .insertInto('mail_outbox')
    .values(
      mails.map((m) => ({ to_address: m.to, subject: m.subject, body: m.text, next_attempt_at: now, created_at: now })),
    )
    .execute();
}

export interface ClaimedMail {
  mail_id: number;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Claims up to `limit` pending mails due by `now`: each gets `token` and a lease until `leaseUntil`
 * (another sender skips it meanwhile) and one more attempt counted. Rows another sender is claiming
 * at this moment are skipped, not waited for (SKIP LOCKED).
 */
export async function claimDue(
  db: Queryable,
  now: Date,
  leaseUntil: Date,
  token: string,
  limit: number,
): Promise<ClaimedMail[]> {
  const { rows } = await sql<ClaimedMail>`
    UPDATE mail_outbox SET attempts = attempts + 1, claim_token = ${token}, next_attempt_at = ${leaseUntil}
    WHERE mail_id IN (
      SELECT mail_id FROM mail_outbox
      WHERE status = 'pending' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at, mail_id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING mail_id, to_address, subject, body, attempts`.execute(db);
  return rows.sort((a, b) => a.mail_id - b.mail_id);
}

/** Sent: only by the sender still holding the claim (a lease that ran out belongs to another). */
export async function markSent(db: Queryable, mailId: number, token: string, now: Date): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: now, claim_token: null, last_error: null })
    .where('mail_id', '=', mailId)
    .where('claim_token', '=', token)
    .execute();
}

/** Refused: tried again at `retryAt`, or given up ('failed') when `retryAt` is null. */
export async function markFailed(
  db: Queryable,
  mailId: number,
  token: string,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set(
      retryAt
        ? { claim_token: null, last_error: error, next_attempt_at: retryAt }
        : { status: 'failed', claim_token: null, last_error: error },
    )
    .where('mail_id', '=', mailId)
    .where('claim_token', '=', token)
    .execute();
}
