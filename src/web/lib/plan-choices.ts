// The plans and plan activities a picker or a filter offers, searched on the server (`q`, words
// without diacritics) instead of loaded whole: a year has one central plan and up to 34
// provincial ones. The answer carries `total`, so a picker can say when more match than it shows
// (<MoreResults> in components/ListPage.tsx) instead of dropping them silently.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf } from '../api/client';

export type PlanChoicesQuery = NonNullable<QueryOf<'/api/plans'>>;
export type ActivityChoicesQuery = NonNullable<QueryOf<'/api/activities'>>;

/** Plans matching `query` (100 by default), the last answer kept on screen while typing. */
export function usePlanChoices(query: PlanChoicesQuery = {}) {
  return useQuery({ ...planChoicesQuery(query), placeholderData: keepPreviousData });
}

/** The query of usePlanChoices, for a prefetch (lib/offline-data keeps the issued plans on the device). */
export function planChoicesQuery(query: PlanChoicesQuery = {}) {
  const params = { limit: 100, ...query, q: query.q || undefined };
  return queryOptions({
    queryKey: ['/api/plans', params],
    queryFn: ({ signal }) => unwrap(api.GET('/api/plans', { params: { query: params }, signal })),
  });
}

/** The query of useActivityChoices. */
export function activityChoicesQuery(plan: number | null | undefined, query: Omit<ActivityChoicesQuery, 'plan'> = {}) {
  const params = { plan: plan ?? undefined, limit: 500, ...query, q: query.q || undefined };
  return queryOptions({
    queryKey: ['/api/activities', params] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities', { params: { query: params }, signal })),
  });
}

/** A plan's activities matching `query` (500 by default); nothing is asked without a plan. */
export function useActivityChoices(plan: number | null | undefined, query: Omit<ActivityChoicesQuery, 'plan'> = {}) {
  const options = activityChoicesQuery(plan, query);
  const params = options.queryKey[1];
  return useQuery({
    ...options,
    enabled: Boolean(plan),
    // While the words change the last answer stays; another plan's activities never stand in.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1]?.plan === params.plan ? previous : undefined,
  });
}

/**
 * The chosen plan when the loaded choices do not hold it (a link to a plan past the first page, or
 * typed words that leave it out), so a select still shows what is chosen.
 */
export function useChosenPlan(id: number | undefined, loaded: readonly { id: number }[] | undefined) {
  const missing = id !== undefined && loaded !== undefined && !loaded.some((p) => p.id === id);
  return useQuery({
    queryKey: ['/api/plans/{id}', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/plans/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: missing,
    select: (plan) => ({
      id: plan.id,
      kind: plan.kind,
      year: plan.year,
      status: plan.status,
      number: plan.number,
      title: plan.title,
      provinceCode: plan.provinceCode,
    }),
  });
}
