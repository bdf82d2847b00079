// Reference lists the record and model forms need, fetched once per visit (they change by law or
// by an administrator, not while someone types a record).
import { api, unwrap, type ResponseOf } from '../api/client';
import { useAsync } from './use-async';
import { foldVietnamese } from '../../shared/text';

export type EthnicGroup = ResponseOf<'/api/ethnic-groups', 'get'>['items'][number];
export type FundingSource = ResponseOf<'/api/funding-sources', 'get'>[number];
export type Agency = ResponseOf<'/api/agencies', 'get'>['items'][number];

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (!pending) {
      pending = load();
      // A failed load must not stick for the rest of the visit.
      pending.catch(() => {
        pending = null;
      });
    }
    return pending;
  };
}

export const loadEthnicGroups = once(() =>
  unwrap(api.GET('/api/ethnic-groups', { params: { query: { limit: 100 } } })).then((r) => r.items),
);
export const loadFundingSources = once(() => unwrap(api.GET('/api/funding-sources')));

export function useEthnicGroups() {
  return useAsync(() => loadEthnicGroups(), []);
}

export function useFundingSources() {
  return useAsync(() => loadFundingSources(), []);
}

/** Ethnic groups whose name or other name matches what was typed, without diacritics. */
export function matchEthnicGroups(groups: readonly EthnicGroup[], text: string): EthnicGroup[] {
  const query = foldVietnamese(text);
  if (!query) return [...groups];
  const starts: EthnicGroup[] = [];
  const contains: EthnicGroup[] = [];
  for (const group of groups) {
    const name = foldVietnamese(group.name);
    if (name.startsWith(query)) starts.push(group);
    else if (name.includes(query) || group.otherNames.some((other) => foldVietnamese(other).includes(query)))
      contains.push(group);
  }
  return [...starts, ...contains];
}
