import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { jointPlanBody } from '../../../../test/plan-fixtures';
import JSZip from 'jszip';
import { foldVietnamese } from '../../../shared/text';

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

async function issued(year = 2022) {
  let plan = await draft(year);
  plan = (await women.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();
  plan = (await women.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
  plan = (await ethnic.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
  const res = await women.post(`/api/plans/${plan.id}/issue`, { version: plan.version, issuedOn: `${year}-07-18` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function signed(year = 2022) {
  let plan = await draft(year);
  plan = (await women.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();
  plan = (await women.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
  return (await ethnic.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
}

describe('plans', () => {
  it('stores the whole structure and returns it with agency names as of the plan date', async () => {
    const plan = await draft();
    const got = (await women.get(`/api/plans/${plan.id}`)).json();
    expect(got).toMatchObject({ status: 'draft', version: 1, place: 'Hà Nội', kind: 'central' });
    expect(got.issuers.map((i: { name: string }) => i.name)).toEqual([
      'Hội Liên hiệp Phụ nữ Việt Nam',
      'Ủy ban Dân tộc',
    ]);
    expect(got.sections).toHaveLength(2);
    expect(got.sections[0].activities[1]).toMatchObject({
      number: '1.2',
      timeframe: { start: '2022-Q2', end: '2022-Q4' },
      leadAgency: { shortName: 'Hội LHPN Việt Nam' },
      outputs: [{ target: 1 }],
    });
    expect(got.sections[0].activities[0].partnerAgencies[0].name).toBe('Ủy ban Dân tộc');
    expect(got.sections[0].activities[0].id).toEqual(expect.any(Number));
    expect(got.signatures[1]).toMatchObject({ authority: 'TM. ĐOÀN CHỦ TỊCH', signer: 'Tôn Ngọc Hạnh' });
    expect(got.allowedActions).toEqual(['edit', 'submit']);
  });

  it('is issued only after every issuing agency has signed', async () => {
    let plan = await draft();
    plan = (await women.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();
    expect(plan.status).toBe('under_review');
    plan = (await women.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
    expect(plan.status).toBe('under_review');
    expect(plan.issuers[0].signedAt).not.toBeNull();
    const early = await women.post(`/api/plans/${plan.id}/issue`, {
      version: plan.version,
      number: '1/KH',
      issuedOn: '2022-07-18',
    });
    expect(early.statusCode).toBe(409);
    plan = (await ethnic.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
    expect(plan.status).toBe('signed');
    const done = await ethnic.post(`/api/plans/${plan.id}/issue`, {
      version: plan.version,
      number: '16 /KH- HLHPNVN- UBĐT',
      issuedOn: '2022-07-18',
    });
    expect(done.json()).toMatchObject({ status: 'issued', number: '16/KH-HLHPNVN-UBĐT', issuedOn: '2022-07-18' });
    // Its download is named by that number, Vietnamese letters kept; only the ASCII fallback loses the marks.
    const docx = await ethnic.get(`/api/plans/${plan.id}/export.docx`);
    expect(docx.headers['content-disposition']).toBe(
      `attachment; filename="ke-hoach-16-KH-HLHPNVN-UBDT.docx"; filename*=UTF-8''ke-hoach-16-KH-HLHPNVN-UB%C4%90T.docx`,
    );
  });

  it('lets a user sign only for their own agency, once', async () => {
    let plan = await draft();
    plan = (await women.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();
    plan = (await women.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
    const twice = await women.post(`/api/plans/${plan.id}/sign`, { version: plan.version });
    expect(twice.statusCode).toBe(409);
    const outsider = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
    expect((await outsider.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).statusCode).toBe(409);
    const viewer = await t.as({ role: 'viewer', agency: 'UBDT' });
    expect((await viewer.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).statusCode).toBe(403);
    const got = (await ethnic.get(`/api/plans/${plan.id}`)).json();
    expect(got.issuers.map((i: { signedAt: string | null }) => i.signedAt !== null)).toEqual([true, false]);
  });

  it('returns a plan to draft with a comment when either agency rejects it, clearing signatures', async () => {
    let plan = await draft();
    plan = (await women.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();
    plan = (await women.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
    const res = await ethnic.post(`/api/plans/${plan.id}/return`, {
      version: plan.version,
      comment: 'Đề nghị bổ sung chỉ tiêu',
    });
    expect(res.statusCode).toBe(200);
    const back = res.json();
    expect(back.status).toBe('draft');
    expect(back.issuers.every((i: { signedAt: string | null }) => i.signedAt === null)).toBe(true);
    expect(back.comments[0]).toMatchObject({
      kind: 'return',
      body: 'Đề nghị bổ sung chỉ tiêu',
      agency: 'Ủy ban Dân tộc',
    });
    const noComment = await ethnic.post(`/api/plans/${plan.id}/return`, { version: back.version });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.field).toBe('comment');
  });

  it('refuses to edit an issued plan in place; a revision makes a new version and keeps the issued one', async () => {
    const plan = await issued();
    const body = await jointPlanBody(t.database.db);
    const edit = await women.put(`/api/plans/${plan.id}`, { version: plan.version, content: body.content });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toMatch(/phiên bản sửa đổi/);
    const revised = (
      await women.post(`/api/plans/${plan.id}/revise`, { version: plan.version, comment: 'Bổ sung hoạt động' })
    ).json();
    expect(revised).toMatchObject({ status: 'draft', version: plan.version + 1 });
    const versions = (await women.get(`/api/plans/${plan.id}/versions`)).json();
    expect(versions.map((v: { status: string }) => v.status)).toEqual(['draft', 'issued']);
  });

  it('saves a draft as a new version, refuses a stale save with 409, and shows what changed', async () => {
    const plan = await draft();
    const body = await jointPlanBody(t.database.db);
    const content = {
      ...body.content,
      sections: plan.sections.map((s: any) => ({
        ...s,
        activities: s.activities.map((a: any) => ({
          key: a.key,
          title: a.title,
          timeframe: a.timeframe,
          leadAgencyId: a.leadAgency?.id ?? null,
          partnerAgencyIds: a.partnerAgencies.map((p: any) => p.id),
          level: a.level,
          outputs: a.outputs,
        })),
      })),
    };
    content.sections[0].activities[0].timeframe = { start: '2022-Q3', end: '2022-Q4' };
    const saved = await women.put(`/api/plans/${plan.id}`, { version: 1, content });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    const stale = await ethnic.put(`/api/plans/${plan.id}`, { version: 1, content });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.field).toBe('version');
    const diff = (await women.get(`/api/plans/${plan.id}/diff?from=1&to=2`)).json();
    expect(diff.changes).toEqual([
      {
        kind: 'changed',
        where: 'Nội dung 1 › Hoạt động 1 › Thời gian',
        before: 'Từ quý I đến quý IV/2022',
        after: 'Từ quý III đến quý IV/2022',
      },
    ]);
  });

  it('answers 400 naming the field for a backwards timeframe or an unknown agency, and writes nothing', async () => {
    const before = (await women.get('/api/plans?limit=200')).json().total;
    const body = await jointPlanBody(t.database.db);
    body.content.sections[0]!.activities[0]!.timeframe = { start: '2022-Q4', end: '2022-Q1' };
    const backwards = await women.post('/api/plans', body);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.field).toBe('sections.0.activities.0.timeframe');
    const unknown = await jointPlanBody(t.database.db);
    unknown.content.sections[1]!.activities[0]!.leadAgencyId = 999999;
    const res = await women.post('/api/plans', unknown);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('content.sections.1.activities.0.leadAgencyId');
    const badPeriod = await jointPlanBody(t.database.db);
    (badPeriod.content.sections[0]!.timeframe as { start: string }).start = 'quý 1';
    expect((await women.post('/api/plans', badPeriod)).json().error.field).toBe('content.sections.0.timeframe.start');
    expect((await women.get('/api/plans?limit=200')).json().total).toBe(before);
  });

  it('keeps a null lead agency and a null programme as null (no silent coercion)', async () => {
    const body = await jointPlanBody(t.database.db);
    body.content.sections[0]!.activities[0]!.leadAgencyId = null as unknown as number;
    (body.content as { programme: string | null }).programme = null;
    const plan = (await women.post('/api/plans', body)).json();
    const stored = await t.database.db
      .selectFrom('plan')
      .select('content')
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    const content = stored.content as { programme: unknown; sections: { activities: { leadAgencyId: unknown }[] }[] };
    expect(content.programme).toBeNull();
    expect(content.sections[0]!.activities[0]!.leadAgencyId).toBeNull();
    expect(plan.sections[0].activities[0].leadAgency).toBeNull();
  });

  it('answers 401 without a session and 403 for a viewer creating a plan', async () => {
    const body = await jointPlanBody(t.database.db);
    expect((await t.app.inject({ method: 'POST', url: '/api/plans', payload: body })).statusCode).toBe(401);
    const viewer = await t.as({ role: 'viewer' });
    expect((await viewer.post('/api/plans', body)).statusCode).toBe(403);
  });

  it('rolls an issued 2022 plan forward: 2023 names Ủy ban Dân tộc, 2026 names Bộ Dân tộc và Tôn giáo', async () => {
    const plan = await issued();
    const y2023 = await women.post(`/api/plans/${plan.id}/roll-forward`, {});
    expect(y2023.statusCode, y2023.body).toBe(201);
    expect(y2023.json()).toMatchObject({
      year: 2023,
      status: 'draft',
      number: '',
      issuedOn: null,
      previousPlanId: plan.id,
    });
    expect(y2023.json().title).toContain('năm 2023');
    expect(y2023.json().issuers.map((i: { name: string }) => i.name)).toEqual([
      'Hội Liên hiệp Phụ nữ Việt Nam',
      'Ủy ban Dân tộc',
    ]);
    expect(y2023.json().sections[0].activities[1].timeframe).toEqual({ start: '2023-Q2', end: '2023-Q4' });
    const y2026 = (await women.post(`/api/plans/${plan.id}/roll-forward`, { year: 2026 })).json();
    expect(y2026.issuers.map((i: { name: string }) => i.name)).toEqual([
      'Hội Liên hiệp Phụ nữ Việt Nam',
      'Bộ Dân tộc và Tôn giáo',
    ]);
    expect(y2026.sections[1].activities[0].leadAgency.name).toBe('Bộ Dân tộc và Tôn giáo');
    expect(y2026.signatures[0]).toMatchObject({ authority: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', signer: '' });
  });

  it('previews what a roll-forward renames, without making the plan', async () => {
    const plan = await issued();
    const before = await t.database.db
      .selectFrom('plan')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const preview = await women.get(`/api/plans/${plan.id}/roll-forward?year=2026`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({
      year: 2026,
      changes: [
        { from: 'BỘ TRƯỞNG, CHỦ NHIỆM', to: 'BỘ TRƯỞNG', count: 1 },
        { from: 'THỨ TRƯỞNG, PHÓ CHỦ NHIỆM', to: 'THỨ TRƯỞNG', count: 1 },
      ],
    });
    expect((await women.get(`/api/plans/${plan.id}/roll-forward?year=2023`)).json().changes).toEqual([]);
    const after = await t.database.db
      .selectFrom('plan')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const bad = await women.get(`/api/plans/${plan.id}/roll-forward?year=2022`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('year');
    const viewer = await t.as({ role: 'viewer' });
    expect((await viewer.get(`/api/plans/${plan.id}/roll-forward?year=2026`)).statusCode).toBe(403);
  });

  it("lets a provincial coordinator derive the province's plan, linked activity by activity", async () => {
    const plan = await issued();
    const laoCai = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
    expect((await laoCai.get(`/api/plans/${plan.id}`)).json().allowedActions).toEqual(['cascade']);
    const res = await laoCai.post(`/api/plans/${plan.id}/cascade`, {});
    expect(res.statusCode, res.body).toBe(201);
    const provincial = res.json();
    expect(provincial).toMatchObject({
      kind: 'provincial',
      provinceCode: '15',
      provinceName: 'Lào Cai',
      parentPlanId: plan.id,
      status: 'draft',
    });
    // The unit's own type ("tỉnh Lào Cai"), not "tỉnh, thành phố Lào Cai"; the place line keeps the name.
    expect(provincial.title).toBe(`${plan.title} tại tỉnh Lào Cai`);
    expect(provincial.place).toBe('Lào Cai');
    expect(provincial.issuers.map((i: { name: string }) => i.name)).toEqual([
      'Hội Liên hiệp Phụ nữ tỉnh Lào Cai',
      'Sở Dân tộc và Tôn giáo tỉnh Lào Cai',
    ]);
    expect(provincial.sections[0].activities[0].centralActivityKey).toBe(plan.sections[0].activities[0].key);
    const again = await laoCai.post(`/api/plans/${plan.id}/cascade`, {});
    expect(again.statusCode).toBe(409);
    const overview = (await women.get(`/api/plans/${plan.id}/cascade`)).json();
    expect(overview.provinces).toHaveLength(34);
    expect(overview.provinces.find((p: { code: string }) => p.code === '15')).toMatchObject({
      planId: provincial.id,
      status: 'draft',
    });
    expect(overview.activities.map((a: { provinces: number }) => a.provinces)).toEqual([1, 1, 1]);
    const dienBien = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
    expect((await dienBien.get(`/api/plans/${provincial.id}`)).statusCode).toBe(404);
    expect(
      (await dienBien.get('/api/plans?kind=provincial&limit=200')).json().items.map((p: { id: number }) => p.id),
    ).not.toContain(provincial.id);
  });

  it('records every change in the audit log', async () => {
    const plan = await issued();
    const auditor = await t.as({ role: 'auditor' });
    const actions = (await auditor.get(`/api/audit?entityType=plan&entityId=${plan.id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['issue', 'sign', 'sign', 'submit', 'create']);
  });
});

describe('plan search', () => {
  it('finds plans by words of their title without diacritics or case', async () => {
    const plan = await draft(2023);
    const typed = foldVietnamese(plan.title).split(' ').slice(0, 3).join(' ').toUpperCase();
    const found = (await women.get(`/api/plans?q=${encodeURIComponent(typed)}&limit=200`)).json();
    expect(found.items.map((p: { id: number }) => p.id)).toContain(plan.id);
    for (const p of found.items as { title: string }[]) expect(foldVietnamese(p.title)).toContain(typed.toLowerCase());
    expect((await women.get('/api/plans?q=khong+co+ke+hoach+nay')).json()).toMatchObject({ items: [], total: 0 });
  });

  describe('signed and numbered', () => {
    it('records who signed for each agency, as typed in the sign dialog or by default, and prints it', async () => {
      let plan = await draft(2024);
      plan = (await women.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();
      const blank = await women.post(`/api/plans/${plan.id}/sign`, { version: plan.version, signer: ' ' });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error.field).toBe('signer');
      plan = (
        await women.post(`/api/plans/${plan.id}/sign`, {
          version: plan.version,
          signer: 'Nguyễn Thị Tuyến',
          position: 'PHÓ CHỦ TỊCH',
          authority: 'TM. ĐOÀN CHỦ TỊCH',
        })
      ).json();
      // The ethnic-affairs user takes the defaults: their display name, their agency's block.
      plan = (await ethnic.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
      const me = (await ethnic.get('/api/me')).json();
      expect(plan.issuers.map((i: { signer: unknown }) => i.signer)).toEqual([
        { name: 'Nguyễn Thị Tuyến', position: 'PHÓ CHỦ TỊCH', authority: 'TM. ĐOÀN CHỦ TỊCH' },
        { name: me.displayName, position: expect.any(String), authority: expect.any(String) },
      ]);
      const done = await women.post(`/api/plans/${plan.id}/issue`, { version: plan.version, issuedOn: '2024-03-01' });
      expect(done.statusCode, done.body).toBe(200);
      const issuedPlan = done.json();
      const bySigner = Object.fromEntries(
        issuedPlan.signatures.map((s: { agency: { id: number } | null; signer: string; position: string }) => [
          s.agency?.id,
          s,
        ]),
      );
      expect(bySigner[plan.issuers[0].id]).toMatchObject({ signer: 'Nguyễn Thị Tuyến', position: 'PHÓ CHỦ TỊCH' });
      expect(bySigner[plan.issuers[1].id]).toMatchObject({ signer: me.displayName });

      const docx = await women.get(`/api/plans/${plan.id}/export.docx`);
      expect(docx.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      const xml = await zip.file('word/document.xml')!.async('string');
      const text = xml.replace(/<[^>]+>/g, '');
      expect(text).toContain('Nguyễn Thị Tuyến');
      expect(text).toContain('PHÓ CHỦ TỊCH');
      expect(text).toContain(me.displayName);

      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'after'])
        .where('entity_type', '=', 'plan')
        .where('entity_id', '=', String(plan.id))
        .where('action', 'in', ['sign', 'issue'])
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['issue', 'sign', 'sign']);
    });

    it('numbers issued plans from the lead agency register, consecutively per year, symbol lead first', async () => {
      const a = await signed(2025);
      const next = await women.get(`/api/plans/${a.id}/next-number?issuedOn=2025-02-01`);
      expect(next.statusCode, next.body).toBe(200);
      expect(next.json()).toEqual({ number: '01/KH-HLHPNVN-UBDT', year: 2025 });
      const first = (
        await women.post(`/api/plans/${a.id}/issue`, { version: a.version, issuedOn: '2025-02-01' })
      ).json();
      expect(first.number).toBe(next.json().number);
      const b = await signed(2025);
      const second = (
        await women.post(`/api/plans/${b.id}/issue`, { version: b.version, issuedOn: '2025-02-20' })
      ).json();
      expect(second.number).toBe('02/KH-HLHPNVN-UBDT');
      // A new year starts the register again; after the rename the symbol carries the new abbreviation.
      const c = await signed(2026);
      const third = (
        await women.post(`/api/plans/${c.id}/issue`, { version: c.version, issuedOn: '2026-01-05' })
      ).json();
      expect(third.number).toBe('01/KH-HLHPNVN-BDTTG');
    });

    it('gives two plans issued at the same time different numbers', async () => {
      const [a, b] = await Promise.all([signed(2027), signed(2027)]);
      const [ra, rb] = await Promise.all([
        women.post(`/api/plans/${a.id}/issue`, { version: a.version, issuedOn: '2027-03-01' }),
        ethnic.post(`/api/plans/${b.id}/issue`, { version: b.version, issuedOn: '2027-03-01' }),
      ]);
      expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
      expect([ra.json().number, rb.json().number].sort()).toEqual(['01/KH-HLHPNVN-BDTTG', '02/KH-HLHPNVN-BDTTG']);
    });

    it('takes a typed number only once per agency and year, then the register continues after it', async () => {
      const a = await signed(2028);
      const typed = await women.post(`/api/plans/${a.id}/issue`, {
        version: a.version,
        number: '07/KH-HLHPNVN-BDTTG',
        issuedOn: '2028-01-10',
      });
      expect(typed.statusCode, typed.body).toBe(200);
      const b = await signed(2028);
      const again = await women.post(`/api/plans/${b.id}/issue`, {
        version: b.version,
        number: '7/KH-HLHPNVN-BDTTG',
        issuedOn: '2028-02-10',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.field).toBe('number');
      const unnumbered = await women.post(`/api/plans/${b.id}/issue`, {
        version: b.version,
        number: 'KH-HLHPNVN',
        issuedOn: '2028-02-10',
      });
      expect(unnumbered.statusCode).toBe(400);
      expect(unnumbered.json().error.field).toBe('number');
      // Nothing was taken by the refused requests.
      const got = (await women.get(`/api/plans/${b.id}`)).json();
      expect(got.status).toBe('signed');
      const auto = (
        await women.post(`/api/plans/${b.id}/issue`, { version: b.version, issuedOn: '2028-02-10' })
      ).json();
      expect(auto.number).toBe('08/KH-HLHPNVN-BDTTG');
    });

    it('refuses a typed number whose symbol has an abbreviation the issuer did not use on the issue date', async () => {
      const plan = await signed(2029);
      const old = await women.post(`/api/plans/${plan.id}/issue`, {
        version: plan.version,
        number: '03/KH-HLHPNVN-UBĐT',
        issuedOn: '2029-03-02',
      });
      expect(old.statusCode).toBe(400);
      expect(old.json().error).toMatchObject({ field: 'number' });
      expect(old.json().error.message).toContain('"BDTTG"');
      expect((await women.get(`/api/plans/${plan.id}`)).json().status).toBe('signed');
      const current = await women.post(`/api/plans/${plan.id}/issue`, {
        version: plan.version,
        number: '03/KH-HLHPNVN-BDTTG',
        issuedOn: '2029-03-02',
      });
      expect(current.statusCode, current.body).toBe(200);
      // Before the reform the committee's own abbreviation is the right one.
      const historic = await signed(2024);
      const y2024 = await women.post(`/api/plans/${historic.id}/issue`, {
        version: historic.version,
        number: '11/KH-HLHPNVN-UBĐT',
        issuedOn: '2024-05-02',
      });
      expect(y2024.statusCode, y2024.body).toBe(200);
    });
  });
});
