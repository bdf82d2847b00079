import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { jointPlanBody } from '../../../../test/plan-fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const seed = fs.readFileSync(path.join(here, 'fixtures/ke-hoach-phoi-hop-2022.txt'), 'utf8');
const corpusDir = path.join(here, 'fixtures/corpus');
const corpusFiles = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt'));
/** A corpus document's text without the two provenance lines ("# Source:", "# Kind:"). */
function corpusText(prefix: string): string {
  const file = corpusFiles.find((f) => f.startsWith(`${prefix}_`))!;
  return fs.readFileSync(path.join(corpusDir, file), 'utf8').split('\n').slice(2).join('\n');
}

let t: TestApp;
let women: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  women = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
});
afterAll(async () => {
  await t.close();
});

function upload(client: ApiClient, filename: string, content: Buffer | string) {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), filename);
  return client.post('/api/plans/import', form as unknown as Record<string, unknown>);
}

describe('plan import', () => {
  it('imports the 2022 seed whole, as a draft in the caller’s scope', async () => {
    const res = await women.post('/api/plans/import', { text: seed });
    expect(res.statusCode, res.body).toBe(201);
    const { planId, unparsed, warnings } = res.json();
    expect(unparsed).toEqual([]);
    expect(warnings).toEqual([]);
    const plan = (await women.get(`/api/plans/${planId}`)).json();
    expect(plan).toMatchObject({
      status: 'draft',
      kind: 'central',
      year: 2022,
      number: '16/KH-HLHPNVN-UBĐT',
      issuedOn: '2022-07-18',
      place: 'Hà Nội',
    });
    expect(plan.issuers.map((i: { name: string }) => i.name)).toEqual([
      'Hội Liên hiệp Phụ nữ Việt Nam',
      'Ủy ban Dân tộc',
    ]);
    expect(plan.purposes).toHaveLength(2);
    expect(plan.requirements).toHaveLength(3);
    expect(plan.sections.map((s: { activities: unknown[] }) => s.activities.length)).toEqual([3, 3, 3, 4, 1]);
    const tf = plan.sections.map(
      (s: { timeframe: { start: string; end: string } }) => `${s.timeframe.start}..${s.timeframe.end}`,
    );
    expect(tf).toEqual([
      '2022-Q1..2022-Q4',
      '2022-Q2..2022-Q4',
      '2022-Q1..2022-Q4',
      '2022-Q1..2022-Q4',
      '2022-12..2022-12',
    ]);
    expect(plan.sections[1].activities[0].timeframe).toMatchObject({ start: '2022-Q2', end: '2022-Q4' });
    expect(plan.responsibilities.map((r: { tasks: unknown[] }) => r.tasks.length)).toEqual([3, 4, 4]);
    expect(plan.responsibilities[0].agency.name).toBe('Hội Liên hiệp Phụ nữ Việt Nam');
    expect(plan.responsibilities[2].agency.name).toBe('Ủy ban Dân tộc');
    expect(plan.funding.text).toMatch(
      /^Kinh phí thực hiện Chương trình phối hợp được bố trí từ nguồn ngân sách nhà nước/,
    );
    expect(plan.signatures).toEqual([
      {
        agency: expect.objectContaining({ name: 'Ủy ban Dân tộc' }),
        authority: 'KT. BỘ TRƯỞNG, CHỦ NHIỆM',
        position: 'THỨ TRƯỞNG, PHÓ CHỦ NHIỆM',
        signer: 'Hàng Thị Hạnh',
      },
      {
        agency: expect.objectContaining({ name: 'Hội Liên hiệp Phụ nữ Việt Nam' }),
        authority: 'TM. ĐOÀN CHỦ TỊCH',
        position: 'PHÓ CHỦ TỊCH',
        signer: 'Tôn Ngọc Hạnh',
      },
    ]);
    expect(plan.recipients).toHaveLength(6);
  });

  it('accepts the same text as an uploaded .txt file', async () => {
    const res = await upload(women, 'ke-hoach.txt', seed);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().unparsed).toEqual([]);
  });

  it('lists every line it could not place, with its line number', async () => {
    const res = await women.post('/api/plans/import', {
      text: seed.replace('II. NỘI DUNG', 'Trang 2/5\n\nII. NỘI DUNG'),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().unparsed).toEqual([{ line: expect.any(Number), text: 'Trang 2/5' }]);
  });

  it('gives back the same structure when an exported .docx is imported again', async () => {
    const created = (await women.post('/api/plans', await jointPlanBody(t.database.db))).json();
    const docx = await women.get(`/api/plans/${created.id}/export.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const res = await upload(women, 'ke-hoach.docx', docx.rawPayload);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().unparsed).toEqual([]);
    const again = (await women.get(`/api/plans/${res.json().planId}`)).json();
    const shape = (p: any) => ({
      title: p.title,
      place: p.place,
      issuers: p.issuers.map((i: any) => i.id),
      purposes: p.purposes,
      requirements: p.requirements,
      sections: p.sections.map((s: any) => ({
        title: s.title,
        description: s.description,
        timeframe: s.timeframe && { start: s.timeframe.start, end: s.timeframe.end },
        activities: s.activities.map((a: any) => ({
          title: a.title,
          timeframe: a.timeframe && { start: a.timeframe.start, end: a.timeframe.end },
          lead: a.leadAgency?.id ?? null,
          partners: a.partnerAgencies.map((x: any) => x.id),
          level: a.level,
          outputs: a.outputs.map((o: any) => o.target ?? null),
        })),
      })),
      responsibilities: p.responsibilities.map((r: any) => ({ actor: r.actor, tasks: r.tasks })),
      funding: p.funding.text,
      signatures: p.signatures.map((s: any) => ({ authority: s.authority, position: s.position, signer: s.signer })),
      recipients: p.recipients,
    });
    expect(shape(again)).toEqual(shape(created));
  });

  it('exports the activity table as .xlsx', async () => {
    const created = (await women.post('/api/plans', await jointPlanBody(t.database.db))).json();
    const res = await women.get(`/api/plans/${created.id}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(book.getWorksheet('Hoạt động')!.getSheetValues());
    expect(text).toContain('Thành lập và duy trì Tổ truyền thông cộng đồng');
  });

  it('answers 400 naming the field for empty text, a wrong file type, or a text that is not a plan', async () => {
    const empty = await women.post('/api/plans/import', { text: '  ' });
    expect(empty.json().error.field).toBe('text');
    const pdf = await upload(women, 'ke-hoach.pdf', Buffer.from('%PDF-1.4'));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.field).toBe('file');
    const brokenDocx = await upload(women, 'ke-hoach.docx', Buffer.from('not a zip'));
    expect(brokenDocx.statusCode).toBe(400);
    expect(brokenDocx.json().error.field).toBe('file');
  });

  it('answers 400 naming the field for text PostgreSQL cannot store (U+0000, a lone surrogate), writing nothing', async () => {
    const plans = async () => (await t.database.db.selectFrom('plan').select('plan_id').execute()).length;
    const before = await plans();
    const bad = seed.replace('Tổ truyền thông cộng đồng', 'Tổ truyền thông\u0000 cộng đồng');
    const json = await women.post('/api/plans/import', { text: bad });
    expect(json.statusCode, json.body).toBe(400);
    expect(json.json().error.field).toBe('text');
    const lone = await women.post('/api/plans/import', { text: seed.replace('Tổ truyền thông', 'Tổ \uD800') });
    expect(lone.json().error.field).toBe('text');
    const txt = await upload(women, 'ke-hoach.txt', bad);
    expect(txt.statusCode, txt.body).toBe(400);
    expect(txt.json().error.field).toBe('file');
    expect(await plans()).toBe(before);
  });

  it('imports, as an administrator, a plan whose issuers are not in the registry: a draft and a warning, not a 500', async () => {
    const admin = await t.as({ role: 'admin' });
    const res = await admin.post('/api/plans/import', { text: corpusText('01') });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toContainEqual({
      field: 'issuers.0',
      message: expect.stringContaining('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH'),
    });
    const plan = (await admin.get(`/api/plans/${res.json().planId}`)).json();
    expect(plan).toMatchObject({ status: 'draft', number: '174/KH-UBND', issuedOn: '2025-11-18' });
    expect(plan.issuers).toHaveLength(1);
  });

  it('makes a draft of every corpus document: no 400 for a text with content', async () => {
    const admin = await t.as({ role: 'admin' });
    for (const file of corpusFiles) {
      const res = await admin.post('/api/plans/import', { text: corpusText(file.slice(0, 2)) });
      expect(res.statusCode, `${file}: ${res.body}`).toBe(201);
      const plan = (await admin.get(`/api/plans/${res.json().planId}`)).json();
      expect(plan.status).toBe('draft');
      expect(plan.title, file).not.toBe('');
    }
  });

  it('imports corpus documents uploaded as .docx (made by LibreOffice) as it imports their text', async () => {
    const admin = await t.as({ role: 'admin' });
    // A plan, a decision issuing a plan, a plan with a task table, and a joint Quy chế of two issuers.
    for (const prefix of ['01', '05', '11', '23']) {
      const file = corpusFiles.find((f) => f.startsWith(`${prefix}_`))!;
      const golden = JSON.parse(
        fs.readFileSync(path.join(corpusDir, file.replace('.txt', '.golden.json')), 'utf8'),
      ) as {
        number: string;
        title: string;
      };
      const docx = fs.readFileSync(path.join(corpusDir, file.replace('.txt', '.docx')));
      const fromDocx = await upload(admin, file.replace('.txt', '.docx'), docx);
      expect(fromDocx.statusCode, `${file}: ${fromDocx.body}`).toBe(201);
      const fromText = await admin.post('/api/plans/import', { text: corpusText(prefix) });
      expect(fromText.statusCode, `${file}: ${fromText.body}`).toBe(201);
      const [docxPlan, textPlan] = await Promise.all(
        [fromDocx, fromText].map(async (res) => (await admin.get(`/api/plans/${res.json().planId}`)).json()),
      );
      expect(docxPlan, file).toMatchObject({ status: 'draft', number: golden.number });
      expect(docxPlan.title.replace(/\s+/g, ' '), file).toBe(golden.title);
      // The same structure and the same lines left unparsed (their line numbers differ: the .docx
      // text has a blank line after every paragraph).
      const shape = (p: any) => ({
        issuers: p.issuers.map((i: any) => i.id),
        sections: p.sections.map((x: any) => [x.title, x.activities.length]),
        signatures: p.signatures.map((x: any) => x.signer),
        recipients: p.recipients,
      });
      expect(shape(docxPlan), file).toEqual(shape(textPlan));
      const texts = (res: typeof fromText) => res.json().unparsed.map((u: { text: string }) => u.text);
      expect(texts(fromDocx), file).toEqual(texts(fromText));
    }
  });

  it('gives a plan whose issuers are not in the registry to the importer’s own agency, and says so', async () => {
    const res = await women.post('/api/plans/import', { text: corpusText('03') });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings.map((w: { field: string }) => w.field)).toEqual(
      expect.arrayContaining(['issuers.0', 'issuers']),
    );
    const plan = (await women.get(`/api/plans/${res.json().planId}`)).json();
    expect(plan.issuers.map((i: { name: string }) => i.name)).toEqual(['Hội Liên hiệp Phụ nữ Việt Nam']);
    expect(plan.title).toBe('TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH');
  });

  it('answers 401 without a session and 403 for a viewer', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/plans/import', payload: { text: seed } })).statusCode).toBe(
      401,
    );
    const viewer = await t.as({ role: 'viewer' });
    expect((await viewer.post('/api/plans/import', { text: seed })).statusCode).toBe(403);
  });

  it('refuses a plan whose issuers do not include the caller’s agency', async () => {
    const laoCai = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
    const res = await laoCai.post('/api/plans/import', { text: seed });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('file');
  });

  it('imports a provincial plan into that province', async () => {
    const text = fs.readFileSync(path.join(here, 'fixtures/ke-hoach-tinh-lao-cai-2026.txt'), 'utf8');
    const laoCai = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
    const res = await laoCai.post('/api/plans/import', { text });
    expect(res.statusCode, res.body).toBe(201);
    const plan = (await laoCai.get(`/api/plans/${res.json().planId}`)).json();
    expect(plan).toMatchObject({ kind: 'provincial', provinceCode: '15', year: 2026 });
    const dienBien = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
    expect((await dienBien.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
  });

  describe('duplicates', () => {
    // Its own plan number and year, so the other tests' imports of the seed do not count.
    const text = seed.replace('Số: 16 /KH-', 'Số: 77 /KH-');

    it('warns on number when a plan with the same number and year exists, naming it, and keeps both', async () => {
      expect(text).not.toBe(seed);
      const first = await women.post('/api/plans/import', { text });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json().duplicates).toEqual([]);
      expect(first.json().warnings.map((w: { field: string }) => w.field)).not.toContain('number');
      const second = await women.post('/api/plans/import', { text });
      expect(second.statusCode).toBe(201);
      const body = second.json();
      expect(body.planId).not.toBe(first.json().planId);
      expect(body.replaced).toBe(false);
      expect(body.duplicates).toEqual([{ id: first.json().planId, status: 'draft', title: expect.any(String) }]);
      const warning = body.warnings.find((w: { field: string }) => w.field === 'number');
      expect(warning.message).toContain('77/KH-HLHPNVN-UBĐT');
      expect(warning.message).toContain(`#${first.json().planId}`);
    });

    it('updates the draft named by replaceDraftId instead of making another', async () => {
      const first = (await women.post('/api/plans/import', { text: text.replace('Số: 77 ', 'Số: 78 ') })).json();
      const before = (await women.get(`/api/plans/${first.planId}`)).json();
      const count = async () =>
        Number(
          (
            await t.database.db
              .selectFrom('plan')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const plans = await count();
      const res = await women.post(`/api/plans/import?replaceDraftId=${first.planId}`, {
        text: text.replace('Số: 77 ', 'Số: 78 ').replace('IV. KINH PHÍ THỰC HIỆN', 'IV. KINH PHÍ'),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ planId: first.planId, replaced: true, duplicates: [] });
      expect(await count()).toBe(plans);
      const after = (await women.get(`/api/plans/${first.planId}`)).json();
      expect(after.version).toBe(before.version + 1);
      // An issued plan or one out of reach is not replaced.
      expect((await women.post('/api/plans/import?replaceDraftId=999999', { text })).statusCode).toBe(404);
      const ethnic = await t.as({ role: 'central_coordinator', agency: 'UBDT' });
      let plan = after;
      plan = (await women.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();
      plan = (await women.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
      plan = (await ethnic.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
      const issued = await women.post(`/api/plans/${plan.id}/issue`, { version: plan.version, issuedOn: '2022-07-18' });
      expect(issued.statusCode, issued.body).toBe(200);
      const refused = await women.post(`/api/plans/import?replaceDraftId=${plan.id}`, { text });
      expect(refused.statusCode).toBe(409);
      expect((await women.get(`/api/plans/${plan.id}`)).json().status).toBe('issued');
      expect(await count()).toBe(plans);
    });
  });
});
