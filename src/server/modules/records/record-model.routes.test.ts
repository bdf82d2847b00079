// A "model established" record registers its model in the registry: no retyping (issue 5, item 9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import {
  DIEN_BIEN_WARD,
  ETHNIC,
  activityIds,
  cascadedPlan,
  issuedPlan,
  trainingBody,
} from '../../../../test/record-fixtures';
import { COMMUNES } from '../../../../test/registry-fixtures';

let t: TestApp;
let dienBien: ApiClient;
let activity: number;

beforeAll(async () => {
  t = await createTestApp();
  const women = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
  const ethnic = await t.as({ role: 'central_coordinator', agency: 'UBDT' });
  const plan = await issuedPlan(t, women, ethnic);
  const coordinator = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
  activity = activityIds(await cascadedPlan(coordinator, plan.id))[0]!;
  dienBien = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
});
afterAll(async () => {
  await t.close();
});

const established = (over: Record<string, unknown> = {}) =>
  trainingBody(activity, {
    type: 'model_established',
    title: 'Thành lập Tổ truyền thông cộng đồng bản Him Lam',
    outputs: { quantity: 1, unit: 'tổ' },
    costs: [],
    model: {
      modelType: 'to_truyen_thong',
      leaderName: 'Lò Thị Xuân',
      members: [
        { sex: 'female', ethnicGroupId: ETHNIC.thai, count: 9 },
        { sex: 'male', ethnicGroupId: ETHNIC.thai, count: 3 },
      ],
    },
    ...over,
  });

const modelRows = (name: string) =>
  t.database.db
    .selectFrom('community_model')
    .select(['community_model_id', 'source_record_id'])
    .where('name', '=', name)
    .execute();

describe('models established through a record', () => {
  it('registers the model with the record’s title, commune, village and date, and lists it on the record', async () => {
    const res = await dienBien.post('/api/records', established());
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json();
    expect(record.models).toEqual([
      expect.objectContaining({
        name: 'Thành lập Tổ truyền thông cộng đồng bản Him Lam',
        typeName: 'Tổ truyền thông cộng đồng',
        status: 'active',
      }),
    ]);
    const model = (await dienBien.get(`/api/models/${record.models[0].id}`)).json();
    expect(model).toMatchObject({
      sourceRecordId: record.id,
      provinceCode: '11',
      commune: { generation: 2025, code: DIEN_BIEN_WARD.code },
      village: 'Bản Him Lam',
      foundedOn: '2026-05-12',
      leaderName: 'Lò Thị Xuân',
      members: { female: 9, male: 3, total: 12 },
      status: 'active',
    });
    expect(model.history).toEqual([
      expect.objectContaining({
        status: 'active',
        effectiveOn: '2026-05-12',
        note: 'Thành lập (theo bản ghi triển khai)',
      }),
    ]);
    // It is in the registry list like any model, and the audit log says where it came from.
    const list = (await dienBien.get('/api/models?province=11&q=him%20lam')).json();
    expect(list.items.map((m: { id: number }) => m.id)).toContain(model.id);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity_type', '=', 'community_model')
      .where('entity_id', '=', String(model.id))
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ sourceRecordId: record.id });
  });

  it('takes a name and another commune of the province when given', async () => {
    const res = await dienBien.post(
      '/api/records',
      established({
        model: {
          modelType: 'clb_thu_linh',
          name: 'CLB Thủ lĩnh của sự thay đổi Mường Thanh',
          communeCode: COMMUNES.dienBien,
          host: 'Trường THCS Mường Thanh',
        },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const model = (await dienBien.get(`/api/models/${res.json().models[0].id}`)).json();
    expect(model).toMatchObject({
      name: 'CLB Thủ lĩnh của sự thay đổi Mường Thanh',
      commune: { code: COMMUNES.dienBien },
      host: 'Trường THCS Mường Thanh',
    });
  });

  it('writes neither the record nor the model when the model is wrong, naming the field under model', async () => {
    const title = 'Thành lập mô hình sai loại';
    const before = await t.database.db
      .selectFrom('implementation_record')
      .select('record_id')
      .where('title', '=', title)
      .execute();
    const res = await dienBien.post('/api/records', established({ title, model: { modelType: 'khong_co' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('model.modelType');
    const after = await t.database.db
      .selectFrom('implementation_record')
      .select('record_id')
      .where('title', '=', title)
      .execute();
    expect(after).toEqual(before);
    expect(await modelRows(title)).toEqual([]);

    const otherProvince = await dienBien.post(
      '/api/records',
      established({ title, model: { modelType: 'to_truyen_thong', communeCode: COMMUNES.laoCai } }),
    );
    expect(otherProvince.statusCode).toBe(403);
    expect(await modelRows(title)).toEqual([]);

    const provinceOnly = await dienBien.post(
      '/api/records',
      established({ title, place: { generation: 2025, code: '11' }, model: { modelType: 'to_truyen_thong' } }),
    );
    expect(provinceOnly.statusCode).toBe(400);
    expect(provinceOnly.json().error.field).toBe('model.communeCode');
  });

  it('refuses a model on a record of another type', async () => {
    const res = await dienBien.post(
      '/api/records',
      trainingBody(activity, { model: { modelType: 'to_truyen_thong' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('model');
  });

  it('registers one model when the record is sent again with its Idempotency-Key', async () => {
    const title = 'Thành lập Tổ tiết kiệm vốn vay bản Na Sang';
    const body = established({ title, model: { modelType: 'tkvvtb' } });
    const headers = { 'idempotency-key': 'record-model-0001' };
    const first = await dienBien.post('/api/records', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const again = await dienBien.post('/api/records', body, headers);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await modelRows(title)).toEqual([
      { community_model_id: first.json().models[0].id, source_record_id: first.json().id },
    ]);
  });

  it('adds the model on an update of a record that has none, and refuses a second one', async () => {
    const title = 'Củng cố tổ hợp tác dệt thổ cẩm';
    const created = await dienBien.post('/api/records', established({ title, model: undefined }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().models).toEqual([]);
    const { id, version } = created.json();
    const update = { ...established({ title, model: { modelType: 'to_hop_tac', womenOwnership: 'owned' } }), version };
    const updated = await dienBien.put(`/api/records/${id}`, update);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().models).toEqual([expect.objectContaining({ name: title, typeName: 'Tổ hợp tác' })]);
    const twice = await dienBien.put(`/api/records/${id}`, { ...update, version: updated.json().version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.field).toBe('model');
    expect(await modelRows(title)).toHaveLength(1);
  });
});
