import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { COMMUNES } from '../../../../test/registry-fixtures';
import { IMPORT_COLUMNS } from './model-import-format';

let t: TestApp;
let officer: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
});
afterAll(async () => {
  await t.close();
});

function upload(
  client: ApiClient,
  filename: string,
  content: Buffer | string,
  acceptValid?: boolean,
  headers?: Record<string, string>,
) {
  const form = new FormData();
  const bytes = typeof content === 'string' ? content : new Uint8Array(content);
  form.append('file', new Blob([bytes]), filename);
  if (acceptValid !== undefined) form.append('acceptValid', String(acceptValid));
  return client.post('/api/models/import', form as unknown as Record<string, unknown>, headers);
}

type Cells = Partial<Record<(typeof IMPORT_COLUMNS)[number]['key'], string | number>>;

/** Fills the downloaded template's first sheet from row 2. */
async function filledTemplate(rows: Cells[]): Promise<Buffer> {
  const res = await officer.get('/api/models/import/template.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
  const sheet = workbook.getWorksheet('Mô hình')!;
  rows.forEach((cells, i) => {
    IMPORT_COLUMNS.forEach((column, c) => {
      const value = cells[column.key];
      if (value !== undefined) sheet.getCell(i + 2, c + 1).value = value;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const modelCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('community_model')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Rows 2–7 of a sheet; `tag` keeps each test's model names its own. */
const sheetRows = (tag: string): Cells[] => [
  {
    stt: 1,
    name: `Tổ truyền thông bản Co Mặn ${tag}`,
    type: 'Tổ truyền thông cộng đồng',
    commune: 3334,
    foundedOn: '15/03/2023',
    ethnicGroup: 'Thái',
    female: 8,
    male: 4,
  },
  { ethnicGroup: "H'Mông", female: 2, male: 1 },
  { stt: 2, name: 'CLB không rõ loại', type: 'Câu lạc bộ dưỡng sinh', commune: '03334' },
  {
    stt: 3,
    name: `Địa chỉ tin cậy bản Co Mặn ${tag}`,
    type: 'Địa chỉ an toàn',
    commune: '03334',
    village: 'Bản Co Mặn',
  },
  { stt: 4, name: 'Tổ truyền thông phường Lào Cai', type: 'to_truyen_thong', commune: COMMUNES.laoCai },
  { stt: 5, name: 'Tổ nhóm sinh kế dệt', type: 'Tổ nhóm sinh kế', commune: '03334', foundedOn: '31/02/2024' },
];

describe('model import', () => {
  it('serves a template with Vietnamese headers, a guide sheet and the lists', async () => {
    const res = await officer.get('/api/models/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Mô hình', 'Danh mục', 'Hướng dẫn']);
    const headers = (workbook.getWorksheet('Mô hình')!.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    const guide = JSON.stringify(workbook.getWorksheet('Hướng dẫn')!.getSheetValues());
    expect(guide).toContain('Địa chỉ an toàn');
  });

  it('writes nothing when a row is invalid, and reports each bad row with its column', async () => {
    const before = await modelCount();
    const res = await upload(officer, 'mo-hinh.xlsx', await filledTemplate(sheetRows('A')));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      committed: false,
      valid: 2,
      accepted: 0,
      created: [],
      rejected: [
        { row: 4, field: 'Loại mô hình', message: expect.stringContaining('Câu lạc bộ dưỡng sinh') },
        { row: 6, field: 'Mã xã/phường', message: expect.stringContaining('ngoài phạm vi') },
        { row: 7, field: 'Ngày thành lập', message: expect.stringContaining('31/02/2024') },
      ],
    });
    expect(await modelCount()).toBe(before);
  });

  it('writes the valid rows when asked to, with members from continuation rows, and refuses them a second time', async () => {
    const file = await filledTemplate(sheetRows('B'));
    const res = await upload(officer, 'mo-hinh.xlsx', file, true);
    const report = res.json();
    expect(report).toMatchObject({ committed: true, valid: 2, accepted: 2 });
    expect(report.rejected.map((r: { row: number }) => r.row)).toEqual([4, 6, 7]);
    const [team, address] = report.created;
    const got = (await officer.get(`/api/models/${team}`)).json();
    expect(got).toMatchObject({
      name: 'Tổ truyền thông bản Co Mặn B',
      foundedOn: '2023-03-15',
      commune: { code: '03334' },
      members: { female: 10, male: 5, total: 15 },
    });
    expect((await officer.get(`/api/models/${address}`)).json().type.code).toBe('dia_chi_tin_cay');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('actor_username')
      .where('entity_type', '=', 'community_model')
      .where('entity_id', 'in', report.created.map(String))
      .where('action', '=', 'create')
      .execute();
    expect(audit).toHaveLength(2);

    const again = (await upload(officer, 'mo-hinh.xlsx', file, true)).json();
    expect(again).toMatchObject({ committed: false, accepted: 0 });
    expect(again.rejected).toContainEqual({ row: 2, field: 'Tên mô hình', message: expect.stringContaining('Đã có') });
  });

  it('reads a semicolon CSV saved from Excel and commits it whole when every row is valid', async () => {
    const csv =
      '\uFEFFTên mô hình;Loại mô hình;Mã xã/phường;Phụ nữ làm chủ;Thương mại điện tử;Dân tộc (thành viên);Số thành viên nữ\n' +
      'HTX nông sản sạch Mường Thanh;HTX;03334;đồng làm chủ;x;Thái;12\n' +
      'Tổ hợp tác chăn nuôi;THT;03334;;;Kinh;3\n';
    const res = await upload(officer, 'mo-hinh.csv', csv);
    const report = res.json();
    expect(report, res.body).toMatchObject({ committed: true, accepted: 2, rejected: [] });
    const coop = (await officer.get(`/api/models/${report.created[0]}`)).json();
    expect(coop).toMatchObject({ womenOwnership: 'co_owned', tech: { ecommerce: true }, members: { female: 12 } });
  });

  it('imports a file once when it is sent again with the same Idempotency-Key, and answers 422 for another file', async () => {
    const csv = 'Tên mô hình;Loại mô hình;Mã xã/phường\nTổ truyền thông gửi lại;to_truyen_thong;03334\n';
    const headers = { 'idempotency-key': 'model-import-0001' };
    const before = await modelCount();
    const first = await upload(officer, 'gui-lai.csv', csv, false, headers);
    expect(first.json(), first.body).toMatchObject({ committed: true, accepted: 1 });
    const again = await upload(officer, 'gui-lai.csv', csv, false, headers);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await modelCount()).toBe(before + 1);
    const other = await upload(officer, 'gui-lai.csv', csv.replace('gửi lại', 'khác'), false, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
    expect(await modelCount()).toBe(before + 1);
  });

  it('reports a missing required column instead of guessing', async () => {
    const res = await upload(officer, 'thieu-cot.csv', 'Tên mô hình,Mã xã/phường\nTổ A,03334\n');
    expect(res.json()).toEqual({
      committed: false,
      valid: 0,
      accepted: 0,
      created: [],
      rejected: [{ row: 1, field: 'Loại mô hình', message: 'Thiếu cột bắt buộc' }],
    });
  });

  it('answers 401 without a session, 403 for a viewer and 400 naming the field for a missing or wrong file', async () => {
    const csv = 'Tên mô hình,Loại mô hình,Mã xã/phường\nTổ A,to_truyen_thong,03334\n';
    const form = new FormData();
    form.append('file', new Blob([csv]), 'a.csv');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/models/import',
      payload: form as unknown as Record<string, unknown>,
    });
    expect(anonymous.statusCode).toBe(401);
    const viewer = await t.as({ role: 'viewer' });
    expect((await upload(viewer, 'a.csv', csv)).statusCode).toBe(403);
    const json = await officer.post('/api/models/import', { rows: [] });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.field).toBe('file');
    const pdf = await upload(officer, 'a.pdf', 'not a sheet');
    expect(pdf.json().error).toMatchObject({ field: 'file' });
    const broken = await upload(officer, 'a.xlsx', 'not a zip');
    expect(broken.statusCode).toBe(400);
    const badFlag = await upload(officer, 'a.csv', csv, 'maybe' as unknown as boolean);
    expect(badFlag.json().error.field).toBe('acceptValid');
  });
});
