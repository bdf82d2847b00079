// Two real server processes (`npx tsx src/server/main.ts`, as production runs two instances) started
// at once on one fresh, empty PostgreSQL database, with the demo and no PHOIHOP_DEMO_PASSWORD, each
// with its own data folder; one HTTP client alternates between them. What instances.pg.test.ts
// shows with two pools in one process, here with everything a process has of its own: its memory,
// its start (migrations, reference data, demo seed, housekeeping all racing the other's), its disk.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from './server-process';
import { adminUrl } from './global-setup';
import { DIEN_BIEN_WARD, PDF, trainingBody } from './record-fixtures';

const BASE_URL = process.env.TEST_DATABASE_URL!;
const NAME = `phoihop_p_${crypto.randomBytes(6).toString('hex')}`;
const DATABASE_URL = adminUrl(BASE_URL, NAME);
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-processes-'));
const dataDir = (i: number) => path.join(WORK, `data-${i}`);
const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

let servers: ServerProcess[] = [];
let db: pg.Client;
let password: string;
const A = 0;
const B = 1;

interface Session {
  cookie: string;
  csrf: string;
}

async function call(i: number, method: string, url: string, session?: Session, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (session) headers.set('cookie', session.cookie);
  if (session && method !== 'GET') headers.set('x-csrf-token', session.csrf);
  return fetch(`${servers[i]!.base}${url}`, { ...init, method, headers, signal: AbortSignal.timeout(20_000) });
}

async function login(i: number, username: string): Promise<Session> {
  const res = await call(i, 'POST', '/api/auth/login', undefined, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: csrfToken };
}

/** The structured (pino) lines of a server's log with this message. */
const logLines = (i: number, msg: string) =>
  servers[i]!.log()
    .split('\n')
    .flatMap((line) => {
      try {
        const parsed = JSON.parse(line) as { msg?: string } & Record<string, unknown>;
        return parsed.msg === msg ? [parsed] : [];
      } catch {
        return [];
      }
    });

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${NAME}`);
  await admin.end();
  db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  // Both at once, as a deployment starts its instances: they race for migrations, reference data and the demo.
  const started = await Promise.allSettled(
    [0, 1].map((i) =>
      spawnServer({
        env: {
          DATABASE_URL,
          PHOIHOP_DATA_DIR: dataDir(i),
          PHOIHOP_DEMO: '1',
          PHOIHOP_DEMO_PASSWORD: '',
          PHOIHOP_FILE_STORE: '',
          PHOIHOP_WEB_DIR: '/nonexistent',
          LOG_LEVEL: 'info',
        },
        logFile: path.join(WORK, `server-${i}.log`),
        readyWithinMs: 240_000,
      }),
    ),
  );
  servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const files = [0, 1].map((i) => path.join(dataDir(i), 'demo-password.txt')).filter((f) => fs.existsSync(f));
  expect(files, 'exactly one instance chose and wrote the demo password').toHaveLength(1);
  password = fs.readFileSync(files[0]!, 'utf8').trim();
}, 300_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.end();
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.end();
  fs.rmSync(WORK, { recursive: true, force: true });
}, 60_000);

describe('two server processes on one PostgreSQL database', () => {
  it('chose the demo password once: the one written logs in as admin on both', async () => {
    const seeds = await db.query<{ password_source: string; password_file: string }>(
      'SELECT password_source, password_file FROM demo_seed',
    );
    expect(seeds.rows).toHaveLength(1);
    expect(seeds.rows[0]!.password_source).toBe('file');
    expect(fs.readFileSync(seeds.rows[0]!.password_file, 'utf8').trim()).toBe(password);
    for (const i of [A, B]) expect((await login(i, 'admin')).csrf).toBeTruthy();
  });

  it('a session opened on A works on B, and a logout on B ends it on A', async () => {
    const session = await login(A, 'lanhdao');
    const me = await call(B, 'GET', '/api/me', session);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { username: string }).username).toBe('lanhdao');
    expect((await call(B, 'POST', '/api/auth/logout', session)).status).toBe(204);
    expect((await call(A, 'GET', '/api/me', session)).status).toBe(401);
  });

  it('a create retried on B with its Idempotency-Key from A is the same record; its file uploaded on A is read on B', async () => {
    const entry = await login(A, 'dienbien.nhaplieu');
    const year = vietnamToday().slice(0, 4);
    const activities = (await (await call(B, 'GET', `/api/activities?year=${year}&limit=500`, entry)).json()) as {
      items: { id: number; plan: { provinceCode: string | null } }[];
    };
    const activity = activities.items.find((a) => a.plan.provinceCode === '11');
    expect(activity, 'the demo cascades this year’s plan to Điện Biên').toBeDefined();
    const today = vietnamToday();
    const body = trainingBody(activity!.id, {
      title: 'Tập huấn hai máy chủ',
      startDate: today,
      endDate: today,
      place: DIEN_BIEN_WARD,
    });
    const key = { 'idempotency-key': crypto.randomUUID() };
    const create = { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...key } };
    const first = await call(A, 'POST', '/api/records', entry, create);
    expect(first.status, await first.clone().text()).toBe(201);
    const again = await call(B, 'POST', '/api/records', entry, create);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const record = (await first.json()) as { id: number };
    expect(await again.json()).toEqual(record);
    const made = await db.query("SELECT 1 FROM implementation_record WHERE title = 'Tập huấn hai máy chủ'");
    expect(made.rowCount).toBe(1);

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), 'biên bản.pdf');
    const upload = await call(A, 'POST', `/api/records/${record.id}/attachments`, entry, { body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const { id: attachmentId } = (await upload.json()) as { id: number };
    const down = await call(B, 'GET', `/api/records/${record.id}/attachments/${attachmentId}`, entry);
    expect(down.status).toBe(200);
    expect(Buffer.from(await down.arrayBuffer()).equals(PDF)).toBe(true);
    // In the database, not in A's upload folder.
    expect((await db.query('SELECT 1 FROM stored_file_bytes')).rowCount).toBe(1);
    const uploads = path.join(dataDir(A), 'uploads');
    expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);
  });

  it('ran the housekeeping round of their start once: the other left it', async () => {
    // Each runs a round as it starts listening; wait until both have reported theirs.
    for (let tries = 0; tries < 100 && [A, B].some((i) => logLines(i, 'housekeeping').length === 0); tries++)
      await new Promise((r) => setTimeout(r, 100));
    const rounds = [A, B].flatMap((i) => logLines(i, 'housekeeping'));
    expect(rounds).toHaveLength(2);
    expect(rounds.filter((r) => r.purged)).toHaveLength(1);
    expect(rounds.filter((r) => r.skipped)).toHaveLength(1);
    const runs = await db.query("SELECT job FROM scheduled_job_run WHERE job = 'housekeeping'");
    expect(runs.rowCount).toBe(1);
  });
});
