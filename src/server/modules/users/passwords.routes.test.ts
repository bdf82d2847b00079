// Passwords: the administrator's reset and the user's own change, both checked by the password
// policy (auth/password-policy.ts), both ending sessions, both audited without password material.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { createUser, TEST_PASSWORD } from '../../../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const NEW_PASSWORD = 'Sông Đà chảy về xuôi';
const WEAK = ['12345678', 'password', 'aaaaaaaa'];

async function provincialUser() {
  const user = await createUser(t.database.db, {
    role: 'data_entry',
    agency: 'HLHPN-2025-11',
    provinces: ['11'],
  });
  return {
    ...user,
    first: await t.login(user.username, TEST_PASSWORD),
    second: await t.login(user.username, TEST_PASSWORD),
  };
}

const version = async (admin: ApiClient, id: number) => (await admin.get(`/api/users/${id}`)).json().version as number;

async function auditEntries(entityId: number, action: string) {
  return t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', 'user')
    .where('entity_id', '=', String(entityId))
    .where('action', '=', action)
    .execute();
}

function carriesNoPassword(entries: unknown[], password: string) {
  const text = JSON.stringify(entries);
  expect(text).not.toContain(password);
  expect(text).not.toMatch(/argon2|password_hash|passwordHash/);
}

describe("an administrator's reset", () => {
  it('sets the password, ends every session of the user and is audited without the password', async () => {
    const admin = await t.as({ role: 'admin' });
    const user = await provincialUser();
    const res = await admin.post(`/api/users/${user.id}/password`, {
      version: await version(admin, user.id),
      password: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, version: 2 });
    expect((await user.first.get('/api/me')).statusCode).toBe(401);
    expect((await user.second.get('/api/me')).statusCode).toBe(401);
    await expect(t.login(user.username, NEW_PASSWORD)).resolves.toBeTruthy();
    await expect(t.login(user.username, TEST_PASSWORD)).rejects.toThrow(/401/);
    const entries = await auditEntries(user.id, 'set_password');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor_username).toBe(admin.username);
    carriesNoPassword(entries, NEW_PASSWORD);
  });

  it.each([...WEAK, 'the username', 'dienbien1'])(
    'refuses %s with 400 on password and changes nothing',
    async (weak) => {
      const admin = await t.as({ role: 'admin' });
      const user = await provincialUser();
      const password = weak === 'the username' ? user.username : weak;
      const res = await admin.post(`/api/users/${user.id}/password`, { version: 1, password });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'invalid',
        field: 'password',
        message: expect.stringMatching(/^Mật khẩu /),
      });
      expect(await version(admin, user.id)).toBe(1);
      expect((await user.first.get('/api/me')).statusCode).toBe(200);
    },
  );

  it('refuses a stale version with 409, a user out of scope with 404 and a role without user:manage with 403', async () => {
    const admin = await t.as({ role: 'admin' });
    const user = await provincialUser();
    const stale = await admin.post(`/api/users/${user.id}/password`, { version: 7, password: NEW_PASSWORD });
    expect(stale.statusCode).toBe(409);
    const elsewhere = await t.as({ role: 'admin', agency: 'HLHPN-2025-15', provinces: ['15'] });
    const out = await elsewhere.post(`/api/users/${user.id}/password`, { version: 1, password: NEW_PASSWORD });
    expect(out.statusCode).toBe(404);
    const coordinator = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
    expect(
      (await coordinator.post(`/api/users/${user.id}/password`, { version: 1, password: NEW_PASSWORD })).statusCode,
    ).toBe(403);
    expect((await user.first.get('/api/me')).statusCode).toBe(200);
  });

  it('checks the password of a new account too', async () => {
    const admin = await t.as({ role: 'admin' });
    const res = await admin.post('/api/users', {
      username: 'tran.thi.b',
      displayName: 'Trần Thị B',
      password: 'tran.thi.b2026',
      role: 'viewer',
      agencyId: (await admin.get('/api/me')).json().agency.id,
      nationalScope: true,
      provinces: [],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('password');
  });
});

describe("a user's own change", () => {
  it('needs the current password, keeps this session and ends the others, audited without the password', async () => {
    const user = await provincialUser();
    const res = await user.first.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(204);
    expect((await user.first.get('/api/me')).statusCode).toBe(200);
    expect((await user.second.get('/api/me')).statusCode).toBe(401);
    await expect(t.login(user.username, NEW_PASSWORD)).resolves.toBeTruthy();
    await expect(t.login(user.username, TEST_PASSWORD)).rejects.toThrow(/401/);
    const entries = await auditEntries(user.id, 'change_password');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_user_id: user.id, ip: '127.0.0.1' });
    carriesNoPassword(entries, NEW_PASSWORD);
    carriesNoPassword(entries, TEST_PASSWORD);
  });

  it('refuses a wrong current password with 400 on currentPassword, and counts it as a failed login', async () => {
    const user = await provincialUser();
    for (let i = 0; i < 5; i++) {
      const res = await user.first.post('/api/me/password', { currentPassword: 'sai-roi', newPassword: NEW_PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng' });
    }
    const throttled = await user.first.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBeDefined();
    expect((await user.second.get('/api/me')).statusCode).toBe(200);
  });

  it.each([...WEAK, 'the username', TEST_PASSWORD])(
    'refuses %s as the new password with 400 on newPassword',
    async (weak) => {
      const user = await provincialUser();
      const newPassword = weak === 'the username' ? user.username : weak;
      const res = await user.first.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        field: 'newPassword',
        message: expect.stringMatching(/^Mật khẩu mới /),
      });
      expect((await user.second.get('/api/me')).statusCode).toBe(200);
      expect(await auditEntries(user.id, 'change_password')).toHaveLength(0);
    },
  );

  it('answers 401 without a session and 403 without the CSRF token', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(anonymous.statusCode).toBe(401);
    const user = await provincialUser();
    const res = await user.first.request(
      'POST',
      '/api/me/password',
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      { 'x-csrf-token': 'sai' },
    );
    expect(res.statusCode).toBe(403);
  });
});
