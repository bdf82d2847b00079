import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { form, PDF, trainingBody, LAO_CAI_WARD } from '../../../../test/record-fixtures';
import {
  createReport,
  laoCaiRecord,
  reportWorld,
  writeAndSubmit,
  type ReportWorld,
} from '../../../../test/report-fixtures';

let t: TestApp;
let w: ReportWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await reportWorld(t);
});
afterAll(async () => {
  await t.close();
});

describe('the reporting calendar', () => {
  it('is configuration seeded from Thông tư 06/2022 periods and the seed plan', async () => {
    const types = (await w.laoCai.get('/api/report-types')).json();
    expect(types.map((x: { code: string }) => x.code)).toEqual([
      'quarterly',
      'six_month',
      'annual',
      'thematic',
      'ad_hoc',
    ]);
    const annual = types.find((x: { code: string }) => x.code === 'annual');
    expect(annual.reporters).toContainEqual({ level: 'provincial', kind: 'women_union', recipient: 'parent' });
    const periods = (await w.laoCai.get('/api/report-periods?year=2022')).json();
    expect(periods.find((p: { code: string }) => p.code === '2022Q3')).toMatchObject({
      type: 'quarterly',
      label: 'Quý III/2022',
      start: '2022-07-01',
      end: '2022-09-30',
      dueDate: '2022-10-10',
    });
    // The annual report is due before the December review.
    expect(periods.find((p: { type: string }) => p.type === 'annual').dueDate).toBe('2022-12-15');
  });

  it('lets an administrator change a deadline rule, audited', async () => {
    const admin = await t.as({ role: 'admin' });
    const res = await admin.put('/api/report-types/six_month', {
      name: 'Báo cáo 6 tháng',
      dueOffsetDays: 20,
      active: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dueOffsetDays).toBe(20);
    expect(
      (await w.laoCai.put('/api/report-types/six_month', { name: 'x', dueOffsetDays: 1, active: true })).statusCode,
    ).toBe(403);
    const bad = await admin.put('/api/report-types/thematic', { name: 'Chuyên đề', dueOffsetDays: 5, active: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('dueOffsetDays');
    await admin.put('/api/report-types/six_month', { name: 'Báo cáo 6 tháng', dueOffsetDays: 15, active: true });
  });

  it('opens thematic periods with their own deadline', async () => {
    const res = await w.women.post('/api/report-periods', {
      type: 'thematic',
      title: 'Chuyên đề phòng chống tảo hôn 2026',
      startDate: '2026-01-01',
      endDate: '2026-06-30',
      dueDate: '2026-07-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().code).toMatch(/^R\d+$/);
    const report = await createReport(w.dienBien, 'thematic', res.json().code);
    expect(report.dueDate).toBe('2026-07-20');
    // Only approvers open periods; the dates are checked, naming the field; anonymous writes are 401.
    const period = {
      type: 'ad_hoc',
      title: 'Báo cáo đột xuất về thiệt hại do bão',
      startDate: '2026-09-01',
      endDate: '2026-09-10',
      dueDate: '2026-09-15',
    };
    expect((await w.laoCai.post('/api/report-periods', period)).statusCode).toBe(403);
    const backwards = await w.women.post('/api/report-periods', { ...period, endDate: '2026-08-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.field).toBe('endDate');
    const regular = await w.women.post('/api/report-periods', { ...period, type: 'quarterly' });
    expect(regular.statusCode).toBe(400);
    expect(regular.json().error.field).toBe('type');
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/report-periods', payload: period });
    expect(anonymous.statusCode).toBe(401);
    const wrong = await w.laoCai.post('/api/reports', { type: 'quarterly', period: res.json().code });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('period');
  });
});

describe('a provincial quarterly report', () => {
  it('walks draft → submitted → returned → submitted → approved, locking the quarter, until reopened', async () => {
    const record = await laoCaiRecord(w.laoCai, w.activities[0]!, '2026-08-10');
    let report = await createReport(w.laoCai, 'quarterly', '2026Q3');
    expect(report).toMatchObject({ status: 'draft', dueDate: '2026-10-10', late: true });
    expect(report.allowedActions).toEqual(['edit', 'refresh', 'submit']);
    expect(report.figures.records).toMatchObject({ count: 1, participants: 50, femaleParticipants: 35 });
    expect(report.figures.activities.length).toBeGreaterThan(0);

    // Nothing to submit without the results written.
    const empty = await w.laoCai.post(`/api/reports/${report.id}/submit`, { version: report.version });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('results');

    report = await writeAndSubmit(w.laoCai, report);
    expect(report.status).toBe('submitted');
    expect(report.allowedActions).toEqual([]);

    // Only the level above decides: not the other central agency, not the province itself.
    expect((await w.ethnic.post(`/api/reports/${report.id}/approve`, { version: report.version })).statusCode).toBe(
      403,
    );
    expect((await w.laoCai.post(`/api/reports/${report.id}/approve`, { version: report.version })).statusCode).toBe(
      403,
    );
    const queue = (await w.women.get('/api/reports?queue=approve')).json();
    expect(queue.items.map((i: { id: number }) => i.id)).toContain(report.id);

    const noComment = await w.women.post(`/api/reports/${report.id}/return`, { version: report.version });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.field).toBe('comment');
    const returned = await w.women.post(`/api/reports/${report.id}/return`, {
      version: report.version,
      comment: 'Bổ sung số liệu người tham gia là phụ nữ DTTS',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    report = returned.json();
    expect(report.status).toBe('returned');
    // The approver heard of the submission, the province of the return with its comment.
    const approverInbox = (await w.women.get('/api/notifications')).json();
    expect(approverInbox.items[0]).toMatchObject({
      kind: 'report_submit',
      title: 'Báo cáo quý (Quý III/2026) của Hội LHPN tỉnh Lào Cai đã gửi',
      link: `/reports/${report.id}`,
    });
    const provinceInbox = (await w.laoCai.get('/api/notifications')).json();
    expect(provinceInbox.items[0]).toMatchObject({
      kind: 'report_return',
      body: 'Bổ sung số liệu người tham gia là phụ nữ DTTS',
    });
    expect(report.events.at(-1)).toMatchObject({
      action: 'return',
      comment: 'Bổ sung số liệu người tham gia là phụ nữ DTTS',
    });

    // Returned: the province edits again; the stale version is refused.
    const staleSubmit = await w.laoCai.post(`/api/reports/${report.id}/submit`, { version: report.version - 1 });
    expect(staleSubmit.statusCode).toBe(409);
    report = await writeAndSubmit(w.laoCai, report, 'Đã bổ sung số liệu phụ nữ DTTS tham gia.');
    const approved = await w.women.post(`/api/reports/${report.id}/approve`, { version: report.version });
    expect(approved.statusCode, approved.body).toBe(200);
    report = approved.json();
    expect(report.status).toBe('approved');
    expect(report.allowedActions).toEqual(['reopen']);
    expect((await w.laoCai.get(`/api/reports/${report.id}`)).json().allowedActions).toEqual([]);

    // The quarter's records in Lào Cai are locked, with a message naming the approved report.
    const current = (await w.laoCai.get(`/api/records/${record.id}`)).json();
    // The record says so, and offers no edit.
    expect(current.allowedActions).toEqual([]);
    expect(current.locked).toContain(`báo cáo số ${report.id}`);
    const edit = await w.laoCai.put(`/api/records/${record.id}`, {
      ...trainingBody(w.activities[0]!, {
        startDate: '2026-08-10',
        endDate: '2026-08-10',
        place: LAO_CAI_WARD,
        village: null,
      }),
      title: 'Sửa sau khi duyệt',
      version: current.version,
    });
    expect(edit.statusCode).toBe(423);
    expect(edit.json().error.message).toContain(`báo cáo số ${report.id}`);
    expect(edit.json().error.message).toContain('Báo cáo quý (Quý III/2026) của Hội LHPN tỉnh Lào Cai');
    expect((await w.laoCai.delete(`/api/records/${record.id}`)).statusCode).toBe(423);
    // Nor does it take a new file.
    const attach = await w.laoCai.post(`/api/records/${record.id}/attachments`, form('bien-ban.pdf', PDF));
    expect(attach.statusCode).toBe(423);
    expect(attach.json().error.code).toBe('period_locked');
    const add = await w.laoCai.post(
      '/api/records',
      trainingBody(w.activities[0]!, {
        startDate: '2026-09-01',
        endDate: '2026-09-01',
        place: LAO_CAI_WARD,
        village: null,
      }),
    );
    expect(add.statusCode).toBe(423);
    // Moving a record of another quarter into the locked one is refused too; Q4 stays open.
    const q4 = await laoCaiRecord(w.laoCai, w.activities[0]!, '2026-10-05');
    const move = await w.laoCai.put(`/api/records/${q4.id}`, {
      ...trainingBody(w.activities[0]!, {
        startDate: '2026-09-05',
        endDate: '2026-09-05',
        place: LAO_CAI_WARD,
        village: null,
      }),
      version: q4.version,
    });
    expect(move.statusCode).toBe(423);
    // Other provinces are not locked by Lào Cai's report.
    const dienBien = await w.dienBien.post(
      '/api/records',
      trainingBody(w.activities[0]!, { startDate: '2026-08-11', endDate: '2026-08-11' }),
    );
    expect(dienBien.statusCode, dienBien.body).toBe(201);

    // Entered indicator values of the quarter for Lào Cai are locked as well; other quarters are not.
    const value = (period: string) =>
      w.laoCai.put('/api/indicator-values', {
        indicator: 'NL03',
        unit: { generation: 2025, code: '15' },
        period,
        values: [{ value: 12 }],
      });
    const lockedValue = await value('2026Q3');
    expect(lockedValue.statusCode).toBe(423);
    expect(lockedValue.json().error.message).toContain(`báo cáo số ${report.id}`);
    expect((await value('2026Q4')).statusCode).toBe(200);

    // The approver reopens (with a reason, audited); the record can be edited again.
    expect((await w.women.post(`/api/reports/${report.id}/reopen`, { version: report.version })).statusCode).toBe(400);
    const reopened = await w.women.post(`/api/reports/${report.id}/reopen`, {
      version: report.version,
      comment: 'Tỉnh cần điều chỉnh một bản ghi',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().status).toBe('returned');
    const open = (await w.laoCai.get(`/api/records/${record.id}`)).json();
    expect(open).toMatchObject({ locked: null, allowedActions: ['edit', 'delete', 'attach'] });
    const again = await w.laoCai.put(`/api/records/${record.id}`, {
      ...trainingBody(w.activities[0]!, {
        startDate: '2026-08-10',
        endDate: '2026-08-10',
        place: LAO_CAI_WARD,
        village: null,
      }),
      title: 'Sửa sau khi mở lại',
      version: current.version,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((await value('2026Q3')).statusCode).toBe(200);
    const audit = (
      await (await t.as({ role: 'auditor' })).get(`/api/audit?entityType=report&entityId=${report.id}`)
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['create', 'update', 'submit', 'return', 'approve', 'reopen']),
    );
  });

  it('keeps the figures it was submitted with; a refresh is possible only in draft', async () => {
    await laoCaiRecord(w.laoCaiEthnic, w.activities[1]!, '2026-04-10');
    let report = await createReport(w.laoCaiEthnic, 'quarterly', '2026Q2');
    expect(report.figures.records.count).toBe(1);
    report = await writeAndSubmit(w.laoCaiEthnic, report);
    await laoCaiRecord(w.laoCaiEthnic, w.activities[1]!, '2026-05-10');
    const after = (await w.laoCaiEthnic.get(`/api/reports/${report.id}`)).json();
    expect(after.figures.records.count).toBe(1);
    const refresh = await w.laoCaiEthnic.post(`/api/reports/${report.id}/refresh`, { version: report.version });
    expect(refresh.statusCode).toBe(409);
    // The ethnic-affairs office reports to Bộ DT&TG, not to Hội LHPN.
    expect(
      (await w.women.post(`/api/reports/${report.id}/return`, { version: report.version, comment: 'x' })).statusCode,
    ).toBe(403);
    const back = await w.ethnic.post(`/api/reports/${report.id}/return`, {
      version: report.version,
      comment: 'Cập nhật số liệu',
    });
    expect(back.statusCode, back.body).toBe(200);
    const refreshed = await w.laoCaiEthnic.post(`/api/reports/${report.id}/refresh`, { version: back.json().version });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json().figures.records.count).toBe(2);
  });

  it('is read only in its scope and written only by its own agency', async () => {
    const report = await createReport(w.dienBien, 'quarterly', '2026Q1');
    expect((await w.laoCai.get(`/api/reports/${report.id}`)).statusCode).toBe(404);
    expect(
      (
        await w.laoCai.put(`/api/reports/${report.id}`, {
          version: 1,
          results: '',
          difficulties: '',
          lessons: '',
          proposals: '',
        })
      ).statusCode,
    ).toBe(404);
    const entry = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
    expect((await entry.get(`/api/reports/${report.id}`)).statusCode).toBe(200);
    expect((await entry.post('/api/reports', { type: 'quarterly', period: '2026Q4' })).statusCode).toBe(403);
    const ethnicDienBien = await t.as({ role: 'provincial_coordinator', agency: 'UBDT-2025-11', provinces: ['11'] });
    const put = await ethnicDienBien.put(`/api/reports/${report.id}`, {
      version: 1,
      results: 'x',
      difficulties: '',
      lessons: '',
      proposals: '',
    });
    expect(put.statusCode).toBe(403);
    const twice = await w.dienBien.post('/api/reports', { type: 'quarterly', period: '2026Q1' });
    expect(twice.statusCode).toBe(409);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/reports/${report.id}` });
    expect(anonymous.statusCode).toBe(401);
    const bad = await w.dienBien.post('/api/reports', { type: 'quarterly', period: '2026Q5' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('period');
  });
});

describe('a national report', () => {
  it('aggregates the approved provincial reports, links them, and is never approved by its author', async () => {
    const province = await createReport(w.laoCai, 'six_month', '2026S1');
    await laoCaiRecord(w.laoCai, w.activities[0]!, '2026-03-03');
    const refreshed = (
      await w.laoCai.post(`/api/reports/${province.id}/refresh`, { version: province.version })
    ).json();
    const submitted = await writeAndSubmit(w.laoCai, refreshed);
    const approver = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
    expect(
      (await approver.post(`/api/reports/${province.id}/approve`, { version: submitted.version })).statusCode,
    ).toBe(200);

    let national = await createReport(w.women, 'six_month', '2026S1');
    expect(national.sources.map((s) => s.id)).toEqual([province.id]);
    expect(national.figures.provinces?.map((p) => p.provinceCode)).toEqual(['15']);
    national = await writeAndSubmit(w.women, national);
    const self = await w.women.post(`/api/reports/${national.id}/approve`, { version: national.version });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toContain('không được tự duyệt');
    expect((await approver.post(`/api/reports/${national.id}/approve`, { version: national.version })).statusCode).toBe(
      200,
    );
    // A provincial user does not see national reports.
    expect((await w.laoCai.get(`/api/reports/${national.id}`)).statusCode).toBe(404);
  });
});
