import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { COMMUNES, modelBody } from '../../../../test/registry-fixtures';
import { activityIds, cascadedPlan } from '../../../../test/record-fixtures';
import {
  ETHNIC,
  PLACES,
  analyticsWorld,
  cellAt,
  createModel,
  createRecord,
  pivot,
  recordBody,
  type AnalyticsWorld,
} from '../../../../test/analytics-fixtures';

let t: TestApp;
let w: AnalyticsWorld;
let viewer: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await analyticsWorld(t);
  viewer = await t.as({ role: 'viewer', agency: 'UBDT' });
});
afterAll(async () => {
  await t.close();
});

describe('registry indicators', () => {
  it('counts the models active at each period end from their dated status history', async () => {
    const a = await createModel(w.central, await modelBody(t.database.db, { foundedOn: '2024-03-15' }));
    await createModel(
      w.central,
      await modelBody(t.database.db, { foundedOn: '2025-06-01', communeCode: COMMUNES.laoCai }),
    );
    const paused = await w.central.post(`/api/models/${a.id}/status`, {
      version: a.version,
      status: 'inactive',
      effectiveOn: '2026-02-10',
    });
    expect(paused.statusCode, paused.body).toBe(200);
    const p = await pivot(viewer, 'rows=province&cols=year&indicator=TT02&year=2024,2025,2026');
    expect(cellAt(p, '11', '2024')).toBe(1);
    expect(cellAt(p, '11', '2025')).toBe(1);
    expect(cellAt(p, '11', '2026')).toBe(0);
    expect(cellAt(p, '15', '2024')).toBeNull();
    expect(cellAt(p, '15', '2026')).toBe(1);
    expect(p.totals.columns).toEqual([1, 2, 1]);
    expect(p.totals.rows).toEqual([0, 1]);
    const q = await pivot(viewer, 'rows=quarter&indicator=TT02&year=2026');
    expect(cellAt(q, '2026Q1')).toBe(1);

    const back = await w.central.post(`/api/models/${a.id}/status`, {
      version: paused.json().version,
      status: 'active',
      effectiveOn: '2026-05-01',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(cellAt(await pivot(viewer, 'rows=quarter&indicator=TT02&year=2026'), '2026Q2')).toBe(2);
  });

  it('sums members by sex and ethnic group, and counts women-led and technology-4.0 livelihood models', async () => {
    const thai = ETHNIC.thai;
    await createModel(
      w.central,
      await modelBody(t.database.db, {
        modelType: 'tkvvtb',
        foundedOn: '2025-01-10',
        members: [
          { sex: 'female', ethnicGroupId: thai, count: 18 },
          { sex: 'male', ethnicGroupId: thai, count: 2 },
        ],
      }),
    );
    const members = await pivot(viewer, 'rows=sex&indicator=SK03');
    expect(cellAt(members, 'female')).toBe(18);
    expect(cellAt(members, 'male')).toBe(2);
    const coop = await createModel(
      w.central,
      await modelBody(t.database.db, {
        modelType: 'hop_tac_xa',
        foundedOn: '2025-09-01',
        womenOwnership: 'owned',
        tech: { ecommerce: true },
      }),
    );
    await createModel(w.central, await modelBody(t.database.db, { modelType: 'to_hop_tac', foundedOn: '2025-09-01' }));
    expect((await pivot(viewer, 'rows=province&indicator=SK04')).totals.grand).toBe(1);
    expect((await pivot(viewer, 'rows=province&indicator=SK05')).totals.grand).toBe(1);
    const edited = await w.central.put(`/api/models/${coop.id}`, {
      version: coop.version,
      ...(await modelBody(t.database.db, {
        modelType: 'hop_tac_xa',
        foundedOn: '2025-09-01',
        womenOwnership: 'owned',
      })),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await pivot(viewer, 'rows=province&indicator=SK05')).totals.grand).toBeNull();
  });
});

describe('dashboard', () => {
  it('shows plan progress by section, key indicators against targets, a map of 34 provinces and a quarterly trend', async () => {
    await createRecord(w.central, recordBody(w.activities[0]!, 'training', PLACES.dienBien, '2026-05-05'));
    await createRecord(w.central, recordBody(w.activities[0]!, 'training', PLACES.laoCai, '2026-08-05'));
    await w.central.put('/api/indicator-targets', {
      items: [{ indicator: 'NL01', year: 2026, province: null, target: 4 }],
    });
    const res = await viewer.get('/api/analytics/dashboard?year=2026&indicator=NL01');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const plan = d.plans.find((p: { id: number }) => p.id === w.planId);
    expect(plan.sections.map((s: { number: string }) => s.number)).toEqual(['1', '2']);
    expect(plan.sections[0].activities.in_progress).toBe(1);
    expect(
      plan.activities.in_progress + plan.activities.not_started + plan.activities.late + plan.activities.done,
    ).toBe(3);
    const courses = d.keyIndicators.find((k: { code: string }) => k.code === 'NL01');
    expect(courses).toMatchObject({ value: 2, target: 4, achievement: 50 });
    expect(d.map.values).toHaveLength(34);
    expect(d.map.values.find((v: { code: string }) => v.code === '11').value).toBe(1);
    expect(d.map.geoJson).toBe('/api/analytics/geo/provinces-34.geojson');
    const trend = d.trend.series.find((s: { code: string }) => s.code === 'NL01');
    expect(trend.values).toEqual([null, 1, 1, null]);
    const old = (await viewer.get('/api/analytics/dashboard?year=2026&indicator=NL01&geography=2024')).json();
    expect(old.map.values).toHaveLength(63);
    const geo = await viewer.get(d.map.geoJson);
    expect(geo.statusCode).toBe(200);
    expect(geo.json().features).toHaveLength(34);
    expect((await viewer.get('/api/analytics/geo/nope.geojson')).statusCode).toBe(404);
    // A name every object has is not a file either (was a 500: it read Object.prototype).
    for (const name of ['valueOf', 'constructor', '__proto__'])
      expect((await viewer.get(`/api/analytics/geo/${name}`)).statusCode, name).toBe(404);
    expect((await viewer.get('/api/analytics/dashboard?year=abc')).json().error.field).toBe('year');

    const dienBien = (await viewer.get('/api/analytics/dashboard?year=2026&indicator=NL01&province=11')).json();
    expect(dienBien.province).toBe('11');
    expect(dienBien.keyIndicators.find((k: { code: string }) => k.code === 'NL01').value).toBe(1);
    expect(dienBien.trend.series.find((s: { code: string }) => s.code === 'NL01').values).toEqual([
      null,
      1,
      null,
      null,
    ]);
    // The plans of the province only: the central plan is not one of them.
    expect(dienBien.plans).toEqual([]);
    expect(dienBien.map.values.find((v: { code: string }) => v.code === '15').value).toBe(1);
    expect((await viewer.get('/api/analytics/dashboard?year=2026&province=Hanoi')).json().error.field).toBe('province');
  });

  it('gives a provincial user nothing of another province in a provincial overview', async () => {
    const laoCai = await t.as({ role: 'viewer', agency: 'HLHPN-2025-15', provinces: ['15'] });
    const other = (await laoCai.get('/api/analytics/dashboard?year=2026&indicator=NL01&province=11')).json();
    expect(other.keyIndicators.every((k: { value: number | null }) => k.value === null)).toBe(true);
    expect(other.plans).toEqual([]);
  });

  it('counts each plan’s and section’s activities by status exactly as the activity list says, in the reader’s scope', async () => {
    const coordinator = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
    const cascaded = await cascadedPlan(coordinator, w.planId);
    await createRecord(coordinator, recordBody(activityIds(cascaded)[1]!, 'training', PLACES.dienBien, '2026-06-01'));
    await createRecord(w.central, recordBody(w.activities[1]!, 'training', PLACES.laoCai, '2026-06-02'));
    expect((await w.partner.post(`/api/activities/${w.activities[2]}/complete`, {})).statusCode).toBe(200);
    const dienBien = await t.as({ role: 'viewer', agency: 'HLHPN-2025-11', provinces: ['11'] });
    const laoCai = await t.as({ role: 'viewer', agency: 'HLHPN-2025-15', provinces: ['15'] });
    for (const [client, query] of [
      [viewer, 'year=2026'],
      [viewer, 'year=2026&province=11'],
      [viewer, `year=2026&plan=${w.planId}`],
      [dienBien, 'year=2026'],
      [laoCai, 'year=2026'],
    ] as const) {
      const d = (await client.get(`/api/analytics/dashboard?${query}`)).json();
      const expected = await progressFromList(client, query);
      expect(d.plans, query).toEqual(expected);
      expect(d.plans.length, query).toBeGreaterThan(0);
    }
    // The Lào Cai record makes the activity in progress for Lào Cai, not for Điện Biên.
    const section = async (client: ApiClient) =>
      (await client.get('/api/analytics/dashboard?year=2026'))
        .json()
        .plans.find((p: { id: number }) => p.id === w.planId).sections[0].activities;
    expect(await section(laoCai)).toMatchObject({ in_progress: 2 });
    expect(await section(dienBien)).toMatchObject({ in_progress: 1, not_started: 1 });
  });
});

interface ListedActivity {
  status: 'not_started' | 'in_progress' | 'late' | 'done';
  plan: { id: number; number: string; title: string; kind: string; provinceCode: string | null };
  section: { number: string; title: string };
}

/** The overview's progress built from the whole activity list, as the page would count it. */
async function progressFromList(client: ApiClient, query: string) {
  const { items, total } = (await client.get(`/api/activities?${query}&limit=500`)).json() as {
    items: ListedActivity[];
    total: number;
  };
  expect(items).toHaveLength(total);
  const zero = () => ({ not_started: 0, in_progress: 0, late: 0, done: 0 });
  const plans: {
    id: number;
    number: string;
    title: string;
    kind: string;
    provinceCode: string | null;
    activities: ReturnType<typeof zero>;
    sections: { number: string; title: string; activities: ReturnType<typeof zero>; total: number }[];
  }[] = [];
  for (const a of items) {
    let plan = plans.find((p) => p.id === a.plan.id);
    if (!plan) {
      const { id, number, title, kind, provinceCode } = a.plan;
      plan = { id, number, title, kind, provinceCode, activities: zero(), sections: [] };
      plans.push(plan);
    }
    plan.activities[a.status]++;
    let section = plan.sections.find((s) => s.number === a.section.number);
    if (!section) {
      section = { number: a.section.number, title: a.section.title, activities: zero(), total: 0 };
      plan.sections.push(section);
    }
    section.activities[a.status]++;
    section.total++;
  }
  return plans;
}
