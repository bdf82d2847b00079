import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { form } from '../../../../test/record-fixtures';
import {
  ETHNIC,
  PLACES,
  analyticsWorld,
  cellAt,
  createRecord,
  pivot,
  recordBody,
  type AnalyticsWorld,
} from '../../../../test/analytics-fixtures';

let t: TestApp;
let w: AnalyticsWorld;
let dienBienCoordinator: ApiClient;
let dienBienEntry: ApiClient;
let viewer: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await analyticsWorld(t);
  dienBienCoordinator = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
  dienBienEntry = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
  viewer = await t.as({ role: 'viewer', agency: 'HLHPN' });
});
afterAll(async () => {
  await t.close();
});

const seededSections = ['1', '2', '3', '4', '5'];

describe('results framework', () => {
  it('is seeded with indicators for every content area of the 2022 plan', async () => {
    const res = await viewer.get('/api/indicators');
    expect(res.statusCode).toBe(200);
    const list = res.json() as { code: string; section: string; source: string; nameVi: string }[];
    expect(new Set(list.map((i) => i.section))).toEqual(new Set(seededSections));
    const names = list.map((i) => i.nameVi).join(' | ');
    for (const phrase of [
      'sự kiện truyền thông',
      'Tổ truyền thông cộng đồng',
      'Địa chỉ an toàn',
      'Thủ lĩnh của sự thay đổi',
      'tiếng phổ thông',
      'tiếng dân tộc',
      'tài liệu',
      'TKVVTB',
      'tích hợp sinh kế',
      'phụ nữ làm chủ',
      'công nghệ 4.0',
      'lớp tập huấn',
      'cán bộ được tập huấn',
      'giảng viên nguồn',
      'kiểm tra, giám sát',
      'văn bản chính sách',
      'hội nghị sơ kết',
    ])
      expect(names).toContain(phrase);
    expect(new Set(list.map((i) => i.source))).toEqual(new Set(['records', 'registry', 'aggregate']));
    const search = (await viewer.get('/api/indicators?q=giang%20vien')).json();
    expect(search.map((i: { code: string }) => i.code)).toEqual(['NL03']);
  });

  it('creates an indicator whose values are computed at once from existing records', async () => {
    await createRecord(
      w.central,
      recordBody(w.activities[0]!, 'training', PLACES.dienBien, '2026-04-02', [
        { sex: 'female', ethnicGroupId: ETHNIC.thai, targetGroup: 'union_member', count: 30 },
        { sex: 'male', ethnicGroupId: ETHNIC.thai, targetGroup: 'union_member', count: 10 },
      ]),
    );
    const res = await w.central.post('/api/indicators', {
      code: 'NL10',
      nameVi: 'Số lượt phụ nữ được tập huấn',
      nameEn: 'Women trained',
      unit: 'lượt người',
      section: '3',
      source: 'records',
      definition: { recordTypes: ['training'], measure: 'sum_participants', sex: 'female' },
      timeAggregation: 'sum',
      disaggregations: ['ethnic_group'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'NL10', allowedActions: ['edit', 'set_targets'] });
    const p = await pivot(viewer, 'rows=ethnic_group&indicator=NL10');
    expect(cellAt(p, String(ETHNIC.thai))).toBe(30);
    const codes = (await viewer.get('/api/exchange/codes?kind=indicator')).json();
    expect(codes).toContainEqual({ kind: 'indicator', ourValue: 'NL10', theirCode: 'NL10' });
  });

  it('creates an indicator once when a lost answer is retried with the same Idempotency-Key', async () => {
    const body = {
      code: 'NL11',
      nameVi: 'Số lớp tập huấn (thử gửi lại)',
      nameEn: 'Training courses (retry)',
      unit: 'lớp',
      source: 'records',
      definition: { recordTypes: ['training'], measure: 'count_records' },
      timeAggregation: 'sum',
    };
    const headers = { 'idempotency-key': 'indicator-retry-0001' };
    const first = await w.central.post('/api/indicators', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await w.central.post('/api/indicators', body, headers);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    const other = await w.central.post('/api/indicators', { ...body, code: 'NL12' }, headers);
    expect(other.statusCode).toBe(422);
  });

  it('re-derives the values when the definition changes, in the same request', async () => {
    const [indicator] = (await viewer.get('/api/indicators?q=NL10')).json();
    const res = await w.central.patch(`/api/indicators/${indicator.id}`, {
      version: indicator.version,
      definition: { recordTypes: ['training'], measure: 'sum_participants' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await pivot(viewer, 'rows=ethnic_group&indicator=NL10').then((p) => cellAt(p, String(ETHNIC.thai)))).toBe(
      40,
    );
    const stale = await w.central.patch(`/api/indicators/${indicator.id}`, {
      version: indicator.version,
      unit: 'người',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.field).toBe('version');
  });

  it('refuses definitions that do not fit the source, naming the field', async () => {
    const base = {
      code: 'X01',
      nameVi: 'Thử',
      nameEn: 'Test',
      unit: 'lần',
      source: 'records',
      timeAggregation: 'sum',
      definition: { recordTypes: ['training'], measure: 'count_records' },
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ definition: { recordTypes: ['picnic'], measure: 'count_records' } }, 'definition.recordTypes'],
      [{ definition: { recordTypes: ['training'] } }, 'definition.measure'],
      [{ definition: { modelTypes: ['tkvvtb'], measure: 'count_records' } }, 'definition.modelTypes'],
      [{ timeAggregation: 'last' }, 'timeAggregation'],
      [{ disaggregations: ['sex'] }, 'disaggregations'],
      [
        { source: 'registry', definition: { modelTypes: ['nope'], measure: 'sum_members' }, timeAggregation: 'last' },
        'definition.modelTypes',
      ],
      [{ source: 'aggregate', definition: { periodType: 'weekly' } }, 'definition.periodType'],
      [{ code: 'có dấu' }, 'code'],
      [{ code: 'TT01' }, 'code'],
    ];
    for (const [over, field] of cases) {
      const res = await w.central.post('/api/indicators', { ...base, ...over });
      expect([400, 409], JSON.stringify(over)).toContain(res.statusCode);
      expect(res.json().error.field, JSON.stringify(over)).toBe(field);
    }
  });

  it('lets only national plan editors change indicators: 401, 403 for a province or a viewer, 404 for none', async () => {
    const body = { version: 1, unit: 'người' };
    expect((await t.app.inject({ method: 'PATCH', url: '/api/indicators/1', payload: body })).statusCode).toBe(401);
    expect((await viewer.patch('/api/indicators/1', body)).statusCode).toBe(403);
    expect((await dienBienCoordinator.patch('/api/indicators/1', body)).statusCode).toBe(403);
    expect((await w.central.patch('/api/indicators/999999', body)).statusCode).toBe(404);
  });
});

describe('targets', () => {
  it('sets national and provincial targets, clears one with null, and lists them in scope', async () => {
    const res = await w.central.put('/api/indicator-targets', {
      items: [
        { indicator: 'NL01', year: 2026, province: null, target: 40 },
        { indicator: 'NL01', year: 2026, province: '11', target: 6 },
        { indicator: 'NL01', year: 2026, province: '15', target: 5 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toHaveLength(3);
    const own = await dienBienCoordinator.put('/api/indicator-targets', {
      items: [{ indicator: 'NL01', year: 2026, province: '11', target: 8 }],
    });
    expect(own.statusCode, own.body).toBe(200);
    const seen = (await dienBienCoordinator.get('/api/indicator-targets?indicator=NL01&year=2026')).json();
    expect(seen.map((x: { province: string | null; target: number }) => [x.province, x.target])).toEqual([
      [null, 40],
      ['11', 8],
    ]);
    await w.central.put('/api/indicator-targets', {
      items: [{ indicator: 'NL01', year: 2026, province: '15', target: null }],
    });
    expect((await w.central.get('/api/indicator-targets?indicator=NL01&province=15')).json()).toEqual([]);
  });

  it('answers 403 for another province or the national target from a province, and 400 naming the field', async () => {
    const other = await dienBienCoordinator.put('/api/indicator-targets', {
      items: [{ indicator: 'NL01', year: 2026, province: '15', target: 3 }],
    });
    expect(other.statusCode).toBe(403);
    const national = await dienBienCoordinator.put('/api/indicator-targets', {
      items: [{ indicator: 'NL01', year: 2026, province: null, target: 3 }],
    });
    expect(national.statusCode).toBe(403);
    expect(
      (
        await dienBienEntry.put('/api/indicator-targets', {
          items: [{ indicator: 'NL01', year: 2026, province: '11', target: 1 }],
        })
      ).statusCode,
    ).toBe(403);
    const unknown = await w.central.put('/api/indicator-targets', {
      items: [{ indicator: 'NL01', year: 2026, province: '99', target: 3 }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('items.0.province');
    const negative = await w.central.put('/api/indicator-targets', {
      items: [{ indicator: 'NL01', year: 2026, province: null, target: -1 }],
    });
    expect(negative.json().error.field).toBe('items.0.target');
  });

  it('imports targets from a .csv with a row report, all-or-nothing unless valid rows are accepted', async () => {
    const csv = 'Mã chỉ số,Năm,Mã tỉnh,Chỉ tiêu\nGS01,2026,,12\nGS01,2026,11,2\nNOPE,2026,,1\n';
    const rejected = await w.central.post('/api/indicator-targets/import', form('chi-tieu.csv', csv));
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toEqual({
      accepted: 0,
      rejected: [{ row: 4, field: 'indicator', message: expect.any(String) }],
    });
    expect((await w.central.get('/api/indicator-targets?indicator=GS01')).json()).toEqual([]);
    const accepted = await w.central.post(
      '/api/indicator-targets/import',
      form('chi-tieu.csv', csv, { acceptValid: 'true' }),
    );
    expect(accepted.json().accepted).toBe(2);
    const list = (await w.central.get('/api/indicator-targets?indicator=GS01')).json();
    expect(list.map((x: { province: string | null; target: number }) => [x.province, x.target])).toEqual([
      [null, 12],
      ['11', 2],
    ]);
  });

  it('imports the semicolon .csv that Excel saves on a Vietnamese-locale machine (BOM, decimal comma)', async () => {
    const csv = '\uFEFFMã chỉ số;Năm;Mã tỉnh;Chỉ tiêu\r\nGS02;2026;;7,5\r\nGS02;2026;11;3\r\n';
    const res = await w.central.post('/api/indicator-targets/import', form('chi-tieu.csv', csv));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ accepted: 2, rejected: [] });
    const list = (await w.central.get('/api/indicator-targets?indicator=GS02')).json();
    expect(list.map((x: { province: string | null; target: number }) => [x.province, x.target])).toEqual([
      [null, 7.5],
      ['11', 3],
    ]);
  });

  it('answers 400 naming the file when a binary file is named .csv', async () => {
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x22, 0x0a, 0x22, 0x00, 0x01, 0x22, 0x22, 0x61]);
    const res = await w.central.post('/api/indicator-targets/import', form('chi-tieu.csv', binary));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.field).toBe('file');
  });
});

describe('aggregate values entered directly', () => {
  it('stores values for an aggregate indicator and shows them in the pivot at once', async () => {
    const res = await dienBienEntry.put('/api/indicator-values', {
      indicator: 'NL03',
      unit: { generation: 2025, code: '11' },
      period: '2026Q2',
      values: [
        { sex: 'female', ethnicGroupId: ETHNIC.thai, value: 4 },
        { sex: 'male', ethnicGroupId: ETHNIC.mong, value: 2 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toHaveLength(2);
    const p = await pivot(viewer, 'rows=province&cols=quarter&indicator=NL03');
    expect(cellAt(p, '11', '2026Q2')).toBe(6);
    const bySex = await pivot(viewer, 'rows=sex&indicator=NL03&period=2026');
    expect(cellAt(bySex, 'female')).toBe(4);
    await dienBienEntry.put('/api/indicator-values', {
      indicator: 'NL03',
      unit: { generation: 2025, code: '11' },
      period: '2026Q2',
      values: [{ sex: 'male', ethnicGroupId: ETHNIC.mong, value: null }],
    });
    expect(cellAt(await pivot(viewer, 'rows=province&indicator=NL03'), '11')).toBe(4);
  });

  it('keeps the scope and the indicator’s rules: 403 elsewhere, 400 naming the field', async () => {
    const body = {
      indicator: 'NL03',
      unit: { generation: 2025, code: '15' },
      period: '2026Q2',
      values: [{ value: 1 }],
    };
    expect((await dienBienEntry.put('/api/indicator-values', body)).statusCode).toBe(403);
    expect((await viewer.put('/api/indicator-values', body)).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string][] = [
      [{ indicator: 'TT01' }, 'indicator'],
      [{ period: '202604' }, 'period'],
      [{ unit: { generation: 2025, code: '99999' } }, 'unit.code'],
      [{ values: [{ targetGroup: 'child', value: 1 }] }, 'values.0.targetGroup'],
      [{ values: [{ ethnicGroupId: 77, value: 1 }] }, 'values.0.ethnicGroupId'],
      [{ values: [{ value: 1 }, { value: 2 }] }, 'values.1'],
    ];
    for (const [over, field] of cases) {
      const res = await w.central.put('/api/indicator-values', { ...body, ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.field, JSON.stringify(over)).toBe(field);
    }
  });

  it('reads a stock ("last") as the latest value at each period end, and an average as the mean', async () => {
    const stock = await w.central.post('/api/indicators', {
      code: 'AG_STOCK',
      nameVi: 'Số hộ nghèo có phụ nữ làm chủ hộ',
      nameEn: 'Poor households headed by women',
      unit: 'hộ',
      source: 'aggregate',
      definition: { periodType: 'quarterly' },
      timeAggregation: 'last',
    });
    expect(stock.statusCode, stock.body).toBe(201);
    const put = (code: string, period: string, value: number, indicator = 'AG_STOCK') =>
      w.central.put('/api/indicator-values', {
        indicator,
        unit: { generation: 2025, code },
        period,
        values: [{ value }],
      });
    await put('11', '2025Q4', 100);
    await put('11', '2026Q2', 80);
    await put('15', '2026Q1', 50);
    const p = await pivot(viewer, 'rows=province&cols=quarter&indicator=AG_STOCK&year=2026');
    expect(cellAt(p, '11', '2026Q1')).toBe(100);
    expect(cellAt(p, '11', '2026Q2')).toBe(80);
    expect(cellAt(p, '11', '2026Q4')).toBe(80);
    expect(cellAt(p, '15', '2026Q1')).toBe(50);
    expect(p.totals.columns[0]).toBe(150);
    expect(p.totals.columns[1]).toBe(130);
    expect(p.totals.rows[0]).toBe(80);
    expect(p.totals.grand).toBe(130);

    await w.central.post('/api/indicators', {
      code: 'AG_AVG',
      nameVi: 'Tỷ lệ phụ nữ tham gia sinh hoạt',
      nameEn: 'Share of women attending',
      unit: '%',
      source: 'aggregate',
      definition: { periodType: 'yearly' },
      timeAggregation: 'avg',
    });
    await put('11', '2026', 60, 'AG_AVG');
    await put('15', '2026', 80, 'AG_AVG');
    const avg = await pivot(viewer, 'rows=province&indicator=AG_AVG');
    expect(cellAt(avg, '11')).toBe(60);
    expect(avg.totals.grand).toBe(70);
  });

  it('re-derives the next period of a stock when a value is inserted before it, changed or cleared', async () => {
    const created = await w.central.post('/api/indicators', {
      code: 'AG_STOCK2',
      nameVi: 'Số tổ truyền thông cộng đồng đang hoạt động',
      nameEn: 'Community communication teams active',
      unit: 'tổ',
      source: 'aggregate',
      definition: { periodType: 'quarterly' },
      timeAggregation: 'last',
    });
    expect(created.statusCode, created.body).toBe(201);
    const put = async (period: string, value: number | null) => {
      const res = await w.central.put('/api/indicator-values', {
        indicator: 'AG_STOCK2',
        unit: { generation: 2025, code: '11' },
        period,
        values: [{ value }],
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const quarters = async () => {
      const p = await pivot(viewer, 'rows=province&cols=quarter&indicator=AG_STOCK2&year=2026');
      return ['2026Q1', '2026Q2', '2026Q3'].map((q) => cellAt(p, '11', q));
    };
    await put('2025Q4', 100);
    await put('2026Q2', 80);
    expect(await quarters()).toEqual([100, 80, 80]);
    // Inserted between the two: the 2026Q2 entry is now a change from 90, not from 100.
    await put('2026Q1', 90);
    expect(await quarters()).toEqual([90, 80, 80]);
    await put('2026Q1', 95);
    expect(await quarters()).toEqual([95, 80, 80]);
    // Cleared: 2026Q2 is a change from 100 again.
    await put('2026Q1', null);
    expect(await quarters()).toEqual([100, 80, 80]);
    // The first value changed: the rest follow from it.
    await put('2025Q4', 120);
    await put('2026Q3', 85);
    expect(await quarters()).toEqual([120, 80, 85]);
  });
});
