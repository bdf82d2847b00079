import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { TEST_PASSWORD } from '../../../../test/factories';
import { LAO_CAI_WARD, activityIds, cascadedPlan, issuedPlan, trainingBody } from '../../../../test/record-fixtures';
import { deriveActivityStatus } from '../../../shared/activity-status';
import { foldVietnamese } from '../../../shared/text';

let t: TestApp;
let women: ApiClient;
let ethnic: ApiClient;
let dienBienWomen: ApiClient;
let planId: number;
let provincialPlanId: number;
let central: number[];
let dienBien: number[];

const START = new Date('2026-11-28T03:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  women = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
  ethnic = await t.as({ role: 'central_coordinator', agency: 'UBDT' });
  const plan = await issuedPlan(t, women, ethnic);
  planId = plan.id;
  central = activityIds(plan);
  const coordinator = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
  const provincial = await cascadedPlan(coordinator, plan.id);
  provincialPlanId = provincial.id;
  dienBien = activityIds(provincial);
  dienBienWomen = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
});
afterEach(() => t.clock.set(START));
afterAll(async () => {
  await t.close();
});

const status = async (client: ApiClient, id: number) => (await client.get(`/api/activities/${id}`)).json();

describe('activity status', () => {
  it('turns from not started to in progress after its first record, to late after its end, to done when its lead agency completes it', async () => {
    const id = dienBien[0]!;
    expect(await status(dienBienWomen, id)).toMatchObject({
      status: 'not_started',
      recordCount: 0,
      timeframe: { start: '2026-Q1', end: '2026-Q4' },
      leadAgency: { name: 'Hội Liên hiệp Phụ nữ tỉnh Điện Biên' },
      allowedActions: ['record', 'complete'],
    });
    expect((await dienBienWomen.post('/api/records', trainingBody(id))).statusCode).toBe(201);
    expect(await status(dienBienWomen, id)).toMatchObject({
      status: 'in_progress',
      recordCount: 1,
      participants: 50,
      femaleParticipants: 35,
    });
    t.clock.set('2027-01-01T03:00:00Z');
    // Sessions end after 12 hours: log in again on the new day.
    const officer = await t.login(dienBienWomen.username, TEST_PASSWORD);
    expect((await status(officer, id)).status).toBe('late');
    const done = await officer.post(`/api/activities/${id}/complete`, { note: 'Đã tổ chức đủ 2 lớp' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      completion: { completedOn: '2027-01-01', note: 'Đã tổ chức đủ 2 lớp' },
      allowedActions: ['record', 'reopen'],
    });
    expect((await officer.post(`/api/activities/${id}/complete`, {})).statusCode).toBe(409);
    const reopened = await officer.post(`/api/activities/${id}/reopen`, {});
    expect(reopened.json()).toMatchObject({ status: 'late', completion: null });
    expect((await officer.post(`/api/activities/${id}/reopen`, {})).statusCode).toBe(409);
    t.clock.set(START);
    const auditor = await t.as({ role: 'auditor' });
    const log = (await auditor.get(`/api/audit?entityType=plan_activity&entityId=${id}`)).json().items;
    expect(log.map((e: { action: string }) => e.action)).toEqual(['reopen', 'complete']);
  });

  it('lets only the lead agency complete an activity: 403 for a partner, 404 outside the province', async () => {
    const id = dienBien[1]!;
    const partner = await t.as({ role: 'data_entry', agency: 'UBDT-2025-11', provinces: ['11'] });
    const refused = await partner.post(`/api/activities/${id}/complete`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/cơ quan chủ trì/);
    expect((await status(partner, id)).allowedActions).toEqual(['record']);
    const laoCai = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
    expect((await laoCai.post(`/api/activities/${id}/complete`, {})).statusCode).toBe(404);
    expect((await laoCai.get(`/api/activities/${id}`)).statusCode).toBe(404);
    // A central activity is completed by its central lead agency, not by a province or the partner.
    expect((await dienBienWomen.post(`/api/activities/${central[0]}/complete`, {})).statusCode).toBe(403);
    expect((await ethnic.post(`/api/activities/${central[0]}/complete`, {})).statusCode).toBe(403);
    expect((await women.post(`/api/activities/${central[0]}/complete`, {})).json().status).toBe('done');
  });

  it('answers 400 naming the field for a completion date in the future or not a date, and 404 for no activity', async () => {
    const id = dienBien[2]!;
    const future = await dienBienWomen.post(`/api/activities/${id}/complete`, { completedOn: '2026-12-31' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.field).toBe('completedOn');
    const notDate = await dienBienWomen.post(`/api/activities/${id}/complete`, { completedOn: 'hôm qua' });
    expect(notDate.json().error.field).toBe('completedOn');
    expect((await dienBienWomen.post('/api/activities/999999/complete', {})).statusCode).toBe(404);
    expect((await dienBienWomen.post('/api/activities/999999/reopen', {})).statusCode).toBe(404);
  });

  it('lists activities filtered by plan, province, agency, section and status, within scope', async () => {
    const ids = async (client: ApiClient, query: string) =>
      (await client.get(`/api/activities?${query}`)).json().items.map((a: { id: number }) => a.id);
    expect(await ids(women, `plan=${provincialPlanId}`)).toEqual(dienBien);
    expect(await ids(women, 'province=11')).toEqual(dienBien);
    const provincial = (await women.get(`/api/plans/${provincialPlanId}`)).json();
    const lead = provincial.sections[1].activities[0].leadAgency.id;
    expect(await ids(women, `plan=${provincialPlanId}&agency=${lead}`)).toEqual([dienBien[2]]);
    expect(await ids(women, `plan=${provincialPlanId}&section=${provincial.sections[1].key}`)).toEqual([dienBien[2]]);
    const inProgress = await ids(women, `plan=${provincialPlanId}&status=in_progress`);
    expect(inProgress).toEqual([dienBien[0]]);
    const first = (await women.get(`/api/activities?plan=${planId}`)).json();
    expect(first.total).toBe(3);
    expect(first.items[0]).toMatchObject({
      number: '1.1',
      plan: { id: planId, kind: 'central', year: 2026 },
      section: { number: '1', title: 'Tuyên truyền nâng cao nhận thức' },
    });
    const laoCai = await t.as({ role: 'viewer', agency: 'HLHPN-2025-15', provinces: ['15'] });
    expect(await ids(laoCai, 'province=11')).toEqual([]);
    expect(await ids(laoCai, `plan=${planId}`)).toEqual(central);
  });
});

describe('activity search', () => {
  it('finds activities by words of their title without diacritics or case, and by their number', async () => {
    const all = (await women.get(`/api/activities?plan=${planId}&limit=500`)).json() as {
      items: { id: number; number: string; title: string }[];
    };
    const first = all.items[0]!;
    // "Tập huấn kỹ năng" typed as "TAP HUAN KY NANG": the first words, no marks, upper case.
    const typed = foldVietnamese(first.title).split(' ').slice(0, 3).join(' ').toUpperCase();
    const found = (await women.get(`/api/activities?plan=${planId}&q=${encodeURIComponent(typed)}`)).json() as {
      items: { id: number; title: string }[];
      total: number;
    };
    expect(found.items.map((a) => a.id)).toContain(first.id);
    expect(found.total).toBe(found.items.length);
    for (const a of found.items) expect(foldVietnamese(a.title)).toContain(typed.toLowerCase());

    const byNumber = (await women.get(`/api/activities?plan=${planId}&q=${encodeURIComponent(first.number)}`)).json();
    expect(byNumber.items.map((a: { id: number }) => a.id)).toContain(first.id);

    const none = (await women.get(`/api/activities?plan=${planId}&q=khong+co+hoat+dong+nay`)).json();
    expect(none).toEqual({ items: [], total: 0 });
  });
});

interface Listed {
  id: number;
  status: string;
  recordCount: number;
  timeframe: { start: string; end: string } | null;
  completion: { completedOn: string } | null;
}
const list = async (client: ApiClient, query: string) =>
  (await client.get(`/api/activities?${query}`)).json() as { items: Listed[]; total: number };

describe('paging, status and scope in the database', () => {
  let lastYear: number[];
  beforeAll(async () => {
    // Last year's plan: every activity past its end, so late unless done.
    lastYear = activityIds(await issuedPlan(t, women, ethnic, 2025));
    expect((await women.post('/api/records', trainingBody(lastYear[1]!))).statusCode).toBe(201);
    expect((await ethnic.post(`/api/activities/${lastYear[2]}/complete`, {})).statusCode).toBe(200);
    // A central activity whose only record is in Lào Cai: in progress for Lào Cai, not for Điện Biên.
    const laoCaiRecord = trainingBody(central[1]!, { place: LAO_CAI_WARD });
    expect((await women.post('/api/records', laoCaiRecord)).statusCode).toBe(201);
  });

  it('derives each status by the shared rule from the fields it returns', async () => {
    const { items } = await list(women, 'limit=500');
    expect(new Set(items.map((a) => a.status))).toEqual(new Set(['not_started', 'in_progress', 'late', 'done']));
    for (const a of items)
      expect(a.status, `activity ${a.id}`).toBe(
        deriveActivityStatus(
          { timeframe: a.timeframe, recordCount: a.recordCount, completedOn: a.completion?.completedOn ?? null },
          '2026-11-28',
        ),
      );
    const late = items.find((a) => a.id === lastYear[1]);
    expect(late).toMatchObject({ status: 'late', recordCount: 1 });
    expect(items.find((a) => a.id === lastYear[2])?.status).toBe('done');
  });

  it('pages in the order of the whole list, with the total of the whole list, also past the end', async () => {
    const all = await list(women, 'limit=500');
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(9);
    // This year's plans before last year's, the central plan before the provincial one.
    expect(all.items.map((a) => a.id).slice(0, central.length)).toEqual(central);
    expect(all.items.map((a) => a.id).slice(-lastYear.length)).toEqual(lastYear);
    const second = await list(women, 'limit=2&offset=2');
    expect(second.items.map((a) => a.id)).toEqual(all.items.slice(2, 4).map((a) => a.id));
    expect(second.total).toBe(all.total);
    const last = await list(women, `limit=4&offset=${all.total - 1}`);
    expect(last.items.map((a) => a.id)).toEqual([all.items.at(-1)!.id]);
    expect(await list(women, `limit=4&offset=${all.total + 5}`)).toEqual({ items: [], total: all.total });
  });

  it('filters by status before paging, so page 2 and the total are of that status', async () => {
    const all = await list(women, 'limit=500');
    for (const status of ['not_started', 'in_progress', 'late', 'done']) {
      const expected = all.items.filter((a) => a.status === status).map((a) => a.id);
      const whole = await list(women, `status=${status}&limit=500`);
      expect(
        whole.items.map((a) => a.id),
        status,
      ).toEqual(expected);
      expect(whole.total, status).toBe(expected.length);
      const page2 = await list(women, `status=${status}&limit=1&offset=1`);
      expect(
        page2.items.map((a) => a.id),
        status,
      ).toEqual(expected.slice(1, 2));
      expect(page2.total, status).toBe(expected.length);
    }
    const late = await list(women, 'status=late&year=2025&limit=1&offset=1');
    expect(late).toMatchObject({ total: 2, items: [{ id: lastYear[1], status: 'late' }] });
  });

  it('counts only the records in the reader’s scope, for the counts and for the status filter', async () => {
    const laoCai = await t.as({ role: 'viewer', agency: 'HLHPN-2025-15', provinces: ['15'] });
    expect(await status(women, central[1]!)).toMatchObject({ status: 'in_progress', recordCount: 1 });
    expect(await status(laoCai, central[1]!)).toMatchObject({ status: 'in_progress', recordCount: 1 });
    expect(await status(dienBienWomen, central[1]!)).toMatchObject({ status: 'not_started', recordCount: 0 });
    const dienBienIds = async (query: string) => (await list(dienBienWomen, query)).items.map((a) => a.id);
    expect(await dienBienIds('status=in_progress&limit=500')).not.toContain(central[1]);
    expect(await dienBienIds('status=not_started&limit=500')).toContain(central[1]);
    expect(await list(laoCai, 'status=in_progress&limit=500')).toMatchObject({
      items: [{ id: central[1] }],
      total: 1,
    });
    // A provincial reader sees the central plans and their own province's, nothing of another's.
    const seen = await list(laoCai, 'limit=500');
    expect(seen.items.map((a) => a.id)).toEqual([...central, ...lastYear]);
    expect(seen.total).toBe(central.length + lastYear.length);
    expect(await list(laoCai, `plan=${provincialPlanId}`)).toEqual({ items: [], total: 0 });
    expect((await laoCai.get(`/api/activities/${dienBien[0]}`)).statusCode).toBe(404);
  });

  it('turns late the day after the timeframe ends, in Vietnam’s date', async () => {
    // 2026-Q4 ends on 31 December; Vietnam is UTC+7.
    t.clock.set('2026-12-31T16:59:00Z');
    let officer = await t.login(women.username, TEST_PASSWORD);
    expect((await status(officer, central[1]!)).status).toBe('in_progress');
    expect((await list(officer, `plan=${planId}&status=late`)).total).toBe(0);
    t.clock.set('2026-12-31T17:00:00Z');
    officer = await t.login(women.username, TEST_PASSWORD);
    expect((await status(officer, central[1]!)).status).toBe('late');
    const late = await list(officer, `plan=${planId}&status=late`);
    expect(late.items.map((a) => a.id)).toContain(central[1]);
  });
});
