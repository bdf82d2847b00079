// The page's side of the service worker (sw.ts): registration, the reload after an update, and the
// outbox hooks of Background Sync (sync-protocol.ts).
import { OUTBOX_SYNC_TAG, type OutboxSyncReply, type OutboxSyncRequest } from './sync-protocol';

/** Background Sync's registration (not in TypeScript's DOM lib; Chromium has it). */
interface SyncManager {
  register(tag: string): Promise<void>;
}

/**
 * Registers /sw.js, and links the web manifest, only once the first page has had the network to
 * itself (FIRST_PAGE_MS after the load, when the browser is idle): installing the worker downloads
 * the whole precache (about 300 KB compressed), which on 3G would otherwise compete with the first
 * page's own requests. Browsers give service workers only to secure pages (https, or localhost):
 * on a plain-HTTP LAN address the app works online as before, without offline.
 */
export function registerServiceWorker(): void {
  afterFirstPage(linkManifest);
  if (!('serviceWorker' in navigator)) return;
  // A page an older worker controlled reloads when a new build's worker takes over (it skips
  // waiting), so it does not ask for chunks the new precache no longer has. The browser looks for
  // a new worker when register() runs, seconds after the app opens, so the reload comes then, not
  // in the middle of a form. The first install, which only claims the page, reloads nothing.
  const hadController = navigator.serviceWorker.controller !== null;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController || reloading) return;
    reloading = true;
    window.location.reload();
  });
  afterFirstPage(() => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.warn('Service worker not registered', error);
    });
  });
}

/** The first page's API calls start right after the load and take a round trip or two on 3G. */
const FIRST_PAGE_MS = 3000;

function afterFirstPage(run: () => void): void {
  const later = () =>
    setTimeout(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 5000 });
      else run();
    }, FIRST_PAGE_MS);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

/**
 * The web manifest (name, icons: what installing the app needs), linked after the first page
 * rather than in index.html (vite.config.ts manifestLinkAfterLoad): the browser fetches it and an
 * icon at once, which the first load on 3G need not wait for.
 */
function linkManifest(): void {
  if (document.querySelector('link[rel="manifest"]')) return;
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = '/manifest.webmanifest';
  document.head.append(link);
}

/**
 * Asks the browser to fire the service worker's 'sync' event tagged 'outbox' when the connection is
 * back (even if this tab is closed meanwhile, the event then waits for the app to be opened again:
 * see sw.ts). Resolves false where Background Sync is missing (Firefox, Safari): the caller then
 * relies on the `online` event and the start of the app.
 */
export async function requestOutboxSync(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  const registration = await navigator.serviceWorker.ready;
  const sync = (registration as ServiceWorkerRegistration & { sync?: SyncManager }).sync;
  if (!sync) return false;
  try {
    await sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    return false;
  }
}

/**
 * Calls send() when the service worker's Background Sync asks this window to send the outbox;
 * send resolves true when nothing is left waiting. Returns the function that stops listening.
 */
export function onOutboxSync(send: () => Promise<boolean>): () => void {
  if (!('serviceWorker' in navigator)) return () => {};
  const listener = (event: MessageEvent<OutboxSyncRequest>) => {
    if (event.data?.type !== 'outbox-sync') return;
    const port = event.ports[0];
    const reply = (ok: boolean) => port?.postMessage({ type: 'outbox-sync-done', ok } satisfies OutboxSyncReply);
    send().then(reply, () => reply(false));
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}
