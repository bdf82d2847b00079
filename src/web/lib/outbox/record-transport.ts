// How the outbox sends records through the app's API client (which resends a 503 `busy` itself):
// a create and an edit with the item's Idempotency-Key, then its files, each with its own key.
import { api, unwrap, type BodyOf } from '../../api/client';
import type { OutboxItem, OutboxTransport, QueuedFile } from './outbox';

type CreateBody = BodyOf<'/api/records', 'post'>;

export const recordTransport: OutboxTransport = {
  async send(item: OutboxItem) {
    const header = { 'idempotency-key': item.idempotencyKey };
    if (item.kind === 'record.create') {
      const created = await unwrap(api.POST('/api/records', { params: { header }, body: item.body as CreateBody }));
      return { recordId: created.id };
    }
    const saved = await unwrap(
      api.PUT('/api/records/{id}', {
        params: { path: { id: item.recordId! }, header },
        body: { ...(item.body as CreateBody), version: item.version! },
      }),
    );
    return { recordId: saved.id };
  },

  async upload(recordId: number, file: QueuedFile, blob: Blob) {
    const form = new FormData();
    form.append('file', blob, file.name);
    await unwrap(
      api.POST('/api/records/{id}/attachments', {
        params: { path: { id: recordId }, header: { 'idempotency-key': file.key } },
        // Multipart, which the OpenAPI spec does not describe: openapi-fetch sends FormData as is.
        body: form as never,
      }),
    );
  },

  current(item: OutboxItem) {
    return unwrap(api.GET('/api/records/{id}', { params: { path: { id: item.recordId! } } }));
  },
};
