// Zip bombs against every route that parses an Office upload, as issue 14 found them: a 1.4 GB
// sheet in a few MB of .xlsx (honest headers, and headers that lie about the size), and a
// 1.4 GB Word body. Each is a 4xx naming `file`, two and ten at once; the process stays up and
// answers the next request, and its resident memory (worker threads included: they are threads
// of this process) stays under 1 GB, sampled every 10 ms while the requests run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type ApiClient, type TestApp } from './test-app';
import { activityIds, cascadedPlan, form, importWorkbook, issuedPlan, trainingBody } from './record-fixtures';
import { docxBomb, peakRss, xlsxBomb } from './zip-bombs';

const GB = 1024 * 1024 * 1024;
const INFLATED = 1.4 * GB;
const RSS_LIMIT = 1 * GB;

let t: TestApp;
let women: ApiClient;
let dienBien: ApiClient;
let activities: number[];
let recordId: number;
let honestXlsx: Buffer;
let lyingXlsx: Buffer;
let honestDocx: Buffer;
let lyingDocx: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  women = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
  const ethnic = await t.as({ role: 'central_coordinator', agency: 'UBDT' });
  const plan = await issuedPlan(t, women, ethnic);
  const coordinator = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
  activities = activityIds(await cascadedPlan(coordinator, plan.id));
  dienBien = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
  recordId = (await dienBien.post('/api/records', trainingBody(activities[0]!))).json().id;
  honestXlsx = await xlsxBomb({ inflatedBytes: INFLATED });
  lyingXlsx = await xlsxBomb({ inflatedBytes: INFLATED, declaredSize: 50_000 });
  honestDocx = await docxBomb({ inflatedBytes: INFLATED });
  lyingDocx = await docxBomb({ inflatedBytes: INFLATED, declaredSize: 50_000 });
}, 120_000);
afterAll(async () => {
  await t.close();
});

/** Every answer a 4xx in the error shape naming `file`. */
function expectRefusedNamingFile(answers: LightMyRequestResponse[]) {
  for (const res of answers) {
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect(res.json()).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String), field: 'file' },
    });
  }
}

/** The server is up: it answers a request, and reads an ordinary workbook import. */
async function expectServerUp() {
  expect((await dienBien.get('/api/me')).statusCode).toBe(200);
  const row = [1, activities[0]!, 'training', 'Tập huấn tại bản Him Lam', '2026-06-01', '', '03127', 2025];
  const res = await dienBien.post('/api/records/import', form('ban-ghi.xlsx', await importWorkbook([row])));
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ accepted: 1, rejected: [] });
}

const importRecords = (data: Buffer) => dienBien.post('/api/records/import', form('ban-ghi.xlsx', data));
const importModels = (data: Buffer) => dienBien.post('/api/models/import', form('mo-hinh.xlsx', data));
const importPlan = (data: Buffer) => women.post('/api/plans/import', form('ke-hoach.docx', data));
const attach = (name: string, data: Buffer) => dienBien.post(`/api/records/${recordId}/attachments`, form(name, data));

describe('zip bombs on Office uploads', () => {
  it('the bombs are small files, far below the 20 MB upload limit', () => {
    for (const bomb of [honestXlsx, lyingXlsx, honestDocx, lyingDocx])
      expect(bomb.length).toBeLessThan(6 * 1024 * 1024);
  });

  it('two .xlsx bombs at once: both 413 naming file, the server stays up and under 1 GB', async () => {
    const { result, peakRss: peak } = await peakRss(() =>
      Promise.all([importRecords(honestXlsx), importRecords(honestXlsx)]),
    );
    expectRefusedNamingFile(result);
    expect(result.map((r) => r.statusCode)).toEqual([413, 413]);
    expect(peak).toBeLessThan(RSS_LIMIT);
    await expectServerUp();
  });

  it('ten .xlsx bombs at once, honest and lying headers, on two import routes: each a 4xx', async () => {
    const { result, peakRss: peak } = await peakRss(() =>
      Promise.all(
        Array.from({ length: 10 }, (_, i) => {
          const bomb = i % 2 ? lyingXlsx : honestXlsx;
          return i % 3 ? importRecords(bomb) : importModels(bomb);
        }),
      ),
    );
    expectRefusedNamingFile(result);
    expect(peak).toBeLessThan(RSS_LIMIT);
    await expectServerUp();
  });

  it('a .docx bomb on the plan import and its preview: each a 4xx', async () => {
    const { result, peakRss: peak } = await peakRss(() =>
      Promise.all([
        importPlan(honestDocx),
        importPlan(lyingDocx),
        women.post('/api/plans/import/preview', form('ke-hoach.docx', honestDocx)),
      ]),
    );
    expectRefusedNamingFile(result);
    expect(result[0]!.statusCode).toBe(413);
    expect(peak).toBeLessThan(RSS_LIMIT);
    await expectServerUp();
  });

  it('Office attachments that are bombs: each a 4xx, nothing stored', async () => {
    const before = (await dienBien.get(`/api/records/${recordId}`)).json().attachments.length;
    const { result, peakRss: peak } = await peakRss(() =>
      Promise.all([
        attach('bang.xlsx', honestXlsx),
        attach('bang.xlsx', lyingXlsx),
        attach('bien-ban.docx', honestDocx),
        attach('bien-ban.docx', lyingDocx),
      ]),
    );
    expectRefusedNamingFile(result);
    expect(peak).toBeLessThan(RSS_LIMIT);
    expect((await dienBien.get(`/api/records/${recordId}`)).json().attachments).toHaveLength(before);
    await expectServerUp();
  });

  it('ten ordinary imports at once: two parsed at a time, two wait, the rest a 503 busy with Retry-After', async () => {
    const row = [1, activities[0]!, 'training', 'Tập huấn tại bản Him Lam', '2026-06-01', '', '03127', 2025];
    const workbook = await importWorkbook([row]);
    const answers = await Promise.all(Array.from({ length: 10 }, () => importRecords(workbook)));
    const busy = answers.filter((res) => res.statusCode === 503);
    expect(answers.filter((res) => res.statusCode === 200).length).toBeGreaterThanOrEqual(4);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(busy.length + answers.filter((res) => res.statusCode === 200).length).toBe(10);
    for (const res of busy) {
      expect(res.json()).toEqual({ error: { code: 'busy', message: expect.any(String) } });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    await expectServerUp();
  });
});
