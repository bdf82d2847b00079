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

describe('auth routes', () => {
  it('reports the engine in the health check without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.engine, databaseReady: true });
  });

  it('answers 401 on /api/me without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('sets an httpOnly SameSite session cookie and returns the user with permissions', async () => {
    const user = await createUser(t.database.db, {
      role: 'provincial_coordinator',
      agency: 'HLHPN-2025-15',
      provinces: ['15'],
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'phoihop_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.user.username).toBe(user.username);
    expect(body.user.provinces).toEqual([{ code: '15', name: 'Lào Cai' }]);
    expect(body.user.permissions).toContain('record:write');
    expect(body.user.permissions).not.toContain('user:manage');
  });

  it('issues a new token at each login', async () => {
    const user = await createUser(t.database.db, { role: 'viewer' });
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    const token = (r: typeof first) => r.cookies.find((c) => c.name === 'phoihop_session')!.value;
    expect(token(first)).not.toBe(token(second));
  });

  it('rejects a wrong password with 401 and a Vietnamese message', async () => {
    const user = await createUser(t.database.db, { role: 'viewer' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'sai-mat-khau' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/không đúng/);
  });

  it('answers 400 naming the field when the password is missing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('password');
  });

  it('answers 400, not 500, for a body that is not JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBeTruthy();
  });

  it('throttles an account from the address of repeated failures, even with the right password', async () => {
    const user = await createUser(t.database.db, { role: 'viewer' });
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: 'sai' },
      });
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
    const later = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(later.statusCode).toBe(200);
  });

  it('refuses a write without the CSRF header', async () => {
    const client = await t.as({ role: 'admin' });
    const res = await client.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
  });

  it('ends the session at logout', async () => {
    const client = await t.as({ role: 'viewer' });
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('expires a session after the idle time-out and after the absolute time-out', async () => {
    const idle = await t.as({ role: 'viewer' });
    t.clock.advance(61 * 60_000);
    expect((await idle.get('/api/me')).statusCode).toBe(401);

    const busy = await t.as({ role: 'viewer' });
    for (let step = 0; step < 13; step++) {
      t.clock.advance(55 * 60_000);
      expect((await busy.get('/api/me')).statusCode).toBe(200);
    }
    t.clock.advance(10 * 60_000); // 12 h 5 min after login, active 10 min ago
    expect((await busy.get('/api/me')).statusCode).toBe(401);
  });

  it('serves the OpenAPI document without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/users']).toBeDefined();
  });

  it('sends security headers and no stack trace on an unknown API path', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).not.toMatch(/at .*\.ts/);
  });
});
