// Outgoing mail verifies the SMTP server's certificate unless told not to: a relay offering
// STARTTLS with a certificate nobody signed (smtp-server's built-in self-signed one) gets nothing.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { loadConfig, type SmtpConfig } from '../../config';
import { sendMails } from './mailer';

let server: SMTPServer;
let port = 0;
const received: string[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        received.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const smtp = (verifyCertificate: boolean): SmtpConfig => ({
  host: '127.0.0.1',
  port,
  secure: false,
  user: null,
  password: null,
  verifyCertificate,
  from: 'Phối hợp <phoihop@localhost>',
});
const mail = (to: string) => ({ to, subject: 'Nhắc báo cáo', text: 'Báo cáo quý IV chưa nộp.' });

describe('sendMails', () => {
  it('verifies the certificate by default and sends nothing to a self-signed STARTTLS relay', async () => {
    expect(loadConfig({ PHOIHOP_SMTP_HOST: 'mail.example.vn' }).smtp?.verifyCertificate).toBe(true);
    expect(await sendMails(smtp(true), [mail('a@example.vn')])).toBe(0);
    expect(received).not.toContain('a@example.vn');
  });

  it('sends to that relay only when PHOIHOP_SMTP_VERIFY_CERT=0', async () => {
    expect(loadConfig({ PHOIHOP_SMTP_HOST: 'x', PHOIHOP_SMTP_VERIFY_CERT: '0' }).smtp?.verifyCertificate).toBe(false);
    expect(await sendMails(smtp(false), [mail('b@example.vn')])).toBe(1);
    expect(received).toContain('b@example.vn');
  });
});
