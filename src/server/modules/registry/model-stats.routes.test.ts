import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { COMMUNES, modelBody } from '../../../../test/registry-fixtures';

let t: TestApp;
let central: ApiClient;
let dienBien: ApiClient;

async function create(over: Record<string, unknown>) {
  const res = await central.post('/api/models', await modelBody(t.database.db, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  central = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
  dienBien = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
  await create({ foundedOn: '2023-03-15' });
  const dissolved = await create({ foundedOn: '2024-05-01' });
  await central.post(`/api/models/${dissolved.id}/status`, {
    version: 1,
    status: 'dissolved',
    effectiveOn: '2025-06-01',
  });
  await create({ foundedOn: '2026-01-10' });
  await create({ communeCode: COMMUNES.haGiang1 });
  await create({ communeCode: COMMUNES.minhXuan });
  await create({ communeCode: COMMUNES.quangTrung2024, communeGeneration: 2024 });
  await create({ communeCode: COMMUNES.namDong });
  await create({ modelType: 'dia_chi_tin_cay', communeCode: COMMUNES.laoCai, members: [] });
  const targets = await central.put('/api/model-targets', {
    year: 2025,
    targets: [
      { modelType: 'to_truyen_thong', provinceCode: null, target: 4 },
      { modelType: 'dia_chi_tin_cay', provinceCode: null, target: 2 },
      { modelType: 'to_truyen_thong', provinceCode: '11', target: 2 },
    ],
  });
  expect(targets.statusCode, targets.body).toBe(200);
});
afterAll(async () => {
  await t.close();
});

type Row = { provinceCode: string; partial: boolean; byType: Record<string, any>; allTypes: any };
const row = (stats: { rows: Row[] }, code: string) => stats.rows.find((r) => r.provinceCode === code)!;

describe('model targets', () => {
  it('sets national targets with national scope and provincial ones within the province', async () => {
    const national = await central.put('/api/model-targets', {
      year: 2026,
      targets: [{ modelType: 'hop_tac_xa', provinceCode: null, target: 40 }],
    });
    expect(national.statusCode, national.body).toBe(200);
    const own = await dienBien.put('/api/model-targets', {
      year: 2026,
      targets: [{ modelType: 'hop_tac_xa', provinceCode: '11', target: 3 }],
    });
    expect(own.statusCode, own.body).toBe(200);
    const seen = (await dienBien.get('/api/model-targets?year=2026')).json();
    expect(seen.items).toEqual([
      expect.objectContaining({ modelType: 'hop_tac_xa', provinceCode: null, target: 40 }),
      expect.objectContaining({
        modelType: 'hop_tac_xa',
        provinceCode: '11',
        target: 3,
        provinceName: 'Tỉnh Điện Biên',
      }),
    ]);
    const removed = await dienBien.put('/api/model-targets', {
      year: 2026,
      targets: [{ modelType: 'hop_tac_xa', provinceCode: '11', target: null }],
    });
    expect(removed.json().items).toEqual([expect.objectContaining({ provinceCode: null, target: 40 })]);
  });

  it('answers 401, 403 (national target, other province, no plan:edit) and 400 naming the field', async () => {
    const body = { year: 2025, targets: [{ modelType: 'to_truyen_thong', provinceCode: '11', target: 3 }] };
    expect((await t.app.inject({ method: 'PUT', url: '/api/model-targets', payload: body })).statusCode).toBe(401);
    const clerk = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
    expect((await clerk.put('/api/model-targets', body)).statusCode).toBe(403);
    const nationalTarget = { year: 2025, targets: [{ modelType: 'to_truyen_thong', provinceCode: null, target: 9 }] };
    expect((await dienBien.put('/api/model-targets', nationalTarget)).statusCode).toBe(403);
    const laoCai = { year: 2025, targets: [{ modelType: 'to_truyen_thong', provinceCode: '15', target: 9 }] };
    expect((await dienBien.put('/api/model-targets', laoCai)).statusCode).toBe(403);
    const unknown = await central.put('/api/model-targets', {
      year: 2025,
      targets: [{ modelType: 'khong_co', provinceCode: null, target: 1 }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('targets.0.modelType');
    const negative = await central.put('/api/model-targets', {
      year: 2025,
      targets: [{ modelType: 'to_truyen_thong', provinceCode: null, target: -1 }],
    });
    expect(negative.json().error.field).toBe('targets.0.target');
    expect((await central.get('/api/model-targets?year=2025')).json().items).toHaveLength(3);
  });
});

describe('registry statistics', () => {
  it('counts models active at the end of the year per province and type, with members and % of target', async () => {
    const res = await central.get('/api/models/stats?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats).toMatchObject({ year: 2025, generation: 2025, asOf: '2025-12-31' });
    expect(stats.rows).toHaveLength(34);
    expect(row(stats, '11').byType.to_truyen_thong).toEqual({
      active: 1,
      members: { female: 10, male: 4, total: 14 },
      target: 2,
      achievementPct: 50,
    });
    expect(row(stats, '08').byType.to_truyen_thong.active).toBe(3);
    expect(row(stats, '37').byType.to_truyen_thong.active).toBe(1);
    expect(row(stats, '15').byType.dia_chi_tin_cay).toMatchObject({ active: 1, target: null });
    expect(stats.overall.byType.to_truyen_thong).toMatchObject({ active: 5, target: 4, achievementPct: 125 });
    expect(stats.overall.byType.dia_chi_tin_cay).toMatchObject({ active: 1, target: 2, achievementPct: 50 });
    expect(stats.overall.allTypes.active).toBe(6);
    // The model dissolved in June 2025 was still active at the end of 2024.
    const y2024 = (await central.get('/api/models/stats?year=2024')).json();
    expect(row(y2024, '11').byType.to_truyen_thong.active).toBe(2);
  });

  it('shows the counts in the 63-province geography, flagging old provinces that share a new commune', async () => {
    const stats = (await central.get('/api/models/stats?year=2025&generation=2024&groupBy=province')).json();
    expect(stats.rows).toHaveLength(63);
    expect(row(stats, '02')).toMatchObject({ provinceName: 'Tỉnh Hà Giang', partial: false });
    expect(row(stats, '02').byType.to_truyen_thong).toMatchObject({ active: 2, target: null });
    expect(row(stats, '08').byType.to_truyen_thong.active).toBe(1);
    expect(row(stats, '36')).toMatchObject({ partial: true });
    expect(row(stats, '37')).toMatchObject({ partial: true });
    expect(row(stats, '36').byType.to_truyen_thong.active).toBe(1);
    expect(row(stats, '37').byType.to_truyen_thong.active).toBe(1);
    expect(row(stats, '11')).toMatchObject({ partial: false });
    // Distinct models overall: the one counted under two old provinces counts once.
    expect(stats.overall.byType.to_truyen_thong.active).toBe(5);
  });

  it('limits a provincial user to their province in both geographies', async () => {
    const now = (await dienBien.get('/api/models/stats?year=2025&type=to_truyen_thong')).json();
    expect(now.rows.map((r: Row) => r.provinceCode)).toEqual(['11']);
    expect(now.types).toEqual([{ code: 'to_truyen_thong', name: 'Tổ truyền thông cộng đồng' }]);
    expect(now.overall.byType.to_truyen_thong).toMatchObject({ active: 1, target: 2, achievementPct: 50 });
    const old = (await dienBien.get('/api/models/stats?year=2025&generation=2024')).json();
    expect(old.rows.map((r: Row) => r.provinceCode)).toEqual(['11']);
    expect((await dienBien.get('/api/models/stats?year=2025&generation=2023')).statusCode).toBe(400);
  });
});
