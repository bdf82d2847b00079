// The provinces of each generation (63 before 1/7/2025, 34 after), fetched once per visit:
// many filters need them and they change only by law.
import { api, unwrap, type ResponseOf } from '../../api/client';
import { useAsync } from '../../lib/use-async';

export type Generation = 2024 | 2025;
export type AdminUnit = ResponseOf<'/api/admin-units', 'get'>['items'][number];

const cache = new Map<Generation, Promise<AdminUnit[]>>();

export function loadProvinces(generation: Generation): Promise<AdminUnit[]> {
  let pending = cache.get(generation);
  if (!pending) {
    pending = unwrap(
      api.GET('/api/admin-units', { params: { query: { generation, level: 'province', limit: 100 } } }),
    ).then((result) => result.items);
    // A failed load must not stick for the rest of the visit.
    pending.catch(() => cache.delete(generation));
    cache.set(generation, pending);
  }
  return pending;
}

export function useProvinces(generation: Generation) {
  return useAsync(() => loadProvinces(generation), [generation]);
}

/** The generation in force on a date: the 2025 units from 1/7/2025. */
export function generationAt(isoDate: string): Generation {
  return isoDate >= '2025-07-01' ? 2025 : 2024;
}
