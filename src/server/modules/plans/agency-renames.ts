// Agency mentions in a plan's text, read as references to the agency registry: a plan rolled
// forward past a rename says the agency's name valid at the new plan's date, in the case the text
// used ("ỦY BAN DÂN TỘC" in a header line, "Ủy ban Dân tộc" in prose), its current abbreviation for
// an old one, and its current position titles ("Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc" → "Bộ trưởng
// Bộ Dân tộc và Tôn giáo"). What stays as written: a legal basis citing an older document ("Căn cứ
// …", the cited part of "Thực hiện …"), the symbol of a cited document ("01/2022/TT-UBDT"), and a
// form two agencies share with different successors. Pure: the service builds the renames from the
// registry (plan-renames.service.ts).

/** One agency as a text may name it at the old date, and what it is called at the new one. */
export interface AgencyRename {
  agencyId: number | null;
  /** Full names (and their spellings, "Uỷ ban Dân tộc"): replaced by `to.name`. */
  names: string[];
  /** Short names and other worded aliases: replaced by `to.shortName`. */
  shortNames: string[];
  /** Abbreviations ("UBDT", "UBĐT"): replaced by `to.abbreviation`, except inside a document symbol. */
  abbreviations: string[];
  to: { name: string; shortName: string; abbreviation: string };
  /** Its position titles then (with their spellings) → the title of the same role now. */
  positions: { forms: string[]; to: string }[];
}

/** A replacement made: the words as the text had them and as they are now, how many times. */
export interface NameChange {
  from: string;
  to: string;
  count: number;
}

interface Entry {
  form: string;
  key: string;
  kind: 'name' | 'abbr' | 'title';
  /** The replacement as the registry writes it; undefined: ambiguous, left as written. */
  to: string | undefined;
}

const keyOf = (s: string) =>
  s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[\s,]+/g, ' ')
    .trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = (form: string) =>
  escape(form.normalize('NFC').trim())
    .replace(/\s*,\s*/g, '\\s*,?\\s*')
    .replace(/\s+/g, '\\s+');
const LETTER = /[\p{L}\p{N}]/u;
const DOCUMENT =
  /(?<![\p{L}])(Chương trình|Kế hoạch|Đề án|Quy chế|Quyết định|Nghị quyết|Nghị định|Thông tư|Chỉ thị|Hướng dẫn)(?![\p{L}])/u;
/** "giai đoạn 2021-2025", "năm 2022" right in the document's name. */
const PERIOD = /(?:giai đoạn|năm)\s+((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?/iu;

function hasLetters(s: string): boolean {
  return /\p{L}/u.test(s);
}

/** The replacement in the case the text used: capitals for capitals, else as the registry writes it. */
function inCase(matched: string, to: string): string {
  if (hasLetters(matched) && matched === matched.toLocaleUpperCase('vi') && matched !== matched.toLocaleLowerCase('vi'))
    return to.toLocaleUpperCase('vi');
  return to;
}

function addEntry(map: Map<string, Entry>, form: string, kind: Entry['kind'], to: string) {
  if (!form.trim() || keyOf(form) === keyOf(to)) return;
  const key = keyOf(form);
  const existing = map.get(key);
  if (!existing) map.set(key, { form, key, kind, to });
  // The same words for two agencies with different names now: which one is meant is not known.
  else if (existing.to !== undefined && keyOf(existing.to) !== keyOf(to)) existing.to = undefined;
}

/** The matcher of a set of renames: one pattern, longest forms first. */
export class AgencyRenamer {
  private readonly entries: Map<string, Entry>;
  private readonly regex: RegExp | null;
  private readonly positionsOf: Map<number | null, { forms: string[]; to: string }[]>;

  constructor(
    private readonly renames: AgencyRename[],
    /** Every agency name of the registry (renamed or not): where a "Thực hiện …" citation ends and its subject begins. */
    private readonly subjects: RegExp | null = null,
    /** The new plan's year: a document named with a period that ended before it is cited, not renamed. */
    private readonly year: number | null = null,
  ) {
    this.entries = new Map();
    this.positionsOf = new Map();
    for (const r of renames) {
      const names = [...r.names];
      for (const n of names) addEntry(this.entries, n, 'name', r.to.name);
      // A short name that is also its full name ("Ban Dân tộc") is the full name.
      for (const s of r.shortNames)
        if (!names.some((n) => keyOf(n) === keyOf(s))) addEntry(this.entries, s, 'name', r.to.shortName);
      for (const a of r.abbreviations) addEntry(this.entries, a, 'abbr', r.to.abbreviation);
      // A title followed by the agency's name: "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc".
      for (const p of r.positions)
        for (const title of p.forms)
          for (const n of [...r.names, ...r.shortNames])
            addEntry(
              this.entries,
              `${title} ${n}`,
              'title',
              `${p.to} ${names.includes(n) ? r.to.name : r.to.shortName}`,
            );
      if (r.agencyId !== null) this.positionsOf.set(r.agencyId, r.positions);
    }
    const forms = [...this.entries.values()].map((e) => e.form).sort((a, b) => b.length - a.length);
    this.regex = forms.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(pattern).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
      : null;
  }

  get isEmpty(): boolean {
    return this.regex === null;
  }

  /**
   * Renames the mentions in running text. With `legalBases` (a preamble), the legal bases keep the
   * wording of what they cite.
   */
  text(input: string, changes: NameChange[] = [], options: { legalBases?: boolean } = {}): string {
    if (!this.regex || !input) return input;
    const text = input.normalize('NFC');
    const kept = options.legalBases ? this.legalBasisSpans(text) : [];
    return text.replace(this.regex, (matched: string, offset: number) => {
      if (kept.some(([start, end]) => offset >= start && offset < end)) return matched;
      const entry = this.entries.get(keyOf(matched));
      if (!entry?.to) return matched;
      if (entry.kind !== 'abbr' && (citedIssuer(text, offset) || this.pastDocument(text, offset, matched.length)))
        return matched;
      // A name is a proper noun: "Ban Dân tộc", never the "ban Dân tộc" of "Ủy ban Dân tộc".
      if (entry.kind !== 'abbr' && !/^\p{Lu}/u.test(matched)) return matched;
      if (entry.kind === 'abbr') {
        // In a document's symbol ("01/2022/TT-UBDT", "-UBĐT") the abbreviation is part of a citation.
        if (
          /[-/]\s*$/.test(text.slice(Math.max(0, offset - 2), offset)) ||
          /^\s*[-/]/.test(text.slice(offset + matched.length))
        )
          return matched;
        if (matched !== matched.toLocaleUpperCase('vi')) return matched;
      }
      const to = inCase(matched, entry.to);
      record(changes, matched, to);
      return to;
    });
  }

  /**
   * A signature's authority or position line ("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "THỨ TRƯỞNG, PHÓ CHỦ
   * NHIỆM"): the agency's titles then → now, and its name. Without an agency, every renamed one's titles.
   */
  signatureLine(input: string, agencyId: number | null, changes: NameChange[] = []): string {
    const positions =
      agencyId !== null && this.positionsOf.has(agencyId)
        ? this.positionsOf.get(agencyId)!
        : this.renames.flatMap((r) => r.positions);
    const titles = new Map<string, string>();
    const forms: string[] = [];
    for (const p of positions)
      for (const f of p.forms)
        if (keyOf(f) !== keyOf(p.to) && !titles.has(keyOf(f))) {
          titles.set(keyOf(f), p.to);
          forms.push(f);
        }
    let text = this.text(input, changes);
    if (titles.size === 0) return text;
    forms.sort((a, b) => b.length - a.length);
    const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(pattern).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    text = text.replace(regex, (matched: string) => {
      const to = inCase(matched, titles.get(keyOf(matched))!);
      record(changes, matched, to);
      return to;
    });
    return text;
  }

  /** A document number's symbol ("16/KH-HLHPNVN-UBĐT"): each old abbreviation → the current one. */
  symbol(number: string, changes: NameChange[] = []): string {
    const slash = number.indexOf('/');
    if (slash < 0) return number;
    const abbr = new Map(
      [...this.entries.values()].filter((e) => e.kind === 'abbr' && e.to).map((e) => [e.key, e.to!]),
    );
    const tail = number
      .slice(slash + 1)
      .split('-')
      .map((part) => {
        const to = abbr.get(keyOf(part));
        if (!to) return part;
        record(changes, part.trim(), to);
        return part.replace(part.trim(), to);
      })
      .join('-');
    return `${number.slice(0, slash + 1)}${tail}`;
  }

  /**
   * The parts of the text that cite a document and keep its wording: a paragraph opening with "Căn
   * cứ" whole (its citations may list co-issuers: "của Bộ Tài chính, Ủy ban Dân tộc"), a paragraph
   * opening with "Thực hiện" up to its subject (the last ", " followed by an agency's name: "Thực
   * hiện Chương trình … giữa Ủy ban Dân tộc và …, Ủy ban Dân tộc và Trung ương Hội … xây dựng …").
   */
  legalBasisSpans(text: string): [number, number][] {
    const spans: [number, number][] = [];
    const opening =
      /(?:^|\n)[ \t\-–•*+]*(Căn cứ|Thực hiện(?=\s+(?:các\s+|nội dung\s+)?(?:Chương trình|Kế hoạch|Quyết định|Nghị quyết|Nghị định|Thông tư|Chỉ thị|Công văn|Luật|Đề án|Quy chế|Hướng dẫn|Kết luận|Thông báo|Văn bản)))(?=[\s,:])/giu;
    for (let m = opening.exec(text); m; m = opening.exec(text)) {
      const start = m.index + m[0].length - m[1]!.length;
      const end = paragraphEnd(text, start);
      let cut = end;
      if (!/^căn cứ$/iu.test(m[1]!)) {
        const paragraph = text.slice(start, end);
        const comma = /,\s+/g;
        for (let c = comma.exec(paragraph); c; c = comma.exec(paragraph)) {
          const after = paragraph.slice(c.index + c[0].length);
          if (this.startsWithAgency(after)) cut = start + c.index;
        }
      }
      spans.push([start, cut]);
    }
    return spans;
  }

  /**
   * A mention inside the name of a document of a period that ended before the new plan's year:
   * "Chương trình phối hợp công tác giữa Ủy ban Dân tộc và … giai đoạn 2021-2025" in a 2026 plan
   * is the programme those agencies signed then, not one of the agency now.
   */
  private pastDocument(text: string, offset: number, length: number): boolean {
    if (this.year === null) return false;
    // The document's name: no comma, semicolon or sentence end between its word, the mention and its period.
    const start = Math.max(...[';', '\n', '. ', ', '].map((c) => text.lastIndexOf(c, offset)));
    const ends = [';', '\n', '. ', ':', ', '].map((c) => text.indexOf(c, offset + length)).filter((i) => i >= 0);
    const end = ends.length ? Math.min(...ends) : text.length;
    if (!DOCUMENT.test(text.slice(start + 1, offset))) return false;
    const period = PERIOD.exec(text.slice(offset + length, end));
    return period !== null && Number(period[2] ?? period[1]) < this.year;
  }

  private startsWithAgency(text: string): boolean {
    const at = (re: RegExp | null) => {
      if (!re) return false;
      const sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y');
      return sticky.test(text);
    };
    return at(this.regex) || at(this.subjects);
  }
}

/**
 * The issuer of a cited document keeps its name: "Thông tư số 01/2022/TT-UBDT ngày … của Ủy ban Dân
 * tộc", "Quyết định 439/QĐ-UBDT của Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc" — a mention right after
 * "của" in a clause that cites a document by its number.
 */
function citedIssuer(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 160), offset);
  if (!/\bcủa\s+$/u.test(before)) return false;
  const clause = before.split(/[;\n]|\.\s/u).pop() ?? '';
  return /(?<![\p{L}\p{N}])\d{1,5}\s*\/\s*(?:\d{4}\s*\/\s*)?[\p{Lu}Đ][\p{L}\p{N}&]*(?:\s*-\s*[\p{Lu}Đ][\p{L}\p{N}&]*)*/u.test(
    clause,
  );
}

/** A paragraph of running text ends at a line ending in ";", "." or ":", at a blank line, or at the end. */
function paragraphEnd(text: string, start: number): number {
  const lineEnd = /[;.:][ \t]*(?=\n|$)|\n[ \t]*\n/g;
  lineEnd.lastIndex = start;
  const m = lineEnd.exec(text);
  return m ? m.index + m[0].length : text.length;
}

function record(changes: NameChange[], from: string, to: string) {
  const f = from.replace(/\s+/g, ' ');
  const c = changes.find((x) => x.from === f && x.to === to);
  if (c) c.count++;
  else changes.push({ from: f, to, count: 1 });
}

/** A pattern matching any of these agency names at a word boundary (for where a citation ends). */
export function mentionPattern(forms: string[]): RegExp | null {
  const unique = [...new Set(forms.map((f) => f.normalize('NFC').trim()).filter((f) => f && LETTER.test(f)))];
  if (unique.length === 0) return null;
  unique.sort((a, b) => b.length - a.length);
  return new RegExp(`(?:${unique.map(pattern).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}
