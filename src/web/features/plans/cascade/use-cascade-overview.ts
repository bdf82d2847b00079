// The overview of a central plan's provinces: one query, shared by the table and the send dialog.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export const cascadeKey = (planId: number) => ['/api/plans/{id}/cascade', planId] as const;

export function useCascadeOverview(planId: number, enabled = true) {
  return useQuery({
    queryKey: cascadeKey(planId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/plans/{id}/cascade', { params: { path: { id: planId } }, signal })),
    enabled,
  });
}
