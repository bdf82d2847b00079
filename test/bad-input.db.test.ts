// Every endpoint in the OpenAPI document, fed garbage: never a 5xx, always the one error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from './test-app';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as({ role: 'admin' });
});
afterAll(async () => {
  await t.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const GARBAGE: unknown[] = [{}, [], { id: 'x', version: -1, year: 'năm', text: 42 }, { content: null }];

function operations(): { method: Method; path: string }[] {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .map((m) => m.toUpperCase())
      .filter((m): m is Method => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m))
      .map((method) => ({ method, path })),
  );
}

const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);

describe('bad input on any endpoint', () => {
  it('never answers 5xx to garbage bodies, ids or query strings, and always uses the error shape', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const { method, path } of ops) {
      for (const id of ['999999', 'abc', '-1']) {
        const url = `${fill(path, id)}?limit=-5&offset=x&year=abc&from=32/13/2022&generation=1999&q=${'%'.repeat(3)}`;
        const payloads = method === 'GET' || method === 'DELETE' ? [undefined] : GARBAGE;
        for (const payload of payloads) {
          const res = await admin.request(method, url, payload as Record<string, unknown>);
          if (res.statusCode >= 500)
            failures.push(`${method} ${url} ${JSON.stringify(payload)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400 && !res.json()?.error?.message)
            failures.push(`${method} ${url} → ${res.statusCode} without the error shape`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 to every non-public endpoint without a session', async () => {
    const open = new Set(['/api/health', '/api/auth/login']);
    const failures: string[] = [];
    for (const { method, path } of operations()) {
      if (open.has(path) || path.startsWith('/api/docs')) continue;
      const res = await t.app.inject({ method, url: fill(path, '1'), payload: method === 'GET' ? undefined : {} });
      if (res.statusCode !== 401) failures.push(`${method} ${path} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
