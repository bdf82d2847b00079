// What the report pages share: response types and small helpers.
import type { ResponseOf } from '../../api/client';

export type ReportView = ResponseOf<'/api/reports/{id}', 'get'>;
export type ReportSummary = ResponseOf<'/api/reports', 'get'>['items'][number];
export type CalendarPeriod = ResponseOf<'/api/report-periods', 'get'>[number];
export type Consolidation = ResponseOf<'/api/reports/consolidation', 'get'>;
export type ReviewView = ResponseOf<'/api/plans/{id}/review', 'get'>;

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 63.2 → "63,2%"; null → "—". */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}

export function formatFigure(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}
