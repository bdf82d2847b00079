// Types, formatting and t() of the budget pages. Amounts are whole đồng as digit strings: shown
// with Vietnamese thousands dots (1.234.567), added as BigInt, never as floating point.
import type * as ApiTypes from '../../api/types';
import { createFeatureT } from '../../i18n/feature-t';
import { formatMoney } from '../../lib/money';
import { budgetsVi } from './messages.vi';

export type BudgetSummary = ApiTypes.BudgetSummary;
export type BudgetLines = ApiTypes.BudgetLines;

export const useBudgetsT = createFeatureT(budgetsVi, () => import('./messages.en').then((m) => m.budgetsEn));

export const money = (digits: string) => `${formatMoney(digits)} đ`;

/** "87.5" → "87,5 %" (Vietnamese decimal comma); "—" when nothing was planned. */
export function formatShare(share: string | null): string {
  return share === null ? '—' : `${share.replace('.', ',')} %`;
}

/** Width of the progress bar, capped at 100 %. */
export function barWidth(share: string | null): string {
  if (share === null) return '0%';
  return `${Math.min(100, Number(share))}%`;
}
