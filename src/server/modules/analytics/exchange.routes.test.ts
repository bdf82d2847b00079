import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { modelBody } from '../../../../test/registry-fixtures';
import {
  ETHNIC,
  PLACES,
  analyticsWorld,
  createModel,
  createRecord,
  pivot,
  recordBody,
  type AnalyticsWorld,
} from '../../../../test/analytics-fixtures';
import { parseXml } from './xml';
import { validateAdx } from './fixtures/adx/validate-adx';

let t: TestApp;
let w: AnalyticsWorld;
let dienBien: ApiClient;

interface DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  value: string;
}
const sorted = (values: DataValue[]) => [...values].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function enter(client: ApiClient, unit: string | null, period: string, values: Record<string, unknown>[]) {
  const res = await client.put('/api/indicator-values', {
    indicator: 'NL03',
    unit: unit ? { generation: 2025, code: unit } : null,
    period,
    values,
  });
  if (res.statusCode !== 200) throw new Error(res.body);
}

/** The export's values, each checked to carry the default attribute option combo, then without it. */
async function exportSet(query = 'indicator=NL03'): Promise<DataValue[]> {
  const res = await w.central.get(`/api/exchange/dataValueSets.json?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().dataSet).toBe('PHOIHOP');
  return res.json().dataValues.map(({ attributeOptionCombo, ...v }: DataValue & { attributeOptionCombo: string }) => {
    expect(attributeOptionCombo).toBe('default');
    return v;
  });
}

beforeAll(async () => {
  t = await createTestApp();
  w = await analyticsWorld(t);
  dienBien = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
  await enter(w.central, '11', '2026Q1', [
    { sex: 'female', ethnicGroupId: ETHNIC.thai, value: 5 },
    { sex: 'male', ethnicGroupId: ETHNIC.thai, value: 2 },
  ]);
  await enter(w.central, '11', '2026Q2', [{ sex: 'female', ethnicGroupId: ETHNIC.mong, value: 3 }]);
  await enter(w.central, '15', '2026Q2', [{ value: 4 }]);
  await enter(w.central, null, '2026Q3', [{ sex: 'female', value: 1 }]);
});
afterAll(async () => {
  await t.close();
});

describe('DHIS2 dataValueSets', () => {
  it('exports aggregate values with periods, org units and category option combos in our codes', async () => {
    expect(sorted(await exportSet())).toEqual(
      sorted([
        {
          dataElement: 'NL03',
          period: '2026Q1',
          orgUnit: '11',
          categoryOptionCombo: `sex=female;ethnic_group=${ETHNIC.thai}`,
          value: '5',
        },
        {
          dataElement: 'NL03',
          period: '2026Q1',
          orgUnit: '11',
          categoryOptionCombo: `sex=male;ethnic_group=${ETHNIC.thai}`,
          value: '2',
        },
        {
          dataElement: 'NL03',
          period: '2026Q2',
          orgUnit: '11',
          categoryOptionCombo: `sex=female;ethnic_group=${ETHNIC.mong}`,
          value: '3',
        },
        { dataElement: 'NL03', period: '2026Q2', orgUnit: '15', categoryOptionCombo: 'default', value: '4' },
        { dataElement: 'NL03', period: '2026Q3', orgUnit: 'VN', categoryOptionCombo: 'sex=female', value: '1' },
      ]),
    );
  });

  it('reports values recorded for a whole province under the province when communes are asked for', async () => {
    expect(sorted(await exportSet('indicator=NL03&orgUnitLevel=commune'))).toEqual(sorted(await exportSet()));
    const national = await exportSet('indicator=NL03&orgUnitLevel=national&disaggregate=false&periodType=yearly');
    expect(national).toEqual([
      { dataElement: 'NL03', period: '2026', orgUnit: 'VN', categoryOptionCombo: 'default', value: '15' },
    ]);
  });

  it('re-imports its own export to the same values, and importing the same file twice changes nothing', async () => {
    const original = await exportSet();
    const again = await w.central.post('/api/exchange/dataValueSets.json', { dataValues: original });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({
      status: 'SUCCESS',
      importCount: { imported: 0, updated: 0, ignored: 5, deleted: 0 },
      conflicts: [],
    });
    // Empty the indicator, then import the export back.
    const cleared = await w.central.post('/api/exchange/dataValueSets.json', {
      dataValues: original.map((v) => ({ ...v, value: null })),
    });
    expect(cleared.json().importCount.deleted).toBe(5);
    expect(await exportSet()).toEqual([]);
    const restored = await w.central.post('/api/exchange/dataValueSets.json', { dataValues: original });
    expect(restored.json().importCount).toEqual({ imported: 5, updated: 0, ignored: 0, deleted: 0 });
    expect(sorted(await exportSet())).toEqual(sorted(original));
    const p = await pivot(w.central, 'rows=province&indicator=NL03');
    expect(p.totals.grand).toBe(15);
  });

  it('updates a changed value, and reports rows it cannot take as conflicts naming the field', async () => {
    const res = await dienBien.post('/api/exchange/dataValueSets.json', {
      dataValues: [
        {
          dataElement: 'NL03',
          period: '2026Q2',
          orgUnit: '11',
          categoryOptionCombo: `sex=female;ethnic_group=${ETHNIC.mong}`,
          value: '6',
        },
        { dataElement: 'TT01', period: '202601', orgUnit: '11', value: '3' },
        { dataElement: 'NL03', period: '2026Q2', orgUnit: '77', value: '3' },
        { dataElement: 'NL03', period: '202605', orgUnit: '11', value: '3' },
        { dataElement: 'NL03', period: '2026Q2', orgUnit: '11', categoryOptionCombo: 'colour=red', value: '3' },
        { dataElement: 'NL03', period: '2026Q2', orgUnit: '15', value: '9' },
        { dataElement: 'NL03', period: '2026Q2', orgUnit: '11', value: 'mười' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    expect(summary.status).toBe('WARNING');
    expect(summary.importCount).toEqual({ imported: 0, updated: 1, ignored: 0, deleted: 0 });
    expect(summary.conflicts.map((c: { field: string }) => c.field)).toEqual([
      'dataValues.1.dataElement',
      'dataValues.2.orgUnit',
      'dataValues.3.period',
      'dataValues.4.categoryOptionCombo',
      'dataValues.5',
      'dataValues.6.value',
    ]);
    expect(summary.conflicts[4].value).toContain('phạm vi');
    const values = await exportSet('indicator=NL03&period=2026Q2');
    expect(values.find((v) => v.orgUnit === '11')?.value).toBe('6');
    expect(values.find((v) => v.orgUnit === '15')?.value).toBe('4');
  });

  it('carries dataSet and attributeOptionCombo, and period or orgUnit at the top where every value shares it', async () => {
    const res = (await w.central.get('/api/exchange/dataValueSets.json?indicator=NL03&period=2026Q2')).json();
    expect(res.dataSet).toBe('PHOIHOP');
    expect(res.period).toBe('2026Q2');
    expect(res.orgUnit).toBeUndefined(); // 11 and 15
    expect(new Set(res.dataValues.map((v: { attributeOptionCombo: string }) => v.attributeOptionCombo))).toEqual(
      new Set(['default']),
    );
    const one = (await w.central.get('/api/exchange/dataValueSets.json?indicator=NL03&period=2026Q3')).json();
    expect(one).toMatchObject({ dataSet: 'PHOIHOP', period: '2026Q3', orgUnit: 'VN' });
  });

  it('takes unknown options, attribute option combos and values a count cannot have as conflicts, never a 500', async () => {
    const before = sorted(await exportSet());
    const value = { dataElement: 'NL03', period: '2026Q2', orgUnit: '11' };
    const res = await w.central.post('/api/exchange/dataValueSets.json', {
      dataValues: [
        { ...value, categoryOptionCombo: 'sex=alien', value: '3' },
        { ...value, categoryOptionCombo: `sex=female;ethnic_group=999`, value: '3' },
        { ...value, attributeOptionCombo: 'AOC_UNKNOWN', value: '3' },
        { ...value, categoryOptionCombo: 'sex=male', value: '-3' },
        { ...value, categoryOptionCombo: 'sex=male', value: '2.5' },
        { ...value, categoryOptionCombo: 'sex=male', attributeOptionCombo: 'default', value: '7' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    expect(summary.conflicts.map((c: { field: string }) => c.field)).toEqual([
      'dataValues.0.categoryOptionCombo',
      'dataValues.1.categoryOptionCombo',
      'dataValues.2.attributeOptionCombo',
      'dataValues.3.value',
      'dataValues.4.value',
    ]);
    expect(summary.conflicts[0].value).toContain('alien');
    expect(summary.conflicts[3].value).toContain('số nguyên không âm');
    expect(summary.importCount).toEqual({ imported: 1, updated: 0, ignored: 0, deleted: 0 });
    // A set-level attribute option combo the system does not know: every value is a conflict.
    const set = await w.central.post('/api/exchange/dataValueSets.json', {
      attributeOptionCombo: 'AOC_UNKNOWN',
      dataValues: [{ ...value, categoryOptionCombo: 'sex=male', value: '8' }],
    });
    expect(set.json()).toMatchObject({ status: 'ERROR', conflicts: [{ field: 'dataValues.0.attributeOptionCombo' }] });
    // The form refuses the same values, naming the cell.
    const form = await w.central.put('/api/indicator-values', {
      indicator: 'NL03',
      unit: { generation: 2025, code: '11' },
      period: '2026Q2',
      values: [{ sex: 'male', value: 2.5 }],
    });
    expect(form.statusCode).toBe(400);
    expect(form.json().error.field).toBe('values.0.value');
    // Back as it was, for the tests below.
    await w.central.post('/api/exchange/dataValueSets.json', {
      dataValues: [{ ...value, categoryOptionCombo: 'sex=male', value: null }],
    });
    expect(sorted(await exportSet())).toEqual(before);
  });

  it('exports computed indicators from live records, summing to the pivot', async () => {
    await createRecord(
      w.central,
      recordBody(w.activities[0]!, 'communication_event', PLACES.dienBien, '2026-03-03', [
        { sex: 'female', ethnicGroupId: ETHNIC.thai, count: 12 },
        { sex: 'male', ethnicGroupId: ETHNIC.kinh, count: 7 },
      ]),
    );
    const values = await exportSet('indicator=TT01&periodType=quarterly&disaggregate=false');
    expect(values).toEqual([
      { dataElement: 'TT01', period: '2026Q1', orgUnit: '11', categoryOptionCombo: 'default', value: '19' },
    ]);
    const detailed = await exportSet('indicator=TT01');
    expect(detailed.map((v) => v.categoryOptionCombo).sort()).toEqual([
      `sex=female;ethnic_group=${ETHNIC.thai};target_group=community_member;age_band=31_60`,
      `sex=male;ethnic_group=${ETHNIC.kinh};target_group=community_member;age_band=31_60`,
    ]);
    expect(detailed.every((v) => v.period === '202603')).toBe(true);
  });

  it('carries a stock indicator up to the current month in Vietnam, a day ahead of UTC in the evening', async () => {
    await createModel(w.central, await modelBody(t.database.db, { foundedOn: '2025-11-20' }));
    try {
      // 18:00 UTC on 31 January 2026 is already 1 February in Hà Nội.
      t.clock.set('2026-01-31T18:00:00Z');
      const values = await exportSet('indicator=TT02&periodType=monthly&disaggregate=false');
      expect(
        values
          .map((v) => v.period)
          .sort()
          .at(-1),
      ).toBe('202602');
    } finally {
      t.clock.set('2026-11-28T03:00:00Z');
    }
  });

  it('answers 400 naming the parameter for a bad export query or document', async () => {
    expect((await w.central.get('/api/exchange/dataValueSets.json?period=2026X')).json().error.field).toBe('period');
    expect((await w.central.get('/api/exchange/dataValueSets.json?indicator=NOPE')).json().error.field).toBe(
      'indicator',
    );
    expect((await dienBien.get('/api/exchange/dataValueSets.json?orgUnitLevel=national')).json().error.field).toBe(
      'orgUnitLevel',
    );
    const bad = await w.central.post('/api/exchange/dataValueSets.json', { dataValues: [{ period: '2026Q1' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('dataValues.0.dataElement');
    expect((await dienBien.get('/api/exchange/dataValueSets.json')).statusCode).toBe(200);
  });
});

describe('ADX and the code list', () => {
  it('maps codes through the configurable code list on export and import', async () => {
    const res = await w.central.put('/api/exchange/codes', {
      items: [
        { kind: 'indicator', ourValue: 'NL03', theirCode: 'DE_TOT' },
        { kind: 'orgunit', ourValue: '11', theirCode: 'OU_DIENBIEN' },
        { kind: 'category_option_combo', ourValue: `sex=female;ethnic_group=${ETHNIC.thai}`, theirCode: 'COC_F_THAI' },
        { kind: 'category_option', ourValue: `ethnic_group=${ETHNIC.thai}`, theirCode: 'THAI' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const values = await exportSet('indicator=NL03&period=2026Q1');
    expect(values).toContainEqual({
      dataElement: 'DE_TOT',
      period: '2026Q1',
      orgUnit: 'OU_DIENBIEN',
      categoryOptionCombo: 'COC_F_THAI',
      value: '5',
    });
    const imported = await w.central.post('/api/exchange/dataValueSets.json', {
      dataValues: [
        {
          dataElement: 'DE_TOT',
          period: '2026Q1',
          orgUnit: 'OU_DIENBIEN',
          categoryOptionCombo: 'COC_F_THAI',
          value: '8',
        },
      ],
    });
    expect(imported.json().importCount.updated).toBe(1);
    const taken = await w.central.put('/api/exchange/codes', {
      items: [{ kind: 'indicator', ourValue: 'NL01', theirCode: 'DE_TOT' }],
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.field).toBe('items.0.theirCode');
    expect(
      (await dienBien.put('/api/exchange/codes', { items: [{ kind: 'orgunit', ourValue: '11', theirCode: 'X' }] }))
        .statusCode,
    ).toBe(403);
  });

  it('exports well-formed ADX with the mapped codes and ISO periods, and imports it back to the same values', async () => {
    const res = await w.central.get('/api/exchange/adx.xml?indicator=NL03');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/adx+xml');
    const adx = parseXml(res.body);
    expect(adx.name).toBe('adx');
    expect(adx.attributes.xmlns).toBe('urn:ihe:qrph:adx:2015');
    const groups = adx.children.filter((g) => g.name === 'group');
    const q1 = groups.find((g) => g.attributes.orgUnit === 'OU_DIENBIEN' && g.attributes.period === '2026-01-01/P3M');
    expect(q1?.attributes.dataSet).toBe('PHOIHOP');
    expect(q1!.children.map((d) => d.attributes)).toContainEqual({
      dataElement: 'DE_TOT',
      sex: 'female',
      ethnic_group: 'THAI',
      value: '8',
    });
    expect(groups.find((g) => g.attributes.orgUnit === 'VN')?.attributes.period).toBe('2026-07-01/P3M');

    const before = sorted(await exportSet('indicator=NL03'));
    await w.central.post('/api/exchange/dataValueSets.json', {
      dataValues: before.map((v) => ({ ...v, value: null })),
    });
    expect(await exportSet('indicator=NL03')).toEqual([]);
    const imported = await w.central.request('POST', '/api/exchange/adx.xml', res.body, {
      'content-type': 'application/adx+xml',
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ status: 'SUCCESS', importCount: { imported: before.length } });
    expect(sorted(await exportSet('indicator=NL03'))).toEqual(before);
  });

  it('answers 400 naming the body for XML that is not well-formed, and for a JSON body', async () => {
    const broken = await w.central.request('POST', '/api/exchange/adx.xml', '<adx><group></adx>', {
      'content-type': 'application/xml',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.field).toBe('body');
    const json = await w.central.post('/api/exchange/adx.xml', { dataValues: [] });
    expect(json.statusCode).toBe(400);
    const period = await w.central.request(
      'POST',
      '/api/exchange/adx.xml',
      '<adx xmlns="urn:ihe:qrph:adx:2015"><group orgUnit="11" period="2026-02-01/P3M" dataSet="X"/></adx>',
      { 'content-type': 'application/xml' },
    );
    expect(period.json().error.field).toBe('group.0.period');
  });
});

describe('ADX against the IHE schema', () => {
  it('exports ADX that the official ADX schema (urn:ihe:qrph:adx:2015) validates', async () => {
    const res = await w.central.get('/api/exchange/adx.xml?indicator=NL03');
    expect(res.statusCode).toBe(200);
    const result = await validateAdx(res.body);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator is not a rubber stamp: a value that is not a number, or a group without its org unit, fails.
    expect((await validateAdx(res.body.replace(/value="\d+"/, 'value="năm"'))).valid).toBe(false);
    expect((await validateAdx(res.body.replace(/ orgUnit="[^"]*"/, ''))).valid).toBe(false);
  });

  it('accepts the attributes the schema allows, and names a disaggregation it does not have as a conflict', async () => {
    const adx = (attributes: string) =>
      `<adx xmlns="urn:ihe:qrph:adx:2015" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ext="urn:example:ext" exported="2026-12-03T00:00:00Z">` +
      `<group orgUnit="OU_DIENBIEN" period="2026-04-01/P3M" dataSet="PHOIHOP" comment="từ tỉnh">` +
      `<dataValue dataElement="DE_TOT" value="6" ${attributes}/></group></adx>`;
    const send = (body: string) =>
      w.central.request('POST', '/api/exchange/adx.xml?dryRun=true', body, { 'content-type': 'application/adx+xml' });
    const allowed = adx('sex="female" ext:source="sổ tay" comment="đã kiểm tra"');
    expect((await validateAdx(allowed)).valid).toBe(true);
    const ok = await send(allowed);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'SUCCESS', conflicts: [] });
    const unknownDimension = await send(adx('sex="female" age="15-24"'));
    expect(unknownDimension.json()).toMatchObject({
      status: 'ERROR',
      conflicts: [{ field: 'group.0.dataValue.0.age' }],
    });
    const unknownOption = await send(adx('sex="alien"'));
    expect(unknownOption.statusCode).toBe(200);
    expect(unknownOption.json().conflicts[0].field).toBe('group.0.dataValue.0.sex');
  });
});
