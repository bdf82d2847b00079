// The outbox in React: the items of the signed-in user (kept current across tabs), whether the
// browser is online, and the one place that sends the queue — at start (the frame mounts once
// signed in, so also after a new login), on `online`, on the service worker's
// {type:'outbox-sync'} (Background Sync), every minute while something waits, and when asked.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { listOutbox, subscribeOutbox, syncOutbox, type OutboxItem, type SyncResult } from './outbox';
import { recordTransport } from './record-transport';

let afterSent: ((item: OutboxItem) => void) | undefined;

/** Sends what waits for `userId` (the app's transport); safe to call at any time. */
export function sendOutbox(userId: number): Promise<SyncResult> {
  return syncOutbox(userId, recordTransport, (item) => afterSent?.(item));
}

export function useOutboxItems(userId: number): OutboxItem[] | undefined {
  const [items, setItems] = useState<OutboxItem[]>();
  useEffect(() => {
    let live = true;
    const load = () =>
      void listOutbox(userId).then(
        (rows) => live && setItems(rows),
        () => live && setItems([]),
      );
    load();
    const unsubscribe = subscribeOutbox(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [userId]);
  return items;
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

const RETRY_EVERY_MS = 60_000;

/** Mounted once, in the app frame. `ready`: the session is confirmed by the server (a page opened
 * offline shows the user last seen, but holds no CSRF token until /api/me answers): nothing is sent
 * before, and becoming ready sends. */
export function useOutboxSync(userId: number, items: OutboxItem[] | undefined, ready = true): void {
  const queryClient = useQueryClient();
  const pending = items?.some((i) => i.state === 'waiting' || i.state === 'sending') ?? false;
  const send = useCallback(() => void sendOutbox(userId).catch(() => undefined), [userId]);

  useEffect(() => {
    afterSent = () => {
      void queryClient.invalidateQueries({ queryKey: ['/api/records'] });
      void queryClient.invalidateQueries({ queryKey: ['/api/activities'] });
    };
    return () => {
      afterSent = undefined;
    };
  }, [queryClient]);

  useEffect(() => {
    if (!ready) return;
    send();
    window.addEventListener('online', send);
    const onMessage = (event: MessageEvent) => {
      if ((event.data as { type?: unknown } | null)?.type === 'outbox-sync') send();
    };
    const worker = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
    worker?.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('online', send);
      worker?.removeEventListener('message', onMessage);
    };
  }, [send, ready]);

  // A server that was down while the browser said online: try again now and then.
  useEffect(() => {
    if (!pending || !ready) return;
    const timer = setInterval(send, RETRY_EVERY_MS);
    return () => clearInterval(timer);
  }, [pending, send, ready]);
}

/** Little room left on the device for the outbox and drafts (under 50 MB or 90 % used). */
export function useStorageLow(): boolean {
  const [low, setLow] = useState(false);
  useEffect(() => {
    const storage = navigator.storage as StorageManager | undefined;
    // Ask the browser not to evict the queue under pressure (granted to installed apps and sites used often).
    void storage?.persist?.().catch(() => false);
    void storage
      ?.estimate?.()
      .then(({ usage = 0, quota = 0 }) =>
        setLow(quota > 0 && (quota - usage < 50 * 1024 * 1024 || usage / quota > 0.9)),
      )
      .catch(() => undefined);
  }, []);
  return low;
}
