// Served over plain HTTP on a LAN address (how a provincial office runs it on one machine), the app
// must load: a Content-Security-Policy with upgrade-insecure-requests, or HSTS, would send every
// asset to https and leave a blank page. Opened here by this machine's non-loopback address.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, PHONE, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';

describe('the app over plain HTTP by a LAN address', () => {
  let session: BrowserSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('loads, logs in and shows the overview, with every request over http to that address', async () => {
    const lanUrl = inject('lanUrl');
    expect(lanUrl, 'this machine has no non-loopback IPv4 address to open the app by').toMatch(
      /^http:\/\/(?!127\.)\d+\.\d+\.\d+\.\d+:\d+$/,
    );
    session = await openBrowser(PHONE, lanUrl);
    const requested: string[] = [];
    session.page.on('request', (request) => requested.push(request.url()));
    const failed: string[] = [];
    session.page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));

    const response = await session.page.goto('/login');
    const headers = response!.headers();
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');

    const frame = await new LoginPage(session.page).loginAs('admin');
    await frame.waitUntilReady();
    await screenshot(session.page, 'lan-http-overview-phone');

    expect(failed).toEqual([]);
    expect(requested.length).toBeGreaterThan(3);
    expect(requested.filter((url) => !url.startsWith(`${lanUrl}/`) && !url.startsWith('data:'))).toEqual([]);
  });
});
