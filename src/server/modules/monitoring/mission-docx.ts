// The mission report (Báo cáo kết quả kiểm tra, giám sát) as a Decree 30 .docx, built from the
// shared layout blocks: header table, "BÁO CÁO" and its summary, a numbered body (purpose,
// composition, time and places, checklist results, findings, recommendations), the head of
// mission's signature and Nơi nhận.
import { Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType, type FileChild } from 'docx';
import {
  TEXT_WIDTH_TWIPS,
  bodyParagraph,
  bodyParagraphs,
  bulletParagraph,
  closingBlock,
  decree30Document,
  formatNumberLine,
  formatVietnameseDate,
  headerTable,
  mmToTwips,
  noteParagraph,
  packDocx,
  partHeading,
  sectionHeading,
  titleBlock,
  type IssuerHeader,
  type SignatureBlock,
} from '../../documents/decree30-docx';
import { cellParagraph, TABLE_BORDERS, tableCell } from '../../documents/decree30-table';
import type { Answer } from './monitoring.schemas';
import { formatDateVi } from '../../common/format-vi';

export interface MissionReportView {
  issuers: IssuerHeader[];
  number: string;
  place: string;
  date: string | null;
  title: string;
  purpose: string;
  activity: string | null;
  startDate: string;
  endDate: string;
  members: { name: string; title: string; agency: string; role: 'head' | 'deputy' | 'member' | 'secretary' }[];
  places: { name: string; visitDate: string | null; answers: { itemId: number; answer: Answer; note: string }[] }[];
  checklist: { name: string; items: { id: number; group: string; text: string }[] } | null;
  findings: { text: string; place: string | null }[];
  conclusion: string;
  recommendations: { text: string; addressee: string; dueDate: string }[];
  signature: SignatureBlock;
  recipients: string[];
}

export const ANSWER_LABELS: Record<Answer, string> = {
  yes: 'Có',
  partly: 'Một phần',
  no: 'Không',
  na: 'Không áp dụng',
};

const ROLE_LABELS = { head: 'Trưởng đoàn', deputy: 'Phó Trưởng đoàn', member: 'Thành viên', secretary: 'Thư ký' };

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

export async function renderMissionDocx(view: MissionReportView): Promise<Buffer> {
  const document = decree30Document({
    title: `Báo cáo kết quả kiểm tra, giám sát ${view.number}`.trim(),
    children: missionBlocks(view),
  });
  return packDocx(document);
}

export function missionBlocks(view: MissionReportView): FileChild[] {
  const parts: { title: string; blocks: FileChild[] }[] = [
    { title: 'Mục đích, yêu cầu', blocks: purposeBlocks(view) },
    { title: 'Thành phần đoàn', blocks: memberBlocks(view) },
    { title: 'Thời gian, địa bàn kiểm tra, giám sát', blocks: placeBlocks(view) },
    { title: 'Kết quả kiểm tra theo bảng kiểm', blocks: checklistBlocks(view) },
    { title: 'Nhận xét, đánh giá', blocks: findingBlocks(view) },
    { title: 'Kiến nghị', blocks: recommendationBlocks(view) },
  ];
  const present = parts.filter((p) => p.blocks.length > 0);
  return [
    headerTable({
      issuers: view.issuers,
      numberLine: formatNumberLine(view.number),
      placeDate: formatVietnameseDate(view.place, view.date),
    }),
    ...titleBlock('BÁO CÁO', reportSummary(view.title)),
    ...present.flatMap((part, i) => [partHeading(ROMAN[i] ?? String(i + 1), part.title), ...part.blocks]),
    ...closingBlock([view.signature], view.recipients),
  ];
}

/**
 * The summary line under "BÁO CÁO": "Đoàn giám sát liên ngành việc thực hiện Dự án 8" becomes
 * "Kết quả giám sát liên ngành việc thực hiện Dự án 8"; any other title follows
 * "Kết quả kiểm tra, giám sát".
 */
export function reportSummary(title: string): string {
  const trimmed = title.trim();
  const mission = /^Đoàn\s+(.+)$/u.exec(trimmed);
  if (mission) return `Kết quả ${mission[1]}`;
  return `Kết quả kiểm tra, giám sát ${trimmed.charAt(0).toLocaleLowerCase('vi')}${trimmed.slice(1)}`;
}

function purposeBlocks(view: MissionReportView): FileChild[] {
  const blocks = bodyParagraphs(view.purpose);
  if (view.activity) blocks.push(noteParagraph(`Thực hiện hoạt động ${view.activity}.`));
  return blocks;
}

function memberBlocks(view: MissionReportView): FileChild[] {
  return view.members.map((m) =>
    bulletParagraph(
      `${[m.name, m.title, m.agency].filter((x) => x.trim() !== '').join(', ')} — ${ROLE_LABELS[m.role]}`,
    ),
  );
}

function placeBlocks(view: MissionReportView): FileChild[] {
  const blocks: FileChild[] = [
    bodyParagraph(`Thời gian: từ ngày ${formatDateVi(view.startDate)} đến ngày ${formatDateVi(view.endDate)}.`),
    bodyParagraph('Địa bàn:'),
  ];
  for (const place of view.places)
    blocks.push(
      bulletParagraph(place.visitDate ? `${place.name} (ngày ${formatDateVi(place.visitDate)})` : place.name),
    );
  return blocks;
}

/** The mission's cells in the shared table style: bold and centred for headings. */
const cell = (text: string, width: number, options: { bold?: boolean; center?: boolean } = {}) =>
  tableCell(text, width, options.center ? 'center' : 'left', options.bold ?? false);

const PLACES_PER_TABLE = 4;

/** Items down, places across (at most four per table), answers in the cells. */
function checklistTable(view: MissionReportView, places: MissionReportView['places']): Table {
  const items = view.checklist!.items;
  const numberWidth = mmToTwips(10);
  const placeWidth = mmToTwips(24);
  const textWidth = TEXT_WIDTH_TWIPS - numberWidth - placeWidth * places.length;
  const widths = [numberWidth, textWidth, ...places.map(() => placeWidth)];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell('TT', numberWidth, { bold: true, center: true }),
      cell('Nội dung kiểm tra', textWidth, { bold: true, center: true }),
      ...places.map((p) => cell(shortPlace(p.name), placeWidth, { bold: true, center: true })),
    ],
  });
  let group = '';
  const rows: TableRow[] = [header];
  items.forEach((item, i) => {
    if (item.group && item.group !== group) {
      group = item.group;
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: widths.length,
              margins: { left: 80, right: 80, top: 0, bottom: 0 },
              children: [cellParagraph(group, 'left', true)],
            }),
          ],
        }),
      );
    }
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(String(i + 1), numberWidth, { center: true }),
          cell(item.text, textWidth),
          ...places.map((p) => {
            const answer = p.answers.find((a) => a.itemId === item.id);
            return cell(answer ? ANSWER_LABELS[answer.answer] : '—', placeWidth, { center: true });
          }),
        ],
      }),
    );
  });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows,
  });
}

/** "Xã Tủa Chùa, tỉnh Điện Biên" → "Xã Tủa Chùa" for a narrow column header. */
function shortPlace(name: string): string {
  return name.split(',')[0]!.trim();
}

function checklistBlocks(view: MissionReportView): FileChild[] {
  if (!view.checklist || view.checklist.items.length === 0 || view.places.length === 0) return [];
  const blocks: FileChild[] = [bodyParagraph(`Đoàn sử dụng bảng kiểm "${view.checklist.name}".`)];
  for (let i = 0; i < view.places.length; i += PLACES_PER_TABLE) {
    blocks.push(checklistTable(view, view.places.slice(i, i + PLACES_PER_TABLE)));
    blocks.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
  }
  const numberOf = new Map(view.checklist.items.map((item, i) => [item.id, i + 1]));
  const notes = view.places.flatMap((p) =>
    p.answers
      .filter((a) => a.note.trim() !== '')
      .map((a) => `${shortPlace(p.name)}, nội dung ${numberOf.get(a.itemId) ?? '?'}: ${a.note.trim()}`),
  );
  if (notes.length > 0) blocks.push(noteParagraph('Ghi chú:'), ...notes.map(bulletParagraph));
  return blocks;
}

function findingBlocks(view: MissionReportView): FileChild[] {
  const blocks: FileChild[] = [];
  view.findings.forEach((f, i) => {
    blocks.push(bodyParagraph(`${i + 1}. ${f.place ? `${shortPlace(f.place)}: ` : ''}${f.text}`));
  });
  if (view.conclusion.trim() !== '') {
    if (blocks.length > 0) blocks.push(sectionHeading(String(view.findings.length + 1), 'Đánh giá chung'));
    blocks.push(...bodyParagraphs(view.conclusion));
  }
  return blocks;
}

function recommendationBlocks(view: MissionReportView): FileChild[] {
  const byAddressee = new Map<string, MissionReportView['recommendations']>();
  for (const r of view.recommendations) byAddressee.set(r.addressee, [...(byAddressee.get(r.addressee) ?? []), r]);
  const blocks: FileChild[] = [];
  [...byAddressee.entries()].forEach(([addressee, items], i) => {
    blocks.push(sectionHeading(String(i + 1), `Đối với ${addressee}`));
    for (const r of items)
      blocks.push(bulletParagraph(`${r.text.trim().replace(/[.;]$/, '')} (thời hạn: ${formatDateVi(r.dueDate)}).`));
  });
  return blocks;
}
