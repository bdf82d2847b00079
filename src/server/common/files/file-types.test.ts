import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxBomb, xlsxBomb } from '../../../../test/zip-bombs';
import { AppError } from '../../http/errors';
import { checkFile, cleanFileName } from './file-types';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Trang 1').addRow(['Mã', 'Tên']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A zip with the given entries (empty unless given). */
async function zip(names: string[], contents: Record<string, string> = {}): Promise<Buffer> {
  const archive = new JSZip();
  for (const name of names) archive.file(name, contents[name] ?? '');
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const wordDocument = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Biên bản')] }] }));

const fixture = (name: string) =>
  fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name));

async function refusal(fileName: string, data: Buffer): Promise<AppError> {
  try {
    await checkFile({ fileName, data });
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`${fileName} was accepted`);
}

describe('checkFile', () => {
  it('accepts a real .xlsx and a real .docx', async () => {
    expect(await checkFile({ fileName: 'Bảng.xlsx', data: await workbook() })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(await checkFile({ fileName: 'bien-ban.DOCX', data: await wordDocument() })).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('opens an Office file: the right part names with contents its parser cannot read are refused', async () => {
    // What the earlier check (names in the zip's directory) accepted.
    const docx = await zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(await refusal('bien-ban.docx', docx)).toMatchObject({ statusCode: 400, field: 'file' });
    const parts = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'];
    const xlsx = await zip(parts, { 'xl/workbook.xml': '<html><body>not a workbook', '_rels/.rels': '<<<' });
    expect(await refusal('bang.xlsx', xlsx)).toMatchObject({ statusCode: 400, field: 'file' });
  });

  it('refuses an Office attachment that inflates beyond the limit, with 413 naming file', async () => {
    const big = 200 * 1024 * 1024;
    expect(await refusal('bang.xlsx', await xlsxBomb({ inflatedBytes: big }))).toMatchObject({
      statusCode: 413,
      code: 'too_large',
      field: 'file',
    });
    expect(await refusal('bien-ban.docx', await docxBomb({ inflatedBytes: big, declaredSize: 1000 }))).toMatchObject({
      statusCode: 400,
      field: 'file',
    });
  });

  it('refuses a zip that is not the Office package its name says, naming file', async () => {
    const plainZip = await zip(['anh.png', 'ghi-chu.txt']);
    expect(await refusal('bang.xlsx', plainZip)).toMatchObject({ statusCode: 400, field: 'file' });
    expect(await refusal('van-ban.docx', await workbook())).toMatchObject({ statusCode: 400, field: 'file' });
    expect(await refusal('bang.xlsx', Buffer.from('PK\x03\x04 only the first bytes', 'latin1'))).toMatchObject({
      statusCode: 400,
      field: 'file',
    });
  });

  it('refuses empty files, unknown extensions and files over 20 MB', async () => {
    expect((await refusal('a.pdf', Buffer.alloc(0))).field).toBe('file');
    expect((await refusal('setup.exe', Buffer.from('MZ'))).field).toBe('file');
    expect(
      (await refusal('a.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(20 * 1024 * 1024)]))).message,
    ).toContain('20 MB');
  });
});

describe('Office files this project did not write', () => {
  it('accepts a Word document and a workbook saved by LibreOffice, each only under its own name', async () => {
    const docx = fixture('libreoffice-plan.docx');
    const xlsx = fixture('libreoffice-table.xlsx');
    expect(await checkFile({ fileName: 'ke-hoach.docx', data: docx })).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(await checkFile({ fileName: 'bang.xlsx', data: xlsx })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect((await refusal('ke-hoach.xlsx', docx)).field).toBe('file');
    expect((await refusal('bang.docx', xlsx)).field).toBe('file');
  });
});

describe('cleanFileName', () => {
  it('keeps a Vietnamese name and drops folders and control characters', () => {
    expect(cleanFileName('..\\..\\báo cáo\u0007.pdf')).toBe('báo cáo.pdf');
    expect(cleanFileName('/etc/')).toBe('etc');
    expect(cleanFileName('\u0001')).toBe('tep-dinh-kem');
  });
});
