import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import {
  createReport,
  laoCaiRecord,
  reportWorld,
  writeAndSubmit,
  type ReportJson,
  type ReportWorld,
} from '../../../../test/report-fixtures';
import { docxToText } from '../plan-import/docx-to-text';

let t: TestApp;
let w: ReportWorld;
let writer: ApiClient;
let quarterly: ReportJson;
let national: ReportJson;

async function sheetRows(payload: Buffer, name: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}: ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  return { workbook, sheet };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await reportWorld(t);
  // Lào Cai's third quarter: one training of 50 people (35 women), sent by a named officer, approved.
  writer = await t.as({
    role: 'provincial_coordinator',
    agency: 'HLHPN-2025-15',
    provinces: ['15'],
    displayName: 'Hoàng Thị Mai',
  });
  await laoCaiRecord(writer, w.activities[0]!, '2026-08-10');
  const targets = await w.women.put('/api/indicator-targets', {
    items: [{ indicator: 'NL01', year: 2026, province: '15', target: 4 }],
  });
  if (targets.statusCode !== 200) throw new Error(targets.body);
  quarterly = await writeAndSubmit(writer, await createReport(writer, 'quarterly', '2026Q3'));
  const approver = await t.as({ role: 'central_coordinator', agency: 'HLHPN', displayName: 'Nguyễn Thị Lan' });
  const approved = await approver.post(`/api/reports/${quarterly.id}/approve`, { version: quarterly.version });
  if (approved.statusCode !== 200) throw new Error(approved.body);
  quarterly = approved.json();
  national = await createReport(w.women, 'quarterly', '2026Q3');
});
afterAll(async () => {
  await t.close();
});

describe('a periodic report as a Decree 30 .docx', () => {
  it('has the header, the title with the period, the tables, the narrative, the signature and Nơi nhận', async () => {
    const res = await w.laoCai.get(`/api/reports/${quarterly.id}/export.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('bao-cao-quy-2026Q3-HLHPN-Lào-Cai.docx')}`,
    );
    const text = await docxToText(res.rawPayload);
    // Header: the reporting agency, Quốc hiệu and Tiêu ngữ, the symbol, place and the day it was sent.
    expect(text).toMatch(/HỘI LHPN TỈNH LÀO CAI\s+BAN THƯỜNG VỤ\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toMatch(/Số:\s+\/BC-HLHPN/);
    expect(text).toContain('Lào Cai, ngày 28 tháng 11 năm 2026');
    expect(text).toMatch(/BÁO CÁO\s+Kết quả thực hiện Chương trình phối hợp\s+quý III\/2026/);
    expect(text).toContain('kỳ từ ngày 01/07/2026 đến ngày 30/09/2026');
    // The narrative in its parts.
    expect(text).toMatch(/I\. KẾT QUẢ THỰC HIỆN\s+Đã tổ chức các hoạt động theo kế hoạch\./);
    expect(text).toMatch(/II\. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN\s+Địa bàn rộng, giao thông khó khăn\./);
    expect(text).toMatch(/III\. BÀI HỌC KINH NGHIỆM\s+Phối hợp chặt chẽ với Sở Dân tộc và Tôn giáo\./);
    expect(text).toMatch(/IV\. ĐỀ XUẤT, KIẾN NGHỊ\s+Tăng kinh phí cho Tổ truyền thông cộng đồng\./);
    // The pre-filled figures, as the report holds them.
    const records = quarterly.figures.records;
    expect(records).toMatchObject({ count: 1, participants: 50, femaleParticipants: 35 });
    expect(text).toContain('Trong kỳ đã tổ chức 1 hoạt động với 50 lượt người tham gia, trong đó 35 lượt nữ.');
    expect(text).toMatch(/Tập huấn, bồi dưỡng\s+10\/08\/2026\s+.*\s+50\s+35/);
    expect(text).toContain('1. Kết quả thực hiện các chỉ số so với chỉ tiêu');
    const nl01 = quarterly.figures.indicators.find((i) => i.code === 'NL01');
    expect(nl01?.value).toBe(1);
    expect(text).toMatch(/NL01\s+Số lớp tập huấn, bồi dưỡng được tổ chức\s+lớp\s+1\s+4\s+25%/);
    expect(text).toContain('2. Tình hình thực hiện các hoạt động của kế hoạch');
    // Sent by the named officer on behalf of the standing committee, approved by the level above.
    expect(text).toMatch(/Báo cáo đã được Hội Liên hiệp Phụ nữ Việt Nam duyệt ngày 28\/11\/2026 \(Nguyễn Thị Lan\)\./);
    expect(text).toMatch(/TM\. BAN THƯỜNG VỤ\s+Hoàng Thị Mai/);
    expect(text).toMatch(/Nơi nhận:\s+- Hội Liên hiệp Phụ nữ Việt Nam;\s+- Lưu: VT\./);
  });

  it('prints a draft with the blanks for the date and the signer, and a national report with its provinces', async () => {
    const res = await w.women.get(`/api/reports/${national.id}/export.docx`);
    expect(res.statusCode, res.body).toBe(200);
    const text = await docxToText(res.rawPayload);
    expect(text).toMatch(/HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM\s+ĐOÀN CHỦ TỊCH\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(text).toMatch(/Số:\s+\/BC-HLHPNVN/);
    expect(text).toMatch(/Hà Nội, ngày\s+tháng\s+năm/);
    expect(text).toContain('5. Kết quả theo tỉnh, thành phố');
    expect(text).toContain('6. Tình hình gửi báo cáo của các đơn vị');
    expect(national.figures.provinces?.map((p) => p.provinceCode)).toEqual(['15']);
    expect(text).toMatch(/Tỉnh, thành phố\s+NL01\s+Lào Cai\s+1\s/);
    expect(text).toContain('Chưa viết phần kết quả thực hiện.');
    // The consolidation: every provincial union reports to it; Lào Cai's is approved, the rest late.
    expect(text).toContain(
      'Đến ngày 28/11/2026, 1/34 đơn vị đã gửi báo cáo (1 báo cáo đã duyệt, 0 đang chờ duyệt); 33 đơn vị quá hạn chưa gửi.',
    );
    expect(text).toMatch(/Hội Liên hiệp Phụ nữ tỉnh Lào Cai\s+Đã duyệt\s+28\/11\/2026\s/);
    expect(text).toMatch(/Hội Liên hiệp Phụ nữ tỉnh Điện Biên\s+Chưa lập\s+Quá hạn/);
    expect(text).toMatch(
      /Nơi nhận:\s+- Các cơ quan phối hợp thực hiện Chương trình;\s+- Lưu: VT\.\s+TM\. ĐOÀN CHỦ TỊCH\s*$/,
    );
    expect(text).not.toContain('duyệt ngày');
    // The last paragraph of the body keeps with the signature: no page holds the signature alone.
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    // (the closing block starts with an empty spacer paragraph, itself kept with the signature table)
    const beforeClosing = xml.slice(0, xml.lastIndexOf('<w:tbl>')).split('<w:p>').at(-2)!;
    expect(beforeClosing).toContain('Không có.');
    expect(beforeClosing).toContain('<w:keepNext/>');
  });
});

describe('a periodic report’s tables as .xlsx', () => {
  it('has one table per sheet, the header in the first row, a filter, percentages as percents', async () => {
    const res = await w.laoCai.get(`/api/reports/${quarterly.id}/export.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { workbook, sheet } = await sheetRows(res.rawPayload, 'Hoạt động trong kỳ');
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Chỉ số',
      'Hoạt động kế hoạch',
      'Hoạt động trong kỳ',
      'Mô hình',
    ]);
    expect(workbook.title).toBe('Báo cáo quý – Quý III/2026 – Hội Liên hiệp Phụ nữ tỉnh Lào Cai');
    expect(sheet.getRow(1).getCell(1).value).toBe('Hoạt động');
    expect(sheet.autoFilter).toBeTruthy();
    const row = sheet.getRow(2);
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(6).value, row.getCell(7).value]).toEqual([
      'Tập huấn, bồi dưỡng',
      '10/08/2026',
      50,
      35,
    ]);
    expect(sheet.rowCount).toBe(1 + quarterly.figures.records.items.length);
    const indicators = workbook.getWorksheet('Chỉ số')!;
    expect(indicators.rowCount).toBe(1 + quarterly.figures.indicators.length);
    const nl01 = indicators.getRow(2 + quarterly.figures.indicators.findIndex((i) => i.code === 'NL01'));
    expect([nl01.getCell(1).value, nl01.getCell(4).value, nl01.getCell(5).value, nl01.getCell(6).value]).toEqual([
      'NL01',
      1,
      4,
      0.25,
    ]);
    expect(nl01.getCell(6).numFmt).toBe('0.0%');
    const whole = await w.women.get(`/api/reports/${national.id}/export.xlsx`);
    const provinces = (await sheetRows(whole.rawPayload, 'Theo tỉnh')).sheet;
    expect(provinces.getRow(2).getCell(1).value).toBe('Lào Cai');
    const reporters = (await sheetRows(whole.rawPayload, 'Tình hình gửi báo cáo')).sheet;
    expect(reporters.rowCount).toBe(1 + 34);
    const laoCai = reporters.getRows(2, 34)!.find((r) => r.getCell(2).value === 'Lào Cai')!;
    expect([laoCai.getCell(1).value, laoCai.getCell(3).value, laoCai.getCell(5).value]).toEqual([
      'Hội Liên hiệp Phụ nữ tỉnh Lào Cai',
      'Đã duyệt',
      null,
    ]);
  });
});

describe('who may download', () => {
  it('is 404 outside the report’s scope and 401 without a session', async () => {
    for (const ext of ['docx', 'xlsx']) {
      expect((await w.dienBien.get(`/api/reports/${quarterly.id}/export.${ext}`)).statusCode).toBe(404);
      expect((await w.laoCai.get(`/api/reports/${national.id}/export.${ext}`)).statusCode).toBe(404);
      expect((await w.laoCai.get(`/api/reports/999999/export.${ext}`)).statusCode).toBe(404);
      const anonymous = await t.app.inject({ method: 'GET', url: `/api/reports/${quarterly.id}/export.${ext}` });
      expect(anonymous.statusCode).toBe(401);
    }
  });
});
