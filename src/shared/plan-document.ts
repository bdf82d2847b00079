// The structure of a joint plan (Kế hoạch phối hợp) as the parser produces it and as the
// document exporter consumes it. Agencies are plain text here: the server resolves them to
// reference-data agencies by the plan's date.

/** A period reference: a quarter `2022-Q2`, a month `2022-12` or a day `2022-12-15`. */
export type PeriodRef = string;

export interface Timeframe {
  start: PeriodRef;
  end: PeriodRef;
  /** The words of the source, e.g. "Từ quý I đến quý IV/2022". */
  text?: string;
}

export type ActivityLevel = 'central' | 'provincial' | 'commune';

export interface ExpectedOutput {
  text: string;
  /** Numeric target when the text gives one ("ít nhất 01 chương trình" → 1). */
  target?: number;
  unit?: string;
}

export interface PlanActivityDoc {
  title: string;
  timeframe: Timeframe | null;
  leadAgency: string | null;
  partnerAgencies: string[];
  level: ActivityLevel | null;
  outputs: ExpectedOutput[];
}

/**
 * An area's sub-headings as its plan wrote them ("1.1. Nội dung tuyên truyền", "4.3. Tổ chức thực
 * hiện: …"): exported as written; absent ones print the usual words.
 */
export interface SectionHeadings {
  description?: string;
  activities?: string;
  timeframe?: string;
  /**
   * The area has no numbered sub-headings: its parts are exported as lines, as the source wrote
   * them: the description's paragraphs, each activity as "- …" (or "- Hoạt động: …" when
   * `activities` holds the label the source gave it) and the timeframe as "- Thời gian thực hiện: …"
   * (`timeframe`'s words when given).
   */
  plain?: boolean;
  /** What the source put after the area's timeframe ("."), printed after it. */
  timeframeEnd?: string;
}

export const DEFAULT_SECTION_HEADINGS: Required<Pick<SectionHeadings, 'description' | 'activities' | 'timeframe'>> = {
  description: 'Nội dung các hoạt động',
  activities: 'Các hoạt động cụ thể',
  timeframe: 'Thời gian thực hiện',
};

export interface PlanSectionDoc {
  /** "1", "2" … as printed. */
  number: string;
  title: string;
  /** The content description (the "x.1. Nội dung …" paragraphs), paragraphs joined by "\n". */
  description: string;
  activities: PlanActivityDoc[];
  /** The section's own timeframe line ("x.3. Thời gian thực hiện: …"), also copied to its activities. */
  timeframe: Timeframe | null;
  headings?: SectionHeadings;
}

export interface ResponsibilityDoc {
  actor: string;
  tasks: string[];
}

export interface SignatureDoc {
  /** Authority line, e.g. "KT. BỘ TRƯỞNG, CHỦ NHIỆM" or "TM. ĐOÀN CHỦ TỊCH". */
  authority: string;
  /** Position line(s) under it, e.g. "THỨ TRƯỞNG, PHÓ CHỦ NHIỆM". */
  position: string;
  signer: string;
  /** The agency the block signs for, when known (name or abbreviation). */
  agency?: string | null;
}

export interface PlanDocument {
  /** Number and symbol, normalised: "16/KH-HLHPNVN-UBĐT"; "" when not yet numbered. */
  number: string;
  /** YYYY-MM-DD, or null when the text has no date. */
  issuedOn: string | null;
  place: string;
  /** Issuing agencies, lead first (names or abbreviations as found in the text). */
  issuers: string[];
  /** Document type, "KẾ HOẠCH" for plans. */
  documentType: string;
  title: string;
  /** The introductory paragraph(s) before part I. */
  preamble: string;
  purposes: string[];
  requirements: string[];
  sections: PlanSectionDoc[];
  responsibilities: ResponsibilityDoc[];
  funding: string;
  signatures: SignatureDoc[];
  recipients: string[];
}

export interface UnparsedLine {
  /** 1-based line number in the source text. */
  line: number;
  text: string;
}

/**
 * What a recognised line is when it is layout or boilerplate rather than plan content (Decree
 * 30/2020 parts of a document): recorded so that no line disappears without a name.
 */
export type LineRole =
  | 'national' // Quốc hiệu: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
  | 'motto' // Tiêu ngữ: Độc lập - Tự do - Hạnh phúc
  | 'issuer' // an agency line of the header
  | 'number' // "Số: 16/KH-…"
  | 'place-date'
  | 'document-type' // KẾ HOẠCH, QUYẾT ĐỊNH, QUY CHẾ …, and a decision's "QUYẾT ĐỊNH:"
  | 'authority' // the authority that decides: "THỦ TƯỚNG CHÍNH PHỦ", "BỘ TRƯỞNG BỘ TƯ PHÁP"
  | 'legal-basis' // "Căn cứ …", "Thực hiện …", "Xét đề nghị …"
  | 'heading' // part and list headings ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Chương I")
  | 'label' // "Chủ trì:", "Thời gian thực hiện:" …: the label words of a labelled line
  | 'article' // a decision's "Điều 1. …"
  | 'annex-note' // "(Ban hành kèm theo Quyết định số … )"
  | 'recipients' // "Nơi nhận:"
  | 'signed-note' // "(Đã ký)"
  | 'layout'; // rules, lone table bars, page furniture without words

export interface RecognisedLine {
  /** 1-based line number in the source text. */
  line: number;
  role: LineRole;
  text: string;
}

/** What the text is: a plan, a decision that issues one (the plan is its annex), rules, a programme. */
export type DocumentKind = 'plan' | 'decision' | 'rules' | 'programme';

/** A decision that issues a plan (Quyết định ban hành Kế hoạch): its own parts, kept beside the plan. */
export interface DecisionDoc {
  number: string;
  issuedOn: string | null;
  title: string;
  /** "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "BỘ TRƯỞNG BỘ TƯ PHÁP". */
  authority: string;
  /** Its preamble ("Căn cứ …", "Xét đề nghị …"), paragraphs joined by "\n". */
  preamble: string;
  /** "Điều 1. …" with the lines that follow it, one string per article. */
  articles: string[];
  signatures: SignatureDoc[];
  recipients: string[];
}

export interface ParseResult {
  plan: PlanDocument;
  unparsed: UnparsedLine[];
  kind: DocumentKind;
  /** The top-level headings as printed ("I. MỤC ĐÍCH, YÊU CẦU", "Chương I"), in order. */
  outline: string[];
  /** The legal bases ("Căn cứ …", "Thực hiện …") of the decision and the plan, one paragraph each. */
  legalBases: string[];
  decision: DecisionDoc | null;
  recognised: RecognisedLine[];
}
