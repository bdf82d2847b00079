// Issue 15, "the seed imports, exports and re-imports word for word (whitespace aside)": the seed
// text through the import API into a stored plan, that plan's .docx from the export API, and the
// .docx's text (read as an upload is, docxToText) compared with the seed itself, the golden.
//
// Compared with all whitespace removed, so every word and every punctuation mark counts, and the
// spacing of the seed's number ("16 /KH- HLHPNVN- UBĐT") or its line breaks do not. Beyond that, the
// export differs from the seed in exactly these places, each for a reason read from the seed:
// - Markdown marks: the seed's "**" and "*" ("KẾ HOẠCH**Triển khai …**", "*Tổ truyền thông cộng
//   đồng*") are its converter's bold and italics, which the .docx carries as formatting, not text.
// - The header: the seed has no line for the issuing agencies, the Quốc hiệu or the Tiêu ngữ (it
//   starts with two blank lines, then "Số:"; its header table's first row was lost in conversion).
//   Decree 30/2020 puts them on every document, so the export prints them: the issuers from the
//   plan (read from the symbol HLHPNVN-UBĐT, named from the agency registry) and the two lines.
// - Nơi nhận: Decree 30 (Phụ lục I) ends every recipient with ";" and the last ("Lưu: …") with "."
//   The seed's last line, "- Lưu: VT UBND, TW Hội LHPN VN", has no full stop; the export adds it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { docxToText } from './docx-to-text';

const here = path.dirname(fileURLToPath(import.meta.url));
const seed = fs.readFileSync(path.join(here, 'fixtures/ke-hoach-phoi-hop-2022.txt'), 'utf8');

/** The header lines Decree 30 adds above the seed's "Số:" line, in the order the header table is read. */
const HEADER = [
  'HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM',
  'ĐOÀN CHỦ TỊCH',
  'ỦY BAN DÂN TỘC',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
];

/** The seed as the export prints it: the differences listed above, and nothing else. */
function expectedExport(): string {
  const lines = seed.trimEnd().split('\n');
  const number = lines.findIndex((line) => line.startsWith('Số:'));
  expect(number).toBeGreaterThanOrEqual(0);
  expect(lines.slice(0, number).join('').trim()).toBe('');
  expect(lines.at(-1)).toBe('- Lưu: VT UBND, TW Hội LHPN VN');
  return [...HEADER, ...lines.slice(number), '.'].join('\n').replace(/\*/g, '');
}

const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

/** Equal without whitespace; otherwise fails showing where the two part. */
function expectSameText(actual: string, expected: string): void {
  const a = squash(actual);
  const e = squash(expected);
  if (a === e) return;
  let i = 0;
  while (i < a.length && a[i] === e[i]) i++;
  expect(a.slice(Math.max(0, i - 80), i + 80)).toBe(e.slice(Math.max(0, i - 80), i + 80));
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

function upload(filename: string, content: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), filename);
  return women.post('/api/plans/import', form as unknown as Record<string, unknown>);
}

async function exportedText(planId: number): Promise<{ docx: Buffer; text: string }> {
  const res = await women.get(`/api/plans/${planId}/export.docx`);
  expect(res.statusCode, res.body).toBe(200);
  return { docx: res.rawPayload, text: await docxToText(res.rawPayload) };
}

/** A stored plan's content, without what each import makes anew (ids, keys, versions, dates of change). */
function content(plan: Record<string, unknown>): unknown {
  return JSON.parse(
    JSON.stringify(plan, (key, value: unknown) =>
      ['id', 'key', 'version', 'createdAt', 'updatedAt', 'allowedActions', 'history'].includes(key) ? undefined : value,
    ),
  );
}

describe('the seed imports, exports and re-imports word for word (whitespace aside)', () => {
  it('checks what it says: a changed word fails it', () => {
    expect(() =>
      expectSameText(expectedExport().replace('Tổ chức thực hiện:', 'Thời gian thực hiện:'), expectedExport()),
    ).toThrow();
  });

  it('exports the imported seed as the seed wrote it, and imports that .docx back to the same plan', async () => {
    const first = await women.post('/api/plans/import', { text: seed });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ unparsed: [], warnings: [] });
    const { docx, text } = await exportedText(first.json().planId);
    expectSameText(text, expectedExport());

    const again = await upload('ke-hoach-16.docx', docx);
    expect(again.statusCode, again.body).toBe(201);
    // The only warning: the plan is already there (the first import), with the same number.
    expect(again.json()).toMatchObject({
      unparsed: [],
      warnings: [{ field: 'number', message: expect.stringContaining('16/KH-HLHPNVN-UBĐT') }],
      duplicates: [{ id: first.json().planId }],
    });
    const [stored, reimported] = await Promise.all(
      [first.json().planId, again.json().planId].map(async (id: number) =>
        (await women.get(`/api/plans/${id}`)).json(),
      ),
    );
    expect(content(reimported)).toEqual(content(stored));
    // And the re-imported plan prints the same document again.
    expectSameText((await exportedText(again.json().planId)).text, text);
  });
});
