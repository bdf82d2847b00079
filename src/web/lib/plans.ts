// The plan and activity lists the mission, policy-review, budget and results pages choose from,
// as page data (asked again when a page opens), and how a plan is named in a select.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type * as ApiTypes from '../api/types';

export type PlanSummary = ApiTypes.PlanSummary;
export type ActivityView = ApiTypes.ActivityStatusView;

const PLANS = { limit: 200 } as const;

/** The plans in the user's scope, newest first (one central plan and its provincial ones a year). */
export function usePlans() {
  return useQuery({
    queryKey: ['/api/plans', PLANS],
    queryFn: ({ signal }) => unwrap(api.GET('/api/plans', { params: { query: PLANS }, signal })),
  });
}

/** The activities of one plan; nothing is asked while no plan is chosen. */
export function usePlanActivities(planId: number | null) {
  const query = { plan: planId ?? 0, limit: 500 };
  return useQuery({
    queryKey: ['/api/activities', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities', { params: { query }, signal })),
    enabled: planId !== null && planId !== 0,
  });
}

export function planLabel(p: Pick<PlanSummary, 'number' | 'title' | 'year'>): string {
  return `${p.number ? `${p.number} — ` : ''}${p.title}`;
}

export function shorten(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
