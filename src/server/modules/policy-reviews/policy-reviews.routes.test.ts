import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { lockPeriod, monitoringWorld, type MonitoringWorld } from '../../../../test/monitoring-fixtures';
import { form, PDF } from '../../../../test/record-fixtures';
import { TEST_PASSWORD } from '../../../../test/factories';
import { countResponsesSent } from './policy-reviews.repo';

let t: TestApp;
let w: MonitoringWorld;
let colleague: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await monitoringWorld(t);
  colleague = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
});
afterAll(async () => {
  await t.close();
});

function reviewBody(over: Record<string, unknown> = {}) {
  return {
    title: 'Dự thảo Luật sửa đổi, bổ sung một số điều của Luật Bình đẳng giới',
    kind: 'law',
    reviewType: 'comment',
    requestingAgency: 'Bộ Lao động - Thương binh và Xã hội',
    requestNumber: '1234/BLĐTBXH-BĐG',
    receivedOn: '2026-11-02',
    deadline: '2026-12-10',
    planActivityId: w.central[0],
    ...over,
  };
}

async function register(client: ApiClient, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/policy-reviews', reviewBody(over));
  if (res.statusCode !== 201) throw new Error(`review failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; version: number; state: string; recordId: number | null };
}

async function gs02Values(recordId: number) {
  return t.database.db
    .selectFrom('data_value as d')
    .innerJoin('indicator as i', 'i.indicator_id', 'd.indicator_id')
    .select(['d.value'])
    .where('i.code', '=', 'GS02')
    .where('d.source_kind', '=', 'record')
    .where('d.source_id', '=', recordId)
    .execute();
}

describe('policy-review register', () => {
  it('registers a document received for comment, with its deadline state', async () => {
    const review = await register(w.women);
    expect(review).toMatchObject({
      kind: 'law',
      reviewType: 'comment',
      agency: { id: w.agencies.hlhpn, name: 'Hội Liên hiệp Phụ nữ Việt Nam' },
      provinceCode: null,
      activity: { id: w.central[0], number: '1.1', planId: w.planId },
      state: 'pending',
      late: false,
      daysLeft: 12,
      sentOn: null,
      allowedActions: ['edit', 'respond', 'attach', 'delete'],
    });
    expect((await w.viewer.get(`/api/policy-reviews/${review.id}`)).json().allowedActions).toEqual([]);
  });

  it('answers 401, 403 and 400 naming the field', async () => {
    const body = reviewBody();
    expect((await t.app.inject({ method: 'POST', url: '/api/policy-reviews', payload: body })).statusCode).toBe(401);
    expect((await w.viewer.post('/api/policy-reviews', body)).statusCode).toBe(403);
    expect((await w.dienBienEntry.post('/api/policy-reviews', body)).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string][] = [
      [{ deadline: '2026-10-01' }, 'deadline'],
      [{ kind: 'decision' }, 'kind'],
      [{ reviewType: 'vote' }, 'reviewType'],
      [{ planActivityId: 999999 }, 'planActivityId'],
      [{ planActivityId: w.dienBienPlan[0] }, 'planActivityId'],
      [{ assigneeUserId: colleague.userId }, 'assigneeUserId'],
      [{ agencyId: 999999 }, 'agencyId'],
      [{ title: '' }, 'title'],
      [{ receivedOn: '2026-02-30' }, 'receivedOn'],
    ];
    for (const [over, field] of cases) {
      const res = await w.women.post('/api/policy-reviews', reviewBody(over));
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect((await w.women.get('/api/policy-reviews/999999')).statusCode).toBe(404);
  });

  it('keeps a province’s register to that province (404 elsewhere)', async () => {
    const review = await register(w.dienBien, {
      title: 'Dự thảo Đề án hỗ trợ phụ nữ khởi nghiệp tỉnh Điện Biên',
      kind: 'scheme',
      planActivityId: w.dienBienPlan[0],
      requestingAgency: 'UBND tỉnh Điện Biên',
      assigneeUserId: colleague.userId,
    });
    expect(review).toMatchObject({
      provinceCode: '11',
      agency: { id: w.agencies.hlhpnDienBien },
      assignee: { id: colleague.userId },
    });
    expect((await w.laoCai.get(`/api/policy-reviews/${review.id}`)).statusCode).toBe(404);
    expect((await w.laoCai.put(`/api/policy-reviews/${review.id}`, { ...reviewBody(), version: 1 })).statusCode).toBe(
      404,
    );
    expect((await w.women.get(`/api/policy-reviews/${review.id}`)).statusCode).toBe(200);
    const listed = (await w.laoCai.get('/api/policy-reviews?limit=500')).json();
    expect(listed.items.map((r: { id: number }) => r.id)).not.toContain(review.id);
    const mine = (await colleague.get('/api/policy-reviews?mine=true')).json();
    expect(mine.items.map((r: { id: number }) => r.id)).toEqual([review.id]);
    // Another province's plan activity cannot hold Điện Biên's document.
    const wrong = await w.dienBien.post('/api/policy-reviews', reviewBody({ planActivityId: w.laoCaiPlan[0] }));
    expect(wrong.statusCode).toBe(400);
  });

  it('flags a document late once its deadline has passed without a response', async () => {
    const review = await register(w.women, {
      receivedOn: '2026-11-01',
      deadline: '2026-11-20',
      title: 'Dự thảo Thông tư hướng dẫn Dự án 8',
      kind: 'circular',
    });
    expect(review).toMatchObject({ state: 'late', late: true, daysLeft: -8 });
    const late = (await w.women.get('/api/policy-reviews?state=late&limit=500')).json();
    expect(late.items.map((r: { id: number }) => r.id)).toContain(review.id);
    expect(late.items.every((r: { late: boolean }) => r.late)).toBe(true);
    expect(late.summary.late).toBe(late.total);
    const sent = await w.women.post(`/api/policy-reviews/${review.id}/response`, {
      responseText: 'Đề nghị bổ sung chỉ tiêu tách biệt theo giới',
      sentOn: '2026-11-25',
      version: review.version,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'sent_late', late: false, daysLeft: null });
  });

  it('counts deadlines in Vietnam days: at 01:00 on 1 April in Hà Nội, a deadline of 31 March is passed', async () => {
    const review = await register(w.women, {
      receivedOn: '2026-03-20',
      deadline: '2026-03-31',
      title: 'Dự thảo Nghị định quy định chi tiết Luật Bình đẳng giới',
      kind: 'decree',
    });
    t.clock.set('2026-03-31T18:00:00Z');
    try {
      const women = await t.login(w.women.username, TEST_PASSWORD);
      const view = (await women.get(`/api/policy-reviews/${review.id}`)).json();
      expect(view).toMatchObject({ state: 'late', late: true, daysLeft: -1 });
      const late = (await women.get('/api/policy-reviews?state=late&limit=500')).json();
      expect(late.today).toBe('2026-04-01');
      expect(late.items.map((r: { id: number }) => r.id)).toContain(review.id);
      // Sent today, Vietnam time: not "after today".
      const sent = await women.post(`/api/policy-reviews/${review.id}/response`, {
        responseText: 'Đề nghị bổ sung quy định về lồng ghép giới',
        sentOn: '2026-04-01',
        version: view.version,
      });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json()).toMatchObject({ state: 'sent_late', sentOn: '2026-04-01' });
    } finally {
      t.clock.set('2026-11-28T03:00:00Z');
    }
  });

  it('refuses (423) to write its record into a period an approved report has locked, and only then', async () => {
    const over = { receivedOn: '2026-04-01', deadline: '2026-04-30', title: 'Dự thảo Quyết định phê duyệt Đề án' };
    const review = await register(w.women, over);
    const lock = () =>
      lockPeriod(t, {
        province: null,
        from: '2026-04-01',
        to: '2026-06-30',
        periodCode: '2026Q2',
        agencyId: w.agencies.hlhpn,
      });
    const response = { responseText: 'Nhất trí với dự thảo.', sentOn: '2026-04-20', version: review.version };
    let unlock = await lock();
    try {
      const refused = await w.women.post(`/api/policy-reviews/${review.id}/response`, response);
      expect(refused.statusCode, refused.body).toBe(423);
      expect((await w.women.get(`/api/policy-reviews/${review.id}`)).json()).toMatchObject({
        sentOn: null,
        recordId: null,
      });
    } finally {
      await unlock();
    }
    const sent = (await w.women.post(`/api/policy-reviews/${review.id}/response`, response)).json();
    expect(sent.recordId).toEqual(expect.any(Number));
    unlock = await lock();
    try {
      // A change the record does not carry goes through; one it carries is refused.
      const renumbered = await w.women.put(`/api/policy-reviews/${review.id}`, {
        ...reviewBody({ ...over, requestNumber: '99/BLĐTBXH' }),
        version: sent.version,
      });
      expect(renumbered.statusCode, renumbered.body).toBe(200);
      const renamed = await w.women.put(`/api/policy-reviews/${review.id}`, {
        ...reviewBody({ ...over, title: 'Tên khác' }),
        version: renumbered.json().version,
      });
      expect(renamed.statusCode).toBe(423);
    } finally {
      await unlock();
    }
  });

  it('records a sent response as a policy_comment record that the GS02 indicator counts, live', async () => {
    const review = await register(w.women);
    const before = await countResponsesSent(t.database.db, { ...(await actorOf(w.women.userId)) });
    const noText = await w.women.post(`/api/policy-reviews/${review.id}/response`, {
      responseText: '',
      sentOn: '2026-11-20',
      version: review.version,
    });
    expect(noText.statusCode).toBe(400);
    expect(noText.json().error.field).toBe('responseText');
    const future = await w.women.post(`/api/policy-reviews/${review.id}/response`, {
      responseText: 'x',
      sentOn: '2026-12-20',
      version: review.version,
    });
    expect(future.json().error.field).toBe('sentOn');
    const draft = await w.women.post(`/api/policy-reviews/${review.id}/response`, {
      responseText: 'Hội LHPN Việt Nam cơ bản nhất trí với dự thảo.',
      sentOn: null,
      version: review.version,
    });
    expect(draft.json()).toMatchObject({ state: 'pending', recordId: null });
    const sent = await w.women.post(`/api/policy-reviews/${review.id}/response`, {
      responseText: 'Hội LHPN Việt Nam cơ bản nhất trí với dự thảo.',
      sentOn: '2026-11-27',
      version: review.version + 1,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const { recordId } = sent.json();
    expect(sent.json()).toMatchObject({
      state: 'sent',
      sentOn: '2026-11-27',
      allowedActions: ['edit', 'respond', 'attach'],
    });
    const record = (await w.women.get(`/api/records/${recordId}`)).json();
    expect(record).toMatchObject({
      type: 'policy_comment',
      startDate: '2026-11-27',
      activity: { id: w.central[0] },
      organiser: { id: w.agencies.hlhpn },
    });
    expect(await gs02Values(recordId)).toEqual([{ value: '1' }]);
    expect(await countResponsesSent(t.database.db, await actorOf(w.women.userId))).toBe(before + 1);
    const list = (await w.women.get('/api/policy-reviews?limit=500')).json();
    expect(list.summary.sent).toBeGreaterThanOrEqual(1);
    // A sent entry is not deleted; undoing the sending removes it from the indicator.
    expect((await w.women.delete(`/api/policy-reviews/${review.id}`)).statusCode).toBe(409);
    const undone = await w.women.post(`/api/policy-reviews/${review.id}/response`, {
      responseText: 'Hội LHPN Việt Nam cơ bản nhất trí với dự thảo.',
      sentOn: null,
      version: review.version + 2,
    });
    expect(undone.json()).toMatchObject({ state: 'pending', recordId: null });
    expect(await gs02Values(recordId)).toEqual([]);
    expect((await w.women.get(`/api/records/${recordId}`)).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'policy_review')
      .where('entity_id', '=', String(review.id))
      .orderBy('audit_id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'respond', 'respond', 'respond']);
  });

  it('lets the assignee answer and attach the response file', async () => {
    const review = await register(w.dienBien, {
      planActivityId: w.dienBienPlan[0],
      assigneeUserId: colleague.userId,
      title: 'Dự thảo báo cáo thực hiện mục tiêu quốc gia về bình đẳng giới',
      kind: 'report',
      reviewType: 'social_criticism',
    });
    const upload = await colleague.post(`/api/policy-reviews/${review.id}/file`, form('y-kien.pdf', PDF));
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json().file).toMatchObject({ fileName: 'y-kien.pdf', mimeType: 'application/pdf' });
    const download = await w.women.get(`/api/policy-reviews/${review.id}/file`);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await w.laoCai.post(`/api/policy-reviews/${review.id}/file`, form('y-kien.pdf', PDF))).statusCode).toBe(
      404,
    );
    const sent = await colleague.post(`/api/policy-reviews/${review.id}/response`, {
      responseText: '',
      sentOn: '2026-11-28',
      version: upload.json().version,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect((await w.women.get(`/api/records/${sent.json().recordId}`)).json().provinceCode).toBe('11');
  });

  it('exports the register as .xlsx with late rows highlighted', async () => {
    await register(w.women, {
      receivedOn: '2026-10-01',
      deadline: '2026-10-15',
      title: 'Dự thảo Nghị định quy định chi tiết Luật Dân tộc',
      kind: 'decree',
    });
    const res = await w.women.get('/api/policy-reviews/export.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Góp ý chính sách')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Tên văn bản');
    const row = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((r) => r.getCell(2).value === 'Dự thảo Nghị định quy định chi tiết Luật Dân tộc')!;
    expect(row.getCell(3).value).toBe('Nghị định');
    expect(row.getCell(8).value).toBe('15/10/2026');
    expect(row.getCell(12).value).toBe('Quá hạn, chưa gửi');
    expect((row.getCell(2).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFBE3E1');
  });
});

async function actorOf(userId: number) {
  const { loadScope } = await import('../auth/auth.service');
  const user = await t.database.db
    .selectFrom('app_user')
    .select(['user_id', 'username', 'display_name', 'role', 'agency_id', 'national_scope'])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  const scope = await loadScope(t.database.db, user.user_id);
  return {
    userId: user.user_id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as 'central_coordinator',
    agencyId: user.agency_id,
    agencyIds: scope.agencyIds,
    nationalScope: user.national_scope,
    provinces: scope.provinces,
  };
}
