/// <reference lib="webworker" />
// The service worker (built by vite-plugin-pwa, injectManifest, into dist/web/sw.js):
// - precaches the app shell and every page's chunk (the list Workbox injects at build: all of
//   dist/web but the ECharts chunk and the province shapes, see vite.config.ts), so an officer who
//   has opened the app once opens it, and any page of it, without network;
// - answers every app route's navigation with the precached index.html, never /api/ (nor /assets/:
//   a missing file must stay a 404);
// - keeps the hashed files it was not told about (ECharts, province shapes) once they were fetched;
// - caches no API response: the data the forms need is kept by the page in IndexedDB.
// A new build's worker takes over at once (skipWaiting, clientsClaim); register.ts reloads a page
// that an older worker controlled.
// Background Sync: a 'sync' event tagged 'outbox' asks the open windows to send the outbox
// (sync-protocol.ts); the event lasts until one says it is done.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { OUTBOX_SYNC_TAG, OUTBOX_SYNC_TIMEOUT_MS, type OutboxSyncReply, type OutboxSyncRequest } from './sync-protocol';

declare const self: ServiceWorkerGlobalScope;

/** Background Sync's event (not in TypeScript's webworker lib). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

void self.skipWaiting();
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api(?:\/|$)/, /^\/assets\//, /^\/sw\.js$/, /\.webmanifest$/],
  }),
);

const ASSETS_CACHE = 'phoihop-assets';
// Hashed files outside the precache: a name is never reused, so a copy once fetched is good for ever.
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin && url.pathname.startsWith('/assets/') && request.method === 'GET',
  async ({ request }) => {
    const cache = await caches.open(ASSETS_CACHE);
    const cached = await cache.match(request);
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  },
);

/** Asks one window to send the outbox; resolves with its answer (false when it gives none in time). */
function askWindow(client: Client): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), OUTBOX_SYNC_TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent<OutboxSyncReply>) => {
      clearTimeout(timer);
      resolve(event.data?.type === 'outbox-sync-done' && event.data.ok);
    };
    const request: OutboxSyncRequest = { type: 'outbox-sync' };
    client.postMessage(request, [channel.port2]);
  });
}

async function syncOutbox(): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window' });
  // One window sends it (the outbox sends each item once whoever asks); the others would wait on it.
  const first = windows[0];
  // No window open: fail, so that the browser tries again later; the app also sends on start.
  if (!first || !(await askWindow(first))) throw new Error('outbox not sent');
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === OUTBOX_SYNC_TAG) sync.waitUntil(syncOutbox());
});
