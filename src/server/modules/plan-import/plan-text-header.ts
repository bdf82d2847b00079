// The Decree 30 header of a plan: agency lines, "Số: …", the national motto, place and date,
// the document type; and who issued the plan, lead agency first.
import { fold, isUpperCase } from './plan-text-lines';

/** "Số: 16 /KH- HLHPNVN- UBĐT" → "16/KH-HLHPNVN-UBĐT"; "" when the number is left blank. */
export function readNumberLine(text: string): { number: string; symbol: string } | null {
  const m = /^số\s*[:.]?\s*(.*\/.*)$/iu.exec(text);
  if (!m) return null;
  const symbol = m[1]!.replace(/[\s.…]+/g, '').replace(/^\/+/, '/');
  return { number: /^\d/.test(symbol) ? symbol : '', symbol };
}

/** The agencies a symbol names after its document code: "16/KH-HLHPNVN-UBĐT" → HLHPNVN, UBĐT. */
export function symbolAgencies(symbol: string): string[] {
  const last = symbol.split('/').pop() ?? '';
  return last.split('-').slice(1).filter(Boolean);
}

/** "Hà Nội, ngày 18 tháng 7 năm 2022"; a date left blank ("ngày … tháng 7") gives issuedOn null. */
export function readPlaceDate(text: string): { place: string; issuedOn: string | null } | null {
  const m = /^(\p{L}[\p{L}\s.'-]*?)\s*,\s*ngày\s*(\S*?)\s*tháng\s*(\S*?)\s*năm(?:\s+(\d{4}))?\.?$/iu.exec(text);
  if (!m) return null;
  const day = Number(m[2]);
  const month = Number(m[3]);
  // An unsigned draft leaves the date blank: "Hà Nội, ngày    tháng    năm".
  const valid =
    m[4] !== undefined &&
    Number.isInteger(day) &&
    Number.isInteger(month) &&
    day >= 1 &&
    day <= 31 &&
    month >= 1 &&
    month <= 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { place: m[1]!.trim(), issuedOn: valid ? `${m[4]}-${pad(month)}-${pad(day)}` : null };
}

/** Quốc hiệu and Tiêu ngữ, which identify no agency. */
export function isNationalLine(text: string): boolean {
  const words = fold(text)
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words === 'cong hoa xa hoi chu nghia viet nam' || words === 'doc lap tu do hanh phuc';
}

const DOCUMENT_TYPES = ['KẾ HOẠCH LIÊN TỊCH', 'KẾ HOẠCH PHỐI HỢP', 'KẾ HOẠCH', 'CHƯƠNG TRÌNH PHỐI HỢP'];

/** "KẾ HOẠCH", possibly followed on the same line by the start of the title. */
export function readDocumentType(text: string): { type: string; rest: string } | null {
  const type = DOCUMENT_TYPES.find((t) => text === t || text.startsWith(`${t} `));
  if (!type) return null;
  const rest = text.slice(type.length).replace(/^\s*[:–-]?\s*/, '');
  // "KẾ HOẠCH LIÊN NGÀNH" is a longer type, not a type and a title.
  if (isUpperCase(rest) && rest.split(' ').length <= 3) return { type: text, rest: '' };
  return { type, rest };
}

// ---------------------------------------------------------------------------------------------
// Agencies in the header.

export interface HeaderAgency {
  /** The agency line as printed, e.g. "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM". */
  name: string;
  /** Lines that belong to it: its collective body ("ĐOÀN CHỦ TỊCH") or governing body. */
  related: string[];
}

const COLLECTIVE_BODIES = /^(doan chu tich|ban thuong vu|ban chap hanh|thuong truc|dang doan|ban can su)\b/;
const PLACE_CONTINUATION = /^(tinh|thanh pho|tp\.?|huyen|quan|thi xa|xa|phuong) /;
const GOVERNING_BODY = /^(uy ban nhan dan|ubnd)\b/;

/**
 * Adds one upper-case header line. `previous` is the agency above it in the same column: a
 * collective body or a province name continues that agency; an agency under "UBND TỈNH …"
 * takes the UBND line as its governing body instead of becoming a second issuer.
 */
export function addHeaderLine(
  agencies: HeaderAgency[],
  previous: HeaderAgency | undefined,
  text: string,
): HeaderAgency {
  const folded = fold(text);
  if (previous && COLLECTIVE_BODIES.test(folded)) {
    previous.related.push(text);
    return previous;
  }
  if (previous && PLACE_CONTINUATION.test(folded) && !GOVERNING_BODY.test(fold(previous.name))) {
    previous.name = `${previous.name} ${text}`;
    return previous;
  }
  if (previous && GOVERNING_BODY.test(fold(previous.name)) && previous.related.length === 0) {
    agencies.splice(agencies.indexOf(previous), 1);
    const agency = { name: text, related: [previous.name] };
    agencies.push(agency);
    return agency;
  }
  const agency = { name: text, related: [] };
  agencies.push(agency);
  return agency;
}

/**
 * Whether an abbreviation ("HLHPNVN", "UBĐT", "SDTTG") spells the start of a name, each word
 * giving its initial or, for an acronym such as "LHPN", all its letters; "và" may be skipped.
 */
export function abbreviates(abbreviation: string, name: string): boolean {
  const target = fold(abbreviation).replace(/[^a-z]/g, '');
  const words = fold(name)
    .replace(/[^a-z ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const match = (w: number, at: number): boolean => {
    if (at === target.length) return true;
    const word = words[w];
    if (word === undefined) return false;
    if (word === 'va' && match(w + 1, at)) return true;
    if (target.startsWith(word, at) && word.length > 1 && match(w + 1, at + word.length)) return true;
    return target[at] === word[0] && match(w + 1, at + 1);
  };
  return target.length > 0 && match(0, 0);
}

function matchesAgency(abbreviation: string, agency: HeaderAgency): boolean {
  return [agency.name, ...agency.related].some((name) => abbreviates(abbreviation, name));
}

/**
 * Issuers, lead first. The symbol lists the agencies lead first, so when every header agency
 * matches one of its abbreviations the issuers follow the symbol (an abbreviation with no header
 * line stays as it is); otherwise the header order stands. No header: the abbreviations.
 */
export function planIssuers(agencies: HeaderAgency[], symbol: string): string[] {
  const abbreviations = symbolAgencies(symbol);
  const used = new Set<HeaderAgency>();
  const bySymbol = abbreviations.map((abbreviation) => {
    const agency = agencies.find((a) => !used.has(a) && matchesAgency(abbreviation, a));
    if (agency) used.add(agency);
    return agency?.name ?? abbreviation;
  });
  return used.size === agencies.length ? bySymbol : agencies.map((a) => a.name);
}
