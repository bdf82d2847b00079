// Health is the yardstick and what a load balancer asks: it must answer while the database is busy.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/test-app';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('GET /api/health', () => {
  it('reports the engine and that the database answered', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.engine, databaseReady: true });
  });

  it('answers while a transaction holds the database (PGlite: its one connection)', async () => {
    t = await createTestApp();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inside = new Promise<void>((resolve) => (started = resolve));
    const transaction = t.database.db.transaction().execute(async (tx) => {
      await sql`select 1`.execute(tx);
      started();
      await held;
    });
    await inside;
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', databaseReady: true });
    release();
    await transaction;
  });

  it('answers while another request runs a long chain of queries (PGlite answers them without an event-loop turn)', async () => {
    const CAP = 3000;
    const chain = { queries: 0, healthSeenAt: -1 };
    t = await createTestApp(
      {},
      {
        setup: (app) => {
          app.get('/api/test/chain', { config: { public: true } }, async () => {
            for (chain.queries = 0; chain.queries < CAP && chain.healthSeenAt < 0; chain.queries++)
              await sql`select 1`.execute(app.deps.database.db);
            return { queries: chain.queries };
          });
          app.addHook('onResponse', async (request) => {
            if (request.url === '/api/health') chain.healthSeenAt = chain.queries;
          });
        },
      },
    );
    // Real sockets: a request the server has not read yet is what waits here, not a queue of ours.
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const get = (url: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: url }, (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          })
          .on('error', reject);
      });
    const running = get('/api/test/chain');
    while (chain.queries === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const health = await get('/api/health');
    expect(health.status).toBe(200);
    const done = await running;
    expect(done.status).toBe(200);
    // Health was answered in the middle of the chain, which then stopped: not after all of it.
    expect(chain.healthSeenAt).toBeGreaterThan(0);
    expect(chain.healthSeenAt).toBeLessThan(CAP);
  });
});
