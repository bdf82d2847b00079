// Reminders that send themselves (issue 17.4), end to end: two production server processes on one
// fresh PostgreSQL database, the clock moved by PHOIHOP_CLOCK_OFFSET_DAYS (a start-up setting that
// a production run refuses) to the day after the quarter I deadline, the reminder job every 2 s on
// both. The writer of Điện Biên logs in on instance B and sees one reminder; the local SMTP capture
// got one mail. PostgreSQL: TEST_PG_URL, else CI's postgres@127.0.0.1:5432.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnServer, type ServerProcess } from '../test/server-process';
import { startSmtpCapture, type SmtpCapture } from '../test/smtp-capture';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { ARTIFACTS_DIR } from './global-setup';

const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = `phoihop_e2e_reminders_${process.pid}`;
const dbUrl = () => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB}`;
  return url.toString();
};
const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whole days to add to now so that it is 11 April (the day after quarter I's deadline) in Vietnam. */
function offsetToApril11(): { days: number; year: number } {
  const now = Date.now();
  let year = new Date(now).getUTCFullYear();
  // 11/4 00:00 in Vietnam (UTC+7).
  const start = (y: number) => Date.UTC(y, 3, 10, 17, 0, 0);
  if (start(year) - now < 30 * DAY) year++;
  return { days: Math.ceil((start(year) - now) / DAY), year };
}

let smtp: SmtpCapture;
let servers: ServerProcess[] = [];
let session: BrowserSession | undefined;
const { days, year } = offsetToApril11();

async function startTwo(env: Record<string, string>, tag: string): Promise<ServerProcess[]> {
  const started: ServerProcess[] = [];
  for (const name of ['a', 'b'])
    started.push(
      await spawnServer({
        command: [process.execPath, '--enable-source-maps', 'dist/server/main.js'],
        env: {
          DATABASE_URL: dbUrl(),
          PHOIHOP_DEMO: '1',
          PHOIHOP_DEMO_PASSWORD: inject('demoPassword'),
          PHOIHOP_WEB_DIR: path.resolve('dist/web'),
          PHOIHOP_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `phoihop-reminders-${name}-`)),
          PHOIHOP_DB_POOL_SIZE: '5',
          LOG_LEVEL: 'warn',
          ...env,
        },
        logFile: path.join(ARTIFACTS_DIR, `reminders-${tag}-${name}.log`),
        readyWithinMs: 240_000,
      }),
    );
  return started;
}

async function stopAll() {
  for (const s of servers) await s.stop();
  servers = [];
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  smtp = await startSmtpCapture();
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const common = {
    PHOIHOP_SMTP_HOST: smtp.config.host,
    PHOIHOP_SMTP_PORT: String(smtp.config.port),
    PHOIHOP_REMINDERS_SECONDS: '2',
  };
  // First, three weeks earlier than the test day: the demo is seeded, nothing is due.
  servers = await startTwo({ ...common, PHOIHOP_CLOCK_OFFSET_DAYS: String(days - 21) }, 'seed');
  await stopAll();
  // The writer gets e-mail; then both instances again, on the day after the deadline.
  const db = new pg.Client({ connectionString: dbUrl() });
  await db.connect();
  const updated = await db.query(
    `UPDATE app_user SET email = 'dienbien@example.vn' WHERE username = 'dienbien.hoiphunu'`,
  );
  await db.end();
  expect(updated.rowCount).toBe(1);
  servers = await startTwo({ ...common, PHOIHOP_CLOCK_OFFSET_DAYS: String(days) }, 'moved');
}, 900_000);

afterAll(async () => {
  await session?.close();
  await stopAll();
  await smtp?.close();
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.end();
}, 120_000);

describe('reminders sent by the job', () => {
  it('reach the writer once, in the app on instance B and by one e-mail, with two instances and a moved clock', async () => {
    // Both instances run the job every 2 s: wait for the mail, then for several more rounds.
    for (let i = 0; i < 120 && smtp.mails.length === 0; i++) await sleep(1000);
    expect(smtp.mails.length, servers.map((s) => s.log()).join('\n')).toBe(1);
    await sleep(10_000);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['dienbien@example.vn']);

    session = await openBrowser(undefined, servers[1]!.base);
    const frame = await (await LoginPage.open(session.page)).loginAs('dienbien.hoiphunu');
    await frame.openSection('Báo cáo định kỳ');
    const title = `Nhắc nộp báo cáo quý: Quý I/${year}`;
    const notes = session.page.getByRole('region', { name: 'Thông báo' });
    await expect.poll(() => notes.getByText(title).count(), { timeout: 30_000 }).toBe(1);
    await screenshot(session.page, 'reminder-on-instance-b');
    const inbox = (await session.page.evaluate(async () => (await fetch('/api/notifications')).json())) as {
      items: { kind: string; title: string }[];
    };
    expect(inbox.items.filter((n) => n.kind === 'report_reminder').map((n) => n.title)).toEqual([title]);
  }, 300_000);
});
