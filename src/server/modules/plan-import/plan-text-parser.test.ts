import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanSectionDoc } from '../../../shared/plan-document';
import { parsePlanText } from './plan-text-parser';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const SEED = fixture('ke-hoach-phoi-hop-2022.txt');
const JOINT_2023 = fixture('ke-hoach-lien-tich-2023.txt');
const LAO_CAI_2026 = fixture('ke-hoach-tinh-lao-cai-2026.txt');
const TABLE_2024 = fixture('ke-hoach-bang-hoat-dong-2024.txt');

const span = (section: Pick<PlanSectionDoc, 'timeframe'>) =>
  section.timeframe && [section.timeframe.start, section.timeframe.end];

describe('the 2022 seed plan', () => {
  const { plan, unparsed } = parsePlanText(SEED);

  it('places every line', () => {
    expect(unparsed).toEqual([]);
  });

  it('reads the number, date, place, issuers, type and title', () => {
    expect(plan.number).toBe('16/KH-HLHPNVN-UBĐT');
    expect(plan.issuedOn).toBe('2022-07-18');
    expect(plan.place).toBe('Hà Nội');
    expect(plan.issuers).toEqual(['HLHPNVN', 'UBĐT']);
    expect(plan.documentType).toBe('KẾ HOẠCH');
    expect(plan.title).toBe(
      'Triển khai Chương trình phối hợp công tác giữa Ủy ban Dân tộc và Hội Liên hiệp Phụ nữ Việt Nam năm 2022',
    );
    expect(plan.preamble).toMatch(/^Thực hiện Chương trình phối hợp công tác .* năm 2022 như sau:$/);
  });

  it('reads two purposes and three requirements', () => {
    expect(plan.purposes).toHaveLength(2);
    expect(plan.purposes[0]).toMatch(/^Tuyên truyền, vận động, giáo dục/);
    expect(plan.requirements).toHaveLength(3);
    expect(plan.requirements[2]).toMatch(/^Việc xây dựng Kế hoạch hoạt động/);
  });

  it('reads the five content areas with their titles', () => {
    expect(plan.sections.map((s) => [s.number, s.title])).toEqual([
      [
        '1',
        'Tuyên truyền nâng cao nhận thức của hội viên, phụ nữ về chủ trương của Đảng, chính sách, pháp luật của Nhà nước và Chương trình MTQG DTTS và MN',
      ],
      ['2', 'Hỗ trợ phụ nữ dân tộc thiểu số xóa đói giảm nghèo'],
      ['3', 'Nâng cao năng lực cho cán bộ làm công tác dân tộc, cán bộ tham gia Chương trình MTQG DTTS và MN'],
      ['4', 'Tham gia giám sát, phản biện xã hội'],
      ['5', 'Sơ kết, đánh giá kết quả phối hợp'],
    ]);
  });

  it('keeps each description paragraph, joined by line breaks', () => {
    const paragraphs = plan.sections.map((s) => (s.description ? s.description.split('\n') : []));
    expect(paragraphs.map((p) => p.length)).toEqual([1, 2, 1, 2, 0]);
    expect(paragraphs[0]![0]).toMatch(/^Về chủ trương, đường lối của Đảng/);
    expect(paragraphs[1]![1]).toMatch(/^Hướng dẫn, khuyến khích phụ nữ dân tộc thiểu số/);
    expect(paragraphs[3]![1]).toMatch(/^Xây dựng hướng dẫn giám sát, đánh giá/);
  });

  it('counts the activities of each area', () => {
    expect(plan.sections.map((s) => s.activities.length)).toEqual([3, 3, 3, 4, 1]);
    expect(plan.sections[4]!.activities[0]!.title).toMatch(/^Hai cơ quan tổ chức hội nghị sơ kết, đánh giá kết quả/);
  });

  it('gives each area its timeframe and copies it to the activities', () => {
    expect(plan.sections.map(span)).toEqual([
      ['2022-Q1', '2022-Q4'],
      ['2022-Q2', '2022-Q4'],
      ['2022-Q1', '2022-Q4'],
      ['2022-Q1', '2022-Q4'],
      ['2022-12', '2022-12'],
    ]);
    for (const section of plan.sections) {
      for (const activity of section.activities) expect(span(activity)).toEqual(span(section));
    }
  });

  it('joins a bullet broken across a blank line with one space', () => {
    const first = plan.sections[1]!.activities[0]!.title;
    expect(first).toContain('gồm: Tổ tiết kiệm vốn vay thôn bản (TKVVTB), thí điểm');
    expect(first).not.toMatch(/\s{2}|\n/);
  });

  it('keeps area 5 as the seed wrote it: labelled lines, no sub-headings, the full stop after its timeframe', () => {
    expect(plan.sections[4]!.headings).toEqual({ plain: true, activities: 'Hoạt động', timeframeEnd: '.' });
    expect(plan.sections.slice(0, 4).map((s) => s.headings?.plain)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('strips italic markers inside a bullet without breaking it', () => {
    const first = plan.sections[0]!.activities[0]!.title;
    expect(first).toContain('gồm: Tổ truyền thông cộng đồng (với các thành viên');
    expect(first).toMatch(/Câu lạc bộ thủ lĩnh của sự thay đổi \(với các thành viên là trẻ em .*\)\.$/);
    expect(first).not.toContain('*');
  });

  it('extracts the one stated target, on the second activity of area 1', () => {
    const outputs = plan.sections.flatMap((s, i) => s.activities.flatMap((a, j) => a.outputs.map((o) => [i, j, o])));
    expect(outputs).toEqual([
      [
        0,
        1,
        {
          text: '01 Chương trình bằng tiếng phổ thông và tiếng dân tộc phát trên sóng của Đài THVN',
          target: 1,
          unit: 'chương trình',
        },
      ],
    ]);
  });

  it('leaves agencies and level empty because the activities name none', () => {
    const activities = plan.sections.flatMap((s) => s.activities);
    expect(activities.every((a) => a.leadAgency === null && a.partnerAgencies.length === 0 && a.level === null)).toBe(
      true,
    );
  });

  it('reads the responsibilities of the three actors', () => {
    expect(plan.responsibilities.map((r) => [r.actor, r.tasks.length])).toEqual([
      ['TW Hội LHPN Việt Nam', 3],
      ['Hội LHPN các tỉnh, thành', 4],
      ['Ủy ban Dân tộc', 4],
    ]);
    expect(plan.responsibilities[2]!.tasks[3]).toMatch(/^Chủ trì tổ chức sơ kết/);
  });

  it('reads the funding text', () => {
    expect(plan.funding).toMatch(
      /^Kinh phí thực hiện Chương trình phối hợp được bố trí từ nguồn ngân sách nhà nước .* nhiệm vụ phối hợp\.$/,
    );
  });

  it('reads both signature blocks and gives them the issuers right to left', () => {
    expect(plan.signatures).toEqual([
      {
        authority: 'KT. BỘ TRƯỞNG, CHỦ NHIỆM',
        position: 'THỨ TRƯỞNG, PHÓ CHỦ NHIỆM',
        signer: 'Hàng Thị Hạnh',
        agency: 'UBĐT',
      },
      { authority: 'TM. ĐOÀN CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signer: 'Tôn Ngọc Hạnh', agency: 'HLHPNVN' },
    ]);
  });

  it('reads the six recipients without their final punctuation', () => {
    expect(plan.recipients).toEqual([
      'Lãnh đạo UBND và TT HLHPNVN (đề c/đ)',
      'Cơ quan công tác DT các tỉnh, TP trực thuộc TW',
      'Hội LHPN các tỉnh, TP trực thuộc TW',
      'VPĐP CTMTQG, VPUB (UBND)',
      'Các Ban, đơn vị TW Hội LHPN VN',
      'Lưu: VT UBND, TW Hội LHPN VN',
    ]);
  });

  it('reads the same plan from Windows line endings, NFD text, non-breaking spaces and indents', () => {
    const messy = SEED.normalize('NFD')
      .replace(/ (?=\p{L})/gu, (space, at: number) => (at % 7 === 0 ? '\u00a0' : space))
      .split('\n')
      .map((line, i) => (i % 5 === 0 && line ? `\t${line}  ` : line))
      .join('\r\n');
    expect(parsePlanText(messy)).toEqual(parsePlanText(SEED));
  });
});

describe('a 2023 joint plan with a full Decree 30 header', () => {
  const { plan, unparsed } = parsePlanText(JOINT_2023);

  it('places every line, including the header, rules and "(Đã ký)" notes', () => {
    expect(unparsed).toEqual([]);
  });

  it('takes the issuers from the header lines, lead agency first as in the symbol', () => {
    expect(plan.number).toBe('215/KH-UBDT-ĐCT');
    expect(plan.issuedOn).toBe('2023-02-20');
    expect(plan.issuers).toEqual(['ỦY BAN DÂN TỘC', 'HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM']);
  });

  it('joins a title whose second line starts with a capital', () => {
    expect(plan.title).toBe(
      'Phối hợp triển khai công tác dân tộc và Dự án 8 thuộc Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi năm 2023',
    );
    expect(plan.preamble.split('\n')).toHaveLength(2);
  });

  it('reads part headings written differently', () => {
    expect([plan.purposes.length, plan.requirements.length]).toEqual([2, 2]);
    expect(plan.sections).toHaveLength(3);
    expect(plan.responsibilities.map((r) => r.actor)).toEqual([
      'Ủy ban Dân tộc',
      'Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam',
    ]);
    expect(plan.funding.split('\n')).toHaveLength(2);
  });

  it('reads "Chủ trì:" and "Phối hợp:" lines and month ranges of each activity', () => {
    const [first, second] = plan.sections[0]!.activities;
    expect(first).toMatchObject({
      leadAgency: 'Hội LHPN Việt Nam',
      partnerAgencies: ['Ủy ban Dân tộc'],
      timeframe: { start: '2023-04', end: '2023-06' },
      outputs: [{ target: 2, unit: 'hội thảo' }],
    });
    expect(second).toMatchObject({
      leadAgency: 'Ủy ban Dân tộc (Trung tâm Truyền thông)',
      partnerAgencies: ['Hội LHPN Việt Nam', 'Đài Truyền hình Việt Nam'],
      timeframe: { start: '2023-03', end: '2023-09' },
      outputs: [{ target: 4, unit: 'phóng sự' }],
    });
    expect(span(plan.sections[0]!)).toEqual(['2023-03', '2023-12']);
  });

  it('reads numbered activities with bullet attributes and a product list', () => {
    const [training, handbook] = plan.sections[1]!.activities;
    expect(training).toMatchObject({
      title: 'Tập huấn kỹ năng lồng ghép giới cho cán bộ cấp tỉnh, cấp huyện tại 14 tỉnh khu vực miền núi phía Bắc',
      partnerAgencies: ['Ủy ban Dân tộc', 'Hội LHPN các tỉnh, thành'],
      timeframe: { start: '2023-Q2', end: '2023-Q2' },
      outputs: [],
    });
    expect(handbook).toMatchObject({
      leadAgency: 'Ủy ban Dân tộc',
      timeframe: { start: '2023-Q1', end: '2023-Q2' },
      outputs: [
        { text: '01 bộ Sổ tay', target: 1, unit: 'bộ' },
        { text: '1.000 cuốn in và phát hành', target: 1000, unit: 'cuốn' },
      ],
    });
    expect(plan.sections[1]!.timeframe).toBeNull();
  });

  it('gives section-wide "Chủ trì" and timeframe lines to every activity of the section', () => {
    const section = plan.sections[2]!;
    expect(section.activities).toHaveLength(2);
    for (const activity of section.activities) {
      expect(activity).toMatchObject({ leadAgency: 'Ủy ban Dân tộc', partnerAgencies: ['Hội LHPN Việt Nam'] });
      expect(span(activity)).toEqual(['2023-07', '2023-12']);
    }
  });

  it('reads signature blocks with "(Đã ký)" notes and gives the lead agency the right-hand block', () => {
    expect(plan.signatures).toEqual([
      {
        authority: 'TM. ĐOÀN CHỦ TỊCH',
        position: 'PHÓ CHỦ TỊCH',
        signer: 'Nguyễn Thị Minh Phương',
        agency: 'HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM',
      },
      {
        authority: 'KT. BỘ TRƯỞNG, CHỦ NHIỆM',
        position: 'THỨ TRƯỞNG, PHÓ CHỦ NHIỆM',
        signer: 'Lò Văn Thành',
        agency: 'ỦY BAN DÂN TỘC',
      },
    ]);
    expect(plan.recipients).toHaveLength(7);
    expect(plan.recipients[6]).toBe('Lưu: VT, Vụ DTTS, Ban DT-TG');
  });
});

describe('a 2026 provincial plan of Lào Cai', () => {
  const { plan, unparsed } = parsePlanText(LAO_CAI_2026);

  it('reports the page footer, and only it, as unparsed with its line number', () => {
    expect(unparsed).toEqual([{ line: 26, text: 'Trang 2/5' }]);
  });

  it('reads a header pasted as table rows, column by column', () => {
    expect(plan.number).toBe('05/KH-HLHPN-SDTTG');
    expect(plan.place).toBe('Lào Cai');
    expect(plan.issuedOn).toBe('2026-01-12');
    expect(plan.issuers).toEqual(['HỘI LHPN TỈNH LÀO CAI', 'SỞ DÂN TỘC VÀ TÔN GIÁO TỈNH LÀO CAI']);
  });

  it('reads text with Windows line endings, NFD diacritics and non-breaking spaces as NFC', () => {
    expect(plan.preamble).toBe(plan.preamble.normalize('NFC'));
    expect(plan.preamble).toMatch(/^Căn cứ Chương trình phối hợp số 02\/CTr-HLHPN-SDTTG/);
    expect(plan.funding).toMatch(/^Kinh phí thực hiện từ nguồn/);
    expect(plan.sections[1]!.activities[0]!.title).toContain('Tổ tiết kiệm vốn vay thôn bản (TKVVTB)');
  });

  it('reads "- Nội dung:", "- Hoạt động:" and "- Thời gian thực hiện:" sections', () => {
    expect(plan.sections.map((s) => [s.activities.length, span(s)])).toEqual([
      [2, ['2026-Q1', '2026-Q2']],
      [2, ['2026-Q1', '2026-Q4']],
      [1, ['2026-12', '2026-12']],
    ]);
    expect(plan.sections[0]!.description).toMatch(/^Tuyên truyền chính sách dân tộc, chính sách tôn giáo/);
    expect(plan.sections[0]!.activities[0]!.outputs).toEqual([
      { text: '10 hội nghị tuyên truyền tại các xã vùng cao', target: 10, unit: 'hội nghị' },
      { text: '80% hội viên phụ nữ tại các thôn, bản được tiếp cận thông tin', target: 80, unit: '%' },
    ]);
  });

  it('reads the level only where the text states it', () => {
    expect(plan.sections.map((s) => s.activities.map((a) => a.level))).toEqual([
      [null, null],
      ['commune', 'commune'],
      [null],
    ]);
  });

  it('gives the "KT. GIÁM ĐỐC" block to the Sở and the "TM. BAN THƯỜNG VỤ" block to the lead union', () => {
    expect(plan.signatures).toEqual([
      {
        authority: 'KT. GIÁM ĐỐC',
        position: 'PHÓ GIÁM ĐỐC',
        signer: 'Hoàng Văn Sơn',
        agency: 'SỞ DÂN TỘC VÀ TÔN GIÁO TỈNH LÀO CAI',
      },
      {
        authority: 'TM. BAN THƯỜNG VỤ',
        position: 'CHỦ TỊCH',
        signer: 'Nguyễn Thị Lan Anh',
        agency: 'HỘI LHPN TỈNH LÀO CAI',
      },
    ]);
    expect(plan.responsibilities.map((r) => r.tasks.length)).toEqual([2, 2, 1]);
    expect(plan.recipients).toHaveLength(5);
  });
});

describe('a plan whose activities come as a table pasted as text', () => {
  const { plan, unparsed } = parsePlanText(TABLE_2024);

  it('places every row', () => {
    expect(unparsed).toEqual([]);
    expect(plan.documentType).toBe('KẾ HOẠCH LIÊN TỊCH');
    expect(plan.issuers).toEqual(['HỘI LHPN TỈNH ĐIỆN BIÊN', 'BAN DÂN TỘC TỈNH ĐIỆN BIÊN']);
  });

  it('reads separate "MỤC ĐÍCH" and "YÊU CẦU" parts', () => {
    expect([plan.purposes.length, plan.requirements.length]).toEqual([1, 1]);
  });

  it('turns group rows into sections and data rows into activities', () => {
    expect(plan.sections.map((s) => [s.number, s.title, s.activities.length])).toEqual([
      ['I', 'TRUYỀN THÔNG, VẬN ĐỘNG', 2],
      ['II', 'NÂNG CAO NĂNG LỰC', 2],
      ['III', 'GIÁM SÁT, SƠ KẾT', 2],
    ]);
  });

  it('takes lead, partners, timeframe and outputs from the columns', () => {
    expect(plan.sections[0]!.activities[0]).toEqual({
      title: 'Tổ chức truyền thông thay đổi "nếp nghĩ, cách làm" góp phần xóa bỏ định kiến giới tại 05 xã biên giới',
      timeframe: { start: '2024-Q2', end: '2024-Q2', text: 'Quý II/2024' },
      leadAgency: 'Hội LHPN tỉnh',
      partnerAgencies: ['Ban Dân tộc tỉnh', 'UBND các xã'],
      level: null,
      outputs: [
        { text: '05 hội nghị truyền thông', target: 5, unit: 'hội nghị' },
        { text: '500 lượt người tham dự', target: 500, unit: 'lượt người' },
      ],
    });
    expect(plan.sections[1]!.activities.map((a) => [a.partnerAgencies, span(a)])).toEqual([
      [
        ['Ban Dân tộc tỉnh', 'Sở Lao động - Thương binh và Xã hội'],
        ['2024-Q1', '2024-Q2'],
      ],
      [['Hội LHPN tỉnh'], ['2024-10', '2024-10']],
    ]);
    expect(plan.sections[2]!.activities[0]!.outputs).toEqual([
      { text: '01 đoàn giám sát', target: 1, unit: 'đoàn' },
      { text: 'Báo cáo giám sát' },
    ]);
  });

  it('reads the same table when its cells are separated by tabs', () => {
    const tabbed = TABLE_2024.split('\n')
      .map((line) => (line.includes(' | ') ? line.replace(/ ?\| ?/g, '\t') : line))
      .join('\n');
    expect(parsePlanText(tabbed)).toEqual(parsePlanText(TABLE_2024));
  });

  it('reads a responsibility written as "Actor: task" and a recipient without a dash', () => {
    expect(plan.responsibilities[0]).toEqual({
      actor: 'Ban Thường vụ Hội LHPN tỉnh',
      tasks: [
        'giao Ban Tuyên giáo - Dân tộc - Tôn giáo làm đầu mối, theo dõi, đôn đốc việc thực hiện.',
        'Chỉ đạo Hội LHPN các huyện triển khai các hoạt động tại cơ sở.',
      ],
    });
    expect(plan.recipients[plan.recipients.length - 1]).toBe('Lưu: VT');
  });
});

describe('nothing is dropped silently', () => {
  // Blanking a line that was placed changes the plan; blanking an unparsed one changes `unparsed`.
  // Only layout may leave the result unchanged: rules, Quốc hiệu and Tiêu ngữ, "(Đã ký)", the
  // collective body under an agency's name, a table header in the usual column order, and the
  // headings "Mục đích" and "Nội dung…", which confirm how the lines under them are read anyway.
  const LAYOUT = new RegExp(
    [
      String.raw`^[-_\s|]+$`,
      '^(CỘNG HÒA XÃ HỘI|Độc lập - Tự do)',
      String.raw`^\(Đã ký\)$`,
      '^(ĐOÀN CHỦ TỊCH|BAN THƯỜNG VỤ)$',
      String.raw`^STT \|`,
      String.raw`^\d+(\.\d+)*\. (Mục đích|Nội dung)`,
    ].join('|'),
    'u',
  );

  for (const [name, text] of Object.entries({ SEED, JOINT_2023, LAO_CAI_2026, TABLE_2024 })) {
    it(`accounts for every non-blank line of ${name}`, () => {
      const lines = text.split('\n');
      const whole = JSON.stringify(parsePlanText(text));
      const silent = lines.flatMap((line, i) => {
        const cells = line.split('\t').map((c) => c.replace(/\*/g, '').trim());
        if (!line.trim() || cells.every((c) => !c || LAYOUT.test(c))) return [];
        const without = [...lines.slice(0, i), '', ...lines.slice(i + 1)].join('\n');
        return JSON.stringify(parsePlanText(without)) === whole ? [`${i + 1}: ${line}`] : [];
      });
      expect(silent).toEqual([]);
    });
  }

  it('never reports blank lines, and reports a stray line with its line number; a part of no known kind is content', () => {
    const text = [
      'Số: 03/KH-UBDT',
      'Bản dự thảo lần 2',
      'KẾ HOẠCH',
      'Tập huấn năm 2025',
      '',
      '   ',
      'Trang 1',
      'I. MỤC ĐÍCH',
      '- Nâng cao năng lực.',
      'V. CHẾ ĐỘ THÔNG TIN, BÁO CÁO',
      '- Báo cáo định kỳ 6 tháng.',
    ].join('\n');
    expect(parsePlanText(text).unparsed).toEqual([
      { line: 2, text: 'Bản dự thảo lần 2' },
      { line: 7, text: 'Trang 1' },
      { line: 11, text: '- Báo cáo định kỳ 6 tháng.' },
    ]);
    expect(parsePlanText(text).outline).toEqual(['I. MỤC ĐÍCH', 'V. CHẾ ĐỘ THÔNG TIN, BÁO CÁO']);
  });

  it('reports a timeframe it cannot read instead of keeping the section without one', () => {
    const text = ['II. NỘI DUNG', '1. Tuyên truyền', '- Tổ chức hội nghị.', '- Thời gian thực hiện: Thường xuyên.'];
    const { plan, unparsed } = parsePlanText(text.join('\n'));
    expect(plan.sections[0]!.timeframe).toBeNull();
    expect(unparsed).toEqual([{ line: 4, text: '- Thời gian thực hiện: Thường xuyên.' }]);
  });

  it('returns an empty plan for an empty text', () => {
    const { plan, unparsed } = parsePlanText('');
    expect(unparsed).toEqual([]);
    expect(plan).toMatchObject({ number: '', issuedOn: null, issuers: [], sections: [], signatures: [] });
  });
});

describe('variants of Word output', () => {
  const FIXTURES = { SEED, JOINT_2023, LAO_CAI_2026, TABLE_2024 };
  const withoutLineNumbers = (text: string) => {
    const { plan, unparsed } = parsePlanText(text);
    return { plan, unparsed: unparsed.map((u) => u.text) };
  };

  it.each(Object.entries(FIXTURES))('reads %s the same without blank lines or with one after every line', (_, text) => {
    const lines = text.split(/\r?\n/);
    const expected = withoutLineNumbers(text);
    expect(withoutLineNumbers(lines.filter((l) => l.trim()).join('\n'))).toEqual(expected);
    expect(withoutLineNumbers(lines.join('\n\n'))).toEqual(expected);
  });

  it('joins a bold heading or authority broken into paragraphs (a .docx saved from converter text)', () => {
    const text = [
      'KẾ HOẠCH',
      '',
      'Tập huấn cán bộ năm 2025',
      '',
      '**I. MỤC',
      '',
      'ĐÍCH, YÊU CẦU**',
      '',
      '- Nâng cao năng lực cán bộ.',
      '',
      '**TM. ỦY BAN',
      '',
      'NHÂN DÂN**',
      '',
      'KT. CHỦ TỊCH',
      '',
      '**PHÓ CHỦ TỊCH**',
      '',
      'Nguyễn Văn An',
    ].join('\n');
    const result = parsePlanText(text);
    expect(result.outline).toEqual(['I. MỤC ĐÍCH, YÊU CẦU']);
    expect(result.plan.signatures).toEqual([
      {
        authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH',
        position: 'PHÓ CHỦ TỊCH',
        signer: 'Nguyễn Văn An',
        agency: null,
      },
    ]);
    expect(result.unparsed).toEqual([]);
  });

  it('splits headings glued to the next paragraph by bold markers', () => {
    const text = [
      'KẾ HOẠCH**Tập huấn cán bộ năm 2024**',
      '',
      'I. MỤC ĐÍCH, YÊU CẦU**1. Mục đích**- Nâng cao năng lực cán bộ.',
      '2. Yêu cầu**- Thiết thực, hiệu quả.',
      'II. NỘI DUNG**1. Tập huấn**',
      '- Tổ chức **02 lớp** tập huấn cho cán bộ cơ sở.',
    ].join('\n');
    const { plan, unparsed } = parsePlanText(text);
    expect(unparsed).toEqual([]);
    expect(plan).toMatchObject({
      documentType: 'KẾ HOẠCH',
      title: 'Tập huấn cán bộ năm 2024',
      purposes: ['Nâng cao năng lực cán bộ.'],
      requirements: ['Thiết thực, hiệu quả.'],
    });
    expect(plan.sections[0]!.activities[0]).toMatchObject({
      title: 'Tổ chức 02 lớp tập huấn cho cán bộ cơ sở.',
      outputs: [{ text: '02 lớp tập huấn cho cán bộ cơ sở', target: 2, unit: 'lớp tập huấn' }],
    });
  });

  it('reads an unnumbered single-agency draft: no number, no day, one issuer from the symbol', () => {
    const text = [
      'Số:        /KH-UBDT',
      'Hà Nội, ngày      tháng 3 năm 2025',
      'KẾ HOẠCH',
      'Kiểm tra thực hiện chính sách dân tộc năm 2025',
      '',
      'II. NỘI DUNG',
      '1. Kiểm tra',
      '- Kiểm tra tại 03 tỉnh (Chủ trì: Vụ Chính sách dân tộc; phối hợp: Thanh tra Ủy ban).',
      '- Thời gian thực hiện: Từ quý II đến quý III',
      'Q. BỘ TRƯỞNG, CHỦ NHIỆM',
      '',
      'Nguyễn Văn Bình',
    ].join('\n');
    const { plan, unparsed } = parsePlanText(text);
    expect(unparsed).toEqual([]);
    expect(plan).toMatchObject({ number: '', issuedOn: null, place: 'Hà Nội', issuers: ['UBDT'] });
    expect(plan.sections[0]!.activities[0]).toMatchObject({
      title: 'Kiểm tra tại 03 tỉnh',
      leadAgency: 'Vụ Chính sách dân tộc',
      partnerAgencies: ['Thanh tra Ủy ban'],
      timeframe: { start: '2025-Q2', end: '2025-Q3' },
    });
    expect(plan.signatures).toEqual([
      { authority: 'Q. BỘ TRƯỞNG, CHỦ NHIỆM', position: '', signer: 'Nguyễn Văn Bình', agency: 'UBDT' },
    ]);
  });

  it('orders header agencies by the symbol and folds a governing UBND line into its Sở', () => {
    const text = [
      'UBND TỈNH CAO BẰNG',
      'SỞ DÂN TỘC VÀ TÔN GIÁO',
      'HỘI LIÊN HIỆP PHỤ NỮ TỈNH CAO BẰNG',
      'Số: 07/KH-HLHPN-SDTTG',
      'KẾ HOẠCH',
      'Phối hợp năm 2026',
    ].join('\n');
    expect(parsePlanText(text).plan.issuers).toEqual(['HỘI LIÊN HIỆP PHỤ NỮ TỈNH CAO BẰNG', 'SỞ DÂN TỘC VÀ TÔN GIÁO']);
  });

  it('keeps an issuer that the symbol names but the header leaves out', () => {
    const text = ['HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM', 'ĐOÀN CHỦ TỊCH', 'Số: 43/KH-UBDT-ĐCT', 'KẾ HOẠCH', 'Phối hợp'];
    expect(parsePlanText(text.join('\n')).plan.issuers).toEqual(['UBDT', 'HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM']);
  });

  it('keeps the header order when a header agency matches no abbreviation of the symbol', () => {
    const text = ['BỘ Y TẾ', 'ỦY BAN DÂN TỘC', 'Số: 5/KH-UBDT-SYT', 'KẾ HOẠCH', 'Phối hợp'];
    expect(parsePlanText(text.join('\n')).plan.issuers).toEqual(['BỘ Y TẾ', 'ỦY BAN DÂN TỘC']);
  });

  it('leaves signature agencies unknown when blocks and issuers do not pair up', () => {
    const text = ['Số: 1/KH-UBDT-HLHPN', 'KT. BỘ TRƯỞNG, CHỦ NHIỆM', 'THỨ TRƯỞNG', '', 'Lê Văn A'].join('\n');
    expect(parsePlanText(text).plan.signatures[0]!.agency).toBeNull();
  });

  it('reads a table without a header row in the usual column order, and a level column when named', () => {
    const plain = ['II. NỘI DUNG', '1\tTập huấn\tHội LHPN tỉnh\tSở Y tế\tQuý I/2025\t01 lớp'].join('\n');
    expect(parsePlanText(plain).plan.sections[0]!.activities[0]).toMatchObject({
      leadAgency: 'Hội LHPN tỉnh',
      partnerAgencies: ['Sở Y tế'],
      timeframe: { start: '2025-Q1', end: '2025-Q1' },
      outputs: [{ target: 1, unit: 'lớp' }],
    });
    const levelled = ['II. NỘI DUNG', 'TT | Hoạt động | Cấp thực hiện | Chủ trì', '1 | Hội thi | Cấp xã | Hội LHPN xã'];
    expect(parsePlanText(levelled.join('\n')).plan.sections[0]!.activities[0]).toMatchObject({
      level: 'commune',
      leadAgency: 'Hội LHPN xã',
    });
  });
});

describe('documents as converters, web pages and clerks write them (Decree 30 layout, not one file)', () => {
  it('records Quốc hiệu, Tiêu ngữ, "Số:" and the type as what they are, and takes no issuer from them', () => {
    const text = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN',
      'TỈNH CAO BẰNG',
    ];
    const r = parsePlanText([...text, 'Số: 3/KH-UBND', 'KẾ HOẠCH', 'Tập huấn năm 2025'].join('\n'));
    expect(r.plan.issuers).toEqual(['ỦY BAN NHÂN DÂN TỈNH CAO BẰNG']);
    expect(r.unparsed).toEqual([]);
    expect(r.recognised.map((x) => x.role)).toEqual([
      'national',
      'motto',
      'issuer',
      'issuer',
      'number',
      'document-type',
    ]);
  });

  it('reads a header laid out as table rows with "|" cells', () => {
    const text = [
      '| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
      '| TỈNH HÀ GIANG | Độc lập - Tự do - Hạnh phúc |',
      '|---|---|',
      '| Số: 45/KH-UBND | Hà Giang, ngày 3 tháng 4 năm 2024 |',
      '# KẾ HOẠCH',
      '**Tuyên truyền pháp luật năm 2024**',
    ].join('\n');
    const r = parsePlanText(text);
    expect(r.unparsed).toEqual([]);
    expect(r.plan).toMatchObject({
      number: '45/KH-UBND',
      issuedOn: '2024-04-03',
      place: 'Hà Giang',
      issuers: ['ỦY BAN NHÂN DÂN TỈNH HÀ GIANG'],
      title: 'Tuyên truyền pháp luật năm 2024',
    });
  });

  it('splits a flattened two-column header and reads "Số:" alone on its line', () => {
    const text = [
      'BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số:',
      '88/KH-BYT',
      'Hà Nội, ngày 9 tháng 9 năm 2024',
      'KẾHOẠCH',
      'Truyền thông dinh dưỡng',
    ].join('\n');
    const r = parsePlanText(text);
    expect(r.unparsed).toEqual([]);
    expect(r.plan).toMatchObject({ number: '88/KH-BYT', issuedOn: '2024-09-09', issuers: ['BỘ Y TẾ'] });
    expect(r.plan.title).toBe('Truyền thông dinh dưỡng');
  });

  it('reads a decision issuing a plan: the decision’s number, articles and signer, then the annexed plan', () => {
    const text = [
      'ỦY BAN NHÂN DÂN TỈNH SƠN LA',
      'Số: 120/QĐ-UBND',
      'Sơn La, ngày 5 tháng 2 năm 2025',
      'QUYẾT ĐỊNH',
      'Ban hành Kế hoạch phối hợp hỗ trợ phụ nữ dân tộc thiểu số năm 2025',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;',
      'Theo đề nghị của Giám đốc Sở Dân tộc và Tôn giáo.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phối hợp năm 2025.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      'Nơi nhận:',
      '- Như Điều 2;',
      '- Lưu: VT.',
      'CHỦ TỊCH',
      '',
      'Nguyễn Văn C',
      'KẾ HOẠCH',
      'Phối hợp hỗ trợ phụ nữ dân tộc thiểu số năm 2025',
      '(Ban hành kèm theo Quyết định số 120/QĐ-UBND ngày 05/02/2025 của Chủ tịch UBND tỉnh)',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '- Hỗ trợ phụ nữ phát triển kinh tế.',
      'II. NỘI DUNG',
      '1. Tập huấn kỹ năng',
      '- Tổ chức 04 lớp tập huấn.',
      '- Cơ quan chủ trì: Sở Dân tộc và Tôn giáo.',
    ].join('\n');
    const r = parsePlanText(text);
    expect(r.unparsed).toEqual([]);
    expect(r.kind).toBe('decision');
    expect(r.decision).toMatchObject({
      number: '120/QĐ-UBND',
      issuedOn: '2025-02-05',
      authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA',
      articles: [expect.stringMatching(/^Điều 1\./), expect.stringMatching(/^Điều 2\./)],
      signatures: [{ authority: '', position: 'CHỦ TỊCH', signer: 'Nguyễn Văn C', agency: null }],
    });
    expect(r.plan).toMatchObject({
      number: '120/QĐ-UBND',
      title: 'Phối hợp hỗ trợ phụ nữ dân tộc thiểu số năm 2025',
      purposes: ['Hỗ trợ phụ nữ phát triển kinh tế.'],
      issuers: ['ỦY BAN NHÂN DÂN TỈNH SƠN LA'],
    });
    expect(r.plan.signatures[0]!.signer).toBe('Nguyễn Văn C');
    expect(r.plan.sections[0]!.activities[0]).toMatchObject({ leadAgency: 'Sở Dân tộc và Tôn giáo' });
    expect(r.legalBases).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;',
      'Theo đề nghị của Giám đốc Sở Dân tộc và Tôn giáo.',
    ]);
  });

  it('reads a task table in an appendix after the signature', () => {
    const text = [
      'KẾ HOẠCH',
      'Chuyển đổi số',
      'I. MỤC ĐÍCH',
      '- Nâng cao nhận thức.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      '',
      'Trần Văn D',
      'PHỤ LỤC',
      '| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm |',
      '| 1 | Tập huấn chuyển đổi số | Sở KH&CN | Hội LHPN tỉnh | Quý II/2025 | 02 lớp |',
    ].join('\n');
    const r = parsePlanText(text);
    expect(r.unparsed).toEqual([]);
    expect(r.plan.signatures[0]!.signer).toBe('Trần Văn D');
    expect(r.plan.sections[0]!.activities[0]).toMatchObject({
      title: 'Tập huấn chuyển đổi số',
      leadAgency: 'Sở KH&CN',
      partnerAgencies: ['Hội LHPN tỉnh'],
      outputs: [{ target: 2, unit: 'lớp' }],
    });
  });

  it('reads a joint programme with two issuers side by side and lists at every depth', () => {
    const text = [
      'HỘI LHPN TỈNH YÊN BÁI | BAN DÂN TỘC TỈNH YÊN BÁI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 02/CTrPH-HLHPN-BDT | | Yên Bái, ngày 10 tháng 1 năm 2024',
      'CHƯƠNG TRÌNH PHỐI HỢP',
      'Công tác dân tộc giai đoạn 2024 - 2026',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'a) Phát huy vai trò của hai cơ quan.',
      '2. Yêu cầu',
      '+ Phối hợp thường xuyên.',
      'II. NỘI DUNG PHỐI HỢP',
      '1. Tuyên truyền',
      '1.1. Tuyên truyền chính sách dân tộc',
      '- Chủ trì: Hội LHPN tỉnh; Phối hợp: Ban Dân tộc tỉnh.',
    ].join('\n');
    const r = parsePlanText(text);
    expect(r.unparsed).toEqual([]);
    expect(r.kind).toBe('programme');
    expect(r.plan.issuers).toEqual(['HỘI LHPN TỈNH YÊN BÁI', 'BAN DÂN TỘC TỈNH YÊN BÁI']);
    expect(r.plan.purposes).toEqual(['Phát huy vai trò của hai cơ quan.']);
    expect(r.plan.requirements).toEqual(['Phối hợp thường xuyên.']);
    expect(r.plan.sections[0]!.activities[0]).toMatchObject({
      title: 'Tuyên truyền chính sách dân tộc',
      leadAgency: 'Hội LHPN tỉnh',
      partnerAgencies: ['Ban Dân tộc tỉnh'],
    });
  });

  it('reads a news article that summarises a plan: headline as title, text as preamble, no issuer invented', () => {
    const text = [
      'Hội LHPN tỉnh và Sở Dân tộc và Tôn giáo ký kế hoạch phối hợp năm 2026',
      'Ngày 12/1, Hội LHPN tỉnh Lào Cai và Sở Dân tộc và Tôn giáo tỉnh đã ký kết Kế hoạch phối hợp.',
      'Theo kế hoạch, hai bên tập trung tuyên truyền, hỗ trợ phụ nữ phát triển kinh tế.',
    ].join('\n');
    const r = parsePlanText(text);
    expect(r.plan.issuers).toEqual([]);
    expect(r.unparsed).toEqual([]);
    expect(r.plan.title).toBe('Hội LHPN tỉnh và Sở Dân tộc và Tôn giáo ký kế hoạch phối hợp năm 2026');
    expect(r.plan.preamble.split('\n')).toHaveLength(2);
  });
});

describe('a header a web page printed in sentence case', () => {
  it('takes its agency lines as issuers when the text has a Decree 30 header, and "Kế hoạch" alone as the type', () => {
    const text = [
      'Ủy ban nhân dân tỉnh Lào Cai',
      'Cộng hòa xã hội chủ nghĩa Việt Nam',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 301/KH-UBND',
      'Lào Cai, ngày 2 tháng 6 năm 2025',
      'Kế hoạch',
      'Hỗ trợ phụ nữ dân tộc thiểu số năm 2025',
      'I. MỤC ĐÍCH',
      '- Hỗ trợ sinh kế.',
    ].join('\n');
    const r = parsePlanText(text);
    expect(r.unparsed).toEqual([]);
    expect(r.plan).toMatchObject({
      issuers: ['Ủy ban nhân dân tỉnh Lào Cai'],
      number: '301/KH-UBND',
      documentType: 'Kế hoạch',
      title: 'Hỗ trợ phụ nữ dân tộc thiểu số năm 2025',
      purposes: ['Hỗ trợ sinh kế.'],
    });
  });
});

describe('a plan extracted from a PDF, its two columns flattened into lines', () => {
  const { plan, unparsed } = parsePlanText(fixture('ke-hoach-pdf-hai-cot-2024.txt'));

  it('splits the header and the footer back into their columns', () => {
    expect(unparsed).toEqual([]);
    expect(plan).toMatchObject({
      number: '45/KH-HPN',
      issuedOn: '2024-04-12',
      place: 'Điện Biên',
      issuers: ['HỘI LHPN TỈNH ĐIỆN BIÊN'],
      recipients: ['TW Hội LHPN Việt Nam (b/c)', 'Lưu VT'],
    });
    expect(plan.signatures).toEqual([
      {
        authority: 'TM. BAN THƯỜNG VỤ',
        position: 'PHÓ CHỦ TỊCH',
        signer: 'Lò Thị Hoa',
        agency: 'HỘI LHPN TỈNH ĐIỆN BIÊN',
      },
    ]);
  });

  it('reads the activities of a list and of a Markdown table', () => {
    expect(plan.sections.map((x) => x.activities[0]!.title)).toEqual([
      'Tổ chức 10 buổi truyền thông tại cơ sở.',
      'Hội thi tuyên truyền viên giỏi',
    ]);
    expect(plan.sections[1]!.activities[0]).toMatchObject({
      leadAgency: 'Hội LHPN tỉnh',
      partnerAgencies: ['Sở Văn hóa'],
      timeframe: { start: '2024-Q4', end: '2024-Q4' },
    });
  });
});

describe('an old plan with its words glued together ("KẾHOẠCH", "Nơinhận", "I.MỤC ĐÍCH")', () => {
  it('reads its header, parts, recipients and signature', () => {
    const { plan, unparsed } = parsePlanText(fixture('ke-hoach-chu-dinh-lien-2009.txt'));
    expect(unparsed).toEqual([]);
    expect(plan).toMatchObject({
      number: '12/KH-UBND',
      issuedOn: '2009-01-05',
      issuers: ['ỦYBAN NHÂN DÂN TỈNH HÒA BÌNH'],
      documentType: 'KẾHOẠCH',
      title: 'Thực hiện công tác dân tộc năm 2009',
      purposes: ['Nâng cao đời sống đồng bào.'],
      recipients: ['Ban Dân tộc', 'Lưu VT'],
    });
    expect(plan.sections[0]!.activities.map((a) => a.title)).toEqual(['Tổ chức 05 hội nghị tuyên truyền.']);
    expect(plan.signatures[0]).toMatchObject({ authority: 'KT.CHỦ TỊCH', signer: 'Bùi Văn Cửu' });
  });
});
