// A local SMTP server for tests: every message it accepts, with its envelope; `refuse` makes it
// answer each message with a temporary failure (451) until set back.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SmtpConfig } from '../src/server/config';

export interface CapturedMail {
  to: string[];
  raw: string;
}

export interface SmtpCapture {
  mails: CapturedMail[];
  refuse: boolean;
  config: SmtpConfig;
  close(): Promise<void>;
}

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const capture = { mails: [] as CapturedMail[], refuse: false } as SmtpCapture;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (capture.refuse) {
          const error = Object.assign(new Error('Thử lại sau'), { responseCode: 451 });
          callback(error);
          return;
        }
        capture.mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  capture.config = {
    host: '127.0.0.1',
    port: (server.server.address() as AddressInfo).port,
    secure: false,
    user: null,
    password: null,
    verifyCertificate: true,
    from: 'Phối hợp <phoihop@localhost>',
  };
  capture.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return capture;
}
