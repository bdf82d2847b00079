// The device's own database (IndexedDB through `idb`): the outbox of writes made offline, the
// drafts of forms being typed, and the reference data the forms need, each row kept per user.
// Nothing here expires by itself: an officer may be a week without a connection.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'attention';
export type OutboxKind = 'record.create' | 'record.update';

/** A file picked offline, sent once its record exists (its own Idempotency-Key). */
export interface QueuedFile {
  key: string;
  name: string;
  type: string;
  size: number;
  /** Dropped once uploaded, to give the space back. */
  blob: Blob | null;
  uploaded: boolean;
}

/** Why an item waits for the user: the server's answer, and for a conflict the server's version. */
export interface OutboxProblem {
  status: number;
  code: string;
  message: string;
  field?: string;
  /** The record as the server has it now (409 / 423 on an edit), shown beside the user's version. */
  server?: unknown;
}

export interface OutboxItem {
  /** Autoincrement: the order items were queued in, which is the order they are sent in. */
  id: number;
  userId: number;
  kind: OutboxKind;
  /** What the queue page calls it (the record's title). */
  label: string;
  idempotencyKey: string;
  /** An edit: the record edited; a create: the record made, once sent. */
  recordId?: number;
  /** An edit: the version it was made from. */
  version?: number;
  /** The request body (an edit's without its version). */
  body: unknown;
  /** The form's state, so that the item can go back into its form. */
  form: unknown;
  files: QueuedFile[];
  state: OutboxState;
  /** The main request was answered (files may still be waiting). */
  applied: boolean;
  problem?: OutboxProblem;
  /** The last failure that left the item waiting (offline, server error), for the queue page. */
  lastError?: string;
  attempts: number;
  queuedAt: string;
  sentAt?: string;
}

export interface DraftRow {
  /** `${userId}:${form}` */
  key: string;
  userId: number;
  savedAt: string;
  state: unknown;
}

export interface CachedQueries {
  userId: number;
  savedAt: string;
  /** TanStack Query's dehydrated state of the queries the forms need. */
  state: unknown;
}

interface OfflineSchema extends DBSchema {
  outbox: { key: number; value: OutboxItem; indexes: { byUser: number } };
  drafts: { key: string; value: DraftRow };
  queries: { key: number; value: CachedQueries };
}

export const OFFLINE_DB_NAME = 'phoihop-offline';
let opening: Promise<IDBPDatabase<OfflineSchema>> | null = null;

export function offlineDb(): Promise<IDBPDatabase<OfflineSchema>> {
  opening ??= openDB<OfflineSchema>(OFFLINE_DB_NAME, 1, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
      outbox.createIndex('byUser', 'userId');
      db.createObjectStore('drafts', { keyPath: 'key' });
      db.createObjectStore('queries', { keyPath: 'userId' });
    },
    // Another tab opened a newer version: let it, and open again next time.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
  return opening;
}

/** For tests: close the database so that the next test starts from an empty one. */
export async function closeOfflineDb(): Promise<void> {
  const db = await opening;
  db?.close();
  opening = null;
}
