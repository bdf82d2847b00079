// What the service worker (sw.ts) and the page (register.ts) say to each other about the outbox.
// Imported by both: no DOM, no window.

/** The Background Sync tag the page registers when it has queued items (register.ts requestOutboxSync). */
export const OUTBOX_SYNC_TAG = 'outbox';

/** Sent by the service worker to each open window on a 'sync' event with OUTBOX_SYNC_TAG. */
export interface OutboxSyncRequest {
  type: 'outbox-sync';
}

/** The window's answer, on the MessagePort that came with the request. */
export interface OutboxSyncReply {
  type: 'outbox-sync-done';
  /** false: something is still waiting (offline again, server busy): the browser tries again later. */
  ok: boolean;
}

/** How long the service worker waits for a window to finish sending the outbox. */
export const OUTBOX_SYNC_TIMEOUT_MS = 60_000;
