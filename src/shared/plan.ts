// The stored plan: the document structure of plan-document.ts with stable keys for sections and
// activities (records, cascades and diffs refer to them) and agencies as reference-data ids.
import type { ActivityLevel, ExpectedOutput, SectionHeadings, Timeframe } from './plan-document';

export const PLAN_STATUSES = ['draft', 'under_review', 'signed', 'issued', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS: Record<PlanStatus, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  under_review: { vi: 'Đang xem xét, ký', en: 'Under review' },
  signed: { vi: 'Đã ký đủ, chờ ban hành', en: 'Signed, awaiting issue' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

export type PlanKind = 'central' | 'provincial';

export interface PlanActivity {
  key: string;
  title: string;
  timeframe: Timeframe | null;
  leadAgencyId: number | null;
  partnerAgencyIds: number[];
  level: ActivityLevel | null;
  outputs: ExpectedOutput[];
  /** Provincial plans: the central activity this one implements (its key in the parent plan). */
  centralActivityKey?: string | null;
}

export interface PlanSection {
  key: string;
  number: string;
  title: string;
  description: string;
  timeframe: Timeframe | null;
  activities: PlanActivity[];
  /** Its sub-headings as the source wrote them (imported plans); absent: the usual words. */
  headings?: SectionHeadings;
}

export interface PlanResponsibility {
  actor: string;
  agencyId: number | null;
  tasks: string[];
}

export interface PlanSignature {
  agencyId: number | null;
  authority: string;
  position: string;
  signer: string;
}

export interface PlanContent {
  number: string;
  issuedOn: string | null;
  place: string;
  title: string;
  preamble: string;
  purposes: string[];
  requirements: string[];
  programme: string | null;
  sections: PlanSection[];
  responsibilities: PlanResponsibility[];
  funding: { text: string; sources: string[] };
  signatures: PlanSignature[];
  recipients: string[];
}

/** Numbers sections 1..n in their order, so reordering never leaves gaps. */
export function renumberSections(sections: PlanSection[]): PlanSection[] {
  return sections.map((s, i) => ({ ...s, number: String(i + 1) }));
}

/** What a user may do to a plan: the server's policy decides (`allowedActions`), the web shows it. */
export type PlanAction =
  | 'edit'
  | 'submit'
  | 'sign'
  | 'return'
  | 'issue'
  | 'close'
  | 'revise'
  | 'roll_forward'
  | 'cascade'
  | 'send_to_provinces';
