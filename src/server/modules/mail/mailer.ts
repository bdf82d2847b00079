// Outgoing mail through the configured SMTP server (nodemailer). Without SMTP configuration
// nothing is sent and reminders stay in the app.
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** One SMTP connection for a batch: `send` throws when the server refuses a mail; `close` at the end. */
export interface MailTransport {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function openTransport(smtp: SmtpConfig): MailTransport {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    // Certificates are verified: a relay with a self-signed certificate is trusted only when the
    // administrator says so (PHOIHOP_SMTP_VERIFY_CERT=0), never by default.
    tls: { rejectUnauthorized: smtp.verifyCertificate },
    // Bounded, so that a claimed outbox row is settled well within its lease (mail.service.ts).
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: smtp.from, ...mail });
    },
    close: () => transport.close(),
  };
}

/** Sends each mail; returns how many the server accepted. A refused address does not stop the others. */
export async function sendMails(smtp: SmtpConfig | null, mails: Mail[]): Promise<number> {
  if (!smtp || mails.length === 0) return 0;
  const transport = openTransport(smtp);
  let sent = 0;
  try {
    for (const mail of mails) {
      try {
        await transport.send(mail);
        sent++;
      } catch {
        // Counted as not sent; the in-app notification is already stored.
      }
    }
  } finally {
    transport.close();
  }
  return sent;
}
