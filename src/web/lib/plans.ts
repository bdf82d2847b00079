// How a plan is named in a select. The plans and activities a page chooses from are searched on
// the server (lib/plan-choices.ts, components/pickers/PlanActivitySelects.tsx): no picker loads a
// fixed number of them and drops the rest.
import type * as ApiTypes from '../api/types';

export type PlanSummary = ApiTypes.PlanSummary;

/**
 * "2025 · 12/KH-HLHPN — Kế hoạch …": the year first, since plans of different years share their
 * title and a narrow select (a phone) shows only the start of an option.
 */
export function planLabel(p: Pick<PlanSummary, 'number' | 'title'> & { year?: number | null }): string {
  const year = p.year ? `${p.year} · ` : '';
  return `${year}${p.number ? `${p.number} — ` : ''}${p.title}`;
}

export function shorten(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
