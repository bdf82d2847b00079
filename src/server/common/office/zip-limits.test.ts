import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { part, xlsxBomb, zipOf } from '../../../../test/zip-bombs';
import type { AppError } from '../../http/errors';
import { readZipEntries, ZIP_LIMITS } from './zip-limits';

async function refusal(data: Buffer, limits = ZIP_LIMITS): Promise<AppError> {
  try {
    await readZipEntries(data, 'file', limits);
  } catch (error) {
    return error as AppError;
  }
  throw new Error('accepted');
}

const GB = 1024 * 1024 * 1024;

describe('readZipEntries', () => {
  it('lists the entries of a real workbook with their inflated sizes', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Trang 1').addRow(['Mã', 'Tên']);
    const entries = await readZipEntries(Buffer.from(await book.xlsx.writeBuffer()), 'file');
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
    expect(entries.find((e) => e.name === 'xl/workbook.xml')!.size).toBeGreaterThan(100);
  });

  it('refuses a sheet declared to inflate to 1.4 GB from its directory, before inflating it', async () => {
    const bomb = await xlsxBomb({ inflatedBytes: 1.4 * GB });
    expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
    const started = Date.now();
    expect(await refusal(bomb)).toMatchObject({ statusCode: 413, code: 'too_large', field: 'file' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('stops a sheet whose header lies about its size once it inflates past the size declared', async () => {
    const bomb = await xlsxBomb({ inflatedBytes: 1.4 * GB, declaredSize: 10_000 });
    const started = Date.now();
    expect(await refusal(bomb)).toMatchObject({ statusCode: 400, field: 'file' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('counts inflated bytes over all entries, not one at a time', async () => {
    const parts = Array.from({ length: 5 }, (_, i) => part(`p${i}.xml`, 'a'.repeat(300_000)));
    const limits = { maxEntries: 10, maxInflatedBytes: 1_000_000 };
    expect(await refusal(zipOf(parts), limits)).toMatchObject({ statusCode: 413, field: 'file' });
    expect(await readZipEntries(zipOf(parts.slice(0, 3)), 'file', limits)).toHaveLength(3);
  });

  it('refuses more entries than the limit, a wrong CRC-32 and bytes that are not a zip', async () => {
    const many = zipOf(Array.from({ length: 30 }, (_, i) => part(`p${i}.xml`, 'x')));
    expect(await refusal(many, { maxEntries: 20, maxInflatedBytes: 1e6 })).toMatchObject({
      statusCode: 413,
      field: 'file',
    });
    const damaged = zipOf([{ ...part('a.xml', '<a/>'), crc: 12345 }]);
    expect(await refusal(damaged)).toMatchObject({ statusCode: 400, field: 'file' });
    expect(await refusal(Buffer.from('PK\x03\x04 only the first bytes', 'latin1'))).toMatchObject({
      statusCode: 400,
      field: 'file',
    });
  });
});
