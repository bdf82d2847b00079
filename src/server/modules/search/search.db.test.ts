// Search everywhere on both engines: unaccented words (đ included) find the rows, ranked, and only
// within the caller's scope; users only for user administrators; the input limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import {
  createMission,
  missionBody,
  monitoringWorld,
  type MonitoringWorld,
} from '../../../../test/monitoring-fixtures';
import { DIEN_BIEN_WARD, LAO_CAI_WARD, trainingBody } from '../../../../test/record-fixtures';
import type { SearchResponse } from './search.schemas';

let t: TestApp;
let w: MonitoringWorld;
let admin: ApiClient;
let dienBienRecord: number;
let laoCaiRecord: number;
let missionId: number;
let reviewId: number;

async function search(client: ApiClient, q: string, limit?: number): Promise<SearchResponse> {
  const query = new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) });
  const res = await client.get(`/api/search?${query}`);
  if (res.statusCode !== 200) throw new Error(`search ${q}: ${res.statusCode} ${res.body}`);
  return res.json() as SearchResponse;
}

const ids = (result: SearchResponse, kind: string) =>
  result.groups.find((g) => g.kind === kind)?.items.map((i) => i.id) ?? [];

async function createRecord(client: ApiClient, body: Record<string, unknown>): Promise<number> {
  const res = await client.post('/api/records', body);
  if (res.statusCode !== 201) throw new Error(`record failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: number }).id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await monitoringWorld(t);
  admin = await t.as({ role: 'admin', agency: 'UBDT', displayName: 'Đặng Quốc Đạt' });
  dienBienRecord = await createRecord(
    w.dienBien,
    trainingBody(w.dienBienPlan[0]!, { title: 'Tập huấn "Đường đến bình đẳng" tại Điện Biên', place: DIEN_BIEN_WARD }),
  );
  laoCaiRecord = await createRecord(
    w.laoCai,
    trainingBody(w.laoCaiPlan[0]!, { title: 'Hội thi Dân tộc đoàn kết ở Lào Cai', place: LAO_CAI_WARD }),
  );
  missionId = (await createMission(w.women, missionBody(w, null, { title: 'Đoàn giám sát Dự án 8 ở vùng cao' }))).id;
  const review = await w.women.post('/api/policy-reviews', {
    title: 'Dự thảo Nghị định về chính sách hỗ trợ đồng bào dân tộc thiểu số',
    kind: 'decree',
    reviewType: 'comment',
    requestingAgency: 'Bộ Dân tộc và Tôn giáo',
    receivedOn: '2026-11-02',
    deadline: '2026-12-10',
    planActivityId: w.central[0],
  });
  expect(review.statusCode, review.body).toBe(201);
  reviewId = (review.json() as { id: number }).id;
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/search', () => {
  it('finds a record by words without their marks, đ as d, each word anywhere in the text', async () => {
    const result = await search(w.women, 'duong den binh dang');
    expect(ids(result, 'record')).toEqual([dienBienRecord]);
    expect(result.words).toEqual(['duong', 'den', 'binh', 'dang']);
    const hit = result.groups.find((g) => g.kind === 'record')!.items[0]!;
    expect(hit).toMatchObject({
      kind: 'record',
      title: 'Tập huấn "Đường đến bình đẳng" tại Điện Biên',
      link: `/records/${dienBienRecord}`,
    });
    expect(hit.subtitle).toContain('12/05/2026');
    // In any order, in capitals, with the marks typed differently.
    expect(ids(await search(w.women, 'BÌNH ĐẲNG đuong'), 'record')).toEqual([dienBienRecord]);
    expect(ids(await search(w.women, 'dan toc doan ket'), 'record')).toEqual([laoCaiRecord]);
  });

  it('keeps a provincial user to their scope: another province’s record never appears', async () => {
    expect(ids(await search(w.dienBien, 'duong den binh dang'), 'record')).toEqual([dienBienRecord]);
    expect(ids(await search(w.dienBien, 'dan toc doan ket'), 'record')).toEqual([]);
    expect(ids(await search(w.laoCai, 'duong den binh dang'), 'record')).toEqual([]);
    expect(ids(await search(w.laoCai, 'dan toc doan ket'), 'record')).toEqual([laoCaiRecord]);
    // Both records hold "tap huan" or "hoi thi": the province sees its own only.
    const both = await search(w.dienBien, 'tai');
    expect(ids(both, 'record')).toContain(dienBienRecord);
    expect(ids(both, 'record')).not.toContain(laoCaiRecord);
  });

  it('ranks a title that begins with the words first', async () => {
    const other = await createRecord(
      w.women,
      trainingBody(w.central[0]!, { title: 'Hội nghị về dân tộc đoàn kết', place: DIEN_BIEN_WARD }),
    );
    const result = await search(w.women, 'dan toc doan ket');
    expect(ids(result, 'record').sort()).toEqual([laoCaiRecord, other].sort());
    const ranks = result.groups.find((g) => g.kind === 'record')!.items.map((i) => i.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const begins = await search(w.women, 'hoi nghi ve dan toc');
    expect(ids(begins, 'record')[0]).toBe(other);
  });

  it('searches plans, activities, missions, policy reviews and agencies, each linking to its page', async () => {
    const plans = await search(w.dienBien, 'dien bien');
    const agencies = plans.groups.find((g) => g.kind === 'agency')!;
    expect(agencies.items.length).toBeGreaterThan(0);
    expect(agencies.items.every((a) => /Điện Biên/.test(a.title) || /Dien Bien|Điện Biên/i.test(a.subtitle))).toBe(
      true,
    );

    const activity = await t.database.db
      .selectFrom('plan_activity')
      .select(['plan_activity_id', 'title', 'plan_id'])
      .where('plan_activity_id', '=', w.central[0]!)
      .executeTakeFirstOrThrow();
    const folded = activity.title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd');
    const found = await search(w.women, folded.split(' ').slice(0, 4).join(' '), 50);
    expect(ids(found, 'activity')).toContain(activity.plan_activity_id);
    expect(
      found.groups.find((g) => g.kind === 'activity')!.items.find((i) => i.id === activity.plan_activity_id)!.link,
    ).toMatch(new RegExp(`^/activities\\?plan=${activity.plan_id}&q=`));

    const missions = await search(w.women, 'du an 8 vung cao');
    expect(ids(missions, 'mission')).toEqual([missionId]);
    expect(missions.groups.find((g) => g.kind === 'mission')!.items[0]!.link).toBe(`/missions/${missionId}`);
    // The mission visits Điện Biên: its coordinator finds it too.
    expect(ids(await search(w.dienBien, 'du an 8 vung cao'), 'mission')).toEqual([missionId]);

    const reviews = await search(w.women, 'dong bao dan toc thieu so');
    expect(ids(reviews, 'policy_review')).toEqual([reviewId]);
    // The central union's register entry is not Lào Cai's.
    expect(ids(await search(w.laoCai, 'dong bao dan toc thieu so'), 'policy_review')).toEqual([]);

    const plan = await search(w.women, '01/KH');
    expect(ids(plan, 'plan')).toContain(w.planId);
  });

  it('finds users only for those who administer them', async () => {
    const result = await search(admin, 'nguyen thi lan');
    expect(ids(result, 'user')).toContain(w.women.userId);
    expect(result.groups.find((g) => g.kind === 'user')!.items.find((u) => u.id === w.women.userId)).toMatchObject({
      title: 'Nguyễn Thị Lan',
      link: `/users/${w.women.userId}`,
    });
    expect(ids(await search(admin, 'dang quoc dat'), 'user')).toEqual([admin.userId]);
    // A provincial coordinator reads users but does not administer them.
    expect(ids(await search(w.dienBien, 'nguyen thi lan'), 'user')).toEqual([]);
    expect(ids(await search(w.viewer, 'nguyen thi lan'), 'user')).toEqual([]);
  });

  it('says when a kind has more than the limit, and links to its list with the words', async () => {
    const result = await search(w.women, 'tap huan', 1);
    const records = result.groups.find((g) => g.kind === 'record')!;
    expect(records.items).toHaveLength(1);
    expect(records.more).toBe(true);
    expect(records.listLink).toBe('/records?q=tap+huan');
  });

  it('refuses an empty, an overlong query and a limit out of range; punctuation finds nothing', async () => {
    for (const url of [
      '/api/search?q=',
      `/api/search?q=${'a'.repeat(201)}`,
      '/api/search?q=ab&limit=51',
      '/api/search',
    ]) {
      const res = await w.women.get(url);
      expect(res.statusCode, url).toBe(400);
    }
    expect((await search(w.women, '  %  ')).groups.filter((g) => g.kind === 'record')).toEqual([]);
    expect((await search(w.women, '– —')).groups).toEqual([]);
  });
});
