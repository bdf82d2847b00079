// A .docx as plain text for parsePlanText, in the shape of the seed text: each paragraph on its
// own line followed by a blank line, a line break (Shift+Enter) inside a paragraph as a single
// newline. The blank lines matter to the parser: they end a multi-line title and separate a
// signer's name from the position above it.
//
// Tables: layout tables (the Decree 30 header, signature rows, "Nơi nhận" beside a signature)
// are read cell by cell, left to right, one line per paragraph, so the header gives
// "HỘI LIÊN HIỆP…", "CỘNG HÒA…", "Số: …", "Hà Nội, ngày …" on lines of their own. Data tables
// (three or more columns and a header row) become one tab-separated line per row, the
// format the parser reads activity tables in.
//
// mammoth.extractRawText drops line breaks without leaving a space ("công tácgiữa"), exactly
// where official documents use them (two-line titles, signature blocks), and cannot tell layout
// tables from data tables. So we read mammoth's document tree through its public
// transformDocument hook (in a worker thread, within the limits of common/office/office-reader.ts)
// and write the text ourselves.
import { officeReader } from '../../common/office/office-reader';
import type { DocNode } from '../../common/office/readers';

/** A blank line in the output. */
const BLANK = '';

/** The text of a .docx; a 4xx naming `field` when it is not a Word document or is beyond the limits. */
export async function docxToText(buffer: Buffer, field = 'file'): Promise<string> {
  const root = await officeReader.run('docxTree', buffer, field, 'Tệp .docx bị hỏng hoặc không phải tài liệu Word');
  return joinLines(blockLines(root));
}

/** Lines of block-level content; every paragraph ends with a blank line. */
function blockLines(node: DocNode): string[] {
  if (node.type === 'paragraph') return [...paragraphLines(node), BLANK];
  if (node.type === 'table') return tableLines(node);
  return (node.children ?? []).flatMap(blockLines);
}

function paragraphLines(paragraph: DocNode): string[] {
  const lines = (paragraph.children ?? [])
    .map(inlineText)
    .join('')
    .split('\n')
    .map(cleanLine)
    .filter((line) => line !== '');
  // Word bullets are list formatting, not text: write them as the "- " the plan texts use.
  const first = lines[0];
  if (first !== undefined && paragraph.numbering?.isOrdered === false && !/^[-–•+]/.test(first)) {
    lines[0] = `- ${first}`;
  }
  return lines;
}

function inlineText(node: DocNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'paragraph':
    case 'table':
      // Block content inside a paragraph (text boxes): keep it on lines of its own.
      return `\n${blockLines(node).join('\n')}\n`;
    default:
      return (node.children ?? []).map(inlineText).join('');
  }
}

function rowsOf(table: DocNode): DocNode[][] {
  return (table.children ?? [])
    .filter((row) => row.type === 'tableRow')
    .map((row) => (row.children ?? []).filter((cell) => cell.type === 'tableCell'));
}

function tableLines(table: DocNode): string[] {
  const rows = rowsOf(table);
  const columns = Math.max(0, ...rows.map((cells) => cells.length));
  if (columns >= 3 && rows.length >= 2) {
    return [...rows.map((cells) => cells.map(cellAsOneLine).join('\t')), BLANK];
  }
  return rows.flatMap((cells) => cells.flatMap((cell) => (cell.children ?? []).flatMap(blockLines)));
}

/** A data-table cell on one line: its paragraphs joined by spaces, tabs made spaces. */
function cellAsOneLine(cell: DocNode): string {
  return (cell.children ?? [])
    .flatMap(blockLines)
    .filter((line) => line !== BLANK)
    .join(' ')
    .replace(/\t/g, ' ');
}

function cleanLine(line: string): string {
  return line
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b\u00ad\ufeff]/g, '')
    .trim();
}

/** Joins lines, with at most one blank line in a row and none at either end. */
function joinLines(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    if (line === BLANK && (out.length === 0 || out.at(-1) === BLANK)) continue;
    out.push(line);
  }
  while (out.at(-1) === BLANK) out.pop();
  return out.join('\n');
}
