// Transitional: a TanStack Query result in the shape useAsync returned ({ data, error, loading,
// reload }), for the few old hook names kept until every page reads queries directly.
import type { UseQueryResult } from '@tanstack/react-query';

export interface LegacyQueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/** @deprecated read the query result itself (data, error, isFetching, refetch). */
export function legacyState<T>(query: UseQueryResult<T, Error>): LegacyQueryState<T> {
  return {
    data: query.data,
    error: query.error ?? undefined,
    loading: query.isFetching,
    reload: () => void query.refetch(),
  };
}
