// Headers that fit how the app is served: over plain HTTP on a LAN address (the default) nothing
// may ask the browser to switch to https; behind HTTPS (PHOIHOP_SECURE_COOKIE=1) HSTS and the
// upgrade are sent.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('security headers', () => {
  it('sends neither HSTS nor upgrade-insecure-requests when served over plain HTTP', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('sends HSTS and upgrade-insecure-requests behind HTTPS', async () => {
    const base = loadConfig({});
    t = await createTestApp({ session: { ...base.session, secureCookie: true } });
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
