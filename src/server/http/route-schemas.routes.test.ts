// Route schemas are compiled at first use (lazy-schemas.ts), so nothing compiles them all at start:
// this test does, so that a schema which does not compile fails here as it used to at app.ready().
import { afterAll, describe, expect, it } from 'vitest';
import { compilePendingSchemas } from '../app';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp | undefined;
afterAll(async () => {
  await t?.close();
});

describe('route schemas', () => {
  it('all compile: every validator and response serializer of every route', { timeout: 300_000 }, async () => {
    t = await createTestApp();
    const compiled = await compilePendingSchemas(t.app);
    expect(compiled).toBeGreaterThan(500);
    // Nothing is left for a first request to compile.
    expect(await compilePendingSchemas(t.app)).toBe(0);
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
  });
});
