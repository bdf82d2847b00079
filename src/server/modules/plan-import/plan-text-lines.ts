// Text copied or extracted from Word arrives messy: Windows line endings, non-breaking spaces,
// decomposed diacritics, bold markers glued to headings ("KẾ HOẠCH**Triển khai…"), paragraphs
// broken in the middle. This file turns it into clean logical lines that remember which source
// lines they came from, and names the shapes a line can have.
import { foldVietnamese } from '../../../shared/text';

export interface SourcePiece {
  /** 1-based line number in the source text. */
  line: number;
  text: string;
}

export interface PlanLine {
  /** NFC, single-spaced, emphasis markers removed. */
  text: string;
  /** The cells of a row pasted from a table (tab or " | " separated); [text] otherwise. */
  cells: string[];
  /** The source lines it is made of: more than one when a broken paragraph was joined. */
  sources: SourcePiece[];
  /** A blank line came before it: it separates a signature's position from the signer's name. */
  afterBlank: boolean;
}

const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const LIST_MARKER_TAB = /^(\s*(?:[-–—•+*]|\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[IVX]+\.)\s*)\t+(?=[^\t]+$)/iu;

function cleanSpaces(raw: string): string {
  return raw
    .replace(ODD_SPACES, ' ')
    .replace(INVISIBLE, '')
    .replace(LIST_MARKER_TAB, '$1 ') // "-<tab>text" is a Word list item, not two cells
    .replace(/^(\s*)\*\s+(?=\S)/, '$1- ') // "* item" is a bullet, not an emphasis marker
    .replace(/^\s*#{1,6}\s+/, '') // a Markdown heading mark
    .replace(/^\s*>\s+/, '') // a Markdown quote mark
    .replace(/ {2,}/g, ' ')
    .replace(/ *\t */g, '\t')
    .replace(/^\s+| +$/g, ''); // trailing tabs stay: they are the empty last cells of a table row
}

/** Removes bold/italic markers ("**", "*") but keeps a footnote star "(*)". */
export function stripEmphasis(text: string): string {
  return text
    .replace(/(?<!\()\*+(?!\))/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export function isUpperCase(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

const STRUCTURAL_START = /^(?:\d+(?:\.\d+)*\.\s|[IVX]+\.\s|[-–•+]\s)/u;

/** Word puts a heading and the next paragraph in one line when only bold separates them. */
function isGlueSplit(before: string, after: string): boolean {
  if (!before || !after) return false;
  if (STRUCTURAL_START.test(after)) return true;
  return isUpperCase(before) && /^\p{Lu}\p{Ll}/u.test(after);
}

function splitGluedHeadings(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/\*\*/g)) {
    const before = stripEmphasis(text.slice(start, m.index));
    const after = stripEmphasis(text.slice(m.index + 2));
    if (isGlueSplit(before, after)) {
      pieces.push(text.slice(start, m.index));
      start = m.index + 2;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

function cellsOf(text: string): string[] {
  if (text.includes('\t')) return text.split('\t').map((c) => c.trim());
  if ((text.match(/\|/g) ?? []).length >= 2) {
    return text
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
  }
  return [text];
}

export function isTableRow(line: PlanLine): boolean {
  return line.cells.length >= 3;
}

/** Words a sentence does not end on: a line ending with one was broken by the converter. */
const DANGLING =
  /(?:^|\s)(của|và|các|những|về|cho|với|trong|tại|đến|được|là|có|từ|do|bằng|để|hoặc|cùng|thuộc|nhằm|trên|giữa|đối với|phối hợp với|Bộ|Sở|Ủy ban|Nghị định|Nghị quyết|Luật|Thông tư)$/u;
/** Words a date or a number goes on from: "năm" / "2026 - 2027.", "số" / "202/2025/QH15". */
const BEFORE_NUMBER = /(?:^|\s)(năm|tháng|ngày|quý|số|giai đoạn|từ|đến)$/iu;

/**
 * A line starting with a lower-case letter goes on with the paragraph before it; so does a line
 * after one that ends on a word no sentence ends on ("Xây dựng Quyết định của" / "Thủ tướng …").
 */
function continuesParagraph(cells: string[], previous: PlanLine | undefined): previous is PlanLine {
  const filled = cells.filter(Boolean);
  if (previous === undefined || filled.length !== 1 || isTableRow(previous) || previous.cells.length > 1) return false;
  const text = filled[0]!;
  if (/^\p{Ll}/u.test(text)) return !/^[a-zđ][.)]\s/u.test(text); // "a) …" is an item of its own
  if (STRUCTURAL_START.test(text) || /^\p{Lu}{2,}/u.test(text) || /^\(/.test(text)) return false;
  if (/^[\p{L} ]{2,40}:/u.test(text)) return false; // "Phối hợp: …" starts a labelled line
  if (isUpperCase(previous.text)) return false;
  if (/^\d/.test(text)) return BEFORE_NUMBER.test(previous.text);
  return DANGLING.test(previous.text);
}

/** How many lines a "**" opened and not yet closed may span: further on, it was a stray mark. */
const EMPHASIS_SPAN = 3;

/**
 * Splits, cleans and joins the source into logical lines; blank lines are dropped. A blank line
 * inside a bold phrase ("**I. MỤC" / "" / "ĐÍCH, YÊU CẦU**": a converter's line per paragraph, as
 * in a .docx saved from such text) does not count as one: the phrase goes on.
 */
export function toPlanLines(input: string): PlanLine[] {
  const lines: PlanLine[] = [];
  let afterBlank = false;
  /** Lines since a "**" was opened and not closed; 0 when none is open. */
  let emphasisOpen = 0;
  input
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const cleaned = cleanSpaces(raw);
      for (const piece of splitGluedHeadings(cleaned)) {
        const cells = cellsOf(piece).map(stripEmphasis);
        const text = cells.filter(Boolean).join(' ');
        if (!text) continue;
        const source = { line: index + 1, text };
        const previous = lines[lines.length - 1];
        if (continuesParagraph(cells, previous)) {
          previous.text = `${previous.text} ${text}`;
          previous.cells = [previous.text];
          previous.sources.push(source);
        } else {
          lines.push({ text, cells: cells.length >= 2 ? cells : [text], sources: [source], afterBlank });
        }
        afterBlank = false;
      }
      const marks = (cleaned.match(/\*\*/g) ?? []).length;
      if (marks % 2 === 1) emphasisOpen = emphasisOpen > 0 ? 0 : 1;
      else if (emphasisOpen > 0 && stripEmphasis(cleaned))
        emphasisOpen = emphasisOpen >= EMPHASIS_SPAN ? 0 : emphasisOpen + 1;
      if (!stripEmphasis(cleaned) && emphasisOpen === 0) afterBlank = true;
    });
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Line shapes.

/** Rules under headers ("-------", "___") and table separators ("|---|---|"). */
export function isRule(text: string): boolean {
  return /^[-_=–—.~|:+\s]{3,}$/.test(text) && /[-_=–—~]{3,}/.test(text.replace(/[|\s:+]/g, ''));
}

/** Page numbers and footers such as "Trang 2/5" or "- 3 -": never content. */
export function isNoise(text: string): boolean {
  if (!/\p{L}/u.test(text)) return true;
  return /^(?:trang|page)\s*\d+(?:\s*(?:\/|of|trên)\s*\d+)?$/iu.test(text);
}

export interface Numbered {
  /** "1", "2.3", as printed without the final dot. */
  number: string;
  depth: number;
  text: string;
}

/** "1. Mục đích", "2.3. Thời gian…", "1.1 Nội dung" (no final dot when nested). */
export function numberedItem(text: string): Numbered | null {
  const m = /^(\d{1,2}(?:\.\d{1,2})*)(?:[.)]\s*|\s+(?=\p{L}))(?=\S)(.*)$/u.exec(text);
  if (!m || (!m[1]!.includes('.') && !/^\d{1,2}[.)]/.test(text))) return null;
  return { number: m[1]!, depth: m[1]!.split('.').length, text: m[2]!.trim() };
}

/** "a) …", "b. …": sub-items written with letters. */
export function letteredItem(text: string): string | null {
  const m = /^[a-zđ][.)]\s+(\S.*)$/u.exec(text);
  return m ? m[1]! : null;
}

/** "- …", "+ …", "• …": the bullet text, or null. */
export function bulletText(text: string): string | null {
  const m = /^[-–—•+·]\s*(\S.*)$/u.exec(text);
  return m ? m[1]! : null;
}

/** Text without its list marker (bullet, number or letter). */
export function itemText(text: string): string {
  return bulletText(text) ?? letteredItem(text) ?? numberedItem(text)?.text ?? text;
}

export interface RomanHeading {
  numeral: string;
  text: string;
}

/** "II. NỘI DUNG" (or a short "II. Nội dung"): a part heading. */
export function romanHeading(text: string): RomanHeading | null {
  const m = /^([IVX]{1,5})\s*[.)]\s*(\p{Lu}.*)$/u.exec(text);
  if (!m || (!isUpperCase(m[2]!.slice(0, 20)) && m[2]!.length > 80)) return null;
  return { numeral: m[1]!, text: m[2]!.replace(/[:.]$/, '').trim() };
}

/** Authority line of a signature block: "KT. BỘ TRƯỞNG…", "TM. ĐOÀN CHỦ TỊCH", "Q. …". */
export function isAuthorityLine(text: string): boolean {
  return /^(?:KT|TM|Q|TL|TUQ)\s*\.\s*\p{Lu}/u.test(text) && isUpperCase(text);
}

export function isRecipientsHeading(text: string): RegExpExecArray | null {
  return /^nơi\s*nhận\s*:?\s*(.*)$/iu.exec(text);
}

/** Folded text for keyword tests: "MỤC ĐÍCH, YÊU CẦU" → "muc dich, yeu cau". */
export const fold = foldVietnamese;
