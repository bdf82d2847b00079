// Labels and badges of plan statuses and activity levels, from the shared definitions.
import { PLAN_STATUS_LABELS, type PlanStatus } from '../../../shared/plan';
import { formatTimeframeVi } from '../../../shared/period';
import type { Lang } from '../../i18n/I18nProvider';
import type { PlanMessageKey } from './messages.vi';
import type { Timeframe } from './plan-types';

export function statusLabel(status: string, lang: Lang): string {
  const labels = PLAN_STATUS_LABELS[status as PlanStatus];
  return labels ? labels[lang] : status;
}

const BADGES: Record<PlanStatus, string> = {
  draft: 'badge badge-draft',
  under_review: 'badge badge-warn',
  signed: 'badge badge-new',
  issued: 'badge badge-full',
  closed: 'badge badge-closed',
};

export function statusBadgeClass(status: string): string {
  return BADGES[status as PlanStatus] ?? 'badge';
}

export const LEVELS = ['central', 'provincial', 'commune'] as const;
export type Level = (typeof LEVELS)[number];

export function levelKey(level: string | null | undefined): PlanMessageKey | null {
  return level === 'central' || level === 'provincial' || level === 'commune' ? `level.${level}` : null;
}

/** The timeframe as a Vietnamese plan writes it; an unreadable one is shown as stored. */
export function timeframeText(tf: Timeframe | null | undefined): string {
  if (!tf) return '';
  try {
    return formatTimeframeVi(tf);
  } catch {
    return tf.text ?? `${tf.start} – ${tf.end}`;
  }
}
