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

const letters = (text: string) => fold(text).replace(/[^a-z]/g, '');

/** Quốc hiệu ("national") or Tiêu ngữ ("motto"), which identify no agency; spaces may be lost or doubled. */
export function nationalLine(text: string): 'national' | 'motto' | null {
  const l = letters(text);
  if (l === 'conghoaxahoichunghiavietnam') return 'national';
  if (l === 'doclaptudohanhphuc') return 'motto';
  return null;
}

export function isNationalLine(text: string): boolean {
  return nationalLine(text) !== null;
}

/** Document types of Decree 30 that carry a plan, longest first; spaces may be missing ("KẾHOẠCH"). */
const DOCUMENT_TYPES = [
  'KẾ HOẠCH LIÊN TỊCH',
  'KẾ HOẠCH PHỐI HỢP',
  'KẾ HOẠCH HÀNH ĐỘNG',
  'KẾ HOẠCH',
  'CHƯƠNG TRÌNH PHỐI HỢP',
  'CHƯƠNG TRÌNH HÀNH ĐỘNG',
  'CHƯƠNG TRÌNH',
  'QUY CHẾ PHỐI HỢP',
  'QUY CHẾ',
  'QUYẾT ĐỊNH',
];

/** The kind of document a type names. */
export function documentKindOf(type: string): 'plan' | 'decision' | 'rules' | 'programme' {
  const l = letters(type);
  if (l.startsWith('quyetdinh')) return 'decision';
  if (l.startsWith('quyche')) return 'rules';
  if (l.startsWith('chuongtrinh')) return 'programme';
  return 'plan';
}

/**
 * "KẾ HOẠCH", possibly followed on the same line by the start of the title. In upper case, or
 * (a text with no layout) in sentence case at the start of a line: "Quyết định ban hành kế hoạch …".
 */
export function readDocumentType(text: string, sentenceCase = false): { type: string; rest: string } | null {
  const l = letters(text);
  const type = DOCUMENT_TYPES.find((t) => l.startsWith(letters(t)));
  if (!type) return null;
  // Find where the type's letters end in the text, whatever the spacing.
  let seen = 0;
  let end = 0;
  const want = letters(type).length;
  for (const [i, ch] of [...text].entries()) {
    if (seen === want) break;
    if (/\p{L}/u.test(ch)) seen += letters(ch).length || 1;
    end = i + 1;
  }
  const head = [...text].slice(0, end).join('');
  const after = [...text].slice(end).join('');
  if (after && !/^[\s:–-]/u.test(after)) return null; // "KẾ HOẠCHKINH…", "Quyết định số …" are not types
  const upper = isUpperCase(head);
  if (!upper && !(sentenceCase && /^\p{Lu}/u.test(head))) return null;
  const rest = after.replace(/^\s*[:–-]?\s*/, '');
  if (/^(số|so)\b/iu.test(rest)) return null;
  // "KẾ HOẠCH LIÊN NGÀNH" is a longer type, not a type and a title.
  if (upper && rest && isUpperCase(rest) && rest.split(' ').length <= 2) return { type: text, rest: '' };
  return { type: head.trim(), rest };
}

/** Words that start an agency's name in a header (Decree 30, Appendix I: "tên cơ quan ban hành"). */
const AGENCY_START =
  /^(uy ban|ubnd|ub |hoi dong|hdnd|hoi|bo|so|ban|cuc|tong cuc|vu|chinh phu|thu tuong|van phong|trung uong|tw|doan|mat tran|ubmttq|mttq|tinh uy|thanh uy|huyen uy|dang uy|dang doan|cong an|bo chi huy|vien|toa an|kiem toan|ngan hang|quoc hoi|chu tich|lien hiep|lien doan|truong|trung tam|phong|thanh tra|hoc vien|dai hoc|cong doan|tong lien doan)\b/;

/** An agency's name in sentence case, as a web page may print a header: "Ủy ban nhân dân tỉnh …". */
const AGENCY_START_SENTENCE =
  /^(Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Hội|Bộ|Sở|Ban|Cục|Tổng cục|Chính phủ|Thủ tướng|Văn phòng|Trung ương|Mặt trận|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Đảng ủy|Công an|Liên hiệp|Liên đoàn|Đoàn)\s/u;

export function startsAgencySentence(text: string): boolean {
  return AGENCY_START_SENTENCE.test(text);
}

/** Whether a header line begins an agency's name (or its collective body). */
/** The longer of those words with their spaces lost, as old files glue them: "ỦYBAN NHÂN DÂN". */
const AGENCY_START_GLUED =
  /^(uyban|hoidong|hoilienhiep|chinhphu|thutuong|vanphong|trunguong|mattran|tinhuy|thanhuy|congan|tongcuc|bochihuy)/;

export function startsAgency(text: string): boolean {
  const f = fold(text);
  return AGENCY_START.test(f) || COLLECTIVE_BODIES.test(f) || AGENCY_START_GLUED.test(f.replace(/[^a-z]/g, ''));
}

// ---------------------------------------------------------------------------------------------
// Agencies in the header.

export interface HeaderAgency {
  /** The agency line as printed, e.g. "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM". */
  name: string;
  /** The province or city line that ended its name ("TỈNH ĐẮK LẮK"), shared in a joint header. */
  place?: string;
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
  const previousName = fold(previous?.name ?? '');
  const bareGoverning = BARE_GOVERNING.test(previousName);
  if (previous && PLACE_CONTINUATION.test(folded) && (bareGoverning || !GOVERNING_BODY.test(previousName))) {
    previous.name = `${previous.name} ${text}`;
    previous.place = text;
    return previous;
  }
  // A name broken over two lines: "ỦY BAN NHÂN" / "DÂN", "THỦ TƯỚNG" / "CHÍNH PHỦ".
  if (previous && previous.related.length === 0 && (!startsAgency(text) || INCOMPLETE.test(previousName))) {
    previous.name = `${previous.name} ${text}`;
    return previous;
  }
  if (previous && GOVERNING_BODY.test(previousName) && !bareGoverning && previous.related.length === 0) {
    agencies.splice(agencies.indexOf(previous), 1);
    const agency = { name: text, related: [previous.name] };
    agencies.push(agency);
    return agency;
  }
  const agency = { name: text, related: [] };
  agencies.push(agency);
  return agency;
}

const BARE_GOVERNING = /^(uy ban nhan dan|ubnd)$/;
/** A name that cannot end here: a position that needs its agency, or a name cut after a word of a pair. */
const INCOMPLETE = /^(thu tuong|bo truong|chu tich|giam doc)$|\b(nhan|lien|chu|hoi|cong|xa)$/;

/** Whether a line ends in the middle of a name ("TM. ỦY BAN NHÂN"). */
export function endsMidName(text: string): boolean {
  return /\b(nhan|lien|chu|cong|xa|uy ban)$/.test(fold(text));
}

/** A bare "ỦY BAN NHÂN DÂN" of a joint header takes the place line the other agency ends with. */
export function sharePlaces(agencies: HeaderAgency[]): void {
  const place = agencies.find((a) => a.place)?.place;
  if (!place) return;
  for (const agency of agencies)
    if (!agency.place && BARE_GOVERNING.test(fold(agency.name))) agency.name = `${agency.name} ${place}`;
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
