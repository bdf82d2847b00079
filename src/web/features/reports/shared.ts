// What the report pages share: response types and small helpers.
import type * as ApiTypes from '../../api/types';

export type ReportView = ApiTypes.ReportView;
export type ReportSummary = ApiTypes.ReportSummary;
export type CalendarPeriod = ApiTypes.CalendarPeriod;
export type Consolidation = ApiTypes.ConsolidationView;
export type ReviewView = ApiTypes.YearEndReviewView;

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
