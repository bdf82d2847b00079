// The data the forms need, kept on the device per user: the reference data of lib/reference.ts
// (agencies, ethnic groups, funding sources, provinces, model types…), the issued plans and their
// activities the activity picker offers, and the agency and commune searches already made. Written
// to IndexedDB (lib/outbox/outbox-db.ts, `queries`, keyed by user id) as TanStack Query's own
// dehydrated state whenever one of them is answered; put back into the query client when the
// frame mounts, so a form opened offline has its choices. Refreshed when online: the reference
// queries are marked stale after a restore and the form's data asked for again.
//
// Not @tanstack/query-async-storage-persister: its current release pins an older query-core than
// the app's, which would put a second copy of TanStack Query in the first load.
import { useEffect, useSyncExternalStore } from 'react';
import {
  dehydrate,
  hydrate,
  useQueryClient,
  type DehydratedState,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';
import { offlineDb } from '../outbox/outbox-db';
import { activityChoicesQuery, planChoicesQuery } from '../plan-choices';
import {
  agenciesQuery,
  ethnicGroupsQuery,
  fundingSourcesQuery,
  modelTypesQuery,
  provincesQuery,
  referenceKeys,
} from '../reference';

/** The first element of the query keys kept on the device. */
const KEPT = new Set(['reference', '/api/plans', '/api/activities', '/api/agencies', '/api/admin-units']);
/** At most this many plans have their activities fetched ahead (a provincial officer has a few). */
const PLANS_AHEAD = 10;

const kept = (query: Pick<Query, 'state' | 'queryKey'>) =>
  query.state.status === 'success' && KEPT.has(String(query.queryKey[0]));

export async function saveQueries(queryClient: QueryClient, userId: number): Promise<void> {
  const state = dehydrate(queryClient, { shouldDehydrateQuery: kept });
  await (await offlineDb()).put('queries', { userId, savedAt: new Date().toISOString(), state });
}

/** Puts the user's kept queries back (a newer answer already in the client wins); when they were saved. */
export async function restoreQueries(queryClient: QueryClient, userId: number): Promise<string | undefined> {
  const row = await (await offlineDb()).get('queries', userId);
  if (!row) return undefined;
  hydrate(queryClient, row.state as DehydratedState);
  return row.savedAt;
}

/** Fetches what the record form needs while the connection is there, so it is on the device later. */
export async function fetchAhead(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.prefetchQuery(agenciesQuery),
    queryClient.prefetchQuery(ethnicGroupsQuery),
    queryClient.prefetchQuery(fundingSourcesQuery),
    queryClient.prefetchQuery(modelTypesQuery),
    queryClient.prefetchQuery(provincesQuery(2025)),
    queryClient.prefetchQuery(provincesQuery(2024)),
  ]);
  const plans = await queryClient.fetchQuery(planChoicesQuery({ status: 'issued' }));
  await Promise.all(
    plans.items.slice(0, PLANS_AHEAD).map((plan) => queryClient.prefetchQuery(activityChoicesQuery(plan.id))),
  );
}

/** After the first load, so that fetching ahead never delays the page being opened. */
const AHEAD_AFTER_MS = 4000;

/** Mounted once, in the app frame: restore, refresh when online, save after each answer. */
export function useOfflineData(userId: number, entersData: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ahead: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void saveQueries(queryClient, userId).catch(() => undefined), 1000);
    };
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (live && event.type === 'updated' && event.action.type === 'success' && kept(event.query)) save();
    });
    const refresh = () => {
      if (!navigator.onLine) return;
      void queryClient.invalidateQueries({ queryKey: referenceKeys.all, refetchType: 'none' });
      clearTimeout(ahead);
      if (entersData) ahead = setTimeout(() => void fetchAhead(queryClient).catch(() => undefined), AHEAD_AFTER_MS);
    };
    void restoreQueries(queryClient, userId)
      .catch(() => undefined)
      .then(() => live && refresh());
    window.addEventListener('online', refresh);
    return () => {
      live = false;
      clearTimeout(timer);
      clearTimeout(ahead);
      unsubscribe();
      window.removeEventListener('online', refresh);
    };
  }, [queryClient, userId, entersData]);
}

/** When the reference data the forms use was last answered by the server (the oldest of them). */
export function useReferenceAsOf(): number | undefined {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  return useSyncExternalStore(
    (listener) => cache.subscribe(listener),
    () => {
      const times = cache
        .findAll({ queryKey: referenceKeys.all })
        .filter((q) => q.state.status === 'success')
        .map((q) => q.state.dataUpdatedAt);
      return times.length ? Math.min(...times) : undefined;
    },
  );
}
