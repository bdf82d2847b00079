import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { detectDelimiter, keyedRows, readTableFile, sheetOf } from './table-reader';

const csv = (text: string) => Buffer.from(text, 'utf8');

async function fieldOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).field;
}

describe('detectDelimiter', () => {
  it('takes the delimiter used most on the header line', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('Mã chỉ số;Năm;Mã tỉnh;Chỉ tiêu\r\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('ignores delimiters inside quotes and falls back to a comma', () => {
    expect(detectDelimiter('"Tên, mô tả";"Năm"')).toBe(';');
    expect(detectDelimiter('Tên\n1,2,3')).toBe(',');
  });
});

describe('readTableFile', () => {
  it('reads UTF-8 with or without BOM and any of the three delimiters the same way', async () => {
    const want = [
      { row: 1, values: ['Mã', 'Tên'] },
      { row: 2, values: ['01', 'Hà Nội'] },
    ];
    for (const text of ['Mã,Tên\n01,Hà Nội\n', '\uFEFFMã;Tên\r\n01;Hà Nội\r\n', 'Mã\tTên\n01\tHà Nội']) {
      const file = await readTableFile('t.csv', csv(text), '.csv');
      expect(file.format).toBe('csv');
      expect(sheetOf(file)?.rows).toEqual(want);
    }
  });

  it('numbers CSV rows as Excel shows them: blank lines count, a quoted line break does not', async () => {
    const file = await readTableFile('t.csv', csv('a;b\n\n"x\ny";2\n3;4\n'), '.csv');
    expect(sheetOf(file)?.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(sheetOf(file)?.rows[2]?.values).toEqual(['x\ny', '2']);
  });

  it('answers 400 naming the file for text that is not UTF-8, binary data and broken quotes', async () => {
    expect(await fieldOf(readTableFile('t.csv', Buffer.from([0x4d, 0xe3, 0x3b, 0x4e]), '.csv'))).toBe('file');
    expect(await fieldOf(readTableFile('t.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), '.csv'))).toBe(
      'file',
    );
    expect(await fieldOf(readTableFile('t.csv', csv('a,b\n"x,1\n'), '.csv'))).toBe('file');
  });

  it('answers 400 naming the file for a broken .xlsx and for other extensions', async () => {
    expect(await fieldOf(readTableFile('t.xlsx', csv('not a workbook'), '.xlsx'))).toBe('file');
    expect(await fieldOf(readTableFile('t.pdf', csv('%PDF-1.7'), '.xlsx hoặc .csv'))).toBe('file');
  });

  it('reads every sheet of an .xlsx as text with the Excel row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('Hướng dẫn');
    first.addRow(['Đọc kỹ']);
    const data = workbook.addWorksheet('Dữ liệu');
    data.addRow(['Ngày', 'Số', 'Tổng']);
    data.getRow(3).values = [new Date(Date.UTC(2026, 2, 15)), 7.5, { formula: 'B3*2', result: 15 }];
    const file = await readTableFile('t.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), '.xlsx');
    expect(file.format).toBe('xlsx');
    expect(sheetOf(file)?.name).toBe('Hướng dẫn');
    expect(sheetOf(file, 'Dữ liệu')?.rows).toEqual([
      { row: 1, values: ['Ngày', 'Số', 'Tổng'] },
      { row: 3, values: ['2026-03-15', '7.5', '15'] },
    ]);
    expect(sheetOf(file, 'Không có')?.name).toBe('Hướng dẫn');
  });
});

describe('keyedRows', () => {
  it('keys the cells by header, trims them and leaves out blank rows and unknown columns', async () => {
    const file = await readTableFile('t.csv', csv('Mã;Ghi chú;Tên\n 01 ;x; Hà Nội \n;;\n02;;\n'), '.csv');
    const keys: Record<string, 'code' | 'name'> = { Mã: 'code', Tên: 'name' };
    const { present, rows } = keyedRows(sheetOf(file), (title) => keys[title]);
    expect([...present]).toEqual(['code', 'name']);
    expect(rows).toEqual([
      { row: 2, cells: { code: '01', name: 'Hà Nội' } },
      { row: 4, cells: { code: '02' } },
    ]);
  });

  it('answers 400 naming the file for text PostgreSQL cannot store: U+0000 or a lone surrogate', async () => {
    expect(await fieldOf(readTableFile('t.csv', csv('Mã;Tên\n01;a\u0000b\n'), '.csv'))).toBe('file');
    // An .xlsx can only carry them as XML character references, which the parser refuses.
    for (const bad of ['a&#0;b', 'x&#xD800;']) {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Dữ liệu').addRows([
        ['Mã', 'Tên'],
        ['01', 'CELL'],
      ]);
      const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
      const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
      expect(strings).toContain('CELL');
      zip.file('xl/sharedStrings.xml', strings.replace('CELL', bad));
      const data = await zip.generateAsync({ type: 'nodebuffer' });
      expect(await fieldOf(readTableFile('t.xlsx', data, '.xlsx')), bad).toBe('file');
    }
  });
});
