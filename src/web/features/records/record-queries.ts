// The queries of one record, and what a save of a record changes: its own view, the record
// lists, and the activity lists (their record counts and statuses come from records).
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { planChoicesQuery } from '../../lib/plan-choices';
import type { RecordView } from '../../lib/record-codes';
import { ethnicGroupsQuery, fundingSourcesQuery, provincesQuery } from '../../lib/reference';

export function recordQuery(id: number) {
  return queryOptions({
    queryKey: ['/api/records/{id}', id] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/records/{id}', { params: { path: { id } }, signal })),
  });
}

/** After a create or save: the record's page shows the answer, lists ask again when shown. */
export function recordSaved(queryClient: QueryClient, record: RecordView): void {
  queryClient.setQueryData(recordQuery(record.id).queryKey, record);
  void queryClient.invalidateQueries({ queryKey: ['/api/records'] });
  void queryClient.invalidateQueries({ queryKey: ['/api/activities'] });
}

/** After a delete. */
export function recordRemoved(queryClient: QueryClient, id: number): void {
  queryClient.removeQueries({ queryKey: recordQuery(id).queryKey });
  void queryClient.invalidateQueries({ queryKey: ['/api/records'] });
  void queryClient.invalidateQueries({ queryKey: ['/api/activities'] });
}

/**
 * The form's reference lists — the issued plans of the activity picker, the 2025 provinces, the
 * ethnic groups, the funding sources — asked in one request (GET /api/records/form-data: on 3G each
 * request costs a round trip, issue 16) and each put under its own query's key, where the pickers
 * look. Called before the form mounts: the pickers then find their query fetching (or answered)
 * and ask nothing themselves. Only the lists not already fresh in the client are asked for, and
 * nothing offline (the lists kept on the device serve, lib/offline-data).
 */
export function prefetchRecordFormData(queryClient: QueryClient): void {
  if (!navigator.onLine) return;
  let answer: ReturnType<typeof askFormData> | undefined;
  const formData = () => (answer ??= askFormData());
  void queryClient.prefetchQuery({
    ...planChoicesQuery({ status: 'issued' }),
    queryFn: () => formData().then((d) => d.plans),
  });
  void queryClient.prefetchQuery({ ...provincesQuery(2025), queryFn: () => formData().then((d) => d.provinces) });
  void queryClient.prefetchQuery({ ...ethnicGroupsQuery, queryFn: () => formData().then((d) => d.ethnicGroups) });
  void queryClient.prefetchQuery({ ...fundingSourcesQuery, queryFn: () => formData().then((d) => d.fundingSources) });
}

const askFormData = () => unwrap(api.GET('/api/records/form-data'));
