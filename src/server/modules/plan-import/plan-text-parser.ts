// Reads the text of a Vietnamese administrative plan (Kế hoạch) into a PlanDocument. The text is
// read line by line through the parts of a Decree 30 plan: header, document type and title,
// preamble, Roman-numbered parts, signature blocks and "Nơi nhận". Every non-blank line either
// finds its place or is returned in `unparsed`, so an import never loses text silently.
import type {
  ParseResult,
  PlanDocument,
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
  isNationalLine,
  planIssuers,
  readDocumentType,
  readNumberLine,
  readPlaceDate,
} from './plan-text-header';
import {
  type ContentDraft,
  finishSections,
  newContentDraft,
  placeContentLine,
  startContentPart,
} from './plan-text-sections';

type Phase = 'header' | 'title' | 'preamble' | 'body' | 'closing';
type PartKind = 'aims' | 'content' | 'organisation' | 'funding' | 'unknown';

interface ParseState {
  plan: PlanDocument;
  unparsed: UnparsedLine[];
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
  for (const line of toPlanLines(text)) {
    if (!placeLine(state, line)) state.unparsed.push(...line.sources);
  }
  return { plan: finish(state), unparsed: state.unparsed };
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

function placeLine(s: ParseState, line: PlanLine): boolean {
  const { text } = line;
  if (isRule(text)) {
    if (s.phase === 'title' && s.title.length > 0) s.phase = 'preamble';
    return true;
  }
  if (isNoise(text)) return false;
  const recipients = isRecipientsHeading(text);
  if (recipients) {
    s.phase = 'closing';
    s.closing = 'recipients';
    if (recipients[1]) addRecipient(s, bulletText(recipients[1]) ?? recipients[1]);
    return true;
  }
  if (isAuthorityLine(text)) {
    s.phase = 'closing';
    s.closing = 'signature';
    s.signatures.push({ authority: text, position: '', signer: '' });
    return true;
  }
  if (s.phase === 'closing') return placeClosing(s, line);
  const roman = romanHeading(text);
  if (roman) return openPart(s, roman);
  switch (s.phase) {
    case 'header':
      return placeHeader(s, line);
    case 'title':
      return placeTitle(s, line);
    case 'preamble':
      s.preamble.push(text);
      return true;
    case 'body':
      return placeInPart(s, line);
  }
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

function placeHeaderText(s: ParseState, text: string, column: number | null): boolean {
  if (isRule(text) || isNationalLine(text)) return true;
  const number = readNumberLine(text);
  if (number) {
    if (s.symbol) return false;
    s.symbol = number.symbol;
    s.plan.number = number.number;
    return true;
  }
  const date = readPlaceDate(text);
  if (date) {
    s.plan.place = date.place;
    s.plan.issuedOn = date.issuedOn;
    return true;
  }
  if (s.phase !== 'header') return false;
  const type = readDocumentType(text);
  if (type) {
    s.plan.documentType = type.type;
    s.phase = 'title';
    if (type.rest) s.title.push(type.rest);
    return true;
  }
  if (!isUpperCase(text)) return false;
  const previous = column === null ? s.agencies[s.agencies.length - 1] : s.columnAgencies[column];
  const agency = addHeaderLine(s.agencies, previous, text);
  if (column !== null) s.columnAgencies[column] = agency;
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
  const preamble = /^(Căn cứ|Thực hiện|Nhằm|Để)\s/u.test(line.text) || /[.:;]$/.test(line.text);
  const continues = line.afterBlank ? s.title.length === 1 && line.text.length < 160 : s.title.length < 3;
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
  s.part = partKind(heading.text);
  startContentPart(s.content, planYear(s));
  s.responsibility = null;
  s.aimsList = /^yeu cau/.test(fold(heading.text)) ? 'requirements' : 'purposes';
  return s.part !== 'unknown';
}

function placeInPart(s: ParseState, line: PlanLine): boolean {
  switch (s.part) {
    case 'aims':
      return placeAim(s, line.text);
    case 'content':
      return placeContentLine(s.content, line);
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

const SIGNED_NOTE = /^\(?\s*(đã ký|ký,|ký tên|ký và|ký số)/iu;
const POSITION_WORDS = /(chu tich|giam doc|truong|pho |chu nhiem|uy vien|thu ky|bi thu)/;

function addRecipient(s: ParseState, text: string): void {
  const recipient = text.replace(/[\s;,.]+$/, '');
  if (recipient) s.plan.recipients.push(recipient);
}

function placeClosing(s: ParseState, line: PlanLine): boolean {
  if (s.closing === 'recipients') {
    const bullet = bulletText(line.text);
    if (bullet !== null || /^lưu\b/iu.test(line.text)) {
      addRecipient(s, bullet ?? line.text);
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
  const block = s.signatures[s.signatures.length - 1];
  if (!block || block.signer) return false;
  if (SIGNED_NOTE.test(line.text)) return true;
  const position = isUpperCase(line.text) && (!line.afterBlank || POSITION_WORDS.test(`${fold(line.text)} `));
  if (position) block.position = block.position ? `${block.position}\n${line.text}` : line.text;
  else block.signer = line.text;
  return true;
}

// ---------------------------------------------------------------------------------------------

function finish(s: ParseState): PlanDocument {
  const issuers = planIssuers(s.agencies, s.symbol);
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
