// The centre sends an issued central plan down to chosen provinces: their derived drafts, the
// coordinators told, once per province, and the overview of who has derived, signed and issued.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { jointPlanBody } from '../../../../test/plan-fixtures';

let t: TestApp;
let women: ApiClient;
let ethnic: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  women = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
  ethnic = await t.as({ role: 'central_coordinator', agency: 'UBDT' });
});
afterAll(async () => {
  await t.close();
});

async function draft(year = 2022) {
  const res = await women.post('/api/plans', await jointPlanBody(t.database.db, year));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Submitted, signed by both agencies: status "signed". */
async function signedBoth(plan: { id: number; version: number }, a: ApiClient, b: ApiClient) {
  let p = (await a.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();
  p = (await a.post(`/api/plans/${p.id}/sign`, { version: p.version })).json();
  const res = await b.post(`/api/plans/${p.id}/sign`, { version: p.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function issued(year = 2022) {
  const plan = await signedBoth(await draft(year), women, ethnic);
  const res = await women.post(`/api/plans/${plan.id}/issue`, { version: plan.version, issuedOn: `${year}-07-18` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const send = (who: ApiClient, planId: number, provinceCodes: unknown) =>
  who.post(`/api/plans/${planId}/send-to-provinces`, { provinceCodes });

async function inbox(who: ApiClient) {
  const res = await who.get('/api/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { kind: string; title: string; link: string | null }[];
}

interface ProvinceRow {
  code: string;
  stage: string;
  planId: number | null;
  derivedAt: string | null;
  signedAt: string | null;
  issuedOn: string | null;
  number: string;
  sentByCentre: boolean;
}

async function overview(planId: number): Promise<Map<string, ProvinceRow>> {
  const res = await women.get(`/api/plans/${planId}/cascade`);
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json().provinces as ProvinceRow[]).map((p) => [p.code, p]));
}

describe('sending an issued central plan to provinces', () => {
  it('derives one draft per chosen province, tells only their coordinators, and never twice', async () => {
    const plan = await issued();
    const laoCai = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
    const laoCaiEthnic = await t.as({ role: 'provincial_coordinator', agency: 'UBDT-2025-15', provinces: ['15'] });
    const laoCaiEntry = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-15', provinces: ['15'] });
    const dienBien = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
    const laiChau = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-12', provinces: ['12'] });
    const sonLa = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-14', provinces: ['14'] });
    expect((await women.get(`/api/plans/${plan.id}`)).json().allowedActions).toContain('send_to_provinces');

    const first = await send(women, plan.id, ['15', '11', '12']);
    expect(first.statusCode, first.body).toBe(200);
    const sent = first.json();
    expect(sent.existing).toEqual([]);
    expect(sent.created.map((c: { provinceCode: string }) => c.provinceCode)).toEqual(['11', '12', '15']);
    const idOf = (code: string): number =>
      sent.created.find((c: { provinceCode: string }) => c.provinceCode === code).planId;

    const laoCaiPlan = (await laoCai.get(`/api/plans/${idOf('15')}`)).json();
    expect(laoCaiPlan).toMatchObject({
      kind: 'provincial',
      provinceCode: '15',
      parentPlanId: plan.id,
      status: 'draft',
      title: `${plan.title} tại tỉnh Lào Cai`,
    });
    expect(laoCaiPlan.issuers.map((i: { name: string }) => i.name)).toEqual([
      'Hội Liên hiệp Phụ nữ tỉnh Lào Cai',
      'Sở Dân tộc và Tôn giáo tỉnh Lào Cai',
    ]);
    expect(laoCaiPlan.allowedActions).toEqual(['edit', 'submit']);
    expect((await laoCai.get(`/api/plans/${idOf('11')}`)).statusCode).toBe(404);

    // Each province's coordinators, and only they, hear of their own draft.
    for (const [who, code] of [
      [laoCai, '15'],
      [laoCaiEthnic, '15'],
      [dienBien, '11'],
      [laiChau, '12'],
    ] as const) {
      const items = await inbox(who);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind: 'plan_sent', link: `/plans/${idOf(code)}` });
    }
    expect((await inbox(laoCai))[0]!.title).toContain('xuống tỉnh Lào Cai');
    expect(await inbox(laoCaiEntry)).toEqual([]);
    expect(await inbox(sonLa)).toEqual([]);
    expect(await inbox(women)).toEqual([]);

    // Again to two of them and one more: one new draft, one more notification.
    const again = await send(ethnic, plan.id, ['15', '14', '11']);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({
      created: [{ provinceCode: '14', planId: expect.any(Number) }],
      existing: [
        { provinceCode: '11', planId: idOf('11') },
        { provinceCode: '15', planId: idOf('15') },
      ],
    });
    const derived = await t.database.db
      .selectFrom('plan')
      .select(['province_code'])
      .where('parent_plan_id', '=', plan.id)
      .orderBy('province_code')
      .execute();
    expect(derived.map((d) => d.province_code)).toEqual(['11', '12', '14', '15']);
    expect(await inbox(laoCai)).toHaveLength(1);
    expect(await inbox(sonLa)).toHaveLength(1);

    // A province that derived its own plan counts as sent too.
    const own = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-04', provinces: ['04'] });
    const ownPlan = (await own.post(`/api/plans/${plan.id}/cascade`, {})).json();
    expect((await send(women, plan.id, ['04'])).json()).toEqual({
      created: [],
      existing: [{ provinceCode: '04', planId: ownPlan.id }],
    });

    // One audit entry per derived draft, by the central user who sent it.
    const auditor = await t.as({ role: 'auditor' });
    const entries = (await auditor.get(`/api/audit?entityType=plan&entityId=${idOf('15')}`)).json().items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['send_to_province']);
    const sends = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'send_to_province')
      .where('actor_user_id', 'in', [women.userId, ethnic.userId])
      .executeTakeFirstOrThrow();
    expect(Number(sends.n)).toBe(4);
  }, 120_000);

  it('is refused to provincial users, for plans not issued and for codes that are no province', async () => {
    const plan = await issued();
    const laoCai = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
    const refused = await send(laoCai, plan.id, ['15']);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('điều phối viên trung ương');
    expect((await laoCai.get(`/api/plans/${plan.id}`)).json().allowedActions).toEqual(['cascade']);
    const viewer = await t.as({ role: 'viewer' });
    expect((await send(viewer, plan.id, ['15'])).statusCode).toBe(403);

    // A provincial plan is out of another province's scope: 404, like any read.
    const laoCaiPlan = (await send(women, plan.id, ['15'])).json().created[0].planId;
    const dienBien = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
    expect((await send(dienBien, laoCaiPlan, ['11'])).statusCode).toBe(404);
    expect((await send(women, 99999999, ['11'])).statusCode).toBe(404);
    const provincial = await send(women, laoCaiPlan, ['11']);
    expect(provincial.statusCode).toBe(409);

    const notIssued = await signedBoth(await draft(), women, ethnic);
    const early = await send(women, notIssued.id, ['15']);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('đã ký đủ');

    for (const body of [['99'], ['15', '1'], [], ['15', '15'], Array.from({ length: 35 }, (_, i) => `0${i}`)]) {
      const bad = await send(women, plan.id, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().error.field, JSON.stringify(body)).toMatch(/^provinceCodes/);
    }
    // Lào Cai's code before the 2025 reform (10) is no current province.
    const old = await send(women, plan.id, ['10']);
    expect(old.statusCode).toBe(400);
    expect(old.json().error).toMatchObject({ field: 'provinceCodes', message: expect.stringContaining('10') });
    expect((await overview(plan.id)).get('11')!.stage).toBe('not_sent');
  }, 120_000);

  it('shows each province as not sent, derived, signed or issued, with its dates', async () => {
    const plan = await issued();
    const laoCai = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
    const laoCaiEthnic = await t.as({ role: 'provincial_coordinator', agency: 'UBDT-2025-15', provinces: ['15'] });
    const sent = (await send(women, plan.id, ['15', '11'])).json();
    const laoCaiId = sent.created.find((c: { provinceCode: string }) => c.provinceCode === '15').planId;

    let rows = await overview(plan.id);
    expect(rows.size).toBe(34);
    expect(rows.get('01')).toMatchObject({ stage: 'not_sent', planId: null, derivedAt: null });
    expect(rows.get('15')).toMatchObject({
      stage: 'derived',
      planId: laoCaiId,
      sentByCentre: true,
      signedAt: null,
      issuedOn: null,
    });
    expect(rows.get('15')!.derivedAt).toEqual(expect.any(String));

    const signed = await signedBoth((await laoCai.get(`/api/plans/${laoCaiId}`)).json(), laoCai, laoCaiEthnic);
    expect(signed.status).toBe('signed');
    rows = await overview(plan.id);
    expect(rows.get('15')).toMatchObject({ stage: 'signed', issuedOn: null });
    expect(rows.get('15')!.signedAt).toEqual(expect.any(String));
    expect(rows.get('11')!.stage).toBe('derived');

    const done = await laoCai.post(`/api/plans/${laoCaiId}/issue`, { version: signed.version, issuedOn: '2022-09-05' });
    expect(done.statusCode, done.body).toBe(200);
    rows = await overview(plan.id);
    expect(rows.get('15')).toMatchObject({ stage: 'issued', issuedOn: '2022-09-05', number: done.json().number });

    // A province sees only itself.
    const own = (await laoCai.get(`/api/plans/${plan.id}/cascade`)).json();
    expect(own.provinces.map((p: { code: string }) => p.code)).toEqual(['15']);
  }, 120_000);
});
