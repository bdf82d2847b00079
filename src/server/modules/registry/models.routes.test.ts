import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { COMMUNES, ethnicGroupId, modelBody } from '../../../../test/registry-fixtures';

let t: TestApp;
let central: ApiClient;
let dienBien: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  central = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
  dienBien = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
});
afterAll(async () => {
  await t.close();
});

async function create(client: ApiClient, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/models', await modelBody(t.database.db, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('model types', () => {
  it('holds the seed’s eight model types, and "dia chi an toan" finds Địa chỉ tin cậy', async () => {
    const all = (await dienBien.get('/api/model-types')).json();
    expect(all.map((x: { code: string }) => x.code)).toEqual([
      'to_truyen_thong',
      'dia_chi_tin_cay',
      'clb_thu_linh',
      'tkvvtb',
      'tkvvtb_sinh_ke',
      'to_nhom_sinh_ke',
      'to_hop_tac',
      'hop_tac_xa',
    ]);
    const found = (await dienBien.get('/api/model-types?q=dia%20chi%20an%20toan')).json();
    expect(found).toEqual([
      expect.objectContaining({ code: 'dia_chi_tin_cay', name: 'Địa chỉ tin cậy', sensitive: true }),
    ]);
    expect(found[0].aliases).toContain('Địa chỉ an toàn');
    const livelihood = all.filter((x: { livelihood: boolean }) => x.livelihood).map((x: { code: string }) => x.code);
    expect(livelihood).toEqual(['to_nhom_sinh_ke', 'to_hop_tac', 'hop_tac_xa']);
  });

  it('finds a trusted address in the model list by the old name, without diacritics', async () => {
    const model = await create(dienBien, { modelType: 'dia_chi_tin_cay', name: 'Nhà bà Lò Thị Xuân' });
    const res = (await dienBien.get('/api/models?q=dia%20chi%20an%20toan%20muong%20thanh')).json();
    expect(res.items.map((m: { id: number }) => m.id)).toContain(model.id);
  });
});

describe('community models', () => {
  it('registers a model with members by sex and ethnicity and shows it in the list and the record', async () => {
    const model = await create(dienBien);
    expect(model).toMatchObject({
      type: { code: 'to_truyen_thong', name: 'Tổ truyền thông cộng đồng' },
      provinceCode: '11',
      provinceName: 'Tỉnh Điện Biên',
      commune: { generation: 2025, code: COMMUNES.dienBien, name: 'Phường Mường Thanh' },
      status: 'active',
      statusSince: '2023-03-15',
      members: { female: 10, male: 4, total: 14 },
      version: 1,
      allowedActions: ['edit', 'change_status', 'edit_members', 'log_activity'],
    });
    expect(model.memberGrid).toContainEqual(expect.objectContaining({ ethnicGroup: 'Mông', sex: 'female', count: 2 }));
    expect(model.history).toEqual([expect.objectContaining({ status: 'active', effectiveOn: '2023-03-15' })]);
    const list = (await central.get('/api/models?province=11&q=na%20sang&limit=200')).json();
    expect(list.items.map((m: { id: number }) => m.id)).toContain(model.id);
  });

  it('stores the 2025 province of a commune given in the 2024 list', async () => {
    const model = await create(central, { communeCode: COMMUNES.quangTrung2024, communeGeneration: 2024 });
    expect(model).toMatchObject({ provinceCode: '08', commune: { generation: 2024, code: COMMUNES.quangTrung2024 } });
  });

  it('filters livelihood models by women ownership and technology flags', async () => {
    const coop = await create(central, {
      modelType: 'hop_tac_xa',
      name: 'HTX dệt thổ cẩm Mường Thanh',
      womenOwnership: 'co_owned',
      tech: { ecommerce: true, traceability: true },
    });
    const owned = (await central.get('/api/models?womenOwned=co_owned&tech=ecommerce')).json();
    expect(owned.items.map((m: { id: number }) => m.id)).toEqual([coop.id]);
    expect(owned.items[0].tech).toEqual({
      ecommerce: true,
      traceability: true,
      quality_management: false,
      digital_payments: false,
    });
    expect((await central.get('/api/models?tech=quality_management')).json().total).toBe(0);
  });

  it('records a dated status history: active → inactive → active, then merged into another model', async () => {
    const model = await create(dienBien);
    const target = await create(dienBien);
    let res = await dienBien.post(`/api/models/${model.id}/status`, {
      version: 1,
      status: 'inactive',
      effectiveOn: '2024-02-01',
      note: 'Tổ trưởng chuyển đi',
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await dienBien.post(`/api/models/${model.id}/status`, {
      version: 2,
      status: 'active',
      effectiveOn: '2024-06-01',
    });
    expect(res.json()).toMatchObject({ status: 'active', statusSince: '2024-06-01', version: 3 });
    const backwards = await dienBien.post(`/api/models/${model.id}/status`, {
      version: 3,
      status: 'inactive',
      effectiveOn: '2024-05-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.field).toBe('effectiveOn');
    res = await dienBien.post(`/api/models/${model.id}/status`, {
      version: 3,
      status: 'merged',
      effectiveOn: '2025-01-01',
      mergedIntoId: target.id,
    });
    const merged = res.json();
    expect(merged).toMatchObject({ status: 'merged', mergedInto: { id: target.id, name: target.name } });
    expect(merged.history.map((h: { status: string; effectiveOn: string }) => `${h.status} ${h.effectiveOn}`)).toEqual([
      'active 2023-03-15',
      'inactive 2024-02-01',
      'active 2024-06-01',
      'merged 2025-01-01',
    ]);
    expect(merged.allowedActions).toEqual(['reopen', 'log_activity']);
    const into = (await dienBien.get(`/api/models/${target.id}`)).json();
    expect(into.mergedFrom).toEqual([{ id: model.id, name: model.name }]);
  });

  it('keeps a merged or dissolved model closed unless it is explicitly reopened with a note', async () => {
    const model = await create(dienBien);
    await dienBien.post(`/api/models/${model.id}/status`, {
      version: 1,
      status: 'dissolved',
      effectiveOn: '2025-03-01',
    });
    const plain = await dienBien.post(`/api/models/${model.id}/status`, {
      version: 2,
      status: 'active',
      effectiveOn: '2025-04-01',
    });
    expect(plain.statusCode).toBe(409);
    const edit = await dienBien.put(`/api/models/${model.id}`, { version: 2, ...(await modelBody(t.database.db)) });
    expect(edit.statusCode).toBe(409);
    const noNote = await dienBien.post(`/api/models/${model.id}/status`, {
      version: 2,
      status: 'active',
      effectiveOn: '2025-04-01',
      reopen: true,
    });
    expect(noNote.json().error.field).toBe('note');
    const reopened = await dienBien.post(`/api/models/${model.id}/status`, {
      version: 2,
      status: 'active',
      effectiveOn: '2025-04-01',
      reopen: true,
      note: 'Giải thể nhầm',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'active', version: 3 });
  });

  it('merges only into a live model of the same province', async () => {
    const model = await create(central);
    const elsewhere = await create(central, { communeCode: COMMUNES.laoCai });
    const res = await central.post(`/api/models/${model.id}/status`, {
      version: 1,
      status: 'merged',
      effectiveOn: '2025-01-01',
      mergedIntoId: elsewhere.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('mergedIntoId');
    const missing = await central.post(`/api/models/${model.id}/status`, {
      version: 1,
      status: 'merged',
      effectiveOn: '2025-01-01',
    });
    expect(missing.json().error.field).toBe('mergedIntoId');
  });

  it('edits a model with its version and refuses a stale edit with 409', async () => {
    const model = await create(dienBien);
    const body = await modelBody(t.database.db, { name: 'Tổ truyền thông bản Huổi Phạ' });
    const saved = await dienBien.put(`/api/models/${model.id}`, { version: 1, ...body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ name: 'Tổ truyền thông bản Huổi Phạ', version: 2 });
    const stale = await central.put(`/api/models/${model.id}`, { version: 1, ...body });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.field).toBe('version');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username', 'province_code'])
      .where('entity_type', '=', 'community_model')
      .where('entity_id', '=', String(model.id))
      .orderBy('audit_id')
      .execute();
    expect(audit).toEqual([
      { action: 'create', actor_username: dienBien.username, province_code: '11' },
      { action: 'update', actor_username: dienBien.username, province_code: '11' },
    ]);
  });

  it('replaces the member grid and logs monthly activity counts', async () => {
    const model = await create(dienBien);
    const dao = await ethnicGroupId(t.database.db, 'Dao');
    const members = await dienBien.put(`/api/models/${model.id}/members`, {
      version: 1,
      members: [{ sex: 'female', ethnicGroupId: dao, count: 5 }],
    });
    expect(members.json()).toMatchObject({ members: { female: 5, male: 0, total: 5 }, version: 2 });
    // ethnic_group_id is a smallint: beyond it is a 400 naming the field, not PostgreSQL's out-of-range 500.
    const beyond = await dienBien.put(`/api/models/${model.id}/members`, {
      version: 2,
      members: [{ sex: 'female', ethnicGroupId: 32768, count: 5 }],
    });
    expect(beyond.statusCode, beyond.body).toBe(400);
    expect(beyond.json().error.field).toBe('members.0.ethnicGroupId');
    const logged = await dienBien.put(`/api/models/${model.id}/activity`, {
      entries: [
        { month: '2026-10', kind: 'meeting', count: 2 },
        { month: '2026-10', kind: 'case_referred', count: 1 },
      ],
    });
    expect(logged.statusCode, logged.body).toBe(200);
    const again = await dienBien.put(`/api/models/${model.id}/activity`, {
      entries: [{ month: '2026-10', kind: 'meeting', count: 3 }],
    });
    expect(again.json().activity).toEqual([
      { month: '2026-10', kind: 'case_referred', count: 1 },
      { month: '2026-10', kind: 'meeting', count: 3 },
    ]);
    const future = await dienBien.put(`/api/models/${model.id}/activity`, {
      entries: [{ month: '2027-01', kind: 'meeting', count: 1 }],
    });
    expect(future.json().error.field).toBe('entries.0.month');
  });
});

describe('registry scope', () => {
  it('lets a provincial officer create in Điện Biên, refuses Lào Cai with 403 and hides its models with 404', async () => {
    const own = await create(dienBien);
    expect(own.provinceCode).toBe('11');
    const laoCaiBody = await modelBody(t.database.db, { communeCode: COMMUNES.laoCai });
    expect((await dienBien.post('/api/models', laoCaiBody)).statusCode).toBe(403);
    const laoCai = await create(central, { communeCode: COMMUNES.laoCai });
    expect(laoCai.provinceCode).toBe('15');
    expect((await dienBien.get(`/api/models/${laoCai.id}`)).statusCode).toBe(404);
    const list = (await dienBien.get('/api/models?limit=500')).json();
    expect(list.items.every((m: { provinceCode: string }) => m.provinceCode === '11')).toBe(true);
    const moveOut = await dienBien.put(`/api/models/${own.id}`, { version: 1, ...laoCaiBody });
    expect(moveOut.statusCode).toBe(403);
  });
});

describe('registry validation and access on every mutating endpoint', () => {
  const mutations = (id: number, version: number, thai: number) =>
    [
      { method: 'PUT', url: `/api/models/${id}`, body: { version, name: 'X' }, badField: 'modelType' },
      {
        method: 'POST',
        url: `/api/models/${id}/status`,
        body: { version, status: 'paused', effectiveOn: '2025-01-01' },
        badField: 'status',
      },
      {
        method: 'PUT',
        url: `/api/models/${id}/members`,
        body: { version, members: [{ sex: 'other', ethnicGroupId: thai, count: 1 }] },
        badField: 'members.0.sex',
      },
      {
        method: 'PUT',
        url: `/api/models/${id}/activity`,
        body: { entries: [{ month: '2026-13', kind: 'meeting', count: 1 }] },
        badField: 'entries.0.month',
      },
      {
        method: 'PUT',
        url: `/api/models/${id}/case-counts`,
        body: { entries: [{ month: '2026-01', caseType: 'theft', count: 1 }] },
        badField: 'entries.0.caseType',
      },
    ] as const;

  it('answers 401 without a session, 403 for a viewer, 404 outside scope and 400 naming the field', async () => {
    const thai = await ethnicGroupId(t.database.db, 'Thái');
    const laoCai = await create(central, { communeCode: COMMUNES.laoCai, modelType: 'dia_chi_tin_cay' });
    const viewer = await t.as({ role: 'viewer' });
    const valid = await modelBody(t.database.db);
    const good = (await central.get(`/api/models/${laoCai.id}`)).json();
    const goodBodies: Record<string, unknown> = {
      [`/api/models/${laoCai.id}`]: { version: good.version, ...valid },
      [`/api/models/${laoCai.id}/status`]: { version: good.version, status: 'inactive', effectiveOn: '2025-01-01' },
      [`/api/models/${laoCai.id}/members`]: { version: good.version, members: [] },
      [`/api/models/${laoCai.id}/activity`]: { entries: [{ month: '2026-01', kind: 'meeting', count: 1 }] },
      [`/api/models/${laoCai.id}/case-counts`]: { entries: [{ month: '2026-01', caseType: 'violence', count: 1 }] },
    };
    for (const m of mutations(laoCai.id, good.version, thai)) {
      const body = goodBodies[m.url] as Record<string, unknown>;
      const anonymous = await t.app.inject({ method: m.method, url: m.url, payload: body });
      expect(anonymous.statusCode, `${m.method} ${m.url} anonymous`).toBe(401);
      expect((await viewer.request(m.method, m.url, body)).statusCode, `${m.url} viewer`).toBe(403);
      expect((await dienBien.request(m.method, m.url, body)).statusCode, `${m.url} out of scope`).toBe(404);
      const bad = await central.request(m.method, m.url, m.body);
      expect(bad.statusCode, `${m.url} bad input`).toBe(400);
      expect(bad.json().error.field).toBe(m.badField);
    }
    const create401 = await t.app.inject({ method: 'POST', url: '/api/models', payload: valid });
    expect(create401.statusCode).toBe(401);
    expect((await viewer.post('/api/models', valid)).statusCode).toBe(403);
    const badCreate = await central.post('/api/models', { ...valid, communeCode: '99999' });
    expect(badCreate.statusCode).toBe(400);
    expect(badCreate.json().error.field).toBe('communeCode');
    const clubWithoutSchool = await central.post('/api/models', { ...valid, modelType: 'clb_thu_linh' });
    expect(clubWithoutSchool.json().error.field).toBe('host');
    const flagsOnTeam = await central.post('/api/models', { ...valid, tech: { ecommerce: true } });
    expect(flagsOnTeam.json().error.field).toBe('tech.ecommerce');
    const badDate = await central.post('/api/models', { ...valid, foundedOn: '2023-02-30' });
    expect(badDate.json().error.field).toBe('foundedOn');
    const unchanged = (await central.get(`/api/models/${laoCai.id}`)).json();
    expect(unchanged.version).toBe(good.version);
    expect((await central.get('/api/models/999999')).statusCode).toBe(404);
  });
});

describe('retries with an Idempotency-Key', () => {
  const count = async (name: string) =>
    (await t.database.db.selectFrom('community_model').select('community_model_id').where('name', '=', name).execute())
      .length;

  it('registers a model once for the same key and body, and answers 422 for the key with another body', async () => {
    const body = await modelBody(t.database.db, { name: 'Tổ truyền thông gửi lại' });
    const headers = { 'idempotency-key': 'model-create-0001' };
    const first = await dienBien.post('/api/models', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const again = await dienBien.post('/api/models', body, headers);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await count('Tổ truyền thông gửi lại')).toBe(1);
    const other = await dienBien.post('/api/models', { ...body, name: 'Tên khác' }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
    expect(await count('Tên khác')).toBe(0);
  });
});
