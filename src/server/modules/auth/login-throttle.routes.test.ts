// Login throttling (login-throttle.ts) and the client address behind a proxy, through the routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { createUser, TEST_PASSWORD } from '../../../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const login = (username: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });

async function auditIps(username: string): Promise<(string | null)[]> {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select('ip')
    .where('actor_username', '=', username)
    .where('action', '=', 'login')
    .orderBy('audit_id')
    .execute();
  return rows.map((r) => r.ip);
}

describe('login throttling', () => {
  it('keeps the secure defaults: 5 failures per account and address, 20 per address', () => {
    expect(t.app.deps.config.login).toEqual({ maxFailures: 5, addressMaxFailures: 20, maxDelayMinutes: 15 });
    expect(t.app.deps.config.trustProxy).toEqual([]);
  });

  it('after 20 failed logins from one address the account still logs in from another, the failing address waits', async () => {
    const user = await createUser(t.database.db, { role: 'admin' });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await login(user.username, 'sai-mat-khau', '203.0.113.10')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));

    const elsewhere = await login(user.username, TEST_PASSWORD, '198.51.100.20');
    expect(elsewhere.statusCode).toBe(200);

    // The failing address is refused even with the right password, in the one error shape.
    const again = await login(user.username, TEST_PASSWORD, '203.0.113.10');
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect(again.json()).toEqual({
      error: { code: 'too_many_requests', message: expect.stringMatching(/thử lại sau \d+ giây/) },
    });
  });

  it('never makes a login wait longer than its delay when the clock is set back', async () => {
    const user = await createUser(t.database.db, { role: 'viewer' });
    const ip = '203.0.113.40';
    for (let i = 0; i < 3; i++) expect((await login(user.username, 'sai', ip)).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login(user.username, 'sai', ip)).statusCode).toBe(401);
    // Back eight months (tests do this; so may a machine whose clock was wrong): under the limit, no wait.
    t.clock.set(new Date(t.clock.now().getTime() - 240 * 24 * 3_600_000));
    expect((await login(user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) await login(user.username, 'sai', ip);
    t.clock.set(new Date(t.clock.now().getTime() - 30 * 24 * 3_600_000));
    const waiting = await login(user.username, TEST_PASSWORD, ip);
    expect(waiting.statusCode).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBeLessThanOrEqual(30);
  });

  it('backs off: 30 s after the fifth failure, then doubling with each further failure', async () => {
    const user = await createUser(t.database.db, { role: 'viewer' });
    const ip = '203.0.113.11';
    for (let i = 0; i < 5; i++) expect((await login(user.username, 'sai', ip)).statusCode).toBe(401);
    expect((await login(user.username, 'sai', ip)).headers['retry-after']).toBe('30');
    t.clock.advance(30_000);
    expect((await login(user.username, 'sai', ip)).statusCode).toBe(401);
    expect((await login(user.username, 'sai', ip)).headers['retry-after']).toBe('60');
    t.clock.advance(60_000);
    expect((await login(user.username, 'sai', ip)).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD, ip)).headers['retry-after']).toBe('120');
    t.clock.advance(120_000);
    // The right password logs in, and forgets the account's failures from this address.
    expect((await login(user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login(user.username, 'sai', ip)).statusCode).toBe(401);
    expect((await login(user.username, 'sai', ip)).statusCode).toBe(429);
  });

  it('throttles one address trying many accounts, whatever the names', async () => {
    const ip = '203.0.113.12';
    const user = await createUser(t.database.db, { role: 'viewer' });
    for (let i = 0; i < 20; i++) expect((await login(`khong-co-${i}`, 'sai', ip)).statusCode).toBe(401);
    const res = await login(user.username, TEST_PASSWORD, ip);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('30');
    expect((await login(user.username, TEST_PASSWORD, '203.0.113.13')).statusCode).toBe(200);
  });

  it('counts an IPv6 client by its /64: rotating the last 64 bits gets no more tries', async () => {
    const user = await createUser(t.database.db, { role: 'viewer' });
    for (let i = 1; i <= 5; i++) expect((await login(user.username, 'sai', `2001:db8:7:7::${i}`)).statusCode).toBe(401);
    expect((await login(user.username, 'sai', '2001:db8:7:7:ffff::6')).statusCode).toBe(429);
    expect((await login(user.username, TEST_PASSWORD, '2001:db8:7:8::1')).statusCode).toBe(200);
  });

  it('counts parallel attempts one after another: of 30 wrong passwords at once at most 5 are checked', async () => {
    const user = await createUser(t.database.db, { role: 'admin' });
    const results = await Promise.all(
      Array.from({ length: 30 }, () => login(user.username, 'sai-mat-khau', '203.0.113.14')),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
  });

  it('answers an unknown account as a wrong password, after the same argon2 work', async () => {
    const user = await createUser(t.database.db, { role: 'viewer' });
    const time = async (username: string, ip: string) => {
      const start = performance.now();
      expect((await login(username, 'sai-mat-khau', ip)).json().error.code).toBe('invalid_credentials');
      return performance.now() - start;
    };
    await time(user.username, '203.0.113.15'); // the dummy hash and argon2 warm
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(user.username, `203.0.113.${16 + i}`));
      unknown.push(await time(`khong-co-ai-${i}`, `203.0.113.${16 + i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Without the dummy hash an unknown name answered in a fraction of argon2's time.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });
});

describe('client address', () => {
  it('ignores X-Forwarded-For by default: the audit log records the connecting address', async () => {
    const user = await createUser(t.database.db, { role: 'viewer' });
    const res = await login(user.username, TEST_PASSWORD, '192.0.2.30', { 'x-forwarded-for': '10.9.9.9' });
    expect(res.statusCode).toBe(200);
    expect(await auditIps(user.username)).toEqual(['192.0.2.30']);
  });

  it('forged addresses do not get around the limit by default', async () => {
    const user = await createUser(t.database.db, { role: 'viewer' });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await login(user.username, 'sai', '192.0.2.31', { 'x-forwarded-for': `10.0.0.${i}` });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });

  it('believes X-Forwarded-For from a configured proxy only', async () => {
    const proxied = await createTestApp({ trustProxy: ['192.0.2.1'] });
    try {
      const user = await createUser(proxied.database.db, { role: 'viewer' });
      const via = (remoteAddress: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: user.username, password: TEST_PASSWORD },
          remoteAddress,
          headers: { 'x-forwarded-for': '198.51.100.77' },
        });
      expect((await via('192.0.2.1')).statusCode).toBe(200);
      expect((await via('192.0.2.2')).statusCode).toBe(200);
      const rows = await proxied.database.db
        .selectFrom('audit_log')
        .select('ip')
        .where('actor_username', '=', user.username)
        .orderBy('audit_id')
        .execute();
      expect(rows.map((r) => r.ip)).toEqual(['198.51.100.77', '192.0.2.2']);
    } finally {
      await proxied.close();
    }
  });
});
