// The end of a Decree 30/2020/NĐ-CP document: signature blocks (ô 7) and "Nơi nhận" (ô 9).
// One signer: Nơi nhận on the left, the signature on the right, in one borderless row.
// Joint documents: the signing agencies side by side, Nơi nhận below them.
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
  type FileChild,
} from 'docx';
import { SIZE, TEXT_WIDTH_TWIPS, blankLine, centredLine, run } from './decree30-style';

export interface SignatureBlock {
  /** "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "TM. ĐOÀN CHỦ TỊCH"…; line breaks start new lines. */
  authority: string;
  /** "THỨ TRƯỞNG, PHÓ CHỦ NHIỆM"; may be empty when the head signs in person. */
  position: string;
  signer: string;
}

/** Blank lines left for the handwritten signature and the seal. */
const SIGNING_SPACE_LINES = 4;

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The paragraphs of one block, one per line, so a text extraction reads them line by line. */
export function signatureParagraphs(block: SignatureBlock): Paragraph[] {
  const style = { size: SIZE.signature, bold: true };
  return [
    ...lines(block.authority).map((line) => centredLine(line.toLocaleUpperCase('vi'), style)),
    ...lines(block.position).map((line) => centredLine(line.toLocaleUpperCase('vi'), style)),
    ...Array.from({ length: SIGNING_SPACE_LINES }, () => blankLine(SIZE.signature)),
    centredLine(block.signer.trim(), style),
  ];
}

/** Decree 30: each recipient on its own "- " line ending in ";", the last ("Lưu: VT, …") in ".". */
export function recipientLines(recipients: string[]): string[] {
  const items = recipients.map((item) => item.trim().replace(/^[-–•]\s*/, '')).filter((item) => item !== '');
  return items.map((item, i) => `- ${withClosingPunctuation(item, i === items.length - 1)}`);
}

/** "Nơi nhận:" (12 bold italic) and the recipients (11), kept together on one page. */
export function recipientParagraphs(recipients: string[]): Paragraph[] {
  const items = recipientLines(recipients);
  const spacing = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;
  return [
    new Paragraph({
      spacing,
      keepNext: items.length > 0,
      children: [run('Nơi nhận:', { size: SIZE.recipientsLabel, bold: true, italics: true })],
    }),
    ...items.map(
      (line, i) =>
        new Paragraph({
          spacing,
          // A wrapped recipient continues under its text, not under the dash.
          indent: { left: 140, hanging: 140 },
          keepNext: i < items.length - 1,
          children: [run(line, { size: SIZE.recipients })],
        }),
    ),
  ];
}

function withClosingPunctuation(item: string, last: boolean): string {
  if (/[;.,:]$/.test(item)) return item;
  return `${item}${last ? '.' : ';'}`;
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { left: 40, right: 40, top: 0, bottom: 0 },
    children,
  });
}

function borderlessRow(cells: { children: Paragraph[]; width: number }[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: cells.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: cells.map((c) => cell(c.children, c.width)) })],
  });
}

function equalWidths(count: number): number[] {
  const width = Math.floor(TEXT_WIDTH_TWIPS / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? TEXT_WIDTH_TWIPS - width * (count - 1) : width));
}

/** The signing agencies side by side, in the order given (left to right). */
export function signatureTable(blocks: SignatureBlock[]): Table {
  const widths = equalWidths(blocks.length);
  return borderlessRow(blocks.map((block, i) => ({ children: signatureParagraphs(block), width: widths[i] ?? 0 })));
}

/** Signatures and Nơi nhận laid out as Decree 30 shows them; see the file comment. */
export function closingBlock(signatures: SignatureBlock[], recipients: string[]): FileChild[] {
  const spacer = new Paragraph({ spacing: { before: 0, after: 120 }, keepNext: true, children: [] });
  const recipientsPart = recipients.length > 0 ? recipientParagraphs(recipients) : [];
  const [only] = signatures;
  if (signatures.length === 1 && only) {
    const left = Math.round(TEXT_WIDTH_TWIPS / 2);
    return [
      spacer,
      borderlessRow([
        { children: recipientsPart.length > 0 ? recipientsPart : [blankLine()], width: left },
        { children: signatureParagraphs(only), width: TEXT_WIDTH_TWIPS - left },
      ]),
    ];
  }
  const parts: FileChild[] = [spacer];
  if (signatures.length > 0) parts.push(signatureTable(signatures));
  if (recipientsPart.length > 0) {
    parts.push(new Paragraph({ spacing: { before: 0, after: 240 }, children: [] }), ...recipientsPart);
  }
  return parts;
}
