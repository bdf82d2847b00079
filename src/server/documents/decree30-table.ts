// A plain bordered table in the body of a Decree 30 document: a bold header row repeated on each
// page, 12 pt cells, numbers right-aligned, fixed column widths that fill the text width.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { TEXT_WIDTH_TWIPS, run } from './decree30-style';

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
/** Single black lines around and inside every body table. */
export const TABLE_BORDERS = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

export type TableAlign = 'left' | 'center' | 'right';

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

/** The text of a table cell: 12 pt, a little space above and below. */
export function cellParagraph(text: string, align: TableAlign = 'left', bold = false): Paragraph {
  return new Paragraph({
    alignment: ALIGNMENT[align],
    spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO },
    children: [run(text, { size: 12, bold })],
  });
}

/** A cell of fixed width (twips), its text centred vertically. */
export function tableCell(text: string, width: number, align: TableAlign = 'left', bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 0, bottom: 0 },
    children: [cellParagraph(text, align, bold)],
  });
}

export interface BodyTableColumn {
  header: string;
  /** Relative width; the columns share the text width in these proportions. */
  weight: number;
  align?: TableAlign;
}

/** Rows of text; a row whose first cell is marked `bold` (totals) is set in bold. */
export function bodyTable(columns: BodyTableColumn[], rows: { cells: string[]; bold?: boolean }[]): Table {
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => Math.floor((TEXT_WIDTH_TWIPS * c.weight) / total));
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => tableCell(c.header, widths[i]!, 'center', true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((c, i) =>
              tableCell(r.cells[i] ?? '', widths[i]!, c.align ?? 'left', r.bold ?? false),
            ),
          }),
      ),
    ],
  });
}

/** A little space after a body table, so the heading or text that follows does not touch it. */
export function tableGap(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO }, children: [] });
}
