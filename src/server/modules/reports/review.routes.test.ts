import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { cellAt, createRecord, ETHNIC, PLACES, pivot, recordBody } from '../../../../test/analytics-fixtures';
import { createReport, reportWorld, type ReportWorld } from '../../../../test/report-fixtures';
import { docxToText } from '../plan-import/docx-to-text';

let t: TestApp;
let w: ReportWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await reportWorld(t);
  const people = (female: number, male: number) => [
    { sex: 'female' as const, ethnicGroupId: ETHNIC.mong, count: female },
    { sex: 'male' as const, ethnicGroupId: ETHNIC.mong, count: male },
  ];
  await createRecord(
    w.laoCai,
    recordBody(w.activities[0]!, 'communication_event', PLACES.laoCai, '2026-05-05', people(20, 10)),
  );
  await createRecord(
    w.dienBien,
    recordBody(w.activities[0]!, 'communication_event', PLACES.dienBien, '2026-06-06', people(1200, 34)),
  );
  const targets = await w.women.put('/api/indicator-targets', {
    items: [
      { indicator: 'TT01', year: 2026, province: null, target: 2000 },
      { indicator: 'TT01', year: 2026, province: '15', target: 400 },
    ],
  });
  if (targets.statusCode !== 200) throw new Error(targets.body);
  // Lào Cai's annual report, approved, carries the difficulties and proposals the review gathers.
  const annual = await createReport(w.laoCai, 'annual', '2026');
  const put = await w.laoCai.put(`/api/reports/${annual.id}`, {
    version: annual.version,
    results: 'Hoàn thành các hoạt động truyền thông.',
    difficulties: 'Thiếu kinh phí cho Tổ truyền thông ở vùng sâu.',
    lessons: '',
    proposals: 'Bổ sung tài liệu truyền thông bằng tiếng Mông.',
  });
  const submitted = (await w.laoCai.post(`/api/reports/${annual.id}/submit`, { version: put.json().version })).json();
  const approver = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
  await approver.post(`/api/reports/${annual.id}/approve`, { version: submitted.version });
  // A draft report's texts are not gathered.
  const draft = await createReport(w.dienBien, 'annual', '2026');
  await w.dienBien.put(`/api/reports/${draft.id}`, {
    version: draft.version,
    results: 'x',
    difficulties: 'Khó khăn chưa duyệt',
    lessons: '',
    proposals: '',
  });
});
afterAll(async () => {
  await t.close();
});

describe('the year-end review of a plan', () => {
  it('shows results per activity, indicators against targets and per province, as the pivot has them', async () => {
    const res = await w.women.get(`/api/plans/${w.planId}/review`);
    expect(res.statusCode, res.body).toBe(200);
    const review = res.json();
    const national = await pivot(w.women, 'rows=indicator&year=2026');
    const tt01 = review.indicators.find((i: { code: string }) => i.code === 'TT01');
    expect(tt01).toMatchObject({ value: 1264, target: 2000, achievement: 63.2 });
    expect(tt01.value).toBe(cellAt(national, 'TT01'));
    const byProvince = await pivot(w.women, 'rows=province&indicator=TT01&year=2026');
    const column = review.provinceIndicators.findIndex((i: { code: string }) => i.code === 'TT01');
    const laoCai = review.provinces.find((p: { code: string }) => p.code === '15');
    expect(laoCai.values[column]).toBe(cellAt(byProvince, '15'));
    expect(laoCai.values[column]).toBe(30);
    expect(review.sections[0].activities[0]).toMatchObject({ recordCount: 2, participants: 1264 });
    expect(review.difficulties).toEqual([
      { from: 'Hội LHPN tỉnh Lào Cai', text: 'Thiếu kinh phí cho Tổ truyền thông ở vùng sâu.' },
    ]);
    expect(review.proposals).toHaveLength(1);
    expect(review.rollForward).toEqual({ allowed: true, path: `/api/plans/${w.planId}/roll-forward` });
    expect((await w.laoCai.get(`/api/plans/${w.planId}/review`)).json().rollForward.allowed).toBe(false);
    expect((await w.women.get('/api/plans/999999/review')).statusCode).toBe(404);
  });

  it('is a Decree 30 .docx whose figures match the pivot', async () => {
    const res = await w.women.get(`/api/plans/${w.planId}/review.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = await docxToText(res.rawPayload);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BÁO CÁO');
    expect(text).toMatch(/Sơ kết, đánh giá kết quả thực hiện\s+Chương trình phối hợp\s+năm 2026/);
    expect(text).toContain('Thực hiện Kế hoạch số 01/KH-HLHPNVN-BDTTG');
    expect(text).toContain('KẾT QUẢ THỰC HIỆN CÁC CHỈ SỐ SO VỚI CHỈ TIÊU');
    // TT01: 1.264 against 2.000, 63,2% — Vietnamese number format.
    expect(text).toMatch(
      /TT01\s+Số lượt người được tiếp cận qua các sự kiện truyền thông\s+lượt người\s+1\.264\s+2\.000\s+63,2%/,
    );
    expect(text).toContain('Hội LHPN tỉnh Lào Cai: Thiếu kinh phí cho Tổ truyền thông ở vùng sâu.');
    expect(text).toContain('Bổ sung tài liệu truyền thông bằng tiếng Mông.');
    expect(text).not.toContain('Khó khăn chưa duyệt');
    expect(text).toMatch(/Lào Cai\s+30/);
    // Both agencies' blocks name who signed the plan for them, with their position.
    const plan = (await w.women.get(`/api/plans/${w.planId}`)).json();
    expect(plan.issuers).toHaveLength(2);
    for (const issuer of plan.issuers) {
      expect(issuer.signer.name).not.toBe('');
      expect(text).toContain(issuer.signer.name);
      if (issuer.signer.position) expect(text).toContain(issuer.signer.position);
    }
  });

  it('has its tables in an .xlsx', async () => {
    const res = await w.women.get(`/api/plans/${w.planId}/review.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Hoạt động', 'Chỉ số', 'Theo tỉnh']);
    const sheet = workbook.getWorksheet('Chỉ số')!;
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === 'TT01') row = r;
    });
    expect([row!.getCell(4).value, row!.getCell(5).value, row!.getCell(6).value]).toEqual([1264, 2000, 0.632]);
    expect(row!.getCell(6).numFmt).toBe('0.0%');
    const provinces = workbook.getWorksheet('Theo tỉnh')!;
    const names: unknown[] = [];
    provinces.eachRow((r, i) => {
      if (i > 1) names.push(r.getCell(1).value);
    });
    expect(names).toEqual(expect.arrayContaining(['Lào Cai', 'Điện Biên']));
  });
});
