import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors';
import { checkFile, cleanFileName } from './file-types';
import { isOoxmlPackage, zipEntryNames } from './ooxml';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Trang 1').addRow(['Mã', 'Tên']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A zip with the given entry names, each with empty content. */
async function zip(names: string[]): Promise<Buffer> {
  const archive = new JSZip();
  for (const name of names) archive.file(name, '');
  return archive.generateAsync({ type: 'nodebuffer' });
}

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

describe('zipEntryNames', () => {
  it('lists the entries of a real workbook and nothing for bytes that only start like a zip', async () => {
    expect(await zipEntryNames(await workbook())).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']),
    );
    expect(await zipEntryNames(Buffer.from('PK\x03\x04 not a zip', 'latin1'))).toBeUndefined();
    expect(await zipEntryNames(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('checkFile', () => {
  it('accepts a real .xlsx and an OOXML .docx package', async () => {
    expect(await checkFile({ fileName: 'Bảng.xlsx', data: await workbook() })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const docx = await zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(await isOoxmlPackage(docx, 'docx')).toBe(true);
    expect(await checkFile({ fileName: 'bien-ban.DOCX', data: docx })).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
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
