// An activity's status, derived (never stored) from its timeframe, its records and whether its
// lead agency marked it complete. The rule, in order:
//   done        — the lead agency marked it complete (whatever the dates say);
//   late        — the timeframe's last day has passed and it is not done;
//   in_progress — it has at least one implementation record;
//   not_started — otherwise (a timeframe that has begun does not by itself mean work started).
// An activity without a timeframe is never late. Dates are YYYY-MM-DD strings.
// The server runs this rule in SQL (statusSql in server/modules/records/activities.repo.ts) so that
// lists filter, count and page by status in the database; its tests check it against this function.
import type { Timeframe } from './plan-document';
import { periodEndDate } from './period';

export const ACTIVITY_STATUSES = ['not_started', 'in_progress', 'late', 'done'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** The words for each status, the same on every page and document. */
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, { vi: string; en: string }> = {
  not_started: { vi: 'Chưa bắt đầu', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  late: { vi: 'Chậm tiến độ', en: 'Late' },
  done: { vi: 'Hoàn thành', en: 'Done' },
};

export interface ActivityStatusFacts {
  timeframe: Pick<Timeframe, 'start' | 'end'> | null;
  recordCount: number;
  /** The day the lead agency marked it complete; null while open. */
  completedOn: string | null;
}

export function deriveActivityStatus(facts: ActivityStatusFacts, today: string): ActivityStatus {
  if (facts.completedOn) return 'done';
  if (facts.timeframe && periodEndDate(facts.timeframe.end) < today) return 'late';
  return facts.recordCount > 0 ? 'in_progress' : 'not_started';
}
