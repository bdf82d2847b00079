// The one TanStack Query client of the web app. Reference data (agencies, units, ethnic groups,
// funding sources, model types) is asked once per session and kept; page data is refreshed when a
// page mounts again or a save invalidates it.
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Page data is asked again whenever a page opens; the cached answer shows meanwhile.
        staleTime: 0,
        // A failure is shown at once with its retry button, as the pages always did. A 503 `busy` is
        // no failure yet: the API client sends it again after its Retry-After, queries and writes
        // alike (api/busy-retry.ts), so TanStack must not retry on top of it.
        retry: false,
        refetchOnWindowFocus: false,
        // Ask even when the browser thinks it is offline: the request's failure is what tells the
        // user (with a retry button). TanStack's default would pause the query and spin for ever.
        networkMode: 'always',
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

/** Reference data changes rarely: once loaded it is kept for the session. */
export const REFERENCE_QUERY = { staleTime: Infinity, gcTime: Infinity } as const;
