import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { csvFile, neutraliseFormula } from './csv-export';

describe('csv exports', () => {
  it('neutralises text a spreadsheet would run as a formula, as OWASP advises', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['Điện Biên', 'Tổng', '1=1', 'a@b.vn', '']) expect(neutraliseFormula(text)).toBe(text);
  });

  it('writes UTF-8 with a BOM and CRLF, quotes what needs quoting, keeps numbers (negative too) as numbers', () => {
    const file = csvFile([
      ['Tỉnh, thành phố', 'Ghi chú', 'Số'],
      ['Điện Biên', '=cmd|"/c calc"!A1', -3],
      ['Lai Châu', 'dòng 1\ndòng 2', null],
    ]);
    expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = file.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('"Tỉnh, thành phố",Ghi chú,Số');
    expect(parse(text, { relax_column_count: false })).toEqual([
      ['Tỉnh, thành phố', 'Ghi chú', 'Số'],
      ['Điện Biên', `'=cmd|"/c calc"!A1`, '-3'],
      ['Lai Châu', 'dòng 1\ndòng 2', ''],
    ]);
  });

  it('an .xlsx text cell starting with = is a string cell, not a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('a').addRow(['=HYPERLINK("http://x","y")', '+1', -3]);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toContain('<f>');
    expect(sheet).toMatch(/<c r="A1"[^>]*t="s"/);
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
  });
});
