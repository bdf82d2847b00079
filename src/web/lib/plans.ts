// How a plan is named in a select. The plans and activities a page chooses from are searched on
// the server (lib/plan-choices.ts, components/pickers/PlanActivitySelects.tsx): no picker loads a
// fixed number of them and drops the rest.
import type * as ApiTypes from '../api/types';

export type PlanSummary = ApiTypes.PlanSummary;

export function planLabel(p: Pick<PlanSummary, 'number' | 'title'>): string {
  return `${p.number ? `${p.number} — ` : ''}${p.title}`;
}

export function shorten(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
