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
        // A failure is shown at once with its retry button, as the pages always did.
        retry: false,
        refetchOnWindowFocus: false,
        // Ask even when the browser thinks it is offline: the request's failure is what tells the
        // user (with a retry button). TanStack's default would pause the query and spin for ever.
        networkMode: 'always',
      },
      mutations: { networkMode: 'always' },
    },
  });
}

/** Reference data changes rarely: once loaded it is kept for the session. */
export const REFERENCE_QUERY = { staleTime: Infinity, gcTime: Infinity } as const;
