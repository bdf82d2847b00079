// Reads the text of a Vietnamese administrative plan (Kế hoạch) into a PlanDocument. The text is
// read line by line through the parts of a Decree 30 plan: header, document type and title,
// preamble, Roman-numbered parts, signature blocks and "Nơi nhận". Every non-blank line either
// finds its place or is returned in `unparsed`, so an import never loses text silently.
import type {
  DecisionDoc,
  DocumentKind,
  LineRole,
  ParseResult,
  PlanDocument,
  RecognisedLine,
  ResponsibilityDoc,
  SignatureDoc,
  UnparsedLine,
} from '../../../shared/plan-document';
import {
  type PlanLine,
  type RomanHeading,
  bulletText,
  fold,
  isAuthorityLine,
  isNoise,
  isRecipientsHeading,
  isRule,
  isUpperCase,
  itemText,
  numberedItem,
  romanHeading,
  toPlanLines,
} from './plan-text-lines';
import {
  type HeaderAgency,
  addHeaderLine,
  documentKindOf,
  nationalLine,
  planIssuers,
  sharePlaces,
  startsAgency,
  startsAgencySentence,
  endsMidName,
  readDocumentType,
  readNumberLine,
  readPlaceDate,
} from './plan-text-header';
import {
  type ContentDraft,
  finishSections,
  newContentDraft,
  openArea,
  placeContentLine,
  startContentPart,
} from './plan-text-sections';

type Phase = 'header' | 'title' | 'preamble' | 'articles' | 'body' | 'closing';
type PartKind = 'aims' | 'content' | 'organisation' | 'funding' | 'unknown';

interface ParseState {
  plan: PlanDocument;
  unparsed: UnparsedLine[];
  recognised: RecognisedLine[];
  /** The line being placed, for what is recorded about it. */
  line: PlanLine | null;
  kind: DocumentKind | null;
  outline: string[];
  legalBases: string[];
  /** A decision's own parts, once its annexed plan begins (or at the end). */
  decision: DecisionDoc | null;
  articles: string[];
  authority: string;
  /** The text has a Decree 30 header (Quốc hiệu or "Số:" near the top): its agency lines may be in sentence case. */
  laidOut: boolean;
  /** "Chương I" was read alone: the capitals line under it is its title. */
  chapterTitle: boolean;
  /** In an appendix after the signature: its Roman-numbered rows group tasks, they are no parts. */
  appendix: boolean;
  phase: Phase;
  symbol: string;
  agencies: HeaderAgency[];
  /** The last agency seen in each column of a header pasted as a table row. */
  columnAgencies: Array<HeaderAgency | undefined>;
  title: string[];
  preamble: string[];
  part: PartKind;
  aimsList: 'purposes' | 'requirements';
  content: ContentDraft;
  responsibility: ResponsibilityDoc | null;
  funding: string[];
  signatures: SignatureDoc[];
  closing: 'signature' | 'recipients';
}

/** Parses a plan's text. Pure: no I/O, the same text always gives the same result. */
export function parsePlanText(text: string): ParseResult {
  const state = initialState();
  const lines = toPlanLines(text);
  state.laidOut = lines.slice(0, 40).some((l) => l.cells.some((c) => nationalLine(c) !== null || readNumberLine(c)));
  for (let i = 0; i < lines.length; i++) {
    if (state.phase === 'header' || (state.phase === 'title' && state.title.length === 0)) joinBrokenHeader(lines, i);
    joinBrokenHeading(lines, i);
    const line = lines[i]!;
    state.line = line;
    if (!placeLine(state, line)) state.unparsed.push(...line.sources);
  }
  const plan = finish(state);
  return {
    plan,
    unparsed: state.unparsed,
    kind: state.kind ?? 'plan',
    outline: state.outline,
    legalBases: state.legalBases,
    decision: state.decision ?? (state.kind === 'decision' ? decisionOf(state) : null),
    recognised: state.recognised,
  };
}

/** Records what a placed line is, when the structure does not keep its words. */
function note(s: ParseState, role: LineRole, text = s.line?.text ?? ''): void {
  if (s.line && text) s.recognised.push({ line: s.line.sources[0]!.line, role, text });
}

function headerRole(text: string): boolean {
  return nationalLine(text) !== null || readNumberLine(text) !== null || readPlaceDate(text) !== null;
}

/**
 * A heading in capitals broken by the converter: "I. MỤC" / "ĐÍCH, YÊU CẦU", "TM. ỦY BAN NHÂN" / "DÂN".
 * A part heading takes the capitals line right under it; an authority line only when it ends mid-name.
 */
function joinBrokenHeading(lines: PlanLine[], i: number): void {
  const first = lines[i]!;
  const next = lines[i + 1];
  if (!next || next.afterBlank || next.cells.length > 1 || first.cells.length > 1 || !isUpperCase(next.text)) return;
  if (romanHeading(next.text) || isAuthorityLine(next.text)) return;
  if (numberedItem(next.text) || bulletText(next.text) !== null) return;
  const numeralAlone = /^[IVX]{1,5}\.$/.test(first.text);
  if (/[.:;]$/.test(first.text) && !numeralAlone) return;
  const roman = (romanHeading(first.text) && isUpperCase(first.text)) || numeralAlone;
  const authority = isAuthorityLine(first.text) && endsMidName(first.text);
  if (!roman && !authority) return;
  const text = `${first.text} ${next.text}`;
  lines.splice(i, 2, { ...first, text, cells: [text], sources: [...first.sources, ...next.sources] });
}

/**
 * Converters and web pages break header lines anywhere: "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM",
 * "Số:" / "7360/KH-UBND", "Hà" / "Nội, ngày 13 tháng 8" / "năm 2015". When two or three lines read
 * together are one header part and the first alone is not, they become one line.
 */
function joinBrokenHeader(lines: PlanLine[], i: number): void {
  const first = lines[i]!;
  if (first.cells.length > 1 || headerRole(first.text)) return;
  for (const count of [2, 3]) {
    const run = lines.slice(i, i + count);
    if (run.length < count || run.some((l) => l.cells.length > 1)) return;
    const text = run.map((l) => l.text).join(' ');
    if (headerRole(text)) {
      lines.splice(i, count, { ...first, text, cells: [text], sources: run.flatMap((l) => l.sources) });
      return;
    }
  }
}

function initialState(): ParseState {
  return {
    plan: {
      number: '',
      issuedOn: null,
      place: '',
      issuers: [],
      documentType: '',
      title: '',
      preamble: '',
      purposes: [],
      requirements: [],
      sections: [],
      responsibilities: [],
      funding: '',
      signatures: [],
      recipients: [],
    },
    unparsed: [],
    recognised: [],
    line: null,
    kind: null,
    outline: [],
    legalBases: [],
    decision: null,
    articles: [],
    authority: '',
    chapterTitle: false,
    appendix: false,
    laidOut: false,
    phase: 'header',
    symbol: '',
    agencies: [],
    columnAgencies: [],
    title: [],
    preamble: [],
    part: 'unknown',
    aimsList: 'purposes',
    content: newContentDraft(),
    responsibility: null,
    funding: [],
    signatures: [],
    closing: 'signature',
  };
}

const LEGAL_BASIS = /^(Căn cứ|Thực hiện|Xét đề nghị|Theo đề nghị|Xét tờ trình)(?=[\s,:]|$)/iu;
const ANNEX_NOTE = /^\(?\s*(?:ban hành|phê duyệt|kèm theo)\b.*(?:kèm theo|quyết định)/iu;
const ARTICLE = /^Điều\s+(\d+)\s*[.:]?\s*(.*)$/u;
const CHAPTER = /^(Chương|Phần|Mục)\s+([IVXLC]+|\d+)\b\s*[.:]?\s*(.*)$/u;
/** The authority that decides, printed under a decision's title: "THỦ TƯỚNG CHÍNH PHỦ". */
const DECIDER =
  /^(uy ban nhan dan|ubnd|bo truong|thu tuong|chu tich|giam doc|truong ban|hoi dong|ban thuong vu|doan chu tich|tong cuc truong|cuc truong)\b/;

function placeLine(s: ParseState, line: PlanLine): boolean {
  const { text } = line;
  if (isRule(text)) {
    if (s.phase === 'title' && s.title.length > 0) s.phase = 'preamble';
    note(s, 'layout');
    return true;
  }
  if (isNoise(text)) {
    // Page furniture ("Trang 2/5") is reported; a line without words ("|", "2017-2021") may end a title.
    if (/\p{L}/u.test(text)) return false;
    if (s.phase === 'title' && s.title.length > 0 && /\d/.test(text)) return placeTitle(s, line);
    note(s, 'layout');
    return true;
  }
  const recipients = isRecipientsHeading(text);
  if (recipients) {
    s.phase = 'closing';
    s.closing = 'recipients';
    note(s, 'recipients', text.slice(0, text.length - (recipients[1]?.length ?? 0)).trim());
    // A two-column footer flattened: "Nơi nhận: TM. BAN THƯỜNG VỤ".
    const [rest, signature] = splitFooter(recipients[1] ?? '', s.signatures.length === 0);
    if (rest) addRecipient(s, bulletText(rest) ?? rest);
    if (signature) {
      s.signatures.push({ authority: signature, position: '', signer: '' });
      s.closing = 'recipients';
    }
    return true;
  }
  if (isAuthorityLine(text)) {
    s.phase = 'closing';
    s.closing = 'signature';
    const block = s.signatures[s.signatures.length - 1];
    // "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": one block with a two-line authority,
    // also with a blank line between (a paragraph each): a "KT." signs under the "TM." above it.
    const stacked =
      block &&
      /^TM\s*\./u.test(block.authority) &&
      !block.authority.includes('\n') &&
      /^(?:KT|Q|TL|TUQ)\s*\./u.test(text);
    if (block && !block.position && !block.signer && (!line.afterBlank || stacked)) block.authority += `\n${text}`;
    else s.signatures.push({ authority: text, position: '', signer: '' });
    return true;
  }
  // The plan annexed to a decision starts with its own document type.
  if (s.kind === 'decision' && (s.phase === 'closing' || s.phase === 'articles')) {
    const type = readDocumentType(text);
    if (type && documentKindOf(type.type) !== 'decision') return startAnnex(s, type);
  }
  if (s.phase === 'closing' && /^phụ lục\b/iu.test(text) && isUpperCase(text)) {
    // An appendix after the signature (a task table): read as content.
    s.phase = 'body';
    s.part = 'content';
    startContentPart(s.content, planYear(s));
    s.appendix = true;
    note(s, 'heading');
    return true;
  }
  if (s.phase === 'closing') return placeClosing(s, line);
  if (ANNEX_NOTE.test(text) && s.phase !== 'body') {
    if (s.phase === 'title' && s.title.length > 0) s.phase = 'preamble';
    note(s, 'annex-note');
    return true;
  }
  if (s.kind === 'decision' && s.phase !== 'body' && /^quyetdinh$/.test(fold(text).replace(/[^a-z]/g, ''))) {
    s.phase = 'articles';
    note(s, 'document-type');
    return true;
  }
  if (s.phase === 'articles') return placeArticle(s, text);
  const chapter = CHAPTER.exec(text);
  if (s.chapterTitle && isUpperCase(text) && !romanHeading(text)) {
    s.outline[s.outline.length - 1] += ` ${text}`;
    s.chapterTitle = false;
    note(s, 'heading');
    return true;
  }
  s.chapterTitle = false;
  if (chapter && s.phase !== 'header') {
    s.chapterTitle = !chapter[3];
    s.phase = 'body';
    s.part = 'content';
    s.outline.push(text);
    note(s, 'heading');
    startContentPart(s.content, planYear(s));
    return true;
  }
  const roman = romanHeading(text);
  if (roman) return openPart(s, roman);
  switch (s.phase) {
    case 'header':
      return placeHeader(s, line);
    case 'title':
      return placeTitle(s, line);
    case 'preamble':
      return placePreamble(s, text);
    case 'body':
      return placeInPart(s, line);
  }
}

function placePreamble(s: ParseState, text: string): boolean {
  if (s.kind === 'decision' && !s.authority && s.preamble.length === 0 && isDecider(text)) {
    s.authority = text;
    note(s, 'authority');
    return true;
  }
  s.preamble.push(text);
  const last = s.legalBases.length - 1;
  if (LEGAL_BASIS.test(text)) s.legalBases.push(text);
  else if (last >= 0 && !/[.:]$/.test(s.legalBases[last]!) && s.preamble.length > 1) s.legalBases[last] += ` ${text}`;
  return true;
}

function isDecider(text: string): boolean {
  return DECIDER.test(fold(text)) && text.split(/\s+/).length <= 14 && !/[.;]$/.test(text);
}

/** "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …" and the lines of each article. */
function placeArticle(s: ParseState, text: string): boolean {
  if (ARTICLE.test(text) || s.articles.length === 0) s.articles.push(text);
  else s.articles[s.articles.length - 1] += `\n${text}`;
  note(s, 'article');
  return true;
}

function decisionOf(s: ParseState): DecisionDoc {
  return {
    number: s.plan.number,
    issuedOn: s.plan.issuedOn,
    title: s.title.join(' '),
    authority: s.authority,
    preamble: s.preamble.join('\n'),
    articles: s.articles,
    signatures: s.signatures.map((signature) => ({ ...signature, agency: null })),
    recipients: s.plan.recipients,
  };
}

/** The decision is over: what follows is its annex, the plan itself, with no header of its own. */
function startAnnex(s: ParseState, type: { type: string; rest: string }): boolean {
  s.decision = decisionOf(s);
  s.title = [];
  s.preamble = [];
  s.signatures = [];
  s.plan = { ...s.plan, recipients: [], documentType: type.type };
  s.phase = 'title';
  note(s, 'document-type', type.type);
  if (type.rest) s.title.push(type.rest);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Header, document type and title.

function placeHeader(s: ParseState, line: PlanLine): boolean {
  if (line.cells.length === 1) return placeHeaderText(s, line.text, null);
  // A header pasted from its two-column table: each cell is read on its own.
  line.cells.forEach((cell, column) => {
    if (cell && !placeHeaderText(s, cell, column)) s.unparsed.push({ line: line.sources[0]!.line, text: cell });
  });
  return true;
}

/** A line holding two header parts side by side (a two-column header flattened): split before the second. */
const SECOND_PART = /\s+(?=CỘNG\s*H(?:ÒA|OÀ)\s*XÃ|Độc\s*lập\s*[-–]|Số\s*:|\p{Lu}[\p{L}. ]{1,40},\s*ngày\s)/u;

function placeHeaderText(s: ParseState, text: string, column: number | null): boolean {
  if (isRule(text)) {
    note(s, 'layout', text);
    return true;
  }
  const national = nationalLine(text);
  if (national) {
    note(s, national, text);
    return true;
  }
  const number = readNumberLine(text);
  const date = readPlaceDate(text);
  const second = !date ? SECOND_PART.exec(text) : null;
  if (second && second.index > 0) {
    // Place the first part, then the rest (which may hold a third part).
    const first = placeHeaderText(s, text.slice(0, second.index), column);
    return placeHeaderText(s, text.slice(second.index).trim(), column) && first;
  }
  if (number) {
    if (s.symbol) return false;
    s.symbol = number.symbol;
    s.plan.number = number.number;
    note(s, 'number', text);
    return true;
  }
  if (date) {
    s.plan.place = date.place;
    s.plan.issuedOn = date.issuedOn;
    note(s, 'place-date', text);
    return true;
  }
  if (s.phase !== 'header') return false;
  const nothingYet = s.agencies.length === 0 && !s.symbol && s.recognised.length === 0;
  // A type alone on its line ("Kế hoạch") is one in any case; with a title after it, only at the top.
  const typeAlone = /^(kế hoạch|quyết định|chương trình|quy chế)( (liên tịch|phối hợp|hành động))?$/iu.test(text);
  const type = readDocumentType(text, nothingYet || typeAlone);
  if (type) {
    s.plan.documentType = type.type;
    s.kind = documentKindOf(type.type);
    s.phase = 'title';
    note(s, 'document-type', type.type);
    if (type.rest) s.title.push(type.rest);
    return true;
  }
  // A web page may print the header in sentence case: "Ủy ban nhân dân tỉnh Lào Cai".
  const sentenceAgency =
    s.laidOut &&
    startsAgencySentence(text) &&
    text.split(/\s+/).length <= 12 &&
    !/[.;:,]$/.test(text) &&
    s.title.length === 0;
  if (!isUpperCase(text) && !sentenceAgency) {
    // A text with no header (a news article, a pasted body): its first sentence starts the preamble.
    if (LEGAL_BASIS.test(text)) {
      s.phase = 'preamble';
      return placePreamble(s, text);
    }
    // No header at all (a news article summarising a plan): its headline is the title, its text the preamble.
    if (!s.laidOut && nothingYet && text.length <= 300) {
      s.title.push(text);
      s.phase = 'preamble';
      return true;
    }
    return false;
  }
  const previous = column === null ? s.agencies[s.agencies.length - 1] : s.columnAgencies[column];
  // Only agency lines make issuers: a line that starts no agency and continues none is not one.
  if (!previous && !startsAgency(text)) return false;
  const agency = addHeaderLine(s.agencies, previous, text);
  if (column !== null) s.columnAgencies[column] = agency;
  note(s, 'issuer', text);
  return true;
}

/**
 * The title is the line or two right after the document type. Word may or may not leave a blank
 * line between its two lines, so the end of the title is where a line reads like the preamble
 * ("Căn cứ…", "…như sau:", a long sentence) or, without a blank line, a rule or a third line.
 */
function placeTitle(s: ParseState, line: PlanLine): boolean {
  if (s.title.length === 0) {
    if (!placeHeaderText(s, line.text, null)) s.title.push(line.text);
    return true;
  }
  if (s.kind === 'decision' && isDecider(line.text) && (isUpperCase(line.text) || !isUpperCase(s.title[0]!))) {
    s.phase = 'preamble';
    return placeLine(s, line);
  }
  const preamble = /^(Căn cứ|Thực hiện|Nhằm|Để)\s/u.test(line.text) || /[.:;]$/.test(line.text);
  // A title in capitals goes on while the lines are capitals (converters break it anywhere).
  const upperTitle = isUpperCase(s.title.join(' ')) && !/\p{Ll}/u.test(line.text) && s.title.length < 8;
  const sentenceAfterCapitals = isUpperCase(s.title.join(' ')) && /\p{Ll}/u.test(line.text) && line.afterBlank;
  const continues =
    upperTitle ||
    (!sentenceAfterCapitals && (line.afterBlank ? s.title.length === 1 && line.text.length < 160 : s.title.length < 3));
  if (continues && !preamble && !/[.:;]$/.test(s.title[s.title.length - 1]!)) {
    s.title.push(line.text);
    return true;
  }
  s.phase = 'preamble';
  return placeLine(s, line);
}

// ---------------------------------------------------------------------------------------------
// Parts.

function partKind(heading: string): PartKind {
  const f = fold(heading);
  if (/^(muc dich|muc tieu|yeu cau)/.test(f)) return 'aims';
  if (/kinh phi|ngan sach/.test(f)) return 'funding';
  if (/^(to chuc thuc hien|trach nhiem|phan cong)/.test(f)) return 'organisation';
  if (/noi dung|nhiem vu|hoat dong|chuong trinh/.test(f)) return 'content';
  return 'unknown';
}

/** The year of the plan, for timeframes that name none. */
function planYear(s: ParseState): number | undefined {
  const year = s.plan.issuedOn?.slice(0, 4) ?? /năm (\d{4})/u.exec(s.title.join(' '))?.[1];
  return year ? Number(year) : undefined;
}

function openPart(s: ParseState, heading: RomanHeading): boolean {
  s.phase = 'body';
  // A part the plan layout does not name ("III. GIẢI PHÁP") is read as content: areas and activities.
  const kind = partKind(heading.text);
  s.part = kind === 'unknown' ? 'content' : kind;
  startContentPart(s.content, planYear(s));
  s.responsibility = null;
  s.aimsList = /^yeu cau/.test(fold(heading.text)) ? 'requirements' : 'purposes';
  if (!s.appendix) s.outline.push(s.line?.text ?? `${heading.numeral}. ${heading.text}`);
  note(s, 'heading');
  return true;
}

function placeInPart(s: ParseState, line: PlanLine): boolean {
  switch (s.part) {
    case 'aims':
      return placeAim(s, line.text);
    case 'content': {
      const article = s.kind === 'rules' ? ARTICLE.exec(line.text) : null;
      if (article) {
        note(s, 'label', 'Điều');
        openArea(s.content, article[1]!, article[2]!);
        return true;
      }
      const placed = placeContentLine(s.content, line);
      for (const label of s.content.labels.splice(0)) note(s, 'label', label);
      return placed;
    }
    case 'organisation':
      return placeResponsibility(s, line.text);
    case 'funding':
      s.funding.push(line.text);
      return true;
    case 'unknown':
      return false;
  }
}

const AIMS_HEADING = /^(mục đích|mục tiêu|yêu cầu)(?: chung| cụ thể)?\s*(?:[:.]\s*(.*))?$/iu;

/** "1. Mục đích" and "2. Yêu cầu" switch lists; every other line is an item of the current one. */
function placeAim(s: ParseState, text: string): boolean {
  const item = itemText(text);
  const heading = AIMS_HEADING.exec(item);
  if (heading) {
    note(s, 'heading', item);
    s.aimsList = fold(heading[1]!).startsWith('yeu') ? 'requirements' : 'purposes';
    if (heading[2]) s.plan[s.aimsList].push(heading[2]);
    return true;
  }
  s.plan[s.aimsList].push(item);
  return true;
}

/** "1. TW Hội LHPN Việt Nam" names an actor; the lines under it are its tasks. */
function placeResponsibility(s: ParseState, text: string): boolean {
  const numbered = numberedItem(text);
  if (numbered?.depth === 1) {
    const inline = /^([^:]{2,120}):\s*(\S.*)$/u.exec(numbered.text);
    s.responsibility = { actor: (inline?.[1] ?? numbered.text).replace(/[.:]$/, '').trim(), tasks: [] };
    if (inline) s.responsibility.tasks.push(inline[2]!);
    s.plan.responsibilities.push(s.responsibility);
    return true;
  }
  if (!s.responsibility) return false;
  s.responsibility.tasks.push(itemText(text));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Signatures and recipients.

/** The head of an agency signing in their own name: "THỦ TƯỚNG", "CHỦ TỊCH", "BỘ TRƯỞNG". */
const HEAD_POSITION =
  /^(pho )?(thu tuong|chu tich|bo truong|thu truong|giam doc|truong ban|chu nhiem|cuc truong|vien truong|tong cuc truong|chanh an)\b/;
const SIGNED_NOTE = /^\(?\s*(đã ký|ký,|ký tên|ký và|ký số)/iu;
const POSITION_WORDS = /(chu tich|giam doc|truong|pho |chu nhiem|uy vien|thu ky|bi thu)/;

function addRecipient(s: ParseState, text: string): void {
  const recipient = text.replace(/[\s;,.]+$/, '');
  if (recipient) s.plan.recipients.push(recipient);
}

const FOOTER_AUTHORITY = /\s+(?=(?:KT|TM|Q|TL|TUQ)\s*\.\s*\p{Lu}[^\p{Ll}]*$)/u;
const FOOTER_POSITION = /[;,.]\s+(?=\p{Lu}[^\p{Ll}]*$)/u;

/** A recipient line with the signature column's text at its end: [recipient, authority or position]. */
function splitFooter(text: string, authorityOnly: boolean): [string, string] {
  const authority =
    FOOTER_AUTHORITY.exec(text) ?? (/^(?:KT|TM|Q|TL|TUQ)\s*\.\s*\p{Lu}[^\p{Ll}]*$/u.test(text) ? { index: 0 } : null);
  if (authority) return [text.slice(0, authority.index).trim(), text.slice(authority.index).trim()];
  const position = authorityOnly ? null : FOOTER_POSITION.exec(text);
  if (position && HEAD_POSITION.test(fold(text.slice(position.index + 1).trim())))
    return [text.slice(0, position.index + 1).trim(), text.slice(position.index + 1).trim()];
  return [text, ''];
}

function placeClosing(s: ParseState, line: PlanLine): boolean {
  if (s.closing === 'recipients') {
    const bullet = bulletText(line.text);
    if (bullet !== null || /^lưu\b/iu.test(line.text)) {
      const [recipient, signature] = splitFooter(bullet ?? line.text, false);
      addRecipient(s, recipient);
      if (signature && isAuthorityLine(signature))
        s.signatures.push({ authority: signature, position: '', signer: '' });
      else if (signature) placeSignatureLine(s, { ...line, text: signature, afterBlank: false });
      return true;
    }
  }
  return placeSignatureLine(s, line);
}

/**
 * After the authority line come its position line(s) in upper case, then, after the space left
 * for signing, the signer's name. A "(Đã ký)" note may stand in between.
 */
function placeSignatureLine(s: ParseState, line: PlanLine): boolean {
  // A head who signs in their own name ("THỦ TƯỚNG", then the name): a block without KT./TM.
  if (s.signatures.length === 0 && isUpperCase(line.text) && HEAD_POSITION.test(fold(line.text))) {
    s.signatures.push({ authority: '', position: line.text, signer: '' });
    return true;
  }
  const block = s.signatures[s.signatures.length - 1];
  if (!block || block.signer) return false;
  if (SIGNED_NOTE.test(line.text)) {
    note(s, 'signed-note');
    return true;
  }
  const position = isUpperCase(line.text) && (!line.afterBlank || POSITION_WORDS.test(`${fold(line.text)} `));
  if (position) block.position = block.position ? `${block.position}\n${line.text}` : line.text;
  else block.signer = line.text;
  return true;
}

// ---------------------------------------------------------------------------------------------

function finish(s: ParseState): PlanDocument {
  sharePlaces(s.agencies);
  const decider = s.decision?.authority ?? s.authority;
  // A decision without its header names its issuer in the authority line: "Ủy ban nhân dân tỉnh Nghệ An".
  if (s.agencies.length === 0 && decider && /^(uy ban|ubnd|hoi dong|ban thuong vu)\b/.test(fold(decider)))
    s.agencies.push({ name: decider, related: [] });
  const issuers = planIssuers(s.agencies, s.symbol);
  // A decision issued the plan: its signer signs the plan, its Nơi nhận receives it.
  if (s.decision && s.signatures.length === 0) s.signatures = s.decision.signatures.map((x) => ({ ...x }));
  if (s.decision && s.plan.recipients.length === 0) s.plan.recipients = [...s.decision.recipients];
  // Blocks are read left to right and a joint plan puts the lead agency's block on the right.
  const agencies = s.signatures.length === issuers.length ? [...issuers].reverse() : [];
  return {
    ...s.plan,
    issuers,
    title: s.title.join(' '),
    preamble: s.preamble.join('\n'),
    sections: finishSections(s.content),
    funding: s.funding.join('\n'),
    signatures: s.signatures.map((signature, i) => ({ ...signature, agency: agencies[i] ?? null })),
  };
}
