// Issue 16, point 1: once logged in, the app and the record form open without any network (the
// service worker's precache, src/web/pwa/sw.ts), and the worker never answers for the API.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, PHONE, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { AppFrame } from './pages/AppFrame';

/** Waits until the service worker controls the page: its precache is complete by then. */
async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
}

function recordFormHeading(page: Page) {
  return page.getByRole('heading', { level: 1, name: 'Ghi nhận hoạt động đã thực hiện' });
}

describe('the app offline', () => {
  let session: BrowserSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('opens the record form and a page not visited yet without network once the officer has logged in', async () => {
    session = await openBrowser(PHONE);
    const { page, context } = session;
    await (await LoginPage.open(page)).loginAs('dienbien.nhaplieu');
    await serviceWorkerInControl(page);

    await context.setOffline(true);
    await page.goto('/records/new');
    await recordFormHeading(page).waitFor();
    await new AppFrame(page).waitUntilReady();
    const title = page.getByLabel('Tên hoạt động');
    await title.fill('Tập huấn ngoại tuyến');
    expect(await title.isEnabled()).toBe(true);
    await page.reload();
    await recordFormHeading(page).waitFor();
    await screenshot(page, 'offline-record-form');

    // A page this browser never opened: its chunk comes from the precache, the frame shows.
    await page.goto('/activities');
    await new AppFrame(page).waitUntilReady();
    await page.getByRole('heading', { level: 1, name: 'Tiến độ hoạt động' }).waitFor();
    // …and moving within the app, offline, back to the form.
    await page.goto('/records');
    await page.getByRole('heading', { level: 1, name: 'Ghi nhận thực hiện' }).waitFor();
    await page.getByRole('link', { name: '+ Ghi nhận mới' }).click();
    await recordFormHeading(page).waitFor();

    // The API is never answered from the worker: offline it fails as the network does.
    const apiOffline = await page.evaluate(() =>
      fetch('/api/health').then(
        (r) => `answered ${r.status} ${r.headers.get('content-type')}`,
        () => 'failed',
      ),
    );
    expect(apiOffline).toBe('failed');
  });

  it('is installable: a Vietnamese web manifest with icons, and the API is not given the app shell', async () => {
    session = await openBrowser(PHONE);
    const { page } = session;
    await (await LoginPage.open(page)).loginAs('dienbien.nhaplieu');
    await serviceWorkerInControl(page);

    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBe('/manifest.webmanifest');
    const manifest = await page.evaluate(async (href) => (await fetch(href)).json(), manifestHref!);
    expect(manifest).toMatchObject({
      name: 'Phối hợp — Điều phối chương trình phối hợp',
      short_name: 'Phối hợp',
      lang: 'vi',
      start_url: '/',
      display: 'standalone',
      theme_color: '#9f1d20',
    });
    const purposes = (manifest.icons as { sizes: string; purpose: string; src: string }[]).map(
      (icon) => `${icon.sizes} ${icon.purpose}`,
    );
    expect(purposes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons as { src: string }[]) {
      const type = await page.evaluate(async (src) => (await fetch(src)).headers.get('content-type'), icon.src);
      expect(type).toBe('image/png');
    }

    // A navigation to the API, under the worker's control, reaches the server: JSON, not the shell.
    const response = await page.goto('/api/health');
    expect(response?.headers()['content-type']).toContain('application/json');
    expect(await page.locator('#root').count()).toBe(0);
  });

  it("hands Background Sync's 'outbox' event, and only that tag, to an open window", async () => {
    session = await openBrowser(PHONE);
    const { page, context } = session;
    await (await LoginPage.open(page)).loginAs('dienbien.nhaplieu');
    await serviceWorkerInControl(page);
    // The window's side of src/web/pwa/sync-protocol.ts, as the outbox answers it (register.ts onOutboxSync).
    await page.evaluate(() => {
      const w = window as unknown as { outboxAsked: number };
      w.outboxAsked = 0;
      navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
        if (event.data?.type !== 'outbox-sync') return;
        w.outboxAsked++;
        event.ports[0]?.postMessage({ type: 'outbox-sync-done', ok: true });
      });
    });

    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => !r.isDeleted && new URL(r.scopeURL).pathname === '/');
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registration;
    const origin = new URL(page.url()).origin;
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin, registrationId, tag: 'outbox', lastChance: false });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { outboxAsked: number }).outboxAsked), { timeout: 20_000 })
      .toBe(1);
    // Another tag is not the outbox's.
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin, registrationId, tag: 'other', lastChance: false });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { outboxAsked: number }).outboxAsked)).toBe(1);
    await cdp.detach();
  });

  it('forgets the account at logout: offline, the next opening shows no one signed in', async () => {
    session = await openBrowser(PHONE);
    const { page, context } = session;
    const frame = await (await LoginPage.open(page)).loginAs('dienbien.nhaplieu');
    await serviceWorkerInControl(page);
    expect(await page.evaluate(() => localStorage.getItem('phoihop.me'))).toContain('dienbien.nhaplieu');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('phoihop.me'))).toBeNull();

    await context.setOffline(true);
    await page.goto('/records/new');
    await page.getByRole('alert').first().waitFor();
    expect(await frame.userBox.count()).toBe(0);
    expect(await recordFormHeading(page).count()).toBe(0);
  });
});
