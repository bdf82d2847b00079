import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { agencyId } from '../../../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const newUser = async (overrides: Record<string, unknown> = {}) => ({
  username: `u${Math.random().toString(36).slice(2, 9)}`,
  displayName: 'Lò Thị Hoa',
  password: 'mat-khau-dai-du',
  role: 'data_entry',
  agencyId: await agencyId(t.database.db, 'HLHPN-2025-11'),
  nationalScope: false,
  provinces: ['11'],
  ...overrides,
});

describe('user administration', () => {
  it('lets an administrator create a provincial user who can then log in', async () => {
    const admin = await t.as({ role: 'admin' });
    const body = await newUser();
    const res = await admin.post('/api/users', body);
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      username: body.username,
      role: 'data_entry',
      provinces: ['11'],
      nationalScope: false,
      version: 1,
    });
    expect(view.agency.name).toBe('Hội Liên hiệp Phụ nữ tỉnh Điện Biên');
    expect(view.allowedActions).toEqual(['edit', 'set_password', 'disable']);
    await expect(t.login(body.username, body.password)).resolves.toBeTruthy();
  });

  it('answers 401 without a session and 403 for a role that cannot manage users', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/users', payload: await newUser() });
    expect(anonymous.statusCode).toBe(401);
    const coordinator = await t.as({ role: 'central_coordinator' });
    const res = await coordinator.post('/api/users', await newUser());
    expect(res.statusCode).toBe(403);
  });

  it('answers 400 naming the field for bad input, and writes nothing', async () => {
    const admin = await t.as({ role: 'admin' });
    const before = await admin.get('/api/users?includeDisabled=true&limit=500');
    const cases: [Record<string, unknown>, string][] = [
      [{ role: 'boss' }, 'role'],
      [{ password: 'short' }, 'password'],
      [{ username: 'Có Dấu' }, 'username'],
      [{ provinces: ['999'] }, 'provinces.0'],
      [{ provinces: ['99'] }, 'provinces'],
      [{ provinces: [] }, 'provinces'],
      [{ agencyId: 999999 }, 'agencyId'],
    ];
    for (const [override, field] of cases) {
      const res = await admin.post('/api/users', await newUser(override));
      expect(res.statusCode, JSON.stringify(override)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    const missing = await newUser();
    delete (missing as Record<string, unknown>).displayName;
    const res = await admin.post('/api/users', missing);
    expect(res.json().error).toMatchObject({ field: 'displayName' });
    const after = await admin.get('/api/users?includeDisabled=true&limit=500');
    expect(after.json().total).toBe(before.json().total);
  });

  it('refuses a second user with the same username with 409 on the username field', async () => {
    const admin = await t.as({ role: 'admin' });
    const body = await newUser();
    expect((await admin.post('/api/users', body)).statusCode).toBe(201);
    const again = await admin.post('/api/users', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.field).toBe('username');
  });

  it("shows a provincial coordinator their province's users and answers 404 for another province's", async () => {
    const admin = await t.as({ role: 'admin' });
    const dienBien = (await admin.post('/api/users', await newUser())).json();
    const laoCai = (
      await admin.post(
        '/api/users',
        await newUser({ provinces: ['15'], agencyId: await agencyId(t.database.db, 'HLHPN-2025-15') }),
      )
    ).json();
    const coordinator = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
    const list = (await coordinator.get('/api/users?limit=500')).json();
    const names = list.items.map((u: { username: string }) => u.username);
    expect(names).toContain(laoCai.username);
    expect(names).not.toContain(dienBien.username);
    expect(names).not.toContain(admin.username);
    expect((await coordinator.get(`/api/users/${dienBien.id}`)).statusCode).toBe(404);
    expect((await coordinator.get(`/api/users/${laoCai.id}`)).statusCode).toBe(200);
  });

  it('changes role and scope with the version, and refuses a stale version with 409', async () => {
    const admin = await t.as({ role: 'admin' });
    const created = (await admin.post('/api/users', await newUser())).json();
    const updated = await admin.patch(`/api/users/${created.id}`, { version: 1, role: 'viewer', nationalScope: true });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ role: 'viewer', nationalScope: true, provinces: [], version: 2 });
    const stale = await admin.patch(`/api/users/${created.id}`, { version: 1, role: 'data_entry' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/người khác sửa/);
  });

  it('ends every session of a user who is disabled', async () => {
    const admin = await t.as({ role: 'admin' });
    const body = await newUser();
    const created = (await admin.post('/api/users', body)).json();
    const session = await t.login(body.username, body.password);
    expect((await session.get('/api/me')).statusCode).toBe(200);
    const res = await admin.post(`/api/users/${created.id}/disable`, { version: created.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ disabled: true, allowedActions: ['edit', 'set_password', 'enable'] });
    expect((await session.get('/api/me')).statusCode).toBe(401);
    await expect(t.login(body.username, body.password)).rejects.toThrow(/401/);
  });

  it('does not let an administrator disable their own account', async () => {
    const admin = await t.as({ role: 'admin' });
    const self = (await admin.get(`/api/users/${admin.userId}`)).json();
    const res = await admin.post(`/api/users/${admin.userId}/disable`, { version: self.version });
    expect(res.statusCode).toBe(409);
  });

  it('records who changed what, before and after, in the audit log', async () => {
    const admin = await t.as({ role: 'admin' });
    const created = (await admin.post('/api/users', await newUser())).json();
    await admin.patch(`/api/users/${created.id}`, { version: 1, displayName: 'Tên mới' });
    const auditor = await t.as({ role: 'auditor' });
    const log = (await auditor.get(`/api/audit?entityType=user&entityId=${created.id}`)).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    const update = log.items[0];
    expect(update.actor).toBe(admin.username);
    expect(update.before.displayName).toBe('Lò Thị Hoa');
    expect(update.after.displayName).toBe('Tên mới');
    expect(JSON.stringify(log)).not.toMatch(/argon2/);
  });
});
