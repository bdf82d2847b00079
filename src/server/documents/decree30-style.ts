// Fonts, sizes, page geometry and the smallest paragraph pieces of the Decree 30/2020/NĐ-CP
// layout (Phụ lục I). Everything else in src/server/documents is built from these.
import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions } from 'docx';

export const FONT = 'Times New Roman';
export const BLACK = '000000';

/** A4 portrait in twips (1/20 pt). */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;

/** Decree 30 allows top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm: we use the minimums. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** Width between the margins, the width tables are laid out on. */
export const TEXT_WIDTH_TWIPS = A4_TWIPS.width - mmToTwips(MARGINS_MM.left) - mmToTwips(MARGINS_MM.right);

export const ONE_CM_TWIPS = 567;

/** Font sizes in points, named after their role in Decree 30. */
export const SIZE = {
  body: 14,
  governingBody: 13,
  issuer: 13,
  number: 13,
  nationalTitle: 12,
  motto: 13,
  placeDate: 14,
  documentType: 14,
  title: 14,
  signature: 14,
  pageNumber: 14,
  recipientsLabel: 12,
  recipients: 11,
} as const;

/** Body line spacing in 240ths of a line (Decree 30 allows single to 1.5 lines). */
export const BODY_LINE = 288;
/** Paragraph spacing after body paragraphs: Decree 30 asks for at least 6 pt. */
export const BODY_AFTER = 120;

export interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

/** A run with the font and colour spelled out, so a viewer's own defaults never leak in. */
export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    font: FONT,
    color: BLACK,
    size: style.size * 2,
    bold: style.bold ?? false,
    italics: style.italics ?? false,
  });
}

/** A compact centred line (header cells, titles, signature blocks). */
export function centredLine(
  text: string,
  style: RunStyle,
  extra: Omit<IParagraphOptions, 'children' | 'text'> = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    ...extra,
    children: [run(text, style)],
  });
}

/** An empty paragraph of the given point size, used as vertical space (e.g. for signing). */
export function blankLine(size: number = SIZE.body): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    run: { size: size * 2, font: FONT },
    children: [],
  });
}

/**
 * A short horizontal rule, centred in a space `availableTwips` wide: an empty, very low paragraph
 * whose top border is the rule. Paragraph borders survive Word, LibreOffice and mammoth alike,
 * unlike drawn shapes.
 */
export function rule(lengthTwips: number, availableTwips: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((availableTwips - lengthTwips) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 80, after, line: 40, lineRule: LineRuleType.EXACT },
    border: { top: { style: 'single', size: 6, color: BLACK, space: 1 } },
    run: { size: 2, font: FONT },
    children: [],
  });
}

/**
 * Rough width of a line of Times New Roman text in twips: good enough to size the rules that
 * Decree 30 wants as long as the motto line, or a third to a half of the agency name.
 */
export function estimateTextWidth(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const base = ch.normalize('NFD')[0] ?? ch;
    if (base === ' ') em += 0.25;
    else if (/\p{Lu}/u.test(base)) em += bold ? 0.73 : 0.69;
    else if (/\p{Ll}/u.test(base)) em += bold ? 0.5 : 0.46;
    else if (/\d/.test(base)) em += 0.5;
    else em += 0.33;
  }
  return Math.round(em * sizePt * 20);
}

/** Words a Vietnamese title line may well start with: a break before them reads naturally. */
const GOOD_LINE_STARTS = new Set([
  'giữa',
  'và',
  'của',
  'về',
  'cho',
  'với',
  'trong',
  'tại',
  'theo',
  'năm',
  'nhằm',
  'đến',
  'trên',
  'giai',
  'để',
]);

/** Penalty for breaking between `previous` and `next`, as a share of the line width. */
function breakPenalty(previous: string, next: string): number {
  // A capitalised syllable opens a name or a compound ("Ủy ban", "Chương trình", "Hội Liên
  // hiệp"): never leave it alone at the end of a line.
  const capital = /^\p{Lu}/u;
  if (capital.test(previous)) return 0.2;
  const linking = (word: string) => GOOD_LINE_STARTS.has(word.toLocaleLowerCase('vi'));
  // A linking word belongs to what follows it: it starts lines, it does not end them.
  if (linking(previous)) return 0.1;
  // "Ủy ban | Dân tộc": a capital after an ordinary word continues a name.
  if (capital.test(next) && !linking(previous)) return 0.15;
  return linking(next) ? 0 : 0.05;
}

/**
 * Splits a centred title into the fewest lines that fit `maxWidth`, as balanced as possible and
 * preferring breaks before linking words ("… Ủy ban Dân tộc / và Hội Liên hiệp …") to breaks
 * inside a name.
 */
export function balanceLines(text: string, sizePt: number, bold: boolean, maxWidth: number): string[] {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return [];
  const width = (from: number, to: number) => estimateTextWidth(words.slice(from, to).join(' '), sizePt, bold);
  // Estimates are rough: keep a margin so the renderer does not wrap a line we meant to keep.
  const limit = maxWidth * 0.94;
  const total = width(0, words.length);
  if (total <= limit) return [words.join(' ')];
  // A line "costs" its width, plus a penalty for the word the next line starts with.
  const cost = (from: number, to: number) => {
    const next = words[to];
    const previous = words[to - 1];
    const penalty = next === undefined || previous === undefined ? 0 : breakPenalty(previous, next);
    return width(from, to) + penalty * limit;
  };
  for (let lines = Math.ceil(total / limit); lines <= words.length; lines += 1) {
    const ends = bestBreaks(words.length, lines, cost);
    const starts = ends ? [0, ...ends.slice(0, -1)] : [];
    if (ends && ends.every((end, i) => width(starts[i]!, end) <= limit)) {
      return ends.map((end, i) => words.slice(starts[i], end).join(' '));
    }
  }
  return [words.join(' ')];
}

/** Line ends (exclusive word indexes) minimising the costliest of `lines` lines. */
function bestBreaks(count: number, lines: number, cost: (from: number, to: number) => number): number[] | null {
  // best[k][j]: the smallest possible costliest line when the first j words fill k lines.
  const best: number[][] = Array.from({ length: lines + 1 }, () => Array<number>(count + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: lines + 1 }, () => Array<number>(count + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 1; k <= lines; k += 1) {
    for (let j = k; j <= count; j += 1) {
      for (let i = k - 1; i < j; i += 1) {
        const candidate = Math.max(best[k - 1]![i]!, cost(i, j));
        if (candidate < best[k]![j]!) {
          best[k]![j] = candidate;
          from[k]![j] = i;
        }
      }
    }
  }
  if (!Number.isFinite(best[lines]![count]!)) return null;
  const ends: number[] = [];
  for (let k = lines, j = count; k > 0; k -= 1) {
    ends.unshift(j);
    j = from[k]![j]!;
  }
  return ends;
}
