import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import {
  createMission,
  missionBody,
  monitoringWorld,
  seededTemplateId,
  type MonitoringWorld,
} from '../../../../test/monitoring-fixtures';
import { form, PDF } from '../../../../test/record-fixtures';
import { TEST_PASSWORD } from '../../../../test/factories';

let t: TestApp;
let w: MonitoringWorld;
let missionId: number;

beforeAll(async () => {
  t = await createTestApp();
  w = await monitoringWorld(t);
  missionId = (await createMission(w.women, missionBody(w, await seededTemplateId(t)))).id;
});
afterAll(async () => {
  await t.close();
});

async function recommend(
  addressee: Record<string, unknown>,
  dueDate = '2026-12-31',
  text = 'Bố trí kinh phí cho Địa chỉ tin cậy',
) {
  const res = await w.women.post(`/api/missions/${missionId}/recommendations`, { text, addressee, dueDate });
  if (res.statusCode !== 201) throw new Error(`recommendation failed: ${res.body}`);
  return res.json() as { id: number; version: number; allowedActions: string[] };
}

describe('recommendations', () => {
  it('are written by the mission and addressed to a province or an agency', async () => {
    const toProvince = await recommend({ provinceCode: '11' });
    expect(toProvince).toMatchObject({
      addressee: { kind: 'province', provinceCode: '11', name: 'Tỉnh Điện Biên' },
      status: 'open',
      overdue: false,
      displayStatus: 'open',
      allowedActions: ['edit', 'delete'],
    });
    const toAgency = await recommend({ agencyId: w.agencies.hlhpnLaoCai });
    expect(toAgency).toMatchObject({
      addressee: {
        kind: 'agency',
        agencyId: w.agencies.hlhpnLaoCai,
        provinceCode: '15',
        name: 'Hội Liên hiệp Phụ nữ tỉnh Lào Cai',
      },
    });
    const mission = (await w.women.get(`/api/missions/${missionId}`)).json();
    expect(mission.recommendations.map((r: { id: number }) => r.id)).toEqual(
      expect.arrayContaining([toProvince.id, toAgency.id]),
    );
  });

  it('answer 401, 403, 404 and 400 on create as for any write', async () => {
    const body = { text: 'Kiến nghị', addressee: { provinceCode: '11' }, dueDate: '2026-12-31' };
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/missions/${missionId}/recommendations`, payload: body }))
        .statusCode,
    ).toBe(401);
    expect((await w.viewer.post(`/api/missions/${missionId}/recommendations`, body)).statusCode).toBe(403);
    expect((await w.dienBien.post(`/api/missions/${missionId}/recommendations`, body)).statusCode).toBe(403);
    expect((await w.women.post(`/api/missions/999999/recommendations`, body)).statusCode).toBe(404);
    const bad: [Record<string, unknown>, string][] = [
      [{ addressee: { provinceCode: '99' } }, 'addressee.provinceCode'],
      [{ addressee: { agencyId: 999999 } }, 'addressee.agencyId'],
      [{ addressee: {} }, 'addressee'],
      [{ dueDate: '31/12/2026' }, 'dueDate'],
      [{ text: '' }, 'text'],
      [{ findingId: 999999 }, 'findingId'],
    ];
    for (const [over, field] of bad) {
      const res = await w.women.post(`/api/missions/${missionId}/recommendations`, { ...body, ...over });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.field.startsWith(field)).toBe(true);
    }
  });

  it('are seen by their addressee and not by other provinces (404)', async () => {
    const rec = await recommend({ provinceCode: '11' });
    expect((await w.dienBien.get(`/api/recommendations/${rec.id}`)).json().allowedActions).toEqual([
      'follow_up',
      'attach',
    ]);
    expect((await w.laoCai.get(`/api/recommendations/${rec.id}`)).statusCode).toBe(404);
    const mine = (await w.dienBien.get('/api/recommendations?mine=true&status=not_done')).json();
    expect(mine.items.map((r: { id: number }) => r.id)).toContain(rec.id);
    expect(mine.items.every((r: { addressee: { provinceCode: string } }) => r.addressee.provinceCode === '11')).toBe(
      true,
    );
    const laoCaiList = (await w.laoCai.get('/api/recommendations?limit=500')).json();
    expect(laoCaiList.items.map((r: { id: number }) => r.id)).not.toContain(rec.id);
    // The ethnic-affairs department of Điện Biên sees (and may answer) what is addressed to the province.
    expect((await w.dienBienEthnic.get(`/api/recommendations/${rec.id}`)).json().allowedActions).toContain('follow_up');
  });

  it('are followed up only by the addressee, with evidence to close them', async () => {
    const rec = await recommend({ provinceCode: '11' });
    const done = { status: 'done', evidence: 'Đã bố trí 50 triệu đồng', version: rec.version };
    expect((await w.women.post(`/api/recommendations/${rec.id}/follow-up`, done)).statusCode).toBe(403);
    expect((await w.laoCai.post(`/api/recommendations/${rec.id}/follow-up`, done)).statusCode).toBe(404);
    expect((await w.viewer.post(`/api/recommendations/${rec.id}/follow-up`, done)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/recommendations/${rec.id}/follow-up`, payload: done }))
        .statusCode,
    ).toBe(401);
    const noEvidence = await w.dienBien.post(`/api/recommendations/${rec.id}/follow-up`, {
      status: 'done',
      version: rec.version,
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.field).toBe('evidence');
    expect(
      (await w.dienBien.post(`/api/recommendations/${rec.id}/follow-up`, { ...done, status: 'closed' })).statusCode,
    ).toBe(400);

    let res = await w.dienBienEntry.post(`/api/recommendations/${rec.id}/follow-up`, {
      status: 'in_progress',
      evidence: 'Đang trình UBND tỉnh',
      version: rec.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', closedOn: null, version: rec.version + 1 });
    expect((await w.dienBien.post(`/api/recommendations/${rec.id}/follow-up`, done)).statusCode).toBe(409);
    res = await w.dienBien.post(`/api/recommendations/${rec.id}/follow-up`, { ...done, version: rec.version + 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'done',
      displayStatus: 'done',
      evidence: 'Đã bố trí 50 triệu đồng',
      closedOn: '2026-11-28',
      allowedActions: ['follow_up', 'attach'],
    });
    expect(res.json().history.map((h: { status: string }) => h.status)).toEqual(['in_progress', 'done']);
    // Once answered it can no longer be deleted, and once done its wording no longer changes.
    expect((await w.women.delete(`/api/recommendations/${rec.id}`)).statusCode).toBe(409);
    const edit = await w.women.put(`/api/recommendations/${rec.id}`, {
      text: 'Sửa',
      addressee: { provinceCode: '11' },
      dueDate: '2026-12-31',
      version: rec.version + 2,
    });
    expect(edit.statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('entity_type', '=', 'recommendation')
      .where('entity_id', '=', String(rec.id))
      .orderBy('audit_id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'follow_up', 'follow_up']);
  });

  it('are an agency’s to answer when addressed to the agency', async () => {
    const rec = await recommend({ agencyId: w.agencies.hlhpnDienBien });
    // The province's ethnic-affairs department sees it (same province) but is not the addressee.
    const seen = await w.dienBienEthnic.get(`/api/recommendations/${rec.id}`);
    expect(seen.json().allowedActions).toEqual([]);
    expect(
      (
        await w.dienBienEthnic.post(`/api/recommendations/${rec.id}/follow-up`, {
          status: 'in_progress',
          evidence: 'x',
          version: rec.version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await w.dienBien.post(`/api/recommendations/${rec.id}/follow-up`, {
          status: 'in_progress',
          evidence: 'x',
          version: rec.version,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('become overdue from the due date, computed on each read and never stored', async () => {
    const rec = await recommend({ provinceCode: '11' }, '2026-12-15', 'Báo cáo số liệu tách biệt theo giới');
    expect((await w.dienBien.get(`/api/recommendations/${rec.id}`)).json()).toMatchObject({
      overdue: false,
      displayStatus: 'open',
    });
    t.clock.set('2026-12-16T03:00:00Z');
    try {
      // Sessions expire when idle: log in again on the later day.
      const dienBien = await t.login(w.dienBien.username, TEST_PASSWORD);
      const women = await t.login(w.women.username, TEST_PASSWORD);
      const view = (await dienBien.get(`/api/recommendations/${rec.id}`)).json();
      expect(view).toMatchObject({ status: 'open', overdue: true, displayStatus: 'overdue' });
      const stored = await t.database.db
        .selectFrom('recommendation')
        .select('status')
        .where('recommendation_id', '=', rec.id)
        .executeTakeFirstOrThrow();
      expect(stored.status).toBe('open');
      const overdue = (await dienBien.get('/api/recommendations?status=overdue&limit=500')).json();
      expect(overdue.items.map((r: { id: number }) => r.id)).toContain(rec.id);
      expect(overdue.items.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
      const group = overdue.byAddressee.find(
        (g: { addressee: { provinceCode: string } }) => g.addressee.provinceCode === '11',
      );
      expect(group.overdue).toBeGreaterThanOrEqual(1);
      // Closing it ends the overdue state.
      const closed = await dienBien.post(`/api/recommendations/${rec.id}/follow-up`, {
        status: 'done',
        evidence: 'Đã gửi báo cáo',
        version: rec.version,
      });
      expect(closed.json()).toMatchObject({ overdue: false, displayStatus: 'done', closedOn: '2026-12-16' });
      const summary = (await women.get(`/api/missions?limit=200`))
        .json()
        .items.find((m: { id: number }) => m.id === missionId);
      expect(summary.recommendationCount).toBeGreaterThanOrEqual(1);
    } finally {
      t.clock.set('2026-11-28T03:00:00Z');
    }
  });

  it('count the days in Vietnam: at 01:00 on 1 April in Hà Nội, a recommendation due 31 March is overdue', async () => {
    const rec = await recommend({ provinceCode: '11' }, '2026-03-31', 'Bố trí phòng tư vấn cho Địa chỉ tin cậy');
    // 18:00 UTC on 31 March is already 01:00 on 1 April in Vietnam.
    t.clock.set('2026-03-31T18:00:00Z');
    try {
      const dienBien = await t.login(w.dienBien.username, TEST_PASSWORD);
      expect((await dienBien.get(`/api/recommendations/${rec.id}`)).json()).toMatchObject({
        overdue: true,
        displayStatus: 'overdue',
      });
      const overdue = (await dienBien.get('/api/recommendations?status=overdue&limit=500')).json();
      expect(overdue.today).toBe('2026-04-01');
      expect(overdue.items.map((r: { id: number }) => r.id)).toContain(rec.id);
      const closed = await dienBien.post(`/api/recommendations/${rec.id}/follow-up`, {
        status: 'done',
        evidence: 'Đã kiện toàn tổ',
        version: rec.version,
      });
      expect(closed.json()).toMatchObject({ closedOn: '2026-04-01' });
    } finally {
      t.clock.set('2026-11-28T03:00:00Z');
    }
  });

  it('keep evidence files on disk, uploaded and removed by the addressee only', async () => {
    const rec = await recommend({ provinceCode: '11' });
    expect((await w.women.post(`/api/recommendations/${rec.id}/files`, form('bien-ban.pdf', PDF))).statusCode).toBe(
      403,
    );
    const res = await w.dienBien.post(`/api/recommendations/${rec.id}/files`, form('biên bản.pdf', PDF));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: 'biên bản.pdf', mimeType: 'application/pdf', sizeBytes: PDF.length });
    const download = await w.women.get(`/api/recommendations/${rec.id}/files/${res.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await w.laoCai.get(`/api/recommendations/${rec.id}/files/${res.json().id}`)).statusCode).toBe(404);
    const fake = await w.dienBien.post(`/api/recommendations/${rec.id}/files`, form('anh.png', PDF));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.field).toBe('file');
    expect((await w.dienBien.get(`/api/recommendations/${rec.id}`)).json().files).toHaveLength(1);
    expect((await w.dienBien.delete(`/api/recommendations/${rec.id}/files/${res.json().id}`)).statusCode).toBe(204);
    expect((await w.dienBien.get(`/api/recommendations/${rec.id}`)).json().files).toHaveLength(0);
  });

  it('are edited and deleted by the mission while unanswered', async () => {
    const rec = await recommend({ provinceCode: '15' });
    const res = await w.ethnic.put(`/api/recommendations/${rec.id}`, {
      text: 'Tăng cường truyền thông về bình đẳng giới',
      addressee: { agencyId: w.agencies.hlhpnLaoCai },
      dueDate: '2027-03-31',
      version: rec.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      text: 'Tăng cường truyền thông về bình đẳng giới',
      dueDate: '2027-03-31',
      version: 2,
    });
    expect((await w.laoCai.delete(`/api/recommendations/${rec.id}`)).statusCode).toBe(403);
    expect((await w.women.delete(`/api/recommendations/${rec.id}`)).statusCode).toBe(204);
    expect((await w.women.get(`/api/recommendations/${rec.id}`)).statusCode).toBe(404);
  });

  it('export the register as .xlsx with overdue rows highlighted', async () => {
    const rec = await recommend({ provinceCode: '11' }, '2026-10-01', 'Kiện toàn Tổ truyền thông cộng đồng');
    const res = await w.dienBien.get('/api/recommendations/export.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Kiến nghị')!;
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['Nội dung kiến nghị', 'Nơi nhận kiến nghị', 'Thời hạn', 'Quá hạn']),
    );
    const row = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((r) => r.getCell(3).value === 'Kiện toàn Tổ truyền thông cộng đồng')!;
    expect(row.getCell(4).value).toBe('Tỉnh Điện Biên');
    expect(row.getCell(5).value).toBe('01/10/2026');
    expect(row.getCell(7).value).toBe('Quá hạn');
    expect((row.getCell(3).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFBE3E1');
    expect(row.getCell(3).alignment.wrapText).toBe(true);
    expect(sheet.getColumn(3).width).toBe(50);
    expect(rec.id).toBeGreaterThan(0);
  });
});
