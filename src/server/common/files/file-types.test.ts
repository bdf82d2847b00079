import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors';
import { checkFile, cleanFileName } from './file-types';
import { isOoxmlPackage, zipEntryNames } from './ooxml';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Trang 1').addRow(['Mã', 'Tên']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A zip with the given entry names, each stored with empty content. */
function zip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(n.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, n);
    central.push(entry, n);
    offset += 30 + n.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function refusal(fileName: string, data: Buffer): AppError {
  try {
    checkFile({ fileName, data });
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`${fileName} was accepted`);
}

describe('zipEntryNames', () => {
  it('lists the entries of a real workbook and nothing for bytes that only start like a zip', async () => {
    expect(zipEntryNames(await workbook())).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
    expect(zipEntryNames(Buffer.from('PK\x03\x04 not a zip', 'latin1'))).toBeUndefined();
    expect(zipEntryNames(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('checkFile', () => {
  it('accepts a real .xlsx and an OOXML .docx package', async () => {
    expect(checkFile({ fileName: 'Bảng.xlsx', data: await workbook() })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const docx = zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(isOoxmlPackage(docx, 'docx')).toBe(true);
    expect(checkFile({ fileName: 'bien-ban.DOCX', data: docx })).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('refuses a zip that is not the Office package its name says, naming file', async () => {
    const plainZip = zip(['anh.png', 'ghi-chu.txt']);
    expect(refusal('bang.xlsx', plainZip)).toMatchObject({ statusCode: 400, field: 'file' });
    expect(refusal('van-ban.docx', await workbook())).toMatchObject({ statusCode: 400, field: 'file' });
    expect(refusal('bang.xlsx', Buffer.from('PK\x03\x04 only the first bytes', 'latin1'))).toMatchObject({
      statusCode: 400,
      field: 'file',
    });
  });

  it('refuses empty files, unknown extensions and files over 20 MB', () => {
    expect(refusal('a.pdf', Buffer.alloc(0)).field).toBe('file');
    expect(refusal('setup.exe', Buffer.from('MZ')).field).toBe('file');
    expect(refusal('a.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(20 * 1024 * 1024)])).message).toContain(
      '20 MB',
    );
  });
});

describe('cleanFileName', () => {
  it('keeps a Vietnamese name and drops folders and control characters', () => {
    expect(cleanFileName('..\\..\\báo cáo\u0007.pdf')).toBe('báo cáo.pdf');
    expect(cleanFileName('/etc/')).toBe('etc');
    expect(cleanFileName('\u0001')).toBe('tep-dinh-kem');
  });
});
