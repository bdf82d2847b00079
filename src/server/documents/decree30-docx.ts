// Layout building blocks for administrative documents in the Decree 30/2020/NĐ-CP style
// (Phụ lục I): A4 portrait, Times New Roman black, header table, title, body, signatures,
// "Nơi nhận". Shared by every exporter (plans now; reports, reviews, missions later), which
// import everything from this module.
import {
  AlignmentType,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import {
  A4_TWIPS,
  BLACK,
  BODY_AFTER,
  BODY_LINE,
  FONT,
  MARGINS_MM,
  ONE_CM_TWIPS,
  SIZE,
  TEXT_WIDTH_TWIPS,
  balanceLines,
  centredLine,
  estimateTextWidth,
  mmToTwips,
  rule,
  run,
} from './decree30-style';

export * from './decree30-style';
export * from './decree30-header';
export * from './decree30-closing';

export interface BodyOptions {
  /** Keep on the same page as what follows (e.g. the last paragraph before the signatures). */
  keepNext?: boolean;
}

/** A body paragraph: 14 pt, justified, first-line indent 1 cm. */
export function bodyParagraph(text: string, runs?: TextRun[], options: BodyOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext: options.keepNext ?? false,
    indent: { firstLine: ONE_CM_TWIPS },
    spacing: { before: 0, after: BODY_AFTER, line: BODY_LINE, lineRule: LineRuleType.AUTO },
    children: runs ?? [run(text, { size: SIZE.body })],
  });
}

/**
 * Body paragraphs from text whose paragraphs are separated by line breaks. `keepLastWithNext`
 * is for the text right before the signatures: a signature page must not be left without any
 * of the body above it.
 */
export function bodyParagraphs(text: string, options: { keepLastWithNext?: boolean } = {}): Paragraph[] {
  const lines = splitParagraphs(text);
  return lines.map((line, i) =>
    bodyParagraph(line, undefined, { keepNext: options.keepLastWithNext === true && i === lines.length - 1 }),
  );
}

export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function headingParagraph(runs: TextRun[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: ONE_CM_TWIPS },
    keepNext: true,
    spacing: { before: 60, after: BODY_AFTER, line: BODY_LINE, lineRule: LineRuleType.AUTO },
    children: runs,
  });
}

/** "I. MỤC ĐÍCH, YÊU CẦU": a Roman-numbered part, bold upper case. */
export function partHeading(numeral: string, title: string): Paragraph {
  return headingParagraph([run(`${numeral}. ${title.toLocaleUpperCase('vi')}`, { size: SIZE.body, bold: true })]);
}

/** "1. Mục đích": a numbered section, bold. */
export function sectionHeading(number: string, title: string): Paragraph {
  return headingParagraph([run(`${number}. ${title}`, { size: SIZE.body, bold: true })]);
}

/**
 * "1.2. Các hoạt động cụ thể", italic; with a value, the label stays italic and the value
 * follows on the same line ("1.3. Thời gian thực hiện: Từ quý I đến quý IV/2022").
 */
export function subsectionHeading(number: string, label: string, value?: string): Paragraph {
  const runs = [run(`${number}. ${label}${value === undefined ? '' : ':'}`, { size: SIZE.body, italics: true })];
  if (value !== undefined) runs.push(run(` ${value}`, { size: SIZE.body }));
  return value === undefined ? headingParagraph(runs) : bodyParagraph('', runs);
}

/** A secondary line under an item (an activity's lead agency, outputs…): italic body text. */
export function noteParagraph(text: string): Paragraph {
  return bodyParagraph('', [run(text, { size: SIZE.body, italics: true })]);
}

/** A "- " list item, laid out as a body paragraph (Decree 30 documents do not use bullets glyphs). */
export function bulletParagraph(text: string): Paragraph {
  return bodyParagraph(`- ${text.replace(/^[-–•]\s*/, '')}`);
}

/**
 * The document type ("KẾ HOẠCH") and the summary line under it, with a short rule. A long
 * summary is broken into balanced lines (soft line breaks inside one paragraph, so a text
 * extraction still sees one title); explicit line breaks in `title` are kept.
 */
export function titleBlock(documentType: string, title: string): Paragraph[] {
  const lines = splitParagraphs(title).flatMap((line) => balanceLines(line, SIZE.title, true, TEXT_WIDTH_TWIPS));
  const runs: TextRun[] = [];
  lines.forEach((line, i) => {
    if (i > 0) runs.push(new TextRun({ break: 1 }));
    runs.push(run(line, { size: SIZE.title, bold: true }));
  });
  const longest = Math.max(...lines.map((line) => estimateTextWidth(line, SIZE.title, true)), 0);
  // Decree 30: a third to a half of the line above it.
  const ruleLength = Math.min(Math.max(Math.round(longest / 3), mmToTwips(25)), mmToTwips(60));
  return [
    centredLine(
      documentType.toLocaleUpperCase('vi'),
      { size: SIZE.documentType, bold: true },
      {
        spacing: { before: 360, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        keepNext: true,
      },
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: runs,
    }),
    rule(ruleLength, TEXT_WIDTH_TWIPS, 360),
  ];
}

/**
 * "Hà Nội, ngày 18 tháng 7 năm 2022". Decree 30 (Phụ lục I) writes a day below 10 and the
 * months 1 and 2 with a leading zero ("ngày 05 tháng 01 năm 2023"), other months without
 * ("tháng 7"). Without a date, the blanks are left for the clerk to fill in by hand.
 */
export function formatVietnameseDate(place: string, isoDate: string | null): string {
  const prefix = place.trim() === '' ? '' : `${place.trim()}, `;
  const match = isoDate === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return `${prefix}ngày      tháng      năm`;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const monthNumber = Number(month);
  const dayText = String(Number(day)).padStart(2, '0');
  const monthText = monthNumber <= 2 ? String(monthNumber).padStart(2, '0') : String(monthNumber);
  return `${prefix}ngày ${dayText} tháng ${monthText} năm ${year}`;
}

/** "Số: 16/KH-HLHPNVN-UBĐT"; an unnumbered draft keeps the blank the clerk fills in. */
export function formatNumberLine(number: string): string {
  return number.trim() === '' ? 'Số:        /' : `Số: ${number.trim()}`;
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: [PageNumber.CURRENT], font: FONT, color: BLACK, size: SIZE.pageNumber * 2 }),
        ],
      }),
    ],
  });
}

export interface Decree30DocumentOptions {
  /** Core-properties title (shown by file managers and Word's document info). */
  title?: string;
  children: FileChild[];
}

/**
 * The whole document: page setup, default font, and page numbers centred in the top margin
 * on every page but the first (a distinct, empty first-page header).
 */
export function decree30Document(options: Decree30DocumentOptions): Document {
  return new Document({
    title: options.title,
    creator: 'Phối hợp',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body * 2, color: BLACK, language: { value: 'vi-VN' } },
          paragraph: { spacing: { after: 0, line: 240 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
            margin: {
              top: mmToTwips(MARGINS_MM.top),
              bottom: mmToTwips(MARGINS_MM.bottom),
              left: mmToTwips(MARGINS_MM.left),
              right: mmToTwips(MARGINS_MM.right),
              header: mmToTwips(10),
              footer: mmToTwips(10),
            },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: options.children,
      },
    ],
  });
}

export function packDocx(document: Document): Promise<Buffer> {
  return Packer.toBuffer(document);
}
