// The outbox: writes made while the server cannot be reached, kept on the device and sent in the
// order they were made when it can be (at start, on `online`, on the service worker's
// {type:'outbox-sync'}, after each new item). Each item carries its Idempotency-Key from the
// moment it is queued and keeps it on every resend, so a request cut mid-way or an answer lost
// after the server committed is sent again and the server answers with the first result: the
// record exists once. What the server refuses waits for the user ("cần xử lý"), never dropped and
// never overwritten silently: a 409/423 with the server's version beside the user's, a 400 with the
// field it names, to be fixed in the form. A 401 (session expired) keeps everything for after login.
import { ApiError } from '../../api/client';
import { newIdempotencyKey } from '../idempotency-key';
import { offlineDb, type OutboxItem, type OutboxKind, type OutboxProblem, type QueuedFile } from './outbox-db';

export type { OutboxItem, OutboxKind, OutboxProblem, OutboxState, QueuedFile } from './outbox-db';

/** Files picked offline: one at most this size (the server takes 20 MB), all waiting at most the total. */
export const OUTBOX_LIMITS = { fileBytes: 10 * 1024 * 1024, totalFileBytes: 50 * 1024 * 1024 } as const;

/** How the outbox reaches the server; `record-transport.ts` is the app's, tests give their own. */
export interface OutboxTransport {
  /** Sends the item's main request with its Idempotency-Key; the record's id. Throws ApiError. */
  send(item: OutboxItem): Promise<{ recordId: number }>;
  /** Uploads one queued file of a record with the file's own key. Throws ApiError. */
  upload(recordId: number, file: QueuedFile, blob: Blob): Promise<void>;
  /** The record as the server has it now, shown beside the user's version of a refused edit. */
  current(item: OutboxItem): Promise<unknown>;
}

export class OutboxLimitError extends Error {
  readonly field = 'files';
  constructor(message: string) {
    super(message);
    this.name = 'OutboxLimitError';
  }
}

export interface NewItem {
  userId: number;
  kind: OutboxKind;
  label: string;
  body: unknown;
  form: unknown;
  recordId?: number;
  version?: number;
  files?: File[] | Blob[];
  /** The key the form already sent with (a create that failed offline keeps its key). */
  idempotencyKey?: string;
}

// ---- change notification (this tab and the others) ----

type Listener = () => void;
const listeners = new Set<Listener>();
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('phoihop-outbox') : null;
channel?.addEventListener('message', () => {
  for (const listener of listeners) listener();
});

export function subscribeOutbox(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  for (const listener of listeners) listener();
  channel?.postMessage('changed');
}

// ---- reading and writing items ----

export async function listOutbox(userId: number): Promise<OutboxItem[]> {
  const db = await offlineDb();
  const items = await db.getAllFromIndex('outbox', 'byUser', userId);
  return items.sort((a, b) => a.id - b.id);
}

/** Items not yet sent on this device, whoever queued them: the login page says they wait for a login. */
export async function countUnsentOnDevice(): Promise<number> {
  const items = await (await offlineDb()).getAll('outbox');
  return items.filter((item) => item.state !== 'sent').length;
}

export async function getOutboxItem(id: number): Promise<OutboxItem | undefined> {
  return (await offlineDb()).get('outbox', id);
}

async function put(item: OutboxItem): Promise<void> {
  await (await offlineDb()).put('outbox', item);
  changed();
}

function fileName(file: File | Blob, index: number): string {
  return 'name' in file && typeof file.name === 'string' ? file.name : `tep-${index + 1}`;
}

async function queuedFiles(userId: number, files: (File | Blob)[]): Promise<QueuedFile[]> {
  const waiting = (await listOutbox(userId))
    .flatMap((item) => item.files)
    .reduce((sum, f) => sum + (f.blob ? f.size : 0), 0);
  let total = waiting;
  return files.map((file, index) => {
    if (file.size > OUTBOX_LIMITS.fileBytes)
      throw new OutboxLimitError(
        `Tệp "${fileName(file, index)}" lớn hơn ${OUTBOX_LIMITS.fileBytes / 1024 / 1024} MB: không lưu được trên máy để gửi sau.`,
      );
    total += file.size;
    if (total > OUTBOX_LIMITS.totalFileBytes)
      throw new OutboxLimitError(
        `Các tệp chờ gửi đã gần ${OUTBOX_LIMITS.totalFileBytes / 1024 / 1024} MB: hãy gửi khi có mạng trước khi thêm tệp.`,
      );
    return {
      key: newIdempotencyKey(),
      name: fileName(file, index),
      type: file.type,
      size: file.size,
      blob: file,
      uploaded: false,
    };
  });
}

/** Puts a write in the outbox, waiting to be sent. Throws OutboxLimitError when its files do not fit. */
export async function enqueue(input: NewItem): Promise<OutboxItem> {
  const files = await queuedFiles(input.userId, input.files ?? []);
  const db = await offlineDb();
  const row: Omit<OutboxItem, 'id'> = {
    userId: input.userId,
    kind: input.kind,
    label: input.label,
    idempotencyKey: input.idempotencyKey ?? newIdempotencyKey(),
    recordId: input.recordId,
    version: input.version,
    body: input.body,
    form: input.form,
    files,
    state: 'waiting',
    applied: false,
    attempts: 0,
    queuedAt: new Date().toISOString(),
  };
  const id = await db.add('outbox', row as OutboxItem);
  changed();
  void requestBackgroundSync();
  return { ...row, id };
}

/** The user fixed the item in its form: its new content, sent with a new key (it is a new request). */
export async function replaceFromForm(id: number, patch: { label: string; body: unknown; form: unknown }) {
  const item = await getOutboxItem(id);
  if (!item) return;
  await put({
    ...item,
    ...patch,
    idempotencyKey: newIdempotencyKey(),
    state: 'waiting',
    problem: undefined,
    lastError: undefined,
  });
}

/** A conflicting edit the user keeps: sent again over the server's version, with a new key. */
export async function sendMineOver(id: number, serverVersion: number): Promise<void> {
  const item = await getOutboxItem(id);
  if (!item) return;
  await put({
    ...item,
    version: serverVersion,
    idempotencyKey: newIdempotencyKey(),
    state: 'waiting',
    problem: undefined,
  });
}

/** Sent again as it is, with its key (a locked period reopened, the server fixed). */
export async function retryItem(id: number): Promise<void> {
  const item = await getOutboxItem(id);
  if (!item) return;
  await put({ ...item, state: 'waiting', problem: undefined });
}

/** The user drops their version: the item leaves the device. */
export async function dropItem(id: number): Promise<void> {
  await (await offlineDb()).delete('outbox', id);
  changed();
}

/** Sent items are kept to be seen on the queue page until the user clears them. */
export async function clearSent(userId: number): Promise<void> {
  const db = await offlineDb();
  for (const item of await listOutbox(userId)) if (item.state === 'sent') await db.delete('outbox', item.id);
  changed();
}

// ---- sending ----

type Failure = { kind: 'later'; message: string } | { kind: 'login' } | { kind: 'attention'; problem: OutboxProblem };

function failureOf(error: unknown): Failure {
  if (!(error instanceof ApiError)) return { kind: 'later', message: String(error) };
  if (error.status === 401) return { kind: 'login' };
  // No connection, the server busy or failing, too many requests, or this page not holding the
  // session's CSRF token yet (opened offline, /api/me not answered): nothing to decide, send later.
  if (
    error.status === 0 ||
    error.status >= 500 ||
    error.status === 408 ||
    error.status === 429 ||
    (error.status === 403 && error.code === 'csrf')
  )
    return { kind: 'later', message: error.message };
  return {
    kind: 'attention',
    problem: { status: error.status, code: error.code, message: error.message, field: error.field },
  };
}

export interface SyncResult {
  sent: number;
  /** The round stopped at an item that could not be sent now (offline, server error). */
  stopped: boolean;
  /** The server said the session is gone: the queue waits for the next login. */
  needsLogin: boolean;
}

/** Sends one item; 'stop' when the rest must wait (order is kept: nothing overtakes it). */
async function sendOne(
  start: OutboxItem,
  transport: OutboxTransport,
  result: SyncResult,
  onSent?: (item: OutboxItem) => void,
): Promise<'next' | 'stop'> {
  let item: OutboxItem = { ...start, state: 'sending', attempts: start.attempts + 1 };
  await put(item);
  try {
    if (!item.applied) {
      const { recordId } = await transport.send(item);
      item = { ...item, recordId, applied: true };
      await put(item);
    }
    for (const [index, file] of item.files.entries()) {
      if (file.uploaded || !file.blob) continue;
      await transport.upload(item.recordId!, file, file.blob);
      const files = item.files.map((f, i) => (i === index ? { ...f, uploaded: true, blob: null } : f));
      item = { ...item, files };
      await put(item);
    }
    item = { ...item, state: 'sent', sentAt: new Date().toISOString(), problem: undefined, lastError: undefined };
    await put(item);
    result.sent++;
    onSent?.(item);
    return 'next';
  } catch (error) {
    const failure = failureOf(error);
    if (failure.kind === 'attention') {
      const problem = { ...failure.problem };
      if (item.kind === 'record.update' && (problem.status === 409 || problem.status === 423))
        problem.server = await transport.current(item).catch(() => undefined);
      await put({ ...item, state: 'attention', problem });
      return 'next';
    }
    await put({ ...item, state: 'waiting', lastError: failure.kind === 'later' ? failure.message : undefined });
    if (failure.kind === 'login') result.needsLogin = true;
    result.stopped = true;
    return 'stop';
  }
}

async function syncRound(
  userId: number,
  transport: OutboxTransport,
  onSent?: (item: OutboxItem) => void,
): Promise<SyncResult> {
  const result: SyncResult = { sent: 0, stopped: false, needsLogin: false };
  for (const item of await listOutbox(userId)) {
    // 'sending' left by a tab that closed mid-request: sent again with the same key.
    if (item.state !== 'waiting' && item.state !== 'sending') continue;
    if ((await sendOne(item, transport, result, onSent)) === 'stop') break;
  }
  return result;
}

let running: Promise<SyncResult> | null = null;
let again = false;

/**
 * Sends what waits, oldest first. One round at a time in this tab (a call meanwhile runs one more
 * round after it) and, where the browser has Web Locks, across tabs.
 */
export function syncOutbox(
  userId: number,
  transport: OutboxTransport,
  onSent?: (item: OutboxItem) => void,
): Promise<SyncResult> {
  if (running) {
    again = true;
    return running;
  }
  const round = async (): Promise<SyncResult> => {
    let result: SyncResult;
    do {
      again = false;
      result = await withLock(() => syncRound(userId, transport, onSent));
    } while (again && !result.stopped);
    return result;
  };
  running = round().finally(() => {
    running = null;
  });
  return running;
}

function withLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'object' ? navigator.locks : undefined;
  return locks ? (locks.request('phoihop-outbox', run) as Promise<T>) : run();
}

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Asks the service worker (if there is one and the browser has Background Sync) to wake us when online. */
async function requestBackgroundSync(): Promise<void> {
  try {
    if (typeof navigator !== 'object' || !('serviceWorker' in navigator)) return;
    // Background Sync is not in TypeScript's DOM types: `registration.sync` where Chromium has it.
    const registration: unknown = await navigator.serviceWorker.getRegistration();
    await (registration as SyncRegistration | undefined)?.sync?.register('outbox-sync');
  } catch {
    // Without Background Sync the app sends at start and on `online`.
  }
}
