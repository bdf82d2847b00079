import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { COMMUNES, ethnicGroupId, modelBody } from '../../../../test/registry-fixtures';

let t: TestApp;
let admin: ApiClient;
let officer: ApiClient;
let trustedId: number;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as({ role: 'admin' });
  officer = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
  const res = await officer.post(
    '/api/models',
    await modelBody(t.database.db, { modelType: 'dia_chi_tin_cay', name: 'Địa chỉ tin cậy bản Na Sang' }),
  );
  expect(res.statusCode, res.body).toBe(201);
  trustedId = res.json().id;
});
afterAll(async () => {
  await t.close();
});

const caseBody = async () => ({
  receivedOn: '2026-10-12',
  caseType: 'violence',
  personInitials: 'L.T.X',
  age: 34,
  sex: 'female',
  ethnicGroupId: await ethnicGroupId(t.database.db, 'Thái'),
  referral: 'Công an xã',
});

async function auditOf(action: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['actor_username', 'entity_id', 'province_code', 'after'])
    .where('action', '=', action)
    .orderBy('audit_id')
    .execute();
}

describe('trusted-address case data', () => {
  it('keeps counts by type and month readable by anyone who can read the model, without any grant', async () => {
    const saved = await officer.put(`/api/models/${trustedId}/case-counts`, {
      entries: [
        { month: '2026-09', caseType: 'violence', count: 2 },
        { month: '2026-10', caseType: 'violence', count: 1 },
        { month: '2026-10', caseType: 'child_marriage', count: 1 },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const viewer = await t.as({ role: 'viewer', provinces: ['11'] });
    const counts = (await viewer.get(`/api/models/${trustedId}/case-counts?year=2026`)).json();
    expect(counts.totals).toEqual([
      { caseType: 'violence', count: 3 },
      { caseType: 'trafficking', count: 0 },
      { caseType: 'child_marriage', count: 1 },
      { caseType: 'other', count: 0 },
    ]);
    const model = (await viewer.get(`/api/models/${trustedId}`)).json();
    expect(model.caseCounts).toHaveLength(3);
    expect(model.allowedActions).not.toContain('read_cases');
  });

  it('refuses case counts on a model type that is not a trusted address', async () => {
    const team = (await officer.post('/api/models', await modelBody(t.database.db))).json();
    const res = await officer.put(`/api/models/${team.id}/case-counts`, {
      entries: [{ month: '2026-10', caseType: 'violence', count: 1 }],
    });
    expect(res.statusCode).toBe(409);
  });

  it('refuses case-level data with 403 to everyone without the grant, the administrator included', async () => {
    for (const client of [admin, officer]) {
      expect((await client.get(`/api/models/${trustedId}/cases`)).statusCode).toBe(403);
      expect((await client.post(`/api/models/${trustedId}/cases`, await caseBody())).statusCode).toBe(403);
    }
    const me = (await admin.get('/api/me')).json();
    expect(me.permissions).toContain('user:manage');
    expect(me.permissions).not.toContain('case:read');
  });

  it('opens case-level data to a user granted it by another administrator, and logs each read with the reader', async () => {
    const selfGrant = await admin.post(`/api/users/${admin.userId}/grants/case_data`);
    expect(selfGrant.statusCode).toBe(403);
    const granted = await admin.post(`/api/users/${officer.userId}/grants/case_data`);
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().grants).toEqual([expect.objectContaining({ grant: 'case_data' })]);
    expect((await auditOf('grant')).at(-1)).toMatchObject({
      actor_username: admin.username,
      entity_id: String(officer.userId),
    });

    const created = await officer.post(`/api/models/${trustedId}/cases`, await caseBody());
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().id;
    const before = (await auditOf('read_cases')).length;
    const read = await officer.get(`/api/models/${trustedId}/cases`);
    expect(read.statusCode).toBe(200);
    expect(read.json().items).toEqual([expect.objectContaining({ id: caseId, personInitials: 'L.T.X', age: 34 })]);
    await officer.get(`/api/models/${trustedId}/cases`);
    const reads = await auditOf('read_cases');
    expect(reads).toHaveLength(before + 2);
    expect(reads.at(-1)).toMatchObject({
      actor_username: officer.username,
      entity_id: String(trustedId),
      province_code: '11',
    });
    // The audit log names the cases, never their personal fields.
    const written = await auditOf('create_case');
    expect(JSON.stringify(written)).not.toContain('L.T.X');
    expect((await officer.get(`/api/models/${trustedId}`)).json().allowedActions).toEqual(
      expect.arrayContaining(['read_cases', 'write_cases']),
    );

    const edited = await officer.put(`/api/models/${trustedId}/cases/${caseId}`, { ...(await caseBody()), age: 35 });
    expect(edited.json()).toMatchObject({ id: caseId, age: 35 });
    const unknownAge = await officer.put(`/api/models/${trustedId}/cases/${caseId}`, {
      ...(await caseBody()),
      age: null,
    });
    expect(unknownAge.json()).toMatchObject({ id: caseId, age: null });
    expect((await officer.delete(`/api/models/${trustedId}/cases/${caseId}`)).statusCode).toBe(204);
    expect((await auditOf('delete_case')).at(-1)).toMatchObject({ actor_username: officer.username });

    const revoked = await admin.delete(`/api/users/${officer.userId}/grants/case_data`);
    expect(revoked.json().grants).toEqual([]);
    expect((await officer.get(`/api/models/${trustedId}/cases`)).statusCode).toBe(403);
  });

  it('hides another province’s trusted address with 404 even from a granted user', async () => {
    const central = await t.as({ role: 'central_coordinator' });
    const laoCai = await central.post(
      '/api/models',
      await modelBody(t.database.db, { modelType: 'dia_chi_tin_cay', communeCode: COMMUNES.laoCai }),
    );
    const reader = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
    await admin.post(`/api/users/${reader.userId}/grants/case_data`);
    expect((await reader.get(`/api/models/${laoCai.json().id}/cases`)).statusCode).toBe(404);
    expect((await reader.get(`/api/models/${trustedId}/cases`)).statusCode).toBe(200);
  });

  it('answers 401, 403, 404 and 400 on the case and grant endpoints', async () => {
    const writer = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
    await admin.post(`/api/users/${writer.userId}/grants/case_data`);
    const url = `/api/models/${trustedId}/cases`;
    expect((await t.app.inject({ method: 'POST', url, payload: await caseBody() })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/users/${writer.userId}/grants/case_data` })).statusCode,
    ).toBe(401);
    expect((await officer.post(`/api/users/${writer.userId}/grants/case_data`)).statusCode).toBe(403);
    expect((await admin.post('/api/users/999999/grants/case_data')).statusCode).toBe(404);
    expect((await writer.post('/api/models/999999/cases', await caseBody())).statusCode).toBe(404);
    expect((await writer.put(`${url}/999999`, await caseBody())).statusCode).toBe(404);
    const bad = await writer.post(url, { ...(await caseBody()), caseType: 'theft' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('caseType');
    const future = await writer.post(url, { ...(await caseBody()), receivedOn: '2027-01-01' });
    expect(future.json().error.field).toBe('receivedOn');
  });
});

describe('case retries', () => {
  it('records a case once when the same request is sent again with its Idempotency-Key', async () => {
    const writer = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
    expect((await admin.post(`/api/users/${writer.userId}/grants/case_data`)).statusCode).toBe(200);
    const headers = { 'idempotency-key': 'case-create-0001' };
    const body = { ...(await caseBody()), personInitials: 'R.E.T' };
    const first = await writer.post(`/api/models/${trustedId}/cases`, body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const again = await writer.post(`/api/models/${trustedId}/cases`, body, headers);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const rows = await t.database.db
      .selectFrom('model_case')
      .select('model_case_id')
      .where('person_initials', '=', 'R.E.T')
      .execute();
    expect(rows).toHaveLength(1);
  });
});
