// The header table of Decree 30/2020/NĐ-CP (Phụ lục I, ô 1–4): issuing body on the left,
// Quốc hiệu and Tiêu ngữ on the right, then "Số: …" and the place-and-date line on one level.
import {
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { SIZE, TEXT_WIDTH_TWIPS, centredLine, estimateTextWidth, mmToTwips, rule } from './decree30-style';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** One issuing agency as printed: its governing body (optional) above its own name. */
export interface IssuerHeader {
  governingBody?: string;
  name: string;
}

export interface HeaderInfo {
  /** Lead agency first; a joint document stacks them all in the left column. */
  issuers: IssuerHeader[];
  /** The full line, e.g. "Số: 16/KH-HLHPNVN-UBĐT" (see formatNumberLine). */
  numberLine: string;
  /** E.g. "Hà Nội, ngày 18 tháng 7 năm 2022" (see formatVietnameseDate). */
  placeDate: string;
}

// Measured in Liberation Serif (Times metrics): "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM" at 13 pt is about
// 75 mm and the Quốc hiệu at 12 pt bold about 90 mm, together more than the 165 mm between the
// margins. As in printed Decree 30 documents, the header table reaches into the 30 mm left
// margin (by 10 mm) so that both stay on one line.
const OUTDENT = mmToTwips(10);
const TABLE_WIDTH = TEXT_WIDTH_TWIPS + OUTDENT;
const RIGHT_WIDTH = mmToTwips(95);
const LEFT_WIDTH = TABLE_WIDTH - RIGHT_WIDTH;
const CELL_SIDE_MARGIN = 40;

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { left: CELL_SIDE_MARGIN, right: CELL_SIDE_MARGIN, top: 0, bottom: 0 },
    children,
  });
}

function upper(text: string): string {
  return text.trim().toLocaleUpperCase('vi');
}

function issuerParagraphs(issuers: IssuerHeader[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const issuer of issuers) {
    if (issuer.governingBody && issuer.governingBody.trim() !== '') {
      paragraphs.push(centredLine(upper(issuer.governingBody), { size: SIZE.governingBody }));
    }
    paragraphs.push(centredLine(upper(issuer.name), { size: SIZE.issuer, bold: true }));
  }
  // Decree 30: a rule a third to a half as long as the name line, under the issuing body.
  const last = issuers.at(-1);
  const nameWidth = last ? estimateTextWidth(upper(last.name), SIZE.issuer, true) : mmToTwips(40);
  const available = LEFT_WIDTH - 2 * CELL_SIDE_MARGIN;
  const length = Math.min(Math.max(Math.round(nameWidth * 0.45), mmToTwips(15)), available);
  paragraphs.push(rule(length, available));
  return paragraphs;
}

function nationalParagraphs(): Paragraph[] {
  const available = RIGHT_WIDTH - 2 * CELL_SIDE_MARGIN;
  const mottoWidth = Math.min(estimateTextWidth(MOTTO, SIZE.motto, true), available);
  return [
    centredLine(NATIONAL_TITLE, { size: SIZE.nationalTitle, bold: true }),
    centredLine(MOTTO, { size: SIZE.motto, bold: true }),
    // Decree 30: the rule under the Tiêu ngữ is as long as the Tiêu ngữ itself.
    rule(mottoWidth, available),
  ];
}

const SECOND_ROW_SPACING = { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;

/** The borderless two-column header table. */
export function headerTable(info: HeaderInfo): Table {
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    indent: { size: -OUTDENT, type: WidthType.DXA },
    columnWidths: [LEFT_WIDTH, RIGHT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(issuerParagraphs(info.issuers), LEFT_WIDTH), cell(nationalParagraphs(), RIGHT_WIDTH)],
      }),
      new TableRow({
        cantSplit: true,
        children: [
          cell([centredLine(info.numberLine, { size: SIZE.number }, { spacing: SECOND_ROW_SPACING })], LEFT_WIDTH),
          cell(
            [centredLine(info.placeDate, { size: SIZE.placeDate, italics: true }, { spacing: SECOND_ROW_SPACING })],
            RIGHT_WIDTH,
          ),
        ],
      }),
    ],
  });
}
