import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import {
  ETHNIC,
  LAO_CAI_WARD,
  OLD_LAO_CAI_WARD,
  activityIds,
  cascadedPlan,
  issuedPlan,
  trainingBody,
} from '../../../../test/record-fixtures';
import { RECORD_TYPES } from '../../../shared/record-codes';

let t: TestApp;
let women: ApiClient;
let dienBien: ApiClient;
let laoCai: ApiClient;
/** Activities of the central plan, and of Điện Biên's plan derived from it. */
let central: number[];
let dienBienActivities: number[];
let laoCaiActivities: number[];

beforeAll(async () => {
  t = await createTestApp();
  women = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
  const ethnic = await t.as({ role: 'central_coordinator', agency: 'UBDT' });
  const plan = await issuedPlan(t, women, ethnic);
  central = activityIds(plan);
  const dienBienCoordinator = await t.as({
    role: 'provincial_coordinator',
    agency: 'HLHPN-2025-11',
    provinces: ['11'],
  });
  dienBienActivities = activityIds(await cascadedPlan(dienBienCoordinator, plan.id));
  const laoCaiCoordinator = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
  laoCaiActivities = activityIds(await cascadedPlan(laoCaiCoordinator, plan.id));
  dienBien = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
  laoCai = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-15', provinces: ['15'] });
});
afterAll(async () => {
  await t.close();
});

const OUTPUTS: Record<string, Record<string, unknown>> = {
  training: {},
  communication_event: { quantity: 1 },
  broadcast: { language: 'dan_toc', ethnicLanguage: ETHNIC.thai, broadcaster: 'Đài PT-TH Điện Biên' },
  material: { materialKind: 'Sổ tay', quantity: 500, unit: 'cuốn' },
  model_established: { quantity: 2, unit: 'tổ' },
  monitoring_mission: {},
  policy_comment: { note: 'Góp ý dự thảo Nghị định' },
  conference: {},
};

describe('implementation records', () => {
  it.each(RECORD_TYPES)('records an activity of type %s', async (type) => {
    const res = await dienBien.post(
      '/api/records',
      trainingBody(dienBienActivities[0]!, { type, outputs: OUTPUTS[type] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json();
    expect(record).toMatchObject({ type, provinceCode: '11', provinceName: 'Điện Biên', outputs: OUTPUTS[type] });
    expect((await dienBien.get(`/api/records/${record.id}`)).json().type).toBe(type);
  });

  it('stores the whole record and shows it with names, participants and exact costs', async () => {
    const res = await dienBien.post(
      '/api/records',
      trainingBody(dienBienActivities[0]!, {
        costs: [
          { fundingSource: 'ctmtqg', amount: '1234567890123' },
          { fundingSource: 'ngan_sach_dia_phuong', amount: '5000000' },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const record = (await dienBien.get(`/api/records/${res.json().id}`)).json();
    expect(record).toMatchObject({
      activity: { id: dienBienActivities[0], number: '1.1', planKind: 'provincial', planProvinceCode: '11' },
      startDate: '2026-05-12',
      endDate: '2026-05-13',
      place: { generation: 2025, code: '03127', name: 'Điện Biên Phủ', level: 'commune' },
      village: 'Bản Him Lam',
      organiser: { name: 'Hội Liên hiệp Phụ nữ tỉnh Điện Biên' },
      participants: { mode: 'breakdown', breakdownKnown: true, totalParticipants: 50, femaleParticipants: 35 },
      version: 1,
      allowedActions: ['edit', 'delete', 'attach'],
    });
    expect(record.participants.rows).toHaveLength(3);
    expect(record.costs).toEqual([
      { fundingSource: 'ngan_sach_dia_phuong', name: 'Ngân sách địa phương', amount: '5000000' },
      { fundingSource: 'ctmtqg', name: 'Kinh phí Chương trình MTQG', amount: '1234567890123' },
    ]);
    expect(record.totalCost).toBe('1234572890123');
  });

  it('keeps money exact: 1234567890123 đồng round-trips as the string "1234567890123"', async () => {
    const body = trainingBody(dienBienActivities[0]!, {
      costs: [{ fundingSource: 'huy_dong', amount: '1234567890123' }],
    });
    const created = (await dienBien.post('/api/records', body)).json();
    expect(created.costs[0].amount).toBe('1234567890123');
    const listed = (await dienBien.get(`/api/records?activity=${dienBienActivities[0]}&limit=200`)).json();
    expect(listed.items.find((r: { id: number }) => r.id === created.id).totalCost).toBe('1234567890123');
    const number = await dienBien.post('/api/records', {
      ...body,
      costs: [{ fundingSource: 'huy_dong', amount: 1234 }],
    });
    expect(number.statusCode).toBe(400);
    expect(number.json().error.field).toBe('costs.0.amount');
  });

  it('answers 400 naming participants.totalParticipants when the rows do not add up, and writes nothing', async () => {
    const before = (await dienBien.get('/api/records?limit=1')).json().total;
    const body = trainingBody(dienBienActivities[0]!);
    body.participants.totalParticipants = 52;
    const res = await dienBien.post('/api/records', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      field: 'participants.totalParticipants',
      message: 'Tổng số người tham gia (52) không khớp tổng các dòng (50)',
    });
    const female = trainingBody(dienBienActivities[0]!);
    female.participants.femaleParticipants = 30;
    expect((await dienBien.post('/api/records', female)).json().error.field).toBe('participants.femaleParticipants');
    const badEthnic = trainingBody(dienBienActivities[0]!);
    (badEthnic.participants.rows[1] as { ethnicGroupId: number }).ethnicGroupId = 77;
    expect((await dienBien.post('/api/records', badEthnic)).json().error.field).toBe(
      'participants.rows.1.ethnicGroupId',
    );
    const badTarget = trainingBody(dienBienActivities[0]!);
    (badTarget.participants.rows[0] as { targetGroup: string }).targetGroup = 'tourist';
    expect((await dienBien.post('/api/records', badTarget)).json().error.field).toBe('participants.rows.0.targetGroup');
    expect((await dienBien.get('/api/records?limit=1')).json().total).toBe(before);
  });

  it('stores totals only when the breakdown is unknown, marked as such', async () => {
    const res = await dienBien.post(
      '/api/records',
      trainingBody(dienBienActivities[1]!, {
        type: 'communication_event',
        participants: { mode: 'totals_only', totalParticipants: 300, femaleParticipants: 180 },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().participants).toEqual({
      mode: 'totals_only',
      breakdownKnown: false,
      totalParticipants: 300,
      femaleParticipants: 180,
      rows: [],
    });
    const noTotal = await dienBien.post(
      '/api/records',
      trainingBody(dienBienActivities[1]!, { participants: { mode: 'totals_only' } }),
    );
    expect(noTotal.json().error.field).toBe('participants.totalParticipants');
  });

  it('lets a Điện Biên officer record in Điện Biên, refuses Lào Cai with 403 and hides Lào Cai records (404)', async () => {
    const own = await dienBien.post('/api/records', trainingBody(central[0]!));
    expect(own.statusCode, own.body).toBe(201);
    const elsewhere = await dienBien.post('/api/records', trainingBody(central[0]!, { place: LAO_CAI_WARD }));
    expect(elsewhere.statusCode).toBe(403);
    const theirs = await laoCai.post('/api/records', trainingBody(laoCaiActivities[0]!, { place: LAO_CAI_WARD }));
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect((await dienBien.get(`/api/records/${theirs.json().id}`)).statusCode).toBe(404);
    const listed = (await dienBien.get('/api/records?limit=200')).json();
    expect(listed.items.every((r: { provinceCode: string | null }) => r.provinceCode !== '15')).toBe(true);
    expect((await laoCai.get(`/api/records/${own.json().id}`)).statusCode).toBe(404);
    // The Lào Cai plan's activities are not Điện Biên's to record against.
    expect((await dienBien.post('/api/records', trainingBody(laoCaiActivities[0]!))).statusCode).toBe(404);
  });

  it('maps a place of the old generation to its 2025 province', async () => {
    const res = await laoCai.post('/api/records', trainingBody(laoCaiActivities[0]!, { place: OLD_LAO_CAI_WARD }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ provinceCode: '15', place: { generation: 2024, code: '02635' } });
  });

  it("refuses a place outside the provincial plan's province, and an unknown place", async () => {
    const national = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
    const outside = await national.post('/api/records', trainingBody(dienBienActivities[0]!, { place: LAO_CAI_WARD }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.field).toBe('place.code');
    const unknown = await dienBien.post(
      '/api/records',
      trainingBody(dienBienActivities[0]!, { place: { generation: 2025, code: '99999' } }),
    );
    expect(unknown.json().error.field).toBe('place.code');
  });

  it('keeps central records (no place) visible to all readers and writable only by national users', async () => {
    const centralRecord = await women.post(
      '/api/records',
      trainingBody(central[2]!, { type: 'conference', place: null, village: null }),
    );
    expect(centralRecord.statusCode, centralRecord.body).toBe(201);
    expect(centralRecord.json().provinceCode).toBeNull();
    const seen = await dienBien.get(`/api/records/${centralRecord.json().id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().allowedActions).toEqual([]);
    const edit = await dienBien.put(`/api/records/${centralRecord.json().id}`, {
      ...trainingBody(central[2]!, { type: 'conference', place: null }),
      version: 1,
    });
    expect(edit.statusCode).toBe(403);
    expect((await dienBien.post('/api/records', trainingBody(central[2]!, { place: null }))).statusCode).toBe(403);
  });

  it('updates with the version, refuses a stale version with 409, and audits before and after', async () => {
    const created = (await dienBien.post('/api/records', trainingBody(dienBienActivities[0]!))).json();
    const body = { ...trainingBody(dienBienActivities[0]!, { title: 'Tập huấn (sửa)' }), version: 1 };
    const saved = await dienBien.put(`/api/records/${created.id}`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ title: 'Tập huấn (sửa)', version: 2 });
    const stale = await dienBien.put(`/api/records/${created.id}`, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.field).toBe('version');
    const auditor = await t.as({ role: 'auditor' });
    const log = (await auditor.get(`/api/audit?entityType=record&entityId=${created.id}`)).json().items;
    expect(log.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(log[0].before.title).toBe(trainingBody(0).title);
    expect(log[0].after.title).toBe('Tập huấn (sửa)');
  });

  it('deletes a record (audited) so that it is gone from every read', async () => {
    const created = (await dienBien.post('/api/records', trainingBody(dienBienActivities[0]!))).json();
    expect((await dienBien.delete(`/api/records/${created.id}?version=2`)).statusCode).toBe(409);
    expect((await dienBien.delete(`/api/records/${created.id}`)).statusCode).toBe(204);
    expect((await dienBien.get(`/api/records/${created.id}`)).statusCode).toBe(404);
    expect((await dienBien.delete(`/api/records/${created.id}`)).statusCode).toBe(404);
    const auditor = await t.as({ role: 'auditor' });
    const log = (await auditor.get(`/api/audit?entityType=record&entityId=${created.id}`)).json().items;
    expect(log[0]).toMatchObject({ action: 'delete', before: { id: created.id } });
  });

  it('lists with filters: plan, activity, province, type, dates and a search without diacritics', async () => {
    const made = (
      await dienBien.post(
        '/api/records',
        trainingBody(dienBienActivities[2]!, {
          type: 'broadcast',
          title: 'Phóng sự về Tổ tiết kiệm',
          startDate: '2026-08-01',
          endDate: '2026-08-01',
          outputs: { language: 'pho_thong' },
        }),
      )
    ).json();
    const ids = async (query: string) =>
      (await dienBien.get(`/api/records?${query}&limit=200`)).json().items.map((r: { id: number }) => r.id);
    expect(await ids(`activity=${dienBienActivities[2]}`)).toEqual([made.id]);
    expect(await ids('type=broadcast&province=11')).toContain(made.id);
    expect(await ids('q=phong su tiet kiem')).toEqual([made.id]);
    expect(await ids('from=2026-07-15&to=2026-08-15')).toContain(made.id);
    expect(await ids('from=2026-09-01')).not.toContain(made.id);
    expect(await ids('province=15')).toEqual([]);
    const planId = (await dienBien.get(`/api/records/${made.id}`)).json().activity.planId;
    expect(await ids(`plan=${planId}`)).toContain(made.id);
    expect((await dienBien.get('/api/records?limit=2')).json().items).toHaveLength(2);
  });

  it('lists the funding sources', async () => {
    const res = await dienBien.get('/api/funding-sources');
    expect(res.json().map((s: { code: string }) => s.code)).toEqual([
      'ngan_sach_trung_uong',
      'ngan_sach_dia_phuong',
      'ctmtqg',
      'huy_dong',
      'long_ghep',
    ]);
  });
});

describe("the record form's reference lists in one answer", () => {
  it("answers what the four routes answer, with the form's parameters", async () => {
    const res = await dienBien.get('/api/records/form-data');
    expect(res.statusCode).toBe(200);
    const data = res.json();
    const [plans, provinces, groups, sources] = await Promise.all([
      dienBien.get('/api/plans?status=issued&limit=100'),
      dienBien.get('/api/admin-units?generation=2025&level=province&limit=100'),
      dienBien.get('/api/ethnic-groups?limit=100'),
      dienBien.get('/api/funding-sources'),
    ]);
    expect(data.plans).toEqual(plans.json());
    expect(data.plans.items.length).toBeGreaterThan(0);
    expect(data.provinces).toEqual(provinces.json().items);
    expect(data.provinces).toHaveLength(34);
    expect(data.ethnicGroups).toEqual(groups.json().items);
    expect(data.ethnicGroups).toHaveLength(54);
    expect(data.fundingSources).toEqual(sources.json());
  });

  it('keeps each officer to the plans of their scope, as GET /api/plans does', async () => {
    for (const client of [dienBien, laoCai]) {
      const data = (await client.get('/api/records/form-data')).json();
      expect(data.plans).toEqual((await client.get('/api/plans?status=issued&limit=100')).json());
    }
  });

  it('is refused without a session and to a user who enters no records', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/records/form-data' })).statusCode).toBe(401);
    const viewer = await t.as({ role: 'viewer', agency: 'HLHPN' });
    expect((await viewer.get('/api/records/form-data')).statusCode).toBe(403);
  });
});

describe('record endpoints refuse bad requests', () => {
  it('answers 401 without a session on every mutating endpoint', async () => {
    const body = trainingBody(dienBienActivities[0]!);
    for (const [method, url, payload] of [
      ['POST', '/api/records', body],
      ['PUT', '/api/records/1', { ...body, version: 1 }],
      ['DELETE', '/api/records/1', undefined],
      ['POST', '/api/records/1/attachments', {}],
      ['DELETE', '/api/records/1/attachments/1', undefined],
      ['POST', '/api/records/import', {}],
      ['POST', '/api/activities/1/complete', {}],
      ['POST', '/api/activities/1/reopen', {}],
    ] as const) {
      const res = await t.app.inject({ method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('answers 403 to a viewer on every mutating endpoint', async () => {
    const viewer = await t.as({ role: 'viewer', agency: 'HLHPN-2025-11', provinces: ['11'] });
    const record = (await dienBien.post('/api/records', trainingBody(dienBienActivities[0]!))).json();
    const results = [
      await viewer.post('/api/records', trainingBody(dienBienActivities[0]!)),
      await viewer.put(`/api/records/${record.id}`, { ...trainingBody(dienBienActivities[0]!), version: 1 }),
      await viewer.delete(`/api/records/${record.id}`),
      await viewer.post(`/api/records/${record.id}/attachments`, {}),
      await viewer.delete(`/api/records/${record.id}/attachments/1`),
      await viewer.post('/api/records/import', {}),
      await viewer.post(`/api/activities/${dienBienActivities[0]}/complete`, {}),
      await viewer.post(`/api/activities/${dienBienActivities[0]}/reopen`, {}),
    ];
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(403));
  });

  it('answers 404 for a record or activity outside scope, and 400 naming the field for bad input', async () => {
    const theirs = (
      await laoCai.post('/api/records', trainingBody(laoCaiActivities[0]!, { place: LAO_CAI_WARD }))
    ).json();
    expect(
      (await dienBien.put(`/api/records/${theirs.id}`, { ...trainingBody(dienBienActivities[0]!), version: 1 }))
        .statusCode,
    ).toBe(404);
    expect((await dienBien.delete(`/api/records/${theirs.id}`)).statusCode).toBe(404);
    expect((await dienBien.post('/api/records', trainingBody(999999))).statusCode).toBe(404);

    const bad = async (body: Record<string, unknown>) => (await dienBien.post('/api/records', body)).json().error.field;
    expect(await bad({ ...trainingBody(dienBienActivities[0]!), type: 'picnic' })).toBe('type');
    expect(await bad({ ...trainingBody(dienBienActivities[0]!), endDate: '2026-05-01' })).toBe('endDate');
    expect(await bad({ ...trainingBody(dienBienActivities[0]!), startDate: '12/05/2026' })).toBe('startDate');
    const { title: _t, ...noTitle } = trainingBody(dienBienActivities[0]!);
    expect(await bad(noTitle)).toBe('title');
    expect(await bad({ ...trainingBody(dienBienActivities[0]!), organiserAgencyId: 999999 })).toBe('organiserAgencyId');
    expect(await bad({ ...trainingBody(dienBienActivities[0]!), partnerAgencyIds: [999999] })).toBe(
      'partnerAgencyIds.0',
    );
    expect(
      await bad({ ...trainingBody(dienBienActivities[0]!), costs: [{ fundingSource: 'xo_so', amount: '1' }] }),
    ).toBe('costs.0.fundingSource');
    expect(await bad({ ...trainingBody(dienBienActivities[0]!), outputs: { language: 'dan_toc' } })).toBe(
      'outputs.ethnicLanguage',
    );
    expect(await bad({ ...trainingBody(dienBienActivities[0]!), extra: 1 })).toBe('extra');
    const put = await dienBien.put('/api/records/1', trainingBody(dienBienActivities[0]!));
    expect(put.statusCode).toBe(400);
    expect(put.json().error.field).toBe('version');
  });
});

describe('retries with an Idempotency-Key', () => {
  it('returns the first record for the same key and body, creating one row only', async () => {
    const body = trainingBody(dienBienActivities[1]!, { title: 'Tập huấn gửi lại' });
    const headers = { 'idempotency-key': 'c0ffee00-1111-4222-8333-444455556666' };
    const first = await dienBien.post('/api/records', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const again = await dienBien.post('/api/records', { ...body, participants: { ...body.participants } }, headers);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const rows = await t.database.db
      .selectFrom('implementation_record')
      .select('record_id')
      .where('title', '=', 'Tập huấn gửi lại')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('creates one record when two requests with the same key arrive at once', async () => {
    const body = trainingBody(dienBienActivities[1]!, { title: 'Gửi đồng thời' });
    const headers = { 'idempotency-key': 'c0ffee00-4444-4222-8333-444455556666' };
    const [a, b] = await Promise.all([
      dienBien.post('/api/records', body, headers),
      dienBien.post('/api/records', body, headers),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    const rows = await t.database.db
      .selectFrom('implementation_record')
      .select('record_id')
      .where('title', '=', 'Gửi đồng thời')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('answers 422 idempotency_key_reused when the key comes back with a different body', async () => {
    const headers = { 'idempotency-key': 'c0ffee00-2222-4222-8333-444455556666' };
    const first = await dienBien.post('/api/records', trainingBody(dienBienActivities[1]!), headers);
    expect(first.statusCode).toBe(201);
    const other = await dienBien.post('/api/records', trainingBody(dienBienActivities[1]!, { title: 'Khác' }), headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
  });

  it('keeps keys per user, and lets a failed request be retried with the same key', async () => {
    const headers = { 'idempotency-key': 'c0ffee00-3333-4222-8333-444455556666' };
    const bad = trainingBody(dienBienActivities[1]!);
    bad.participants.totalParticipants = 1;
    expect((await dienBien.post('/api/records', bad, headers)).statusCode).toBe(400);
    const good = await dienBien.post('/api/records', trainingBody(dienBienActivities[1]!), headers);
    expect(good.statusCode).toBe(201);
    const colleague = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
    const theirs = await colleague.post('/api/records', trainingBody(dienBienActivities[1]!), headers);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(good.json().id);
    expect(
      (await dienBien.post('/api/records', trainingBody(dienBienActivities[1]!), { 'idempotency-key': 'x' })).json()
        .error.field,
    ).toBe('Idempotency-Key');
  });

  it('gives an edit resent with its key the first answer, not a 409 against the version it made', async () => {
    const created = (await dienBien.post('/api/records', trainingBody(dienBienActivities[1]!))).json();
    const headers = { 'idempotency-key': 'edit-0000-1111-2222-3333' };
    const body = { ...trainingBody(dienBienActivities[1]!, { title: 'Sửa khi mất mạng' }), version: created.version };
    const first = await dienBien.put(`/api/records/${created.id}`, body, headers);
    expect(first.statusCode, first.body).toBe(200);
    const again = await dienBien.put(`/api/records/${created.id}`, body, headers);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(first.json().version).toBe(created.version + 1);
    // Without the key the same resend is stale.
    expect((await dienBien.put(`/api/records/${created.id}`, body)).statusCode).toBe(409);
  });

  it('makes plan creation idempotent too', async () => {
    const { jointPlanBody } = await import('../../../../test/plan-fixtures');
    const body = await jointPlanBody(t.database.db, 2027);
    const headers = { 'idempotency-key': 'plan-0000-1111-2222-3333' };
    const first = await women.post('/api/plans', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const again = await women.post('/api/plans', body, headers);
    expect(again.json().id).toBe(first.json().id);
    expect((await women.post('/api/plans', { ...body, year: 2028 }, headers)).statusCode).toBe(422);
  });
});
