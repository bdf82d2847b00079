import { beforeAll, describe, expect, it } from 'vitest';
import { readZipEntry } from './fixtures/read-zip-entry';
import {
  attribute,
  cells,
  documentXml,
  hasFlag,
  paragraphs,
  rows,
  runSize,
  runWithText,
  runs,
  tables,
  textOf,
} from './fixtures/docx-xml';
import { seedActivityLines, seedPlan, seedPlanView } from './fixtures/seed-plan';
import { activityAttributes, formatPlanTimeframe, renderPlanDocx, romanNumeral } from './plan-docx';

let docx: Buffer;
let xml: string;

beforeAll(async () => {
  docx = await renderPlanDocx(seedPlanView);
  xml = documentXml(docx);
});

describe('renderPlanDocx — page and fonts', () => {
  it('lays out A4 portrait with the Decree 30 margins (20/20/30/15 mm)', () => {
    const section = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(xml)![0];
    expect(attribute(section, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attribute(section, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attribute(section, 'w:pgMar', 'w:top')).toBe('1134');
    expect(attribute(section, 'w:pgMar', 'w:bottom')).toBe('1134');
    expect(attribute(section, 'w:pgMar', 'w:left')).toBe('1701');
    expect(attribute(section, 'w:pgMar', 'w:right')).toBe('850');
  });

  it('uses Times New Roman, black, and nothing else', () => {
    const styles = readZipEntry(docx, 'word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)![0];
    expect(attribute(defaults, 'w:rFonts', 'w:ascii')).toBe('Times New Roman');
    expect(attribute(defaults, 'w:rFonts', 'w:hAnsi')).toBe('Times New Roman');
    const fonts = new Set([...xml.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    const colours = new Set([...xml.matchAll(/<w:color w:val="([^"]+)"/g)].map((m) => m[1]));
    expect([...colours]).toEqual(['000000']);
  });

  it('numbers pages in the top margin but not on the title page', () => {
    const section = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(xml)![0];
    expect(section).toMatch(/<w:titlePg\/>/);
    const rels = readZipEntry(docx, 'word/_rels/document.xml.rels');
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(section)![1];
      return (
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]
      );
    };
    const pageHeader = readZipEntry(docx, `word/${target('default')}`);
    expect(pageHeader).toContain('PAGE');
    expect(attribute(pageHeader, 'w:jc', 'w:val')).toBe('center');
    const firstHeader = readZipEntry(docx, `word/${target('first')}`);
    expect(firstHeader).not.toContain('PAGE');
    expect(textOf(firstHeader)).toBe('');
  });
});

describe('renderPlanDocx — header table', () => {
  it('is a borderless two-column table with both agencies and the Quốc hiệu', () => {
    const header = tables(xml)[0]!;
    expect(header).toMatch(/<w:tblBorders>(?:(?!<\/w:tblBorders>)[\s\S])*w:val="none"/);
    for (const row of rows(header)) expect(cells(row)).toHaveLength(2);
    const [left, right] = cells(rows(header)[0]!);
    expect(textOf(left!).split('\n').filter(Boolean)).toEqual([
      'HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM',
      'ĐOÀN CHỦ TỊCH',
      'ỦY BAN DÂN TỘC',
    ]);
    expect(textOf(right!).split('\n').filter(Boolean)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
  });

  it('prints the governing body regular, issuing bodies and Quốc hiệu bold, with rules', () => {
    const header = tables(xml)[0]!;
    const governing = runWithText(header, 'HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM')!;
    expect(hasFlag(governing, 'w:b')).toBe(false);
    expect(runSize(governing)).toBe(13);
    for (const name of ['ĐOÀN CHỦ TỊCH', 'ỦY BAN DÂN TỘC']) {
      expect(hasFlag(runWithText(header, name)!, 'w:b')).toBe(true);
      expect(runSize(runWithText(header, name)!)).toBe(13);
    }
    const national = runWithText(header, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')!;
    expect(hasFlag(national, 'w:b')).toBe(true);
    expect(runSize(national)).toBe(12);
    expect(hasFlag(runWithText(header, 'Độc lập - Tự do - Hạnh phúc')!, 'w:b')).toBe(true);
    // One rule under the issuing bodies, one under the Tiêu ngữ: empty paragraphs with a top border.
    const rules = paragraphs(header).filter((p) => /<w:pBdr><w:top w:val="single"/.test(p) && textOf(p) === '');
    expect(rules).toHaveLength(2);
  });

  it('puts "Số: …" and the italic place-and-date line side by side', () => {
    const second = rows(tables(xml)[0]!)[1]!;
    const [left, right] = cells(second);
    expect(textOf(left!)).toBe('Số: 16/KH-HLHPNVN-UBĐT');
    expect(textOf(right!)).toBe('Hà Nội, ngày 18 tháng 7 năm 2022');
    const date = runWithText(right!, 'Hà Nội, ngày 18 tháng 7 năm 2022')!;
    expect(hasFlag(date, 'w:i')).toBe(true);
    expect(runSize(date)).toBe(14);
  });
});

describe('renderPlanDocx — title and body', () => {
  it('centres the document type and the title in bold', () => {
    const type = paragraphs(xml).find((p) => textOf(p) === 'KẾ HOẠCH')!;
    expect(attribute(type, 'w:jc', 'w:val')).toBe('center');
    expect(hasFlag(runs(type)[0]!, 'w:b')).toBe(true);
    const title = paragraphs(xml).find((p) => textOf(p).startsWith('Triển khai Chương trình'))!;
    expect(attribute(title, 'w:jc', 'w:val')).toBe('center');
    expect(
      runs(title)
        .filter((r) => r.includes('<w:t'))
        .every((r) => hasFlag(r, 'w:b')),
    ).toBe(true);
    // Broken into balanced lines by a line break inside the one paragraph.
    expect(title).toContain('<w:br/>');
    expect(textOf(title).replace(/\s+/g, '')).toBe(
      'Triển khai Chương trình phối hợp công tác giữa Ủy ban Dân tộc và Hội Liên hiệp Phụ nữ Việt Nam năm 2022'.replace(
        /\s+/g,
        '',
      ),
    );
  });

  it('writes justified 14 pt body paragraphs with a 1 cm first-line indent and ≥ 6 pt after', () => {
    const preamble = paragraphs(xml).find((p) => textOf(p).startsWith('Thực hiện Chương trình'))!;
    expect(attribute(preamble, 'w:jc', 'w:val')).toBe('both');
    expect(attribute(preamble, 'w:ind', 'w:firstLine')).toBe('567');
    expect(Number(attribute(preamble, 'w:spacing', 'w:after'))).toBeGreaterThanOrEqual(120);
    const line = Number(attribute(preamble, 'w:spacing', 'w:line'));
    expect(line).toBeGreaterThanOrEqual(276);
    expect(line).toBeLessThanOrEqual(360);
    expect(runSize(runs(preamble)[0]!)).toBe(14);
  });

  it('lays out parts, sections and activities as numbered paragraphs', () => {
    const text = textOf(xml).split('\n');
    const index = (line: string) => text.indexOf(line);
    const order = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '2. Yêu cầu',
      'II. NỘI DUNG',
      // The seed's own sub-headings (issue 15: they were printed as the usual words).
      '1.1. Nội dung tuyên truyền',
      '1.2. Các hoạt động cụ thể',
      '1.3. Thời gian thực hiện: Từ quý I đến quý IV/2022',
      '2.1. Nội dung các hoạt động',
      '2.3. Thời gian thực hiện: Từ quý II/2022 đến quý IV/2022',
      '4.3. Tổ chức thực hiện: Từ quý I đến quý IV/2022',
      '5. Sơ kết, đánh giá kết quả phối hợp',
      // Area 5 has no sub-headings in the seed: its lines are labelled, and kept so (issue 15). Its
      // timeframe comes before the activity here, whose attribute line would otherwise take it.
      '- Thời gian thực hiện: tháng 12/2022.',
      `- Hoạt động: ${seedPlan.sections[4]!.activities[0]!.title}`,
      'III. TỔ CHỨC THỰC HIỆN',
      '1. TW Hội LHPN Việt Nam',
      'IV. KINH PHÍ THỰC HIỆN',
    ].map(index);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const line of seedActivityLines) expect(text).toContain(line);
    const part = paragraphs(xml).find((p) => textOf(p) === 'II. NỘI DUNG')!;
    expect(hasFlag(runs(part)[0]!, 'w:b')).toBe(true);
  });
});

describe('renderPlanDocx — signatures and Nơi nhận', () => {
  it('puts the two signature blocks side by side in one row', () => {
    const signatures = tables(xml).find((t) => textOf(t).includes('Hàng Thị Hạnh'))!;
    expect(rows(signatures)).toHaveLength(1);
    const [left, right] = cells(rows(signatures)[0]!);
    expect(cells(rows(signatures)[0]!)).toHaveLength(2);
    const lines = (cell: string) => textOf(cell).split('\n');
    expect(lines(left!).filter(Boolean)).toEqual([
      'KT. BỘ TRƯỞNG, CHỦ NHIỆM',
      'THỨ TRƯỞNG, PHÓ CHỦ NHIỆM',
      'Hàng Thị Hạnh',
    ]);
    expect(lines(right!).filter(Boolean)).toEqual(['TM. ĐOÀN CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Tôn Ngọc Hạnh']);
    // Blank paragraphs between the position and the name leave room to sign and seal.
    expect(lines(left!).slice(2, 4)).toEqual(['', '']);
    for (const text of ['KT. BỘ TRƯỞNG, CHỦ NHIỆM', 'THỨ TRƯỞNG, PHÓ CHỦ NHIỆM', 'Hàng Thị Hạnh']) {
      expect(hasFlag(runWithText(left!, text)!, 'w:b')).toBe(true);
    }
  });

  it('lists Nơi nhận below a joint document’s signatures, bold italic 12 then 11 pt items', () => {
    const signatureEnd = xml.indexOf('Tôn Ngọc Hạnh');
    const label = runWithText(xml, 'Nơi nhận:')!;
    expect(xml.indexOf(label)).toBeGreaterThan(signatureEnd);
    expect(hasFlag(label, 'w:b')).toBe(true);
    expect(hasFlag(label, 'w:i')).toBe(true);
    expect(runSize(label)).toBe(12);
    // Starting inside the label's paragraph, the first whole paragraph is the first recipient.
    const items = textOf(xml.slice(xml.indexOf(label)))
      .split('\n')
      .filter(Boolean);
    expect(items).toEqual([
      '- Lãnh đạo UBND và TT HLHPNVN (đề c/đ);',
      '- Cơ quan công tác DT các tỉnh, TP trực thuộc TW;',
      '- Hội LHPN các tỉnh, TP trực thuộc TW;',
      '- VPĐP CTMTQG, VPUB (UBND);',
      '- Các Ban, đơn vị TW Hội LHPN VN;',
      '- Lưu: VT UBND, TW Hội LHPN VN.',
    ]);
    expect(runSize(runWithText(xml, '- Lưu: VT UBND, TW Hội LHPN VN.')!)).toBe(11);
  });

  it('puts Nơi nhận left of a single signature', async () => {
    const single = await renderPlanDocx({
      ...seedPlanView,
      signatures: [{ authority: 'TM. ĐOÀN CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signer: 'Tôn Ngọc Hạnh' }],
    });
    const closing = tables(documentXml(single)).find((t) => textOf(t).includes('Tôn Ngọc Hạnh'))!;
    const [left, right] = cells(rows(closing)[0]!);
    expect(textOf(left!).split('\n')[0]).toBe('Nơi nhận:');
    expect(textOf(right!)).toContain('TM. ĐOÀN CHỦ TỊCH');
    expect(textOf(right!)).not.toContain('Nơi nhận');
  });
});

describe('plan-docx helpers', () => {
  it('formats timeframes, preferring the source words', () => {
    expect(formatPlanTimeframe(null)).toBeNull();
    expect(formatPlanTimeframe({ start: '2022-Q1', end: '2022-Q4', text: 'cả năm 2022' })).toBe('cả năm 2022');
    expect(formatPlanTimeframe({ start: '2022-Q1', end: '2022-Q4' })).toBe('Từ quý I đến quý IV/2022');
    expect(formatPlanTimeframe({ start: '2022-12', end: '2022-12' })).toBe('tháng 12/2022');
    expect(formatPlanTimeframe({ start: 'sometime', end: 'sometime' })).toBe('sometime');
  });

  it('writes Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 10, 14].map(romanNumeral)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'IX',
      'X',
      'XIV',
    ]);
  });

  it('writes an activity’s own attributes as one labelled line', () => {
    const section = seedPlanView.sections[2]!;
    expect(activityAttributes(section.activities[0]!, section)).toBe(
      'Chủ trì: Hội LHPN Việt Nam; phối hợp: Ủy ban Dân tộc.',
    );
    expect(activityAttributes(section.activities[1]!, section)).toBeNull();
    const own = {
      ...section.activities[1]!,
      level: 'provincial' as const,
      timeframe: { start: '2022-Q3', end: '2022-Q3' },
    };
    expect(activityAttributes(own, section)).toBe('Cấp: tỉnh; thời gian thực hiện: quý III/2022.');
  });

  it('renders a bare draft: no number, no date, no signatures', async () => {
    const draft = await renderPlanDocx({
      ...seedPlanView,
      number: '',
      issuedOn: null,
      signatures: [],
      recipients: [],
      issuerHeaders: [],
      issuers: ['ỦY BAN DÂN TỘC'],
    });
    const text = textOf(documentXml(draft));
    expect(text).toContain('Số:');
    expect(text).toContain('Hà Nội, ngày      tháng      năm');
    expect(text).toContain('ỦY BAN DÂN TỘC');
    expect(text).not.toContain('Nơi nhận');
  });
});
