// The worker side of reading Office files: what it gives back, and its limits on memory, time and
// files at once. Each refusal is a 4xx naming the field, and the next file is read as before.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { largeWorkbook } from '../../../../test/zip-bombs';
import type { AppError } from '../../http/errors';
import { OFFICE_LIMITS, OfficeReader, officeReader } from './office-reader';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Bản ghi');
  sheet.addRow(['Mã', 'Ngày', 'Tổng']);
  sheet.addRow(['A-1', new Date('2026-03-08T00:00:00Z'), { formula: '1+1', result: 2 }]);
  book.addWorksheet('Người tham gia').addRow([{ richText: [{ text: 'Nữ ' }, { text: 'Kinh' }] }]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('accepted');
}

describe('officeReader', () => {
  it('gives the sheets of a workbook as text and the tree of a Word document', async () => {
    const sheets = await officeReader.run('sheets', await workbook(), 'file', 'hỏng');
    expect(sheets).toEqual([
      {
        name: 'Bản ghi',
        rows: [
          { row: 1, values: ['Mã', 'Ngày', 'Tổng'] },
          { row: 2, values: ['A-1', '2026-03-08', '2'] },
        ],
      },
      { name: 'Người tham gia', rows: [{ row: 1, values: ['Nữ Kinh'] }] },
    ]);
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch')] }] }));
    const tree = await officeReader.run('docxTree', docx, 'file', 'hỏng');
    expect(JSON.stringify(tree)).toContain('"value":"Kế hoạch"');
  });

  it('refuses what the parser cannot read with 400 and the caller’s message, naming the field', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>').file('xl/workbook.xml', '<workbook><sheets><<<');
    const broken = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await refusal(officeReader.run('sheets', broken, 'tep', 'Không phải tệp Excel'))).toMatchObject({
      statusCode: 400,
      field: 'tep',
      message: 'Không phải tệp Excel',
    });
    // exceljs reads a Word document as a workbook without sheets: an attachment must have one.
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] }));
    expect(await refusal(officeReader.run('openXlsx', docx, 'file', 'Không phải tệp Excel'))).toMatchObject({
      statusCode: 400,
    });
  });

  it(
    'ends the worker, not the process, when a file needs more memory than its heap: 413, then reads on',
    { timeout: 30_000 },
    async () => {
      const small = new OfficeReader({ ...OFFICE_LIMITS, heapMb: 24 });
      const large = await largeWorkbook(8 * 1024 * 1024);
      expect(await refusal(small.run('sheets', large, 'file', 'hỏng'))).toMatchObject({
        statusCode: 413,
        code: 'too_large',
        field: 'file',
      });
      expect((await small.run('sheets', await workbook(), 'file', 'hỏng'))[0]!.rows).toHaveLength(2);
      // The same file within the default heap is read whole.
      expect((await officeReader.run('sheets', large, 'file', 'hỏng'))[0]!.rows.length).toBeGreaterThan(10_000);
    },
  );

  it('ends a parse that takes longer than the time limit: 413', async () => {
    const slow = new OfficeReader({ ...OFFICE_LIMITS, maxMs: 1 });
    expect(await refusal(slow.run('sheets', await workbook(), 'file', 'hỏng'))).toMatchObject({
      statusCode: 413,
      field: 'file',
    });
  });

  it('parses at most `parallel` files at once; beyond the queue a 503 busy with Retry-After', async () => {
    const one = new OfficeReader({ ...OFFICE_LIMITS, parallel: 1, waiting: 1 });
    const data = await workbook();
    const results = await Promise.allSettled([1, 2, 3].map(() => one.run('sheets', data, 'file', 'hỏng')));
    // Which of the three finds the queue full depends on when each reaches it (its zip is checked
    // first): one parses, one waits, one is refused.
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const busy = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as AppError;
    expect(busy).toMatchObject({ statusCode: 503, code: 'busy' });
    expect(Number(busy.headers?.['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(one.stats()).toMatchObject({ active: 0, waiting: 0 });
  });
});
