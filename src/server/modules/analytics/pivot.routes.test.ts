import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import {
  ETHNIC,
  PLACES,
  analyticsWorld,
  cellAt,
  createRecord,
  participantSums,
  pivot,
  recordBody,
  type AnalyticsWorld,
} from '../../../../test/analytics-fixtures';

let t: TestApp;
let w: AnalyticsWorld;
let laoCaiViewer: ApiClient;

const event = (
  place: { generation: number; code: string } | null,
  date: string,
  rows: Parameters<typeof recordBody>[4],
) => recordBody(w.activities[0]!, 'communication_event', place, date, rows);

beforeAll(async () => {
  t = await createTestApp();
  w = await analyticsWorld(t);
  laoCaiViewer = await t.as({ role: 'viewer', agency: 'HLHPN-2025-15', provinces: ['15'] });
  const records = [
    event(PLACES.dienBien, '2026-03-10', [
      { sex: 'female', ethnicGroupId: ETHNIC.thai, count: 40 },
      { sex: 'male', ethnicGroupId: ETHNIC.thai, count: 12 },
      { sex: 'female', ethnicGroupId: ETHNIC.mong, targetGroup: 'union_member', count: 25 },
      { sex: 'female', ethnicGroupId: ETHNIC.mong, targetGroup: 'child', ageBand: 'under_16', count: 7 },
    ]),
    event(PLACES.dienBien, '2026-07-02', [
      { sex: 'male', ethnicGroupId: ETHNIC.mong, count: 9 },
      { sex: 'female', ethnicGroupId: ETHNIC.kinh, count: 3 },
    ]),
    event(PLACES.laoCai, '2026-05-20', [
      { sex: 'female', ethnicGroupId: ETHNIC.dao, count: 31 },
      { sex: 'male', ethnicGroupId: ETHNIC.dao, count: 14 },
      { sex: 'female', ethnicGroupId: ETHNIC.mong, count: 6 },
    ]),
    event(PLACES.laoCai, '2025-11-20', [{ sex: 'female', ethnicGroupId: ETHNIC.dao, count: 5 }]),
    // Another type, and a training of cadres: not communication.
    recordBody(w.activities[0]!, 'training', PLACES.dienBien, '2026-04-01', [
      { sex: 'female', ethnicGroupId: ETHNIC.thai, targetGroup: 'union_cadre', count: 18 },
      { sex: 'male', ethnicGroupId: ETHNIC.kinh, targetGroup: 'ethnic_affairs_cadre', count: 4 },
      { sex: 'female', ethnicGroupId: ETHNIC.thai, targetGroup: 'community_member', count: 50 },
    ]),
  ];
  for (const body of records) await createRecord(w.central, body);
});
afterAll(async () => {
  await t.close();
});

describe('pivot over live data', () => {
  it('matches a direct SQL sum over record_participant exactly, by province, ethnic group and sex', async () => {
    const p = await pivot(w.central, 'rows=province,ethnic_group&cols=sex&indicator=TT01');
    const direct = await participantSums(t.database.db, 'communication_event');
    expect(direct.length).toBeGreaterThan(5);
    for (const d of direct) expect(cellAt(p, `${d.province_code}|${d.ethnic_group_id}`, d.sex)).toBe(d.total);
    const nonEmpty = p.cells.flat().filter((v) => v !== null);
    expect(nonEmpty.length).toBe(direct.length);
    expect(p.totals.grand).toBe(direct.reduce((s, d) => s + d.total, 0));
    expect(p.meta.sources).toEqual(['dv_province_month_sex_ethnic']);
  });

  it('counts only cadres for "cadres trained", and training courses as records', async () => {
    const cadres = await pivot(w.central, 'rows=target_group&indicator=NL02');
    expect(cadres.rows.map((r) => r.key[0])).toEqual(['union_cadre', 'ethnic_affairs_cadre']);
    expect(cadres.totals.grand).toBe(22);
    const courses = await pivot(w.central, 'rows=province&indicator=NL01');
    expect(cellAt(courses, '11')).toBe(1);
    expect(courses.meta.sources).toEqual(['dv_province_month']);
  });

  it('shows a record saved now at once (no job), follows its edit, and drops it when deleted', async () => {
    const query = 'rows=province&cols=quarter&indicator=TT01&year=2026';
    const before = await pivot(w.central, query);
    const body = event(PLACES.laoCai, '2026-08-15', [{ sex: 'male', ethnicGroupId: ETHNIC.mong, count: 100 }]);
    const saved = await createRecord(w.central, body);
    const after = await pivot(w.central, query);
    expect(cellAt(after, '15', '2026Q3')).toBe((cellAt(before, '15', '2026Q3') ?? 0) + 100);
    expect(after.totals.grand).toBe(before.totals.grand! + 100);

    const edited = await w.central.put(`/api/records/${saved.id}`, {
      ...event(PLACES.laoCai, '2026-08-15', [{ sex: 'male', ethnicGroupId: ETHNIC.mong, count: 60 }]),
      version: saved.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(cellAt(await pivot(w.central, query), '15', '2026Q3')).toBe((cellAt(before, '15', '2026Q3') ?? 0) + 60);

    expect((await w.central.delete(`/api/records/${saved.id}`)).statusCode).toBe(204);
    const gone = await pivot(w.central, query);
    expect(gone.cells).toEqual(before.cells);
    expect(gone.totals).toEqual(before.totals);
  });

  it('shows old-geography data in the 63-province view through the lineage, and 2025 data there when the lineage allows', async () => {
    await createRecord(
      w.central,
      event(PLACES.quangTrung2024, '2026-02-11', [{ sex: 'female', ethnicGroupId: ETHNIC.dao, count: 17 }]),
    );
    await createRecord(
      w.central,
      event(PLACES.namDong, '2026-02-12', [{ sex: 'male', ethnicGroupId: ETHNIC.kinh, count: 8 }]),
    );
    const now = await pivot(w.central, 'rows=province&indicator=TT01&period=2026Q1');
    expect(cellAt(now, '08')).toBe(17);
    expect(cellAt(now, '37')).toBe(8);
    const old = await pivot(w.central, 'rows=province&indicator=TT01&period=2026Q1&geography=2024');
    expect(cellAt(old, '02')).toBe(17);
    expect(cellAt(old, '11')).toBe(40 + 12 + 25 + 7);
    // Nam Đồng was formed from communes of two old provinces: not split, shown apart and flagged.
    const unplaced = old.rows.find((r) => r.key[0] === '>37');
    expect(unplaced).toMatchObject({ partial: true });
    expect(unplaced!.label[0]).toContain('không quy được');
    expect(cellAt(old, '>37')).toBe(8);
    expect(old.totals.grand).toBe(now.totals.grand);
  });

  it('flags a value from a split old commune instead of dividing it between the new ones', async () => {
    await createRecord(
      w.central,
      event(PLACES.congVi2024, '2026-06-01', [{ sex: 'female', ethnicGroupId: ETHNIC.kinh, count: 11 }]),
    );
    const row = await t.database.db
      .selectFrom('data_value')
      .select([
        'province_code',
        'commune_code',
        'commune_2024',
        'lineage_partial',
        'source_unit_generation',
        'source_unit_code',
      ])
      .where('source_unit_code', '=', PLACES.congVi2024.code)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      province_code: '01',
      commune_code: null,
      commune_2024: '00007',
      lineage_partial: true,
      source_unit_generation: 2024,
      source_unit_code: '00007',
    });
    const communes = await pivot(w.central, 'rows=commune&indicator=TT01&province=01');
    expect(communes.rows).toHaveLength(1);
    expect(communes.rows[0]).toMatchObject({ key: ['>01'], partial: true });
    expect(communes.rows[0]!.label[0]).toContain('chia tách');
    expect(communes.cells[0]![0]).toBe(11);
    expect(communes.meta.partialValues).toBe(1);
    expect(communes.meta.sources).toEqual(['dv_commune_month']);
    const old = await pivot(w.central, 'rows=commune&indicator=TT01&province=01&geography=2024');
    expect(cellAt(old, '00007')).toBe(11);
  });

  it('applies scope: a Lào Cai user sees Lào Cai only, whatever the filter', async () => {
    const p = await pivot(laoCaiViewer, 'rows=province&indicator=TT01');
    expect(p.rows.map((r) => r.key[0])).toEqual(['15']);
    const direct = (await participantSums(t.database.db, 'communication_event')).filter(
      (d) => d.province_code === '15',
    );
    expect(p.totals.grand).toBe(direct.reduce((s, d) => s + d.total, 0));
    const elsewhere = await pivot(laoCaiViewer, 'rows=province&indicator=TT01&province=11');
    expect(elsewhere.rows).toEqual([]);
    expect(elsewhere.totals.grand).toBeNull();
  });

  it('gives targets and achievement (%) per province and year and for the country', async () => {
    const set = await w.central.put('/api/indicator-targets', {
      items: [
        { indicator: 'TT01', year: 2026, province: null, target: 500 },
        { indicator: 'TT01', year: 2026, province: '11', target: 200 },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    const p = await pivot(w.central, 'rows=province&cols=year&indicator=TT01&year=2026');
    const r = p.rows.findIndex((m) => m.key[0] === '11');
    const value = p.cells[r]![0]!;
    expect(p.targets!.cells[r]![0]).toBe(200);
    expect(p.achievement!.cells[r]![0]).toBe(Math.round((value / 200) * 1000) / 10);
    expect(p.targets!.columns[0]).toBe(500);
    expect(p.achievement!.columns[0]).toBe(Math.round((p.totals.columns[0]! / 500) * 1000) / 10);
    const key = await pivot(w.central, 'rows=indicator&indicator=TT01,NL01&year=2026');
    expect(key.targets!.cells.map((row) => row[0])).toEqual([500, null]);
  });

  it('answers 400 naming the parameter for a bad dimension, period, year, geography or indicator choice', async () => {
    const cases: [string, string][] = [
      ['rows=province,colour&indicator=TT01', 'rows'],
      ['rows=province&cols=province&indicator=TT01', 'cols'],
      ['rows=province&indicator=TT01&period=2026Q5', 'period'],
      ['rows=province&indicator=TT01&year=abc', 'year'],
      ['rows=province&indicator=TT01&geography=2023', 'geography'],
      ['rows=province&indicator=NOPE', 'indicator'],
      ['rows=province&indicator=TT01,NL01', 'indicator'],
      ['rows=province&cols=sex&indicator=NL01', 'cols'],
      ['rows=province&indicator=TT01&sex=other', 'sex'],
    ];
    for (const [query, field] of cases) {
      const res = await w.central.get(`/api/pivot?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toBe(field);
    }
  });

  it('exports the same pivot as .xlsx and .csv', async () => {
    const query = 'rows=province&cols=sex&indicator=TT01&year=2026';
    const p = await pivot(w.central, query);
    const xlsx = await w.central.get(`/api/pivot/export.xlsx?${query}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Số liệu')!;
    const values = sheet.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    const dienBien = values.find((r) => r?.[0] === 'Điện Biên');
    expect(dienBien).toBeDefined();
    const r = p.rows.findIndex((m) => m.key[0] === '11');
    expect(dienBien!.slice(1, 3)).toEqual(p.cells[r]!.map((v) => v ?? undefined));

    const csv = await w.central.get(`/api/pivot/export.csv?${query}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Tỉnh, thành phố,Nữ,Nam,Tổng'.replace('Tỉnh, thành phố', '"Tỉnh, thành phố"'));
    expect(lines.at(-1)).toBe(['Tổng', ...p.totals.columns, p.totals.grand].join(','));
  });

  it('names agencies as of the date in Vietnam, which is a day ahead of UTC in the evening', async () => {
    const ubdt = await t.database.db
      .selectFrom('agency')
      .select('agency_id')
      .where('code', '=', 'UBDT')
      .executeTakeFirstOrThrow();
    await createRecord(
      w.partner,
      event(PLACES.dienBien, '2026-09-01', [{ sex: 'female', ethnicGroupId: ETHNIC.thai, count: 2 }]),
    );
    const label = async () => {
      const p = await pivot(w.central, `rows=agency&indicator=TT01&agency=${ubdt.agency_id}`);
      return p.rows[0]!.label[0];
    };
    try {
      // 18:00 UTC on 28 February 2025 is already 1 March in Hà Nội: the ministry's new name applies.
      t.clock.set('2025-02-28T18:00:00Z');
      expect(await label()).toContain('Bộ Dân tộc và Tôn giáo');
      t.clock.set('2025-02-28T16:00:00Z');
      expect(await label()).toContain('Ủy ban Dân tộc');
    } finally {
      t.clock.set('2026-11-28T03:00:00Z');
    }
  });

  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/pivot?rows=province&indicator=TT01' })).statusCode).toBe(
      401,
    );
  });

  it('keeps every rollup equal to a direct sum over data_value', async () => {
    const db = t.database.db;
    for (const [table, keys] of [
      ['dv_province_month', "indicator_id, coalesce(province_code, ''), coalesce(province_2024, ''), month"],
      [
        'dv_province_month_sex_ethnic',
        "indicator_id, coalesce(province_code, ''), coalesce(province_2024, ''), month, coalesce(sex, ''), coalesce(ethnic_group_id, 0)",
      ],
      [
        'dv_commune_month',
        "indicator_id, coalesce(province_code, ''), coalesce(commune_code, ''), lineage_partial, month",
      ],
    ] as const) {
      const rollupKeys = keys.replace(/coalesce\((\w+), [^)]+\)/g, '$1');
      const diff = await sql<{ n: string }>`
        SELECT count(*) AS n FROM (
          (SELECT ${sql.raw(rollupKeys)}, sum(value) AS v FROM ${sql.table(table)} GROUP BY ${sql.raw(rollupKeys)} HAVING sum(n) <> 0
           EXCEPT SELECT ${sql.raw(keys)}, sum(value) FROM data_value GROUP BY ${sql.raw(keys)})
          UNION ALL
          (SELECT ${sql.raw(keys)}, sum(value) FROM data_value GROUP BY ${sql.raw(keys)}
           EXCEPT SELECT ${sql.raw(rollupKeys)}, sum(value) AS v FROM ${sql.table(table)} GROUP BY ${sql.raw(rollupKeys)} HAVING sum(n) <> 0)
        ) d`.execute(db);
      expect(Number(diff.rows[0]!.n), table).toBe(0);
    }
  });
});
