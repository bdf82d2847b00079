import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedActivityLines, seedPlan, seedPlanView } from '../plan-export/fixtures/seed-plan';
import { renderPlanDocx } from '../plan-export/plan-docx';
import { docxToText } from './docx-to-text';

let exported: string;

beforeAll(async () => {
  exported = await docxToText(await renderPlanDocx(seedPlanView));
});

function docxOf(children: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

function table(rows: string[][][]): Table {
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map((lines) => new TableCell({ children: lines.map((line) => new Paragraph(line)) })),
        }),
    ),
  });
}

describe('docxToText on the plan export', () => {
  it('contains every activity, each on its own "- " line', () => {
    const lines = exported.split('\n');
    for (const line of seedActivityLines) expect(lines).toContain(line);
  });

  it('reads the header table cell by cell, one line per paragraph', () => {
    expect(exported.split('\n').filter(Boolean).slice(0, 7)).toEqual([
      'HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM',
      'ĐOÀN CHỦ TỊCH',
      'ỦY BAN DÂN TỘC',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 16/KH-HLHPNVN-UBĐT',
      'Hà Nội, ngày 18 tháng 7 năm 2022',
    ]);
  });

  it('separates paragraphs by one blank line and keeps the title’s line break as a newline', () => {
    expect(exported).not.toMatch(/\n\n\n/);
    expect(exported).toContain(
      'KẾ HOẠCH\n\nTriển khai Chương trình phối hợp công tác giữa\nỦy ban Dân tộc và Hội Liên hiệp Phụ nữ Việt Nam năm 2022\n\nThực hiện',
    );
  });

  it('gives the signature blocks line by line, then Nơi nhận', () => {
    const closing = exported.slice(exported.indexOf('KT. BỘ TRƯỞNG')).split('\n').filter(Boolean);
    expect(closing).toEqual([
      'KT. BỘ TRƯỞNG, CHỦ NHIỆM',
      'THỨ TRƯỞNG, PHÓ CHỦ NHIỆM',
      'Hàng Thị Hạnh',
      'TM. ĐOÀN CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Tôn Ngọc Hạnh',
      'Nơi nhận:',
      ...seedPlan.recipients.map((r, i, all) => `- ${r}${i === all.length - 1 ? '.' : ';'}`),
    ]);
  });
});

describe('docxToText on other documents', () => {
  it('turns a line break into a newline instead of gluing the words', async () => {
    const text = await docxToText(
      await docxOf([
        new Paragraph({
          children: [new TextRun('phối hợp công tác'), new TextRun({ break: 1 }), new TextRun('giữa hai cơ quan')],
        }),
      ]),
    );
    expect(text).toBe('phối hợp công tác\ngiữa hai cơ quan');
  });

  it('writes Word bullets as "- " and keeps tabs for the parser', async () => {
    const text = await docxToText(
      await docxOf([
        new Paragraph({ text: 'Tổ chức tập huấn', bullet: { level: 0 } }),
        new Paragraph({ children: [new TextRun('1.'), new TextRun({ children: ['\t', 'Mục đích'] })] }),
        new Paragraph({ text: 'Hà\u00a0Nội' }),
      ]),
    );
    expect(text).toBe('- Tổ chức tập huấn\n\n1.\tMục đích\n\nHà Nội');
  });

  it('reads a data table as tab-separated rows and a layout table cell by cell', async () => {
    const text = await docxToText(
      await docxOf([
        table([
          [['ỦY BAN DÂN TỘC'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']],
          [['Số: 01/KH-UBDT'], ['Hà Nội, ngày 05 tháng 01 năm 2023']],
        ]),
        new Paragraph(''),
        table([
          [['STT'], ['Nội dung'], ['Chủ trì']],
          [['1'], ['Tập huấn', 'cán bộ'], ['Ủy ban Dân tộc']],
        ]),
      ]),
    );
    expect(text).toBe(
      [
        'ỦY BAN DÂN TỘC',
        '',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        '',
        'Độc lập - Tự do - Hạnh phúc',
        '',
        'Số: 01/KH-UBDT',
        '',
        'Hà Nội, ngày 05 tháng 01 năm 2023',
        '',
        'STT\tNội dung\tChủ trì',
        '1\tTập huấn cán bộ\tỦy ban Dân tộc',
      ].join('\n'),
    );
  });

  it('returns an empty string for an empty document', async () => {
    expect(await docxToText(await docxOf([new Paragraph('')]))).toBe('');
  });
});
