// The state of a list page, in the address bar (so Back works and a filtered list can be sent as
// a link), and its data as a query that keeps the last page on screen while the next one loads.
//
//   const list = useListState({ q: '', province: '' });
//   const users = useListQuery(['/api/users', list.filters, list.offset], (signal) =>
//     unwrap(api.GET('/api/users', { params: { query: { ...list.page(PAGE_SIZE), q: list.filters.q || undefined } }, signal })),
//   );
//   list.set({ province: 'x' })   // a filter changed: back to the first page, the address replaced
//   list.setOffset(50)            // another page: a new history entry, so Back returns to the last
//   list.text / list.setText      // the search box bound to `q`, committed once the user pauses
//   list.sort                     // `sort` in the address ('title', '-year'): <DataTable sort={list.sort}>,
//                                 // sent as `sort: sortValue(list.sort.value, PLAN_SORTS)`
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchState } from './use-search-state';
import { useSearchText } from './use-search-text';

export interface ListState<K extends string> {
  /** The filters as the address has them ('' when not set). */
  filters: Record<K | 'q', string>;
  /** Changes filters and goes back to the first page. */
  set(patch: Partial<Record<K | 'q', string>>): void;
  offset: number;
  setOffset(offset: number): void;
  /** `{ limit, offset }` for the request. */
  page(limit: number): { limit: number; offset: number };
  /** The search box's text (bound to `q`, committed after a pause). */
  text: string;
  setText(text: string): void;
  /** The column the list is sorted by: `key` ascending, `-key` descending, '' the list's own order. */
  sort: ListSort;
}

export interface ListSort {
  value: string;
  /** A new sort goes back to the first page. */
  onChange(value: string): void;
}

export type SortValue<K extends string> = K | `-${K}`;

/** The address's sort if it is one of the list's (`keys`), for the request; otherwise none. */
export function sortValue<K extends string>(value: string, keys: readonly K[]): SortValue<K> | undefined {
  const key = value.startsWith('-') ? value.slice(1) : value;
  return (keys as readonly string[]).includes(key) ? (value as SortValue<K>) : undefined;
}

export function useListState<K extends string>(defaults: Record<K, string>): ListState<K> {
  const [values, update] = useSearchState<K | 'q' | 'offset' | 'sort'>({ q: '', sort: '', ...defaults, offset: '0' });
  const set = useCallback(
    (patch: Partial<Record<K | 'q', string>>) =>
      update({ ...patch, offset: '' } as Partial<Record<K | 'q' | 'offset' | 'sort', string>>),
    [update],
  );
  const setOffset = useCallback(
    (next: number) =>
      update({ offset: String(next) } as Partial<Record<K | 'q' | 'offset' | 'sort', string>>, { replace: false }),
    [update],
  );
  const [text, setText] = useSearchText(values.q, (q) => set({ q } as Partial<Record<K | 'q', string>>));
  const offset = Number(values.offset) || 0;
  const onSort = useCallback(
    (sort: string) => update({ sort, offset: '' } as Partial<Record<K | 'q' | 'offset' | 'sort', string>>),
    [update],
  );
  const { offset: _offset, sort, ...filters } = values;
  return {
    filters: filters as Record<K | 'q', string>,
    set,
    offset,
    setOffset,
    page: (limit) => ({ limit, offset }),
    text,
    setText,
    sort: { value: sort, onChange: onSort },
  };
}

/**
 * A list's data: one query per key (derive the key from everything the request sends), the
 * request cancelled when the key changes, the last answer shown (dimmed by QueryView) meanwhile.
 */
export function useListQuery<T>(queryKey: QueryKey, load: (signal: AbortSignal) => Promise<T>) {
  return useQuery({ queryKey, queryFn: ({ signal }) => load(signal), placeholderData: keepPreviousData });
}
