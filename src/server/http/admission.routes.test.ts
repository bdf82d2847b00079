// Admission control on a real app: a burst beyond the slots and the queue is answered 503 with
// Retry-After before anything runs; health, the API documentation and the web app's files take no
// slot; slots come back after errors and after clients that leave.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { createUser } from '../../../test/factories';
import type { App } from './context';
import { conflict } from './errors';
import { BUSY_MESSAGE, WAITED_TOO_LONG_MESSAGE } from './admission';

/** A door the test opens: requests behind it hold their slot until then. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Gives the event loop turns until the condition holds (no clock involved in any assertion). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 2000; turn++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`never happened: ${what}`);
}

interface Probe {
  door: ReturnType<typeof gate>;
  ran: number;
  /** onRequestAbort calls: a client that left before its request was read. */
  aborted: number;
  /** Connections of running handlers that closed. */
  closed: number;
}

/** Test-only routes: a write that waits at the door, and two handlers that throw. */
function slowRoutes(probe: Probe) {
  return async (app: App) => {
    await sql`create table test_admission_write (id serial primary key)`.execute(app.deps.database.db);
    app.addHook('onRequestAbort', async (_request) => {
      probe.aborted++;
    });
    app.post('/api/test/slow-write', async (request) => {
      probe.ran++;
      request.raw.socket?.once('close', () => probe.closed++);
      await probe.door.opened;
      await sql`insert into test_admission_write default values`.execute(app.deps.database.db);
      return { ok: true };
    });
    app.get('/api/test/conflict', async () => {
      throw conflict('Đã có người sửa');
    });
    app.get('/api/test/crash', async () => {
      throw new Error('boom');
    });
  };
}

async function writesDone(t: TestApp): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from test_admission_write`
    .execute(t.database.db)
    .then((r) => r.rows[0]!);
  return row.n;
}

let t: TestApp | undefined;
let webDir: string | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  webDir = undefined;
});

describe('admission control', () => {
  it('answers a burst beyond the slots and the queue with 503 and Retry-After, and runs the rest', async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Phối hợp</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1234.js'), 'console.log(1);');
    const probe: Probe = { door: gate(), ran: 0, aborted: 0, closed: 0 };
    t = await createTestApp(
      { webDir, admission: { maxActive: 2, maxWaiting: 3, maxWaitMs: 60_000 } },
      { setup: slowRoutes(probe) },
    );
    const client = await t.as({ role: 'admin' });

    const answered: LightMyRequestResponse[] = [];
    const burst: Promise<LightMyRequestResponse>[] = [];
    for (let i = 0; i < 10; i++) {
      const sent = client.post('/api/test/slow-write', {});
      void sent.then((res) => answered.push(res));
      burst.push(sent);
    }
    const app = t.app;
    // The five beyond two slots and three places have their answer while the door is still shut.
    await until(() => answered.length === 5, 'five answered at once');
    expect(app.admission.stats()).toEqual({ active: 2, waiting: 3, rejected: 5 });
    for (const res of answered) {
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ error: { code: 'busy', message: BUSY_MESSAGE } });
      const retryAfter = Number(res.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    }
    // Only the two admitted reach the handler (after their session lookup).
    await until(() => probe.ran === 2, 'two handlers running');

    // While it is full: health, the API documentation and the web app answer, taking no slot.
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', databaseReady: true });
    expect((await app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/assets/app-1234.js' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/plans/1' })).statusCode).toBe(200);
    expect(app.admission.stats()).toMatchObject({ active: 2, waiting: 3 });

    probe.door.open();
    const all = await Promise.all(burst);
    const statuses = all.map((res) => res.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 503, 503, 503, 503, 503]);
    expect(probe.ran).toBe(5);
    // The refused requests wrote nothing: one row per accepted request.
    expect(await writesDone(t)).toBe(5);
    expect(app.admission.stats()).toEqual({ active: 0, waiting: 0, rejected: 5 });
  });

  it('answers 503 to a request that waited longer than the limit rather than running it late', async () => {
    const probe: Probe = { door: gate(), ran: 0, aborted: 0, closed: 0 };
    t = await createTestApp(
      { admission: { maxActive: 1, maxWaiting: 5, maxWaitMs: 20 } },
      { setup: slowRoutes(probe) },
    );
    const client = await t.as({ role: 'admin' });
    const first = client.post('/api/test/slow-write', {});
    const app = t.app;
    await until(() => app.admission.stats().active === 1, 'first admitted');

    const late = await client.post('/api/test/slow-write', {});
    expect(late.statusCode).toBe(503);
    expect(late.json()).toEqual({ error: { code: 'busy', message: WAITED_TOO_LONG_MESSAGE } });
    expect(Number(late.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    probe.door.open();
    expect((await first).statusCode).toBe(200);
    expect(probe.ran).toBe(1);
    expect(await writesDone(t)).toBe(1);
    expect(app.admission.stats()).toMatchObject({ active: 0, waiting: 0 });
  });

  it('gives the slot back when the handler throws', async () => {
    const probe: Probe = { door: gate(), ran: 0, aborted: 0, closed: 0 };
    t = await createTestApp(
      { admission: { maxActive: 1, maxWaiting: 10, maxWaitMs: 60_000 } },
      { setup: slowRoutes(probe) },
    );
    const client = await t.as({ role: 'admin' });
    const answers = await Promise.all([
      client.get('/api/test/conflict'),
      client.get('/api/test/crash'),
      client.get('/api/test/conflict'),
      client.get('/api/test/crash'),
    ]);
    expect(answers.map((res) => res.statusCode)).toEqual([409, 500, 409, 500]);
    expect(t.app.admission.stats()).toEqual({ active: 0, waiting: 0, rejected: 0 });
  });

  it('frees a waiting place when its client leaves, and the slot of a running one when its handler ends', async () => {
    const probe: Probe = { door: gate(), ran: 0, aborted: 0, closed: 0 };
    t = await createTestApp(
      { admission: { maxActive: 1, maxWaiting: 5, maxWaitMs: 60_000 } },
      { setup: slowRoutes(probe) },
    );
    const client = await t.as({ role: 'admin' });
    // Real sockets: a client leaving is a closed connection.
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const cookie = await sessionCookie(t);
    const send = () => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/test/slow-write',
        headers: {
          cookie: `phoihop_session=${cookie.value}`,
          'x-csrf-token': cookie.csrf,
          'content-type': 'application/json',
        },
      });
      req.on('error', () => {});
      req.end('{}');
      return req;
    };
    const app = t.app;

    const running = send();
    await until(() => app.admission.stats().active === 1 && probe.ran === 1, 'first running');
    const waiting = send();
    await until(() => app.admission.stats().waiting === 1, 'second waiting');

    waiting.destroy();
    await until(() => app.admission.stats().waiting === 0, 'waiting place freed');
    expect(probe.aborted).toBe(1);
    expect(app.admission.stats().active).toBe(1);

    running.destroy();
    await until(() => probe.closed === 1, 'the running request has lost its connection');
    // Its handler still holds the database until it replies.
    expect(app.admission.stats().active).toBe(1);
    probe.door.open();
    await until(() => app.admission.stats().active === 0, 'slot freed after the handler replied');
    expect(probe.ran).toBe(1);

    const after = await client.post('/api/test/slow-write', {});
    expect(after.statusCode).toBe(200);
    expect(app.admission.stats()).toMatchObject({ active: 0, waiting: 0 });
  });
});

async function sessionCookie(t: TestApp): Promise<{ value: string; csrf: string }> {
  const user = await createUser(t.database.db, { role: 'admin' });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: user.password },
  });
  const body = res.json() as { csrfToken: string };
  return { value: res.cookies.find((c) => c.name === 'phoihop_session')!.value, csrf: body.csrfToken };
}
