// Server-side sort of the lists (common/list-sort.ts): each key both ways, a stable tiebreak so
// pages never repeat or skip a row, and a sort outside the list's whitelist refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { monitoringWorld, type MonitoringWorld } from '../../../../test/monitoring-fixtures';
import { DIEN_BIEN_WARD, trainingBody } from '../../../../test/record-fixtures';

let t: TestApp;
let w: MonitoringWorld;
const TITLES = ['Bồi dưỡng', 'An toàn', 'Chăm sóc', 'An toàn', 'Đối thoại'];

beforeAll(async () => {
  t = await createTestApp();
  w = await monitoringWorld(t);
  for (const [i, title] of TITLES.entries()) {
    const res = await w.women.post(
      '/api/records',
      trainingBody(w.central[0]!, {
        title,
        place: DIEN_BIEN_WARD,
        startDate: `2026-05-1${i}`,
        endDate: `2026-05-1${i}`,
        participants: { mode: 'totals_only', totalParticipants: 10 * (i % 3), femaleParticipants: 0 },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

type Row = { id: number; title: string; startDate: string; totalParticipants: number };
async function records(sort: string, limit = 50, offset = 0): Promise<Row[]> {
  const res = await w.women.get(`/api/records?sort=${sort}&limit=${limit}&offset=${offset}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Row[] }).items;
}

describe('sorted lists', () => {
  it('sorts records by title, date and participants, both ways, ties broken by id', async () => {
    const asc = await records('title');
    const titles = asc.map((r) => r.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const ties = asc.filter((r) => r.title === 'An toàn').map((r) => r.id);
    expect(ties).toEqual([...ties].sort((a, b) => a - b));
    const desc = await records('-title');
    expect(desc.map((r) => r.id)).toEqual(asc.map((r) => r.id).reverse());

    const byDate = (await records('start')).map((r) => r.startDate);
    expect(byDate).toEqual([...byDate].sort());
    const byPeople = (await records('-participants')).map((r) => r.totalParticipants);
    expect(byPeople).toEqual([...byPeople].sort((a, b) => b - a));
  });

  it('pages through a sort with ties without repeating or skipping a row', async () => {
    const all = (await records('participants')).map((r) => r.id);
    const paged: number[] = [];
    for (let offset = 0; offset < all.length; offset += 2)
      paged.push(...(await records('participants', 2, offset)).map((r) => r.id));
    expect(paged).toEqual(all);
  });

  it('sorts plans by year and title', async () => {
    const res = await w.women.get('/api/plans?sort=-title');
    expect(res.statusCode, res.body).toBe(200);
    const titles = (res.json() as { items: { title: string }[] }).items.map((p) => p.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it('sorts users, missions and models by their own columns', async () => {
    const admin = await t.as({ role: 'admin', agency: 'UBDT' });
    // Names compare by the database's collation, so compare the two directions, not a JS sort.
    const ids = async (sort: string) =>
      ((await admin.get(`/api/users?sort=${sort}&limit=200`)).json() as { items: { id: number }[] }).items.map(
        (u) => u.id,
      );
    const asc = await ids('name');
    expect(asc.length).toBeGreaterThan(3);
    expect(await ids('-name')).toEqual([...asc].reverse());
    for (const url of ['/api/missions?sort=-start', '/api/models?sort=name', '/api/models?sort=-founded']) {
      const res = await w.women.get(url);
      expect(res.statusCode, url).toBe(200);
    }
  });

  it('sorts the policy-review register by received date, deadline and title, instead of its default order', async () => {
    for (const [title, receivedOn, deadline] of [
      ['Dự thảo B', '2026-10-05', '2026-12-20'],
      ['Dự thảo A', '2026-11-01', '2026-11-15'],
      ['Dự thảo C', '2026-09-01', '2026-12-01'],
    ]) {
      const res = await w.women.post('/api/policy-reviews', {
        title,
        kind: 'law',
        reviewType: 'comment',
        requestingAgency: 'Bộ Tư pháp',
        receivedOn,
        deadline,
        planActivityId: w.central[0],
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const titles = async (sort: string) =>
      ((await w.women.get(`/api/policy-reviews?sort=${sort}`)).json() as { items: { title: string }[] }).items
        .map((r) => r.title)
        .filter((title) => title.startsWith('Dự thảo '));
    expect(await titles('received')).toEqual(['Dự thảo C', 'Dự thảo B', 'Dự thảo A']);
    expect(await titles('-deadline')).toEqual(['Dự thảo B', 'Dự thảo C', 'Dự thảo A']);
    expect(await titles('-title')).toEqual(['Dự thảo C', 'Dự thảo B', 'Dự thảo A']);
    const bad = await w.women.get('/api/policy-reviews?sort=search_text');
    expect(bad.statusCode).toBe(400);
  });

  it('sorts the activity list by title and by the end of the timeframe, paging in that order', async () => {
    type Activity = { id: number; title: string; timeframe: { end: string | null } | null };
    const activities = async (sort: string, limit = 500, offset = 0) => {
      const res = await w.women.get(`/api/activities?sort=${sort}&limit=${limit}&offset=${offset}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: Activity[] }).items;
    };
    const asc = await activities('title');
    expect(asc.length).toBeGreaterThan(2);
    expect((await activities('-title')).map((a) => a.id)).toEqual(asc.map((a) => a.id).reverse());
    const ends = (await activities('-end')).map((a) => a.timeframe?.end ?? null);
    const dated = ends.filter((e): e is string => e !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(ends.slice(dated.length).every((e) => e === null)).toBe(true); // undated last
    const paged: number[] = [];
    for (let offset = 0; offset < asc.length; offset += 2)
      paged.push(...(await activities('title', 2, offset)).map((a) => a.id));
    expect(paged).toEqual(asc.map((a) => a.id));
    expect((await w.women.get('/api/activities?sort=participants')).statusCode).toBe(400);
  });

  it('sorts the audit log by actor and action, newest first by default', async () => {
    const admin = await t.as({ role: 'admin' });
    type Entry = { id: number; actor: string | null; action: string; occurredAt: string };
    const entries = async (query: string) => {
      const res = await admin.get(`/api/audit?limit=500${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: Entry[] }).items;
    };
    const byDefault = (await entries('')).map((e) => e.occurredAt);
    expect(byDefault).toEqual([...byDefault].sort().reverse());
    const actions = await entries('&sort=action');
    expect(new Set(actions.map((e) => e.action)).size).toBeGreaterThan(1);
    expect((await entries('&sort=-action')).map((e) => e.id)).toEqual(actions.map((e) => e.id).reverse());
    expect((await entries('&sort=time')).map((e) => e.occurredAt)).toEqual([...byDefault].reverse());
    expect((await admin.get('/api/audit?sort=ip')).statusCode).toBe(400);
  });

  it('sorts the report list by period and deadline', async () => {
    const laoCai = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
    for (const period of ['2026Q2', '2026Q1', '2026Q3']) {
      const res = await laoCai.post('/api/reports', { type: 'quarterly', period });
      expect(res.statusCode, res.body).toBe(201);
    }
    const periods = async (sort: string) =>
      (
        (await laoCai.get(`/api/reports?mine=true&sort=${sort}`)).json() as { items: { period: { code: string } }[] }
      ).items.map((r) => r.period.code);
    expect(await periods('period')).toEqual(['2026Q1', '2026Q2', '2026Q3']);
    expect(await periods('-due')).toEqual(['2026Q3', '2026Q2', '2026Q1']);
    expect((await laoCai.get('/api/reports?sort=agency')).statusCode).toBe(400);
  });

  it('refuses a sort that is not one of the list’s columns', async () => {
    for (const url of [
      '/api/records?sort=search_text',
      '/api/records?sort=-',
      '/api/plans?sort=title;drop',
      '/api/users?sort=password_hash',
      '/api/missions?sort=name',
    ]) {
      const res = await w.women.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toMatchObject({ error: { field: expect.stringContaining('sort') } });
    }
  });
});
