import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';

let t: TestApp;
let owner: ApiClient;
let colleague: ApiClient;
let otherAgency: ApiClient;
let branchAbove: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
  colleague = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
  otherAgency = await t.as({ role: 'provincial_coordinator', agency: 'UBDT-2025-11', provinces: ['11'] });
  // The central union sees its branches' rows elsewhere, but a saved view is shared in one agency only.
  branchAbove = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
});
afterAll(async () => {
  await t.close();
});

const state = (overrides: Record<string, unknown> = {}) => ({
  rows: ['province'],
  cols: ['year'],
  filters: { indicator: 'TT01', year: '2025' },
  showTargets: true,
  ...overrides,
});

let n = 0;
async function save(who: ApiClient, shared: boolean, body: Record<string, unknown> = {}) {
  const res = await who.post('/api/saved-views', { name: `Chế độ xem ${++n}`, state: state(), shared, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; name: string; version: number; state: unknown; allowedActions: string[] };
}

const listedIds = async (who: ApiClient) =>
  ((await who.get('/api/saved-views')).json() as { items: { id: number }[] }).items.map((v) => v.id);

async function auditOf(id: number) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'before', 'after'])
    .where('entity_type', '=', 'saved_view')
    .where('entity_id', '=', String(id))
    .orderBy('audit_id')
    .execute();
}

describe('saved pivot views', () => {
  it('shows a shared view to another user of the same agency, with the same state, read-only', async () => {
    const view = await save(owner, true);
    expect(view.allowedActions).toEqual(['edit', 'delete']);
    const seen = await colleague.get(`/api/saved-views/${view.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      name: view.name,
      state: state(),
      shared: true,
      mine: false,
      allowedActions: [],
    });
    expect(await listedIds(colleague)).toContain(view.id);
  });

  it('answers 404 to a user of another agency, even the agency above, and lists nothing of it', async () => {
    const view = await save(owner, true);
    for (const who of [otherAgency, branchAbove]) {
      expect((await who.get(`/api/saved-views/${view.id}`)).statusCode).toBe(404);
      expect(await listedIds(who)).not.toContain(view.id);
      expect((await who.patch(`/api/saved-views/${view.id}`, { version: 1, name: 'x' })).statusCode).toBe(404);
      expect((await who.delete(`/api/saved-views/${view.id}`)).statusCode).toBe(404);
    }
  });

  it('keeps a private view from everyone but its owner', async () => {
    const view = await save(owner, false);
    expect((await colleague.get(`/api/saved-views/${view.id}`)).statusCode).toBe(404);
    expect(await listedIds(colleague)).not.toContain(view.id);
    expect(await listedIds(owner)).toContain(view.id);
  });

  it('lists my own views before the ones my agency shares', async () => {
    const mine = await save(colleague, false, { name: 'zzz của tôi' });
    const theirs = await save(owner, true, { name: 'aaa của đồng nghiệp' });
    const items = ((await colleague.get('/api/saved-views')).json() as { items: { id: number; mine: boolean }[] })
      .items;
    const ids = items.map((v) => v.id);
    expect(ids.indexOf(mine.id)).toBeLessThan(ids.indexOf(theirs.id));
    expect(items.filter((v) => v.mine).every((v, i) => items[i]!.mine)).toBe(true);
  });

  it('renames with the version read, refuses a stale version with 409, and audits each change', async () => {
    const view = await save(owner, false);
    const renamed = await owner.patch(`/api/saved-views/${view.id}`, {
      version: 1,
      name: '  Tên   mới  ',
      shared: true,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Tên mới', shared: true, version: 2 });
    const stale = await owner.patch(`/api/saved-views/${view.id}`, { version: 1, name: 'Tên cũ' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.field).toBe('version');
    expect((await colleague.get(`/api/saved-views/${view.id}`)).json().name).toBe('Tên mới');
    expect((await owner.delete(`/api/saved-views/${view.id}?version=2`)).statusCode).toBe(204);
    expect((await owner.get(`/api/saved-views/${view.id}`)).statusCode).toBe(404);
    const audit = await auditOf(view.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit.every((a) => a.actor_user_id === owner.userId)).toBe(true);
    expect(audit[1]!.before).toMatchObject({ name: view.name, shared: false });
    expect(audit[1]!.after).toMatchObject({ name: 'Tên mới', shared: true });
  });

  it('lets only the owner change a shared view: 403 for a colleague, and nothing changes', async () => {
    const view = await save(owner, true);
    const rename = await colleague.patch(`/api/saved-views/${view.id}`, { version: 1, name: 'Của tôi' });
    expect(rename.statusCode).toBe(403);
    expect((await colleague.delete(`/api/saved-views/${view.id}`)).statusCode).toBe(403);
    expect((await owner.get(`/api/saved-views/${view.id}`)).json()).toMatchObject({ name: view.name, version: 1 });
    expect((await auditOf(view.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a second view of the same name for one owner with 409 on the name', async () => {
    await save(owner, false, { name: 'Trùng tên' });
    const again = await owner.post('/api/saved-views', { name: 'trùng TÊN', state: state() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.field).toBe('name');
    // Another user may use the same name.
    await save(colleague, false, { name: 'Trùng tên' });
  });

  it('answers 400 naming the field for a bad name or state, and stores nothing', async () => {
    const before = (
      await t.database.db
        .selectFrom('saved_view')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(121) }, 'name'],
      [{ state: state({ rows: ['nowhere'] }) }, 'state.rows.0'],
      [{ state: state({ rows: ['year'], cols: ['year'] }) }, 'state.cols'],
      [{ state: state({ rows: ['province', 'province'] }) }, 'state.rows'],
      [{ state: state({ filters: { indicator: 'TT01', script: 'x' } }) }, 'state.filters.script'],
      [{ state: state({ filters: { indicator: '<b>' } }) }, 'state.filters.indicator'],
      [{ state: state({ filters: { indicator: 'A'.repeat(1001) } }) }, 'state.filters.indicator'],
      [{ state: { ...state(), extra: 1 } }, 'state.extra'],
      [{ state: undefined }, 'state'],
    ];
    for (const [override, field] of cases) {
      const res = await owner.post('/api/saved-views', { name: 'Hợp lệ', state: state(), ...override });
      expect(res.statusCode, JSON.stringify(override)).toBe(400);
      expect(res.json().error.field, JSON.stringify(override)).toBe(field);
    }
    const after = (
      await t.database.db
        .selectFrom('saved_view')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(after).toBe(before);
  });

  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/saved-views' });
    expect(res.statusCode).toBe(401);
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/saved-views',
      payload: { name: 'x', state: state() },
    });
    expect(post.statusCode).toBe(401);
  });
});
