// Report periods and deadlines, and the statuses a report shows. Pure; dates are YYYY-MM-DD.
// Regular periods use DHIS2 codes ("2022Q3", "2022S1", "2022"), the same as the pivot's filter;
// thematic and ad hoc periods are created one by one and coded "R<id>".
import { parsePeriod, periodLabel } from './analytics';

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** What the consolidation table shows for an expected report. */
export const EXPECTED_STATUSES = ['not_started', 'draft', 'submitted', 'approved', 'returned'] as const;
export type ExpectedStatus = (typeof EXPECTED_STATUSES)[number];

export type PeriodKind = 'quarter' | 'half' | 'year' | 'custom';

export interface ReportPeriod {
  code: string;
  label: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function fromMonths(code: string): ReportPeriod | null {
  const p = parsePeriod(code);
  if (!p || p.type === 'monthly') return null;
  const startYear = Math.floor(p.start / 100);
  const endYear = Math.floor(p.end / 100);
  const endMonth = p.end % 100;
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  return {
    code,
    label: periodLabel(code),
    start: `${startYear}-${pad(p.start % 100)}-01`,
    end: `${endYear}-${pad(endMonth)}-${pad(lastDay)}`,
  };
}

const KIND_OF: Record<string, Exclude<PeriodKind, 'custom'>> = {
  quarterly: 'quarter',
  sixmonthly: 'half',
  yearly: 'year',
};

/** A regular period of this kind from its code; null when the code is not one. */
export function regularPeriod(kind: PeriodKind, code: string): ReportPeriod | null {
  const p = parsePeriod(code);
  if (!p || KIND_OF[p.type] !== kind) return null;
  return fromMonths(code);
}

/** The regular periods of a year, in order. */
export function periodsOfYear(kind: PeriodKind, year: number): ReportPeriod[] {
  const codes =
    kind === 'quarter'
      ? [1, 2, 3, 4].map((q) => `${year}Q${q}`)
      : kind === 'half'
        ? [`${year}S1`, `${year}S2`]
        : kind === 'year'
          ? [String(year)]
          : [];
  return codes.map((c) => fromMonths(c)!);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The deadline: the period's last day moved by the type's offset. */
export function dueDate(periodEnd: string, offsetDays: number): string {
  return addDays(periodEnd, offsetDays);
}

/** Late: not yet submitted (or sent back) and the deadline has passed. Approved or waiting for approval is never late. */
export function isLate(status: ExpectedStatus, due: string, today: string): boolean {
  return (status === 'not_started' || status === 'draft' || status === 'returned') && due < today;
}

export const STATUS_LABELS: Record<ExpectedStatus | 'late', { vi: string; en: string }> = {
  not_started: { vi: 'Chưa lập', en: 'Not started' },
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã gửi, chờ duyệt', en: 'Submitted' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  returned: { vi: 'Trả lại để sửa', en: 'Returned' },
  late: { vi: 'Quá hạn', en: 'Late' },
};
