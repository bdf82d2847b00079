// GET /api/me/work per role, on data built by the fixtures: what each user has to sign, write,
// approve, follow up or knows is locked, and nothing of another province. The clock is the test's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import {
  createMission,
  missionBody,
  monitoringWorld,
  type MonitoringWorld,
} from '../../../../test/monitoring-fixtures';
import { jointPlanBody } from '../../../../test/plan-fixtures';
import { createReport, writeAndSubmit } from '../../../../test/report-fixtures';
import type { MyWork } from './home.schemas';

let t: TestApp;
let w: MonitoringWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await monitoringWorld(t);
});
afterAll(async () => t.close());

async function work(client: ApiClient, query = ''): Promise<MyWork> {
  const res = await client.get(`/api/me/work${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /api/me/work', () => {
  it('is the caller’s own: 401 without a session, 400 for a limit out of range', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/work' })).statusCode).toBe(401);
    expect((await w.viewer.get('/api/me/work?limit=0')).statusCode).toBe(400);
    expect((await w.viewer.get('/api/me/work?limit=21')).statusCode).toBe(400);
    const viewer = await work(w.viewer);
    expect(viewer.today).toBe('2026-11-28');
    for (const list of [viewer.plans, viewer.reportsToWrite, viewer.reportsToApprove, viewer.latePeriods])
      expect(list).toEqual({ total: 0, items: [] });
    expect(viewer.recommendations.total).toBe(0);
  });

  it('lists a plan under review for each issuer agency to sign, then to issue once signed by both', async () => {
    let plan = (await w.women.post('/api/plans', await jointPlanBody(t.database.db, 2027))).json();
    plan = (await w.women.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();
    const signs = (m: MyWork) => m.plans.items.filter((p) => p.id === plan.id).map((p) => p.action);
    expect(signs(await work(w.women))).toEqual(['sign']);
    expect(signs(await work(w.ethnic))).toEqual(['sign']);
    expect((await work(w.women)).plans.items[0]).toMatchObject({ link: `/plans/${plan.id}` });
    expect(signs(await work(w.dienBien))).toEqual([]);
    plan = (await w.women.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
    expect(signs(await work(w.women))).toEqual([]);
    expect(signs(await work(w.ethnic))).toEqual(['sign']);
    plan = (await w.ethnic.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
    expect(signs(await work(w.women))).toEqual(['issue']);
    expect(signs(await work(w.viewer))).toEqual([]);
  });

  it('shows a provincial plan to sign to its province only', async () => {
    const mine = (await w.dienBien.get(`/api/plans?province=11&kind=provincial`)).json().items[0];
    const submitted = await w.dienBien.post(`/api/plans/${mine.id}/submit`, { version: mine.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const dienBien = await work(w.dienBien);
    expect(dienBien.plans.items.map((p) => [p.id, p.action])).toContainEqual([mine.id, 'sign']);
    expect(dienBien.plans.total).toBe(dienBien.plans.items.length);
    const laoCai = await work(w.laoCai);
    expect(laoCai.plans.items.map((p) => p.id)).not.toContain(mine.id);
    expect(laoCai.plans.items.every((p) => p.provinceCode === null || p.provinceCode === '15')).toBe(true);
  });

  it('lists the reports to write with their deadlines; a submitted one goes to its approver', async () => {
    const laoCai = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
    const before = await work(laoCai, '?limit=20');
    const q3 = (m: MyWork) =>
      m.reportsToWrite.items.find((r) => r.type.code === 'quarterly' && r.period.code === '2026Q3');
    expect(q3(before)).toMatchObject({ status: 'not_started', dueDate: '2026-10-10', late: true, reportId: null });
    expect(before.reportsToWrite.total).toBeGreaterThanOrEqual(before.reportsToWrite.items.length);
    // Ordered by deadline; the annual report (due 15/12) is within reach and not yet late.
    const dues = before.reportsToWrite.items.map((r) => r.dueDate);
    expect(dues).toEqual([...dues].sort());
    const all = await work(laoCai, '?limit=20');
    expect(all.reportsToWrite.items).toHaveLength(all.reportsToWrite.total);
    expect(all.reportsToWrite.items.find((r) => r.type.code === 'annual' && r.period.code === '2026')).toMatchObject({
      late: false,
      dueDate: '2026-12-15',
    });

    const report = await createReport(laoCai, 'quarterly', '2026Q3');
    expect(q3(await work(laoCai, '?limit=20'))).toMatchObject({
      status: 'draft',
      reportId: report.id,
      link: `/reports/${report.id}`,
    });
    // Another province's writer never sees it (their own Q3 is still not started).
    expect(q3(await work(w.dienBien, '?limit=20'))).toMatchObject({ status: 'not_started', reportId: null });

    const submitted = await writeAndSubmit(laoCai, report);
    expect(q3(await work(laoCai, '?limit=20'))).toBeUndefined();
    const approver = await work(w.women, '?limit=20');
    expect(approver.reportsToApprove.items.map((r) => r.id)).toContain(report.id);
    expect(approver.reportsToApprove.items.find((r) => r.id === report.id)).toMatchObject({
      province: 'Lào Cai',
      link: `/reports/${report.id}`,
    });
    expect((await work(w.ethnic)).reportsToApprove.items.map((r) => r.id)).not.toContain(report.id);
    expect((await work(w.dienBien)).reportsToApprove).toEqual({ total: 0, items: [] });

    // Approved: out of the queue, and its period is locked for Lào Cai's data, not Điện Biên's.
    const approved = await w.women.post(`/api/reports/${report.id}/approve`, { version: submitted.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await work(w.women, '?limit=20')).reportsToApprove.items.map((r) => r.id)).not.toContain(report.id);
    const entry = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-15', provinces: ['15'] });
    expect((await work(entry)).lockedPeriods.items).toContainEqual(
      expect.objectContaining({ reportId: report.id, provinceCode: '15', link: `/reports/${report.id}` }),
    );
    expect((await work(w.dienBienEntry)).lockedPeriods.items.map((l) => l.reportId)).not.toContain(report.id);
    expect((await work(w.viewer)).lockedPeriods).toEqual({ total: 0, items: [] });
    // The writer was told of the approval: the same unread notifications as the bell's.
    const mine = await work(laoCai);
    const bell = (await laoCai.get('/api/notifications?unread=true')).json();
    expect(mine.notifications.unread).toBe(bell.unread);
    expect(mine.notifications.unread).toBeGreaterThan(0);
    expect(mine.notifications.items[0]).toMatchObject({ link: `/reports/${report.id}` });
  });

  it('moves with the clock: the annual report becomes late after its deadline', async () => {
    const annual = (m: MyWork) =>
      m.reportsToWrite.items.find((r) => r.type.code === 'annual' && r.period.code === '2026');
    t.clock.set('2026-12-16T03:00:00Z');
    try {
      // A session of that day (the test's earlier sessions have expired by then).
      const dienBien = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
      const m = await work(dienBien, '?limit=20');
      expect(m.today).toBe('2026-12-16');
      expect(annual(m)).toMatchObject({ late: true });
    } finally {
      t.clock.set('2026-11-28T03:00:00Z');
    }
    expect(annual(await work(w.dienBien, '?limit=20'))).toMatchObject({ late: false });
  });

  it('counts the late provinces of the last deadline as the consolidation does, for national approvers only', async () => {
    const m = await work(w.women, '?limit=20');
    const q3 = m.latePeriods.items.find((p) => p.type.code === 'quarterly');
    expect(q3).toMatchObject({ period: { code: '2026Q3' }, dueDate: '2026-10-10' });
    const table = (await w.women.get('/api/reports/consolidation?type=quarterly&period=2026Q3')).json();
    const late = table.rows.filter((r: { late: boolean; province: unknown }) => r.late && r.province !== null);
    expect(q3!.late).toBe(late.length);
    expect(q3!.provinces).toContain('Điện Biên');
    expect(q3!.link).toBe('/reports/consolidation?year=2026&key=quarterly%3A2026Q3&late=1');
    expect((await work(w.dienBien)).latePeriods).toEqual({ total: 0, items: [] });
  });

  it('lists the recommendations addressed to the user’s agency, overdue first', async () => {
    const mission = await createMission(w.women, missionBody(w, null));
    const recommend = async (agencyId: number, dueDate: string, text: string) => {
      const res = await w.women.post(`/api/missions/${mission.id}/recommendations`, {
        text,
        addressee: { agencyId },
        dueDate,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: number };
    };
    const later = await recommend(w.agencies.hlhpnDienBien, '2026-12-31', 'Nhân rộng mô hình');
    const overdue = await recommend(w.agencies.hlhpnDienBien, '2026-11-01', 'Bổ sung danh sách thành viên');
    const laoCai = await recommend(w.agencies.hlhpnLaoCai, '2026-11-01', 'Báo cáo kết quả khắc phục');
    const dienBien = await work(w.dienBienEntry);
    expect(dienBien.recommendations).toMatchObject({ total: 2, overdue: 1 });
    expect(dienBien.recommendations.items.map((r) => [r.id, r.overdue])).toEqual([
      [overdue.id, true],
      [later.id, false],
    ]);
    expect(dienBien.recommendations.items[0]).toMatchObject({ link: '/recommendations?mine=1&status=overdue' });
    const other = await work(w.laoCai);
    expect(other.recommendations.items.map((r) => r.id)).toEqual([laoCai.id]);
    expect((await work(w.viewer)).recommendations).toMatchObject({ total: 0, items: [] });
  });
});
