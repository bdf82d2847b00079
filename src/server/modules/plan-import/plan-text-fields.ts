// What the lines of a content section say about an activity: labelled attributes ("Chủ trì: …;
// Phối hợp: …", "Thời gian thực hiện: …"), expected outputs with numeric targets, agency lists,
// the level, and rows of an activity table pasted as text.
import type { ActivityLevel, ExpectedOutput, PlanActivityDoc } from '../../../shared/plan-document';
import { parseTimeframeVi } from '../../../shared/period';
import { fold, isUpperCase } from './plan-text-lines';

export type LabelKind = 'lead' | 'partners' | 'timeframe' | 'outputs' | 'activity' | 'description' | 'level';

export interface Labelled {
  kind: LabelKind;
  value: string;
  /** The label as printed ("Cơ quan chủ trì"), or the whole heading that names the role. */
  label: string;
  /** The punctuation after the value when it ends its line ("." of "Thời gian thực hiện: tháng 12/2022."). */
  end?: string;
}

const LABELS: Array<[LabelKind, string]> = [
  ['lead', '(?:đơn vị |cơ quan )?chủ trì(?: thực hiện)?|(?:đơn vị|cơ quan) thực hiện'],
  ['partners', '(?:đơn vị |cơ quan )?phối hợp(?: thực hiện)?'],
  ['timeframe', 'thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|tổ chức thực hiện|tiến độ'],
  ['outputs', 'sản phẩm(?: dự kiến| đầu ra)?|kết quả(?: dự kiến| đầu ra| cần đạt)?|chỉ tiêu'],
  ['activity', '(?:các )?hoạt động(?: cụ thể| chính| trọng tâm)?'],
  ['description', 'nội dung(?: hoạt động)?'],
  ['level', 'cấp(?: thực hiện)?'],
];

const LABEL_NAMES = LABELS.map(([, pattern]) => pattern).join('|');
const LABEL_AT = new RegExp(`(?:^|[;,.(]\\s*)(${LABEL_NAMES})\\s*:`, 'giu');
const LABEL_KINDS = LABELS.map(([kind, pattern]) => [kind, new RegExp(`^(?:${pattern})$`, 'iu')] as const);

const trimValue = (text: string) => text.replace(/^[\s:]+|[\s;,.]+$/g, '');

/**
 * "Chủ trì: Ủy ban Dân tộc; Phối hợp: Hội LHPN Việt Nam." → lead and partners. Null unless the
 * text starts with a label followed by a colon.
 */
export function readLabels(text: string): Labelled[] | null {
  const found = [...text.matchAll(LABEL_AT)];
  if (found[0]?.index !== 0) return null;
  return found.map((m, i) => {
    const name = m[1]!;
    const kind = LABEL_KINDS.find(([, re]) => re.test(name))![0];
    const last = i === found.length - 1;
    const raw = text.slice(m.index + m[0].length, last ? text.length : found[i + 1]!.index);
    const end = last ? /([;,.]*)\s*$/.exec(raw)![1] : '';
    return { kind, value: trimValue(raw), label: name, ...(end ? { end } : {}) };
  });
}

/** Headings may name their role without a colon: "1.2. Các hoạt động cụ thể", "1.1. Nội dung tuyên truyền". */
export function headingLabels(text: string): Labelled[] | null {
  const labels = readLabels(text);
  if (labels) return labels;
  const f = fold(text).replace(/[:.]$/, '');
  const label = text;
  if (/^(cac )?hoat dong( cu the| chinh| trong tam)?$/.test(f)) return [{ kind: 'activity', value: '', label }];
  if (/^noi dung\b/.test(f)) return [{ kind: 'description', value: '', label }];
  if (/^(thoi gian( thuc hien)?|to chuc thuc hien)$/.test(f)) return [{ kind: 'timeframe', value: '', label }];
  return null;
}

/** "Tổ chức hội thảo (Chủ trì: UBDT; phối hợp: Hội LHPN)." → the title and its labels. */
export function splitTrailingLabels(text: string): { title: string; labels: Labelled[] } {
  const m = /\s*\(([^()]*)\)\s*[.;]?$/u.exec(text);
  const labels = m ? readLabels(m[1]!) : null;
  if (!m || !labels) return { title: text, labels: [] };
  return { title: text.slice(0, m.index).trim(), labels };
}

// ---------------------------------------------------------------------------------------------
// Outputs and targets.

const UNITS = (
  'chương trình|lớp tập huấn|lớp|tổ hợp tác|hợp tác xã|tổ nhóm|hội nghị|hội thảo|mô hình|' +
  'câu lạc bộ|tổ|cuộc|đợt|buổi|tài liệu|sổ tay|video clip|video|phóng sự|chuyên mục|chuyên đề|' +
  'tin bài|tin, bài|bài|ấn phẩm|tờ rơi|cuốn|bộ|lượt người|người|hội viên|cán bộ|xã|thôn|bản|tỉnh|' +
  'đoàn|báo cáo|kế hoạch|văn bản|sự kiện|hộ'
).split('|');

function unitOf(phrase: string): string {
  const lower = phrase.toLocaleLowerCase('vi');
  const known = UNITS.filter((u) => lower === u || lower.startsWith(`${u} `)).sort((a, b) => b.length - a.length);
  return known[0] ?? lower.split(/\s+/)[0] ?? '';
}

// Things a plan counts as products or events; a bare number before one of them is a target
// ("Tổ chức 10 hội nghị"), while "14 tỉnh" or "6 tháng" only say where or how long.
const COUNTED = (
  'chương trình|lớp|hội nghị|hội thảo|mô hình|câu lạc bộ|tổ|cuộc|đợt|buổi|tài liệu|sổ tay|video|' +
  'phóng sự|chuyên mục|chuyên đề|tin bài|bài|ấn phẩm|tờ rơi|cuốn|đoàn|sự kiện'
).split('|');

const NUMBER = String.raw`(\d{1,3}(?:\.\d{3})+|\d+)`;
const MARKER = String.raw`(?:(ít nhất|tối thiểu|không ít hơn)\s+(?:là\s+)?)`;
const COUNT_IN_TEXT = new RegExp(`${MARKER}?(?<![\\p{L}\\p{N}.,/-])${NUMBER}(\\s*%)?(?!\\p{N}|[.,/]\\p{N})`, 'giu');
const COUNTED_AFTER = new RegExp(`^\\s+(?:${COUNTED.join('|')})(?!\\p{L})`, 'iu');
const CLAUSE_END =
  /[;)]|\.(?!\d)|,\s+(?=(?:ít nhất\s+|tối thiểu\s+)?\d|bảo đảm|đảm bảo|trong đó|nhằm|để|góp phần)|\s+(?:và|hoặc)\s+(?=(?:ít nhất\s+)?\d)/u;

function toOutput(numberText: string, percent: boolean, phrase: string): ExpectedOutput {
  const rest = phrase.slice(phrase.indexOf(numberText) + numberText.length).replace(/^\s*%?\s*/, '');
  return { text: phrase, target: Number(numberText.replace(/\./g, '')), unit: percent ? '%' : unitOf(rest) };
}

/**
 * Targets stated in running text: "ít nhất là 01 Chương trình …", a zero-padded count ("02 lớp
 * tập huấn", a form administrative texts keep for counts) or a number of things a plan produces
 * ("10 hội nghị"). Years, project numbers and dates ("Dự án 8", "năm 2022", "01/2022/TT-UBDT")
 * are not targets.
 */
export function extractOutputs(text: string): ExpectedOutput[] {
  const outputs: ExpectedOutput[] = [];
  for (const m of text.matchAll(COUNT_IN_TEXT)) {
    const [whole, marker, numberText, percent] = m;
    const end = m.index + whole.length;
    if (!marker && !/^0\d/.test(numberText!) && !COUNTED_AFTER.test(text.slice(end))) continue;
    const start = end - numberText!.length - (percent?.length ?? 0);
    const rest = text.slice(start);
    const clauseEnd = rest.search(CLAUSE_END);
    outputs.push(toOutput(numberText!, Boolean(percent), rest.slice(0, clauseEnd < 0 ? undefined : clauseEnd).trim()));
  }
  return outputs;
}

const LISTED_COUNT = new RegExp(`^${MARKER}?${NUMBER}(\\s*%)?\\s*(\\S.*)?$`, 'iu');

/** A "Sản phẩm" cell or label: "02 lớp tập huấn; 01 hội thảo", "Báo cáo sơ kết". */
export function outputsFromList(text: string): ExpectedOutput[] {
  return text
    .split(/;\s*|,\s+(?=(?:ít nhất\s+)?\d)|\s+và\s+(?=\d)/u)
    .map(trimValue)
    .filter(Boolean)
    .map((item) => {
      const m = LISTED_COUNT.exec(item);
      if (!m) return { text: item };
      const phrase = m[1] ? item.slice(item.indexOf(m[2]!)) : item;
      return toOutput(m[2]!, Boolean(m[3]), phrase);
    });
}

// ---------------------------------------------------------------------------------------------
// Agencies and level.

/**
 * "Hội LHPN Việt Nam, Bộ Y tế; các cơ quan liên quan" → three agencies. A short lower-case piece
 * after a comma belongs to the name before it ("Hội LHPN các tỉnh, thành").
 */
export function splitAgencies(text: string): string[] {
  const agencies: string[] = [];
  for (const piece of text.split(/[;,]/).map(trimValue)) {
    if (!piece || /^[-–x]$/i.test(piece)) continue;
    const previous = agencies.length - 1;
    if (previous >= 0 && /^\p{Ll}/u.test(piece) && piece.split(/\s+/).length <= 2) {
      agencies[previous] = `${agencies[previous]}, ${piece}`;
    } else agencies.push(piece);
  }
  return agencies;
}

/** "Trung ương", "cấp tỉnh", "cấp xã" → the level; null when the text names none. */
export function levelOf(text: string): ActivityLevel | null {
  const f = fold(text);
  if (/\b(trung uong|tw|toan quoc)\b/.test(f)) return 'central';
  if (/\b(tinh|thanh pho)\b/.test(f)) return 'provincial';
  if (/\b(xa|phuong|dac khu|co so|thon)\b/.test(f)) return 'commune';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Activity tables: STT | Nội dung hoạt động | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Sản phẩm.

export type TableColumn = 'number' | 'title' | 'lead' | 'partners' | 'timeframe' | 'outputs' | 'level';
export type TableColumns = Partial<Record<TableColumn, number>>;

/** The column order when a table comes without its header row. */
export const DEFAULT_COLUMNS: TableColumns = { number: 0, title: 1, lead: 2, partners: 3, timeframe: 4, outputs: 5 };

function columnOf(cell: string): TableColumn | null {
  const f = fold(cell);
  if (/^(stt|tt|so tt)$/.test(f)) return 'number';
  if (f.includes('chu tri')) return 'lead';
  if (f.includes('phoi hop')) return 'partners';
  if (/thoi gian|thoi han|tien do/.test(f)) return 'timeframe';
  if (/san pham|ket qua|chi tieu/.test(f)) return 'outputs';
  if (/^cap\b/.test(f)) return 'level';
  if (/noi dung|hoat dong|nhiem vu/.test(f)) return 'title';
  return null;
}

/** The header row of an activity table, or null when the cells are not one. */
export function readTableHeader(cells: string[]): TableColumns | null {
  const columns: TableColumns = {};
  cells.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column && columns[column] === undefined) columns[column] = index;
  });
  return columns.title !== undefined && Object.keys(columns).length >= 3 ? columns : null;
}

export type TableRowDoc =
  { kind: 'group'; number: string; title: string } | { kind: 'activity'; activity: PlanActivityDoc };

/**
 * A data row becomes an activity; a row numbered "I"/"A", or one with only an upper-case
 * title, groups the rows below it into a section.
 */
export function readTableRow(cells: string[], columns: TableColumns, defaultYear?: number): TableRowDoc | null {
  const cell = (column: TableColumn) => {
    const index = columns[column];
    return index === undefined ? '' : trimValue(cells[index] ?? '');
  };
  const number = cell('number');
  const title = cell('title');
  if (!title) return null;
  const details = (['lead', 'partners', 'timeframe', 'outputs', 'level'] as const).some((c) => cell(c));
  if (/^([IVX]+|[A-Z])$/.test(number) || (!details && isUpperCase(title))) return { kind: 'group', number, title };
  const lead = splitAgencies(cell('lead')).join(', ');
  return {
    kind: 'activity',
    activity: {
      title,
      timeframe: parseTimeframeVi(cell('timeframe'), defaultYear),
      leadAgency: lead || null,
      partnerAgencies: splitAgencies(cell('partners')),
      level: levelOf(cell('level')),
      outputs: cell('outputs') ? outputsFromList(cell('outputs')) : extractOutputs(title),
    },
  };
}
