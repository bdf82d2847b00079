import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { DatabaseStorage, storageFor } from '../../common/files/storage';
import { copyDiskFilesToDatabase } from '../../common/files/files.service';
import {
  ETHNIC,
  LAO_CAI_WARD,
  PDF,
  PNG,
  activityIds,
  cascadedPlan,
  form,
  importWorkbook,
  issuedPlan,
  trainingBody,
} from '../../../../test/record-fixtures';

let t: TestApp;
let uploadDir: string;
let dienBien: ApiClient;
let laoCai: ApiClient;
let activities: number[];
let recordId: number;

beforeAll(async () => {
  t = await createTestApp();
  // Uploaded bytes go to a folder of this test file, not to ./data.
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-uploads-'));
  t.app.deps.config.uploadDir = uploadDir;
  const women = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
  const ethnic = await t.as({ role: 'central_coordinator', agency: 'UBDT' });
  const plan = await issuedPlan(t, women, ethnic);
  const coordinator = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
  activities = activityIds(await cascadedPlan(coordinator, plan.id));
  dienBien = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
  laoCai = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-15', provinces: ['15'] });
  recordId = (await dienBien.post('/api/records', trainingBody(activities[0]!))).json().id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

/** Whether the file store (disk with PGlite, the database on PostgreSQL) holds bytes under `key`. */
async function stored(key: string): Promise<boolean> {
  const stream = await storageFor(t.app.deps.config, t.database.db).open(key);
  stream?.destroy();
  return stream !== undefined;
}

const upload = (client: ApiClient, name: string, data: Buffer | string, headers?: Record<string, string>) =>
  client.post(`/api/records/${recordId}/attachments`, form(name, data), headers);

describe('record attachments', () => {
  it('stores a photo and a PDF and gives them back byte for byte', async () => {
    for (const [name, data, mime] of [
      ['ảnh lớp tập huấn.png', PNG, 'image/png'],
      ['biên bản.pdf', PDF, 'application/pdf'],
    ] as const) {
      const res = await upload(dienBien, name, data);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ fileName: name, mimeType: mime, sizeBytes: data.length });
      const back = await dienBien.get(`/api/records/${recordId}/attachments/${res.json().id}`);
      expect(back.statusCode).toBe(200);
      expect(back.headers['content-type']).toContain(mime);
      expect(back.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
      expect(back.rawPayload.equals(data)).toBe(true);
    }
    const record = (await dienBien.get(`/api/records/${recordId}`)).json();
    expect(record.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      'ảnh lớp tập huấn.png',
      'biên bản.pdf',
    ]);
    const rows = await t.database.db
      .selectFrom('stored_file')
      .select('storage_key')
      .where('record_id', '=', recordId)
      .execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(await stored(row.storage_key)).toBe(true);
    if (t.app.deps.config.fileStore === 'disk')
      expect(rows.every((r) => fs.existsSync(path.join(uploadDir, r.storage_key)))).toBe(true);
  });

  it('refuses an .exe, a file whose bytes do not match its name, and a file over 20 MB, naming file', async () => {
    const exe = await upload(dienBien, 'setup.exe', Buffer.from('MZ\x90\x00'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.field).toBe('file');
    const fake = await upload(dienBien, 'anh.png', 'not really a png');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.field).toBe('file');
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    const tooBig = await upload(dienBien, 'bao-cao.pdf', big);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error).toMatchObject({ field: 'file', message: 'Tệp vượt quá 20 MB' });
    const missing = await dienBien.post(`/api/records/${recordId}/attachments`, {});
    expect(missing.json().error.field).toBe('file');
  });

  it('takes an .xlsx only when it really is an Excel workbook, not any file starting like a zip', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Danh sách').addRow(['Họ tên']);
    const real = await upload(dienBien, 'danh-sach.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(real.statusCode, real.body).toBe(201);
    const fake = await upload(dienBien, 'danh-sach.xlsx', Buffer.from('PK\x03\x04 but no workbook inside', 'latin1'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.field).toBe('file');
  });

  it('answers 404 for a record outside scope, and deletes an attachment with its bytes', async () => {
    expect((await upload(laoCai, 'a.png', PNG)).statusCode).toBe(404);
    const made = (await upload(dienBien, 'xoa.png', PNG)).json();
    expect((await laoCai.get(`/api/records/${recordId}/attachments/${made.id}`)).statusCode).toBe(404);
    expect((await laoCai.delete(`/api/records/${recordId}/attachments/${made.id}`)).statusCode).toBe(404);
    const [row] = await t.database.db
      .selectFrom('stored_file')
      .select('storage_key')
      .where('stored_file_id', '=', made.id)
      .execute();
    expect(await stored(row!.storage_key)).toBe(true);
    expect((await dienBien.delete(`/api/records/${recordId}/attachments/${made.id}`)).statusCode).toBe(204);
    expect((await dienBien.get(`/api/records/${recordId}/attachments/${made.id}`)).statusCode).toBe(404);
    expect(await stored(row!.storage_key)).toBe(false);
    expect((await dienBien.delete(`/api/records/${recordId}/attachments/${made.id}`)).statusCode).toBe(404);
  });

  it('keeps files uploaded to disk downloadable when the store switches to the database', async () => {
    const made = (await upload(dienBien, 'truoc-khi-doi.pdf', PDF)).json();
    const [row] = await t.database.db
      .selectFrom('stored_file')
      .select('storage_key')
      .where('stored_file_id', '=', made.id)
      .execute();
    const key = row!.storage_key;
    // As a disk deployment left it: the bytes only in the upload folder.
    await t.database.db.deleteFrom('stored_file_bytes').where('storage_key', '=', key).execute();
    fs.mkdirSync(path.dirname(path.join(uploadDir, key)), { recursive: true });
    fs.writeFileSync(path.join(uploadDir, key), PDF, { flag: 'w' });
    const database = new DatabaseStorage(t.database.db);
    expect(await database.open(key)).toBeUndefined();
    expect(await copyDiskFilesToDatabase(t.database.db, uploadDir)).toBeGreaterThanOrEqual(1);
    const chunks: Buffer[] = [];
    for await (const chunk of (await database.open(key))!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
    expect(await copyDiskFilesToDatabase(t.database.db, uploadDir)).toBe(0);
  });

  it('stores one attachment for a retried upload with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'upload-1111-2222-3333' };
    const first = await upload(dienBien, 'lan-1.png', PNG, headers);
    const again = await upload(dienBien, 'lan-1.png', PNG, headers);
    expect(again.json().id).toBe(first.json().id);
    expect((await upload(dienBien, 'lan-1.pdf', PDF, headers)).statusCode).toBe(422);
  });
});

const importFile = (client: ApiClient, name: string, data: Buffer | string, acceptValid?: boolean) =>
  client.post(
    '/api/records/import',
    form(name, data, acceptValid === undefined ? {} : { acceptValid: String(acceptValid) }),
  );

async function countRecords() {
  const row = await t.database.db
    .selectFrom('implementation_record')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('bulk import of records', () => {
  it('gives a template with the records, participants and guide sheets and the activities in scope', async () => {
    const res = await dienBien.get('/api/records/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Bản ghi',
      'Người tham gia',
      'Hướng dẫn',
      'Danh sách hoạt động',
    ]);
    expect(workbook.getWorksheet('Bản ghi')!.getRow(1).getCell(2).value).toBe('Mã hoạt động');
    const listed: number[] = [];
    workbook.getWorksheet('Danh sách hoạt động')!.eachRow((row, n) => {
      if (n > 1) listed.push(Number(row.getCell(1).value));
    });
    expect(listed).toEqual(expect.arrayContaining(activities));
  });

  const rows = () => [
    [
      1,
      activities[0]!,
      'training',
      'Tập huấn tại bản Him Lam',
      '2026-06-01',
      '',
      '03127',
      2025,
      'Him Lam',
      '',
      '',
      '',
      '',
    ],
    [
      2,
      activities[1]!,
      'Sự kiện truyền thông',
      'Ngày hội',
      '15/06/2026',
      '',
      '03127',
      '',
      '',
      'HLHPN-2025-11',
      '',
      200,
      120,
    ],
    [3, activities[0]!, 'picnic', 'Dã ngoại', '2026-06-20', '', '03127', '', '', '', '', '', ''],
  ];
  const detail = [
    [1, 'nu', '03', 'community_member', '31_60', 12],
    [1, 'nam', 'Mông', 'village_elder', 'over_60', 3],
  ];

  it('saves nothing when a row is wrong, and reports the row and column', async () => {
    const before = await countRecords();
    const res = await importFile(dienBien, 'ban-ghi.xlsx', await importWorkbook(rows(), detail));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      accepted: 0,
      created: [],
      rejected: [
        {
          row: 4,
          sheet: 'Bản ghi',
          field: 'Loại hoạt động',
          message: expect.stringContaining('"picnic" không có trong danh mục'),
        },
      ],
    });
    expect(await countRecords()).toBe(before);
  });

  it('saves the valid rows with acceptValid=true, with participants from the second sheet', async () => {
    const res = await importFile(dienBien, 'ban-ghi.xlsx', await importWorkbook(rows(), detail), true);
    const report = res.json();
    expect(report.accepted).toBe(2);
    expect(report.created).toHaveLength(2);
    expect(report.rejected.map((r: { row: number }) => r.row)).toEqual([4]);
    const first = (await dienBien.get(`/api/records/${report.created[0]}`)).json();
    expect(first).toMatchObject({
      type: 'training',
      startDate: '2026-06-01',
      endDate: '2026-06-01',
      village: 'Him Lam',
      participants: { mode: 'breakdown', totalParticipants: 15, femaleParticipants: 12 },
    });
    expect(first.participants.rows.map((r: { ethnicGroupId: number }) => r.ethnicGroupId).sort()).toEqual([
      ETHNIC.thai,
      ETHNIC.mong,
    ]);
    const second = (await dienBien.get(`/api/records/${report.created[1]}`)).json();
    expect(second).toMatchObject({
      type: 'communication_event',
      startDate: '2026-06-15',
      participants: { mode: 'totals_only', breakdownKnown: false, totalParticipants: 200, femaleParticipants: 120 },
    });
    const auditor = await t.as({ role: 'auditor' });
    const log = (await auditor.get(`/api/audit?entityType=record&entityId=${report.created[0]}`)).json();
    expect(log.items[0].action).toBe('import');
  });

  it('names the column of every rejected row: totals, participants, place out of scope, unknown activity', async () => {
    const res = await importFile(
      dienBien,
      'ban-ghi.xlsx',
      await importWorkbook(
        [
          [1, activities[0]!, 'training', 'A', '2026-06-01', '', '03127', '', '', '', '', 20, ''],
          [2, activities[0]!, 'training', 'B', '2026-06-01', '', '03127', '', '', '', '', '', ''],
          [3, 999999, 'training', 'C', '2026-06-01', '', '03127', '', '', '', '', '', ''],
          [4, activities[0]!, 'training', 'D', '2026-06-31', '', LAO_CAI_WARD.code, '', '', '', '', '', ''],
          [5, activities[0]!, 'training', 'E', '2026-06-01', '', LAO_CAI_WARD.code, '', '', '', '', '', ''],
        ],
        [
          [1, 'nu', '03', 'community_member', '31_60', 12],
          [2, 'nu', 'Người sao Hỏa', 'community_member', '31_60', 5],
          [9, 'nu', '03', 'community_member', '31_60', 5],
        ],
      ),
      true,
    );
    const rejected = res
      .json()
      .rejected.map((r: { row: number; sheet: string; field: string }) => [r.sheet, r.row, r.field]);
    expect(rejected).toEqual([
      ['Bản ghi', 2, 'Tổng số người tham gia'],
      ['Bản ghi', 3, 'Mã dòng'],
      ['Bản ghi', 4, 'Mã hoạt động'],
      ['Bản ghi', 5, 'Ngày bắt đầu'],
      ['Bản ghi', 6, 'Mã địa bàn'],
      ['Người tham gia', 3, 'Mã dân tộc'],
      ['Người tham gia', 4, 'Mã dòng'],
    ]);
    expect(res.json().accepted).toBe(0);
  });

  it('reads a .csv with the record columns as totals-only records', async () => {
    const csv = [
      'Mã dòng,Mã hoạt động,Loại hoạt động,Tên hoạt động đã thực hiện,Ngày bắt đầu,Mã địa bàn,Tổng số người tham gia,Số nữ',
      `1,${activities[2]},conference,Hội nghị sơ kết tỉnh,2026-12-10,11,80,50`,
    ].join('\n');
    const res = await importFile(dienBien, 'ban-ghi.csv', csv);
    expect(res.json()).toMatchObject({ accepted: 1, rejected: [] });
    const record = (await dienBien.get(`/api/records/${res.json().created[0]}`)).json();
    expect(record).toMatchObject({
      type: 'conference',
      place: { code: '11', level: 'province' },
      participants: { mode: 'totals_only', totalParticipants: 80 },
    });
  });

  it('registers the models of "model established" rows, and reports a bad model on its row and column', async () => {
    const csv = [
      'Mã dòng,Mã hoạt động,Loại hoạt động,Tên hoạt động đã thực hiện,Ngày bắt đầu,Mã địa bàn,"Thôn, bản",Loại mô hình (nếu lập mô hình),Tên mô hình',
      `1,${activities[1]},model_established,Thành lập địa chỉ tin cậy,2026-06-02,03127,"Bản Him Lam",Địa chỉ an toàn,Địa chỉ tin cậy bản Him Lam`,
      `2,${activities[1]},model_established,Thành lập tổ TKVVTB,2026-06-03,11,,tkvvtb,`,
      `3,${activities[1]},model_established,Thành lập mô hình lạ,2026-06-04,03127,,Mô hình không có,`,
    ].join('\n');
    const models = () =>
      t.database.db
        .selectFrom('community_model')
        .select(['name', 'source_record_id', 'village'])
        .where('source_record_id', 'is not', null)
        .execute();
    const first = await importFile(dienBien, 'mo-hinh.csv', csv);
    expect(first.json()).toMatchObject({
      accepted: 0,
      rejected: [
        { row: 3, field: 'Mã địa bàn', message: expect.stringContaining('cấp xã') },
        { row: 4, field: 'Loại mô hình (nếu lập mô hình)', message: 'Không có loại mô hình "Mô hình không có"' },
      ],
    });
    expect(await models()).toEqual([]);
    const second = await importFile(dienBien, 'mo-hinh.csv', csv, true);
    expect(second.json()).toMatchObject({ accepted: 1 });
    expect(await models()).toEqual([
      { name: 'Địa chỉ tin cậy bản Him Lam', source_record_id: second.json().created[0], village: 'Bản Him Lam' },
    ]);
  });

  it('answers 400 naming file for a file that is not a spreadsheet or lacks columns', async () => {
    const pdf = await importFile(dienBien, 'ban-ghi.pdf', PDF);
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.field).toBe('file');
    const noColumns = await importFile(dienBien, 'ban-ghi.csv', 'a,b\n1,2\n');
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().error).toMatchObject({ field: 'file', message: expect.stringContaining('Mã hoạt động') });
    const broken = await importFile(dienBien, 'ban-ghi.xlsx', 'PK not a zip');
    expect(broken.json().error.field).toBe('file');
  });
});
