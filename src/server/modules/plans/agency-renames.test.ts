import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AgencyRenamer, mentionPattern, type AgencyRename, type NameChange } from './agency-renames';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../plan-import/fixtures');
const seedLines = fs.readFileSync(path.join(FIXTURES, 'ke-hoach-phoi-hop-2022.txt'), 'utf8').split('\n');
const corpus = fs
  .readFileSync(path.join(FIXTURES, 'corpus/20_UyBanDanToc_439-QD-UBDT-KH-tao-hon-giai-doan-I_2015.txt'), 'utf8')
  .split('\n');
/** The one line of the source that starts with these words (the test reads real lines, not copies). */
const line = (lines: string[], start: string) => {
  const found = lines.filter((l) => l.startsWith(start));
  expect(found, start).toHaveLength(1);
  return found[0]!;
};

// As refdata/agencies.json and agency-positions.json have them, 2022 → 2026.
const UBDT: AgencyRename = {
  agencyId: 2,
  names: ['Ủy ban Dân tộc', 'Uỷ ban Dân tộc'],
  shortNames: ['CEMA'],
  abbreviations: ['UBDT', 'UBĐT', 'UBNDT'],
  to: { name: 'Bộ Dân tộc và Tôn giáo', shortName: 'Bộ Dân tộc và Tôn giáo', abbreviation: 'BDTTG' },
  positions: [
    { forms: ['Bộ trưởng, Chủ nhiệm', 'Chủ nhiệm'], to: 'Bộ trưởng' },
    { forms: ['Thứ trưởng, Phó Chủ nhiệm', 'Phó Chủ nhiệm'], to: 'Thứ trưởng' },
  ],
};
const BRANCH_YEN_BAI: AgencyRename = {
  agencyId: 101,
  names: ['Ban Dân tộc tỉnh Yên Bái'],
  shortNames: [],
  abbreviations: ['BDT'],
  to: {
    name: 'Sở Dân tộc và Tôn giáo tỉnh Lào Cai',
    shortName: 'Sở DT&TG tỉnh Lào Cai',
    abbreviation: 'SDTTG',
  },
  positions: [{ forms: ['Trưởng ban'], to: 'Giám đốc' }],
};
const GENERIC_BRANCH: AgencyRename = {
  agencyId: null,
  names: ['Ban Dân tộc'],
  // As the registry has it: the short name is the name (not two meanings of one form).
  shortNames: ['Ban Dân tộc'],
  abbreviations: ['BDT'],
  to: { name: 'Sở Dân tộc và Tôn giáo', shortName: 'Sở DT&TG', abbreviation: 'SDTTG' },
  positions: [],
};
const renamer = new AgencyRenamer(
  [UBDT, BRANCH_YEN_BAI, GENERIC_BRANCH],
  mentionPattern(['Hội Liên hiệp Phụ nữ Việt Nam', 'Trung ương Hội LHPN Việt Nam', 'Ủy ban Dân tộc', 'Bộ Tài chính']),
  2026,
);

describe('agency renames in the seed plan’s lines', () => {
  it('renames the title, in prose case and in capitals', () => {
    const title =
      'Triển khai Chương trình phối hợp công tác giữa Ủy ban Dân tộc và Hội Liên hiệp Phụ nữ Việt Nam năm 2026';
    expect(renamer.text(title)).toBe(
      'Triển khai Chương trình phối hợp công tác giữa Bộ Dân tộc và Tôn giáo và Hội Liên hiệp Phụ nữ Việt Nam năm 2026',
    );
    expect(renamer.text(title.toLocaleUpperCase('vi'))).toBe(
      'TRIỂN KHAI CHƯƠNG TRÌNH PHỐI HỢP CÔNG TÁC GIỮA BỘ DÂN TỘC VÀ TÔN GIÁO VÀ HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM NĂM 2026',
    );
    // The seed's title as printed: broken over two lines.
    expect(renamer.text('KẾ HOẠCH Triển khai Chương trình phối hợp công tác\ngiữa Ủy ban\nDân tộc và Hội')).toBe(
      'KẾ HOẠCH Triển khai Chương trình phối hợp công tác\ngiữa Bộ Dân tộc và Tôn giáo và Hội',
    );
  });

  it('keeps the programme a “Thực hiện” legal basis cites, renames the subject after it', () => {
    const preamble = line(seedLines, 'Thực hiện Chương trình phối hợp');
    const changes: NameChange[] = [];
    const out = renamer.text(preamble, changes, { legalBases: true });
    expect(out).toBe(
      'Thực hiện Chương trình phối hợp công tác giữa Ủy ban Dân tộc và Hội Liên hiệp Phụ nữ Việt Nam giai đoạn 2021-2025, Bộ Dân tộc và Tôn giáo và Trung ương Hội LHPN Việt Nam xây dựng kế hoạch triển khai các hoạt động thực hiện Chương trình phối hợp năm 2022 như sau:',
    );
    expect(changes).toEqual([{ from: 'Ủy ban Dân tộc', to: 'Bộ Dân tộc và Tôn giáo', count: 1 }]);
    // Outside a preamble the 2021–2025 programme is still a document of its period, cited by its name.
    expect(renamer.text(preamble)).toBe(out);
    // A legal basis keeps what it cites even without a period in it.
    const basis =
      'Thực hiện Chương trình phối hợp công tác giữa Ủy ban Dân tộc và Hội Liên hiệp Phụ nữ Việt Nam, Ủy ban Dân tộc xây dựng kế hoạch:';
    expect(renamer.text(basis, [], { legalBases: true })).toBe(
      'Thực hiện Chương trình phối hợp công tác giữa Ủy ban Dân tộc và Hội Liên hiệp Phụ nữ Việt Nam, Bộ Dân tộc và Tôn giáo xây dựng kế hoạch:',
    );
    expect(renamer.text(basis)).not.toContain('Ủy ban Dân tộc');
  });

  it('keeps the name of a programme whose period ended before the new year, renames this year’s', () => {
    const requirement = line(seedLines, '- Các hoạt động cần được triển khai bám sát');
    expect(renamer.text(requirement)).toBe(requirement);
    expect(
      renamer.text('bám sát Chương trình phối hợp giữa Ủy ban Dân tộc và Hội năm 2026; phối hợp với Ủy ban Dân tộc'),
    ).toBe(
      'bám sát Chương trình phối hợp giữa Bộ Dân tộc và Tôn giáo và Hội năm 2026; phối hợp với Bộ Dân tộc và Tôn giáo',
    );
  });

  it('renames body items, responsibilities and the recipients, old abbreviations included', () => {
    expect(renamer.text(line(seedLines, '- Phối hợp với Ủy ban Dân tộc tập huấn'))).toMatch(
      /^- Phối hợp với Bộ Dân tộc và Tôn giáo tập huấn, bồi dưỡng/,
    );
    expect(renamer.text(line(seedLines, '- Hướng dẫn tổ chức thực hiện và giám sát'))).toContain(
      'phối hợp với BDTTG và các tổ chức có liên quan',
    );
    expect(renamer.text(line(seedLines, '3. Ủy ban Dân tộc'))).toBe('3. Bộ Dân tộc và Tôn giáo');
    expect(renamer.text(line(seedLines, '- Chỉ đạo Ban Dân tộc tại địa phương'))).toMatch(
      /^- Chỉ đạo Sở Dân tộc và Tôn giáo tại địa phương phối hợp/,
    );
    expect(renamer.text(line(seedLines, '- Phối hợp với Ban dân tộc của tỉnh'))).toMatch(
      /^- Phối hợp với Sở Dân tộc và Tôn giáo của tỉnh trong quá trình/,
    );
    // "UBND" (the people's committee) is another agency: left alone.
    expect(renamer.text(line(seedLines, '- VPĐP CTMTQG, VPUB (UBND);'))).toBe('- VPĐP CTMTQG, VPUB (UBND);');
  });

  it('turns the signature lines to the ministry’s positions, no Chủ nhiệm left', () => {
    const authority = line(seedLines, '**KT. BỘ TRƯỞNG, CHỦ NHIỆM').replace(/\*/g, '');
    const position = line(seedLines, 'THỨ TRƯỞNG, PHÓ CHỦ NHIỆM').replace(/\*/g, '');
    expect(renamer.signatureLine(authority, 2)).toBe('KT. BỘ TRƯỞNG');
    expect(renamer.signatureLine(position, 2)).toBe('THỨ TRƯỞNG');
    // Without the block's agency: the renamed agencies' titles.
    expect(renamer.signatureLine(position, null)).toBe('THỨ TRƯỞNG');
    // The women's union signs as it did.
    expect(renamer.signatureLine('TM. ĐOÀN CHỦ TỊCH', 1)).toBe('TM. ĐOÀN CHỦ TỊCH');
  });

  it('renames the old abbreviation of the plan’s own symbol', () => {
    const number = line(seedLines, 'Số: ').replace('Số: ', '');
    expect(renamer.symbol(number)).toBe('16 /KH- HLHPNVN- BDTTG');
    expect(renamer.symbol('16/KH-HLHPNVN-UBDT')).toBe('16/KH-HLHPNVN-BDTTG');
  });
});

describe('agency renames in a corpus decision of Ủy ban Dân tộc (439/QĐ-UBDT, 2015)', () => {
  it('renames the deciding authority’s title and name together, in capitals', () => {
    expect(renamer.text(line(corpus, 'BỘ TRƯỞNG, CHỦ NHIỆM'))).toBe('BỘ TRƯỞNG BỘ DÂN TỘC VÀ TÔN GIÁO');
    expect(renamer.text('Theo đề nghị của Phó Chủ nhiệm Ủy ban Dân tộc')).toBe(
      'Theo đề nghị của Thứ trưởng Bộ Dân tộc và Tôn giáo',
    );
  });

  it('keeps a “Căn cứ” legal basis word for word, over its broken lines', () => {
    const start = corpus.findIndex((l) => l.startsWith('Căn cứ Nghị định số 84/2012'));
    const basis = corpus.slice(start, start + 3).join('\n');
    expect(basis).toContain('Ủy ban\nDân tộc;');
    const preamble = `${basis}\n${line(corpus, 'Xét đề nghị của')}`;
    expect(renamer.text(preamble, [], { legalBases: true })).toBe(preamble);
    // A co-issuer inside a citation stays too.
    const joint = 'Căn cứ Thông tư liên tịch số 02/2016/TTLT-BTC-UBDT của Bộ Tài chính, Ủy ban Dân tộc hướng dẫn;';
    expect(renamer.text(joint, [], { legalBases: true })).toBe(joint);
  });

  it('renames the agency in an article and in recipients, keeps a cited symbol', () => {
    expect(renamer.text(line(corpus, 'thuộc Ủy ban Dân tộc chịu trách nhiệm'))).toBe(
      'thuộc Bộ Dân tộc và Tôn giáo chịu trách nhiệm thi hành Quyết định này.',
    );
    expect(renamer.text(line(corpus, '- Vụ KHTC (UBDT);'))).toBe('- Vụ KHTC (BDTTG);');
    expect(renamer.text(line(corpus, '- Website UBDT;'))).toBe('- Website BDTTG;');
    expect(renamer.text(line(corpus, 'Số: 439/QĐ-UBDT'))).toBe('Số: 439/QĐ-UBDT');
    // The issuer of a document cited by its number keeps its name, wherever the citation is.
    const cited = 'theo Thông tư số 01/2022/TT-UBDT ngày 26/5/2022 của Ủy ban Dân tộc';
    expect(renamer.text(cited)).toBe(cited);
    const decision = 'Triển khai Quyết định 439/QĐ-UBDT của Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc';
    expect(renamer.text(decision)).toBe(decision);
    // Not a citation: the agency as it is now.
    expect(renamer.text(line(seedLines, '- Chỉ đạo các kênh thông tin'))).toContain(
      'truyền truyền của Bộ Dân tộc và Tôn giáo (như tạp chí',
    );
    expect(renamer.text('Thực hiện Thông tư 01/2022/TT-UBDT; báo cáo của Ủy ban Dân tộc')).toBe(
      'Thực hiện Thông tư 01/2022/TT-UBDT; báo cáo của Bộ Dân tộc và Tôn giáo',
    );
  });

  it('names a merged province’s branch by its successor, the specific name before the generic one', () => {
    expect(renamer.text('Trưởng ban Ban Dân tộc tỉnh Yên Bái và BAN DÂN TỘC các tỉnh')).toBe(
      'Giám đốc Sở Dân tộc và Tôn giáo tỉnh Lào Cai và SỞ DÂN TỘC VÀ TÔN GIÁO các tỉnh',
    );
  });

  it('reads a name as a proper noun: the generic office is not the “ban Dân tộc” of “Ủy ban Dân tộc”', () => {
    const offices = new AgencyRenamer([GENERIC_BRANCH]);
    expect(offices.text('giữa Ủy ban Dân tộc và Ban Dân tộc tỉnh')).toBe(
      'giữa Ủy ban Dân tộc và Sở Dân tộc và Tôn giáo tỉnh',
    );
  });

  it('leaves a word that only contains a name alone, and a form two agencies share with different names now', () => {
    expect(renamer.text('UBDTX và xUBDT')).toBe('UBDTX và xUBDT');
    const ambiguous = new AgencyRenamer([
      { ...BRANCH_YEN_BAI, names: ['Ban Dân tộc tỉnh'], abbreviations: [] },
      {
        ...BRANCH_YEN_BAI,
        agencyId: 102,
        names: ['Ban Dân tộc tỉnh'],
        abbreviations: [],
        to: { ...BRANCH_YEN_BAI.to, name: 'Sở Dân tộc và Tôn giáo tỉnh Lai Châu' },
      },
    ]);
    expect(ambiguous.text('Ban Dân tộc tỉnh')).toBe('Ban Dân tộc tỉnh');
  });
});
