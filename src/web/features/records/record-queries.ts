// The queries of one record, and what a save of a record changes: its own view, the record
// lists, and the activity lists (their record counts and statuses come from records).
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { RecordView } from '../../lib/record-codes';

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
