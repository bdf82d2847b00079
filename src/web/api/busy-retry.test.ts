import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUSY_RETRY, busyRetryDelay, busyWaits, fetchRetryingBusy, retryAfterMs } from './busy-retry';
import { api, ApiError, setCsrfToken, unwrap } from './client';

const busy = { status: 503, code: 'busy', retryAfter: '2' };

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Thu, 03 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Thu, 03 Dec 2026 09:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-1', now)).toBeNull();
  });
});

describe('the busy retry decision', () => {
  it('waits what Retry-After says, for at most the bounded number of resends', () => {
    expect(busyRetryDelay(busy, 1)).toBe(2000);
    expect(busyRetryDelay(busy, BUSY_RETRY.retries)).toBe(2000);
    expect(busyRetryDelay(busy, BUSY_RETRY.retries + 1)).toBeNull();
  });

  it('caps a long Retry-After and falls back when it is missing or unreadable', () => {
    expect(busyRetryDelay({ ...busy, retryAfter: '3600' }, 1)).toBe(BUSY_RETRY.maxDelayMs);
    expect(busyRetryDelay({ ...busy, retryAfter: null }, 1)).toBe(BUSY_RETRY.fallbackDelayMs);
    expect(busyRetryDelay({ ...busy, retryAfter: 'later' }, 1)).toBe(BUSY_RETRY.fallbackDelayMs);
  });

  it("resends only the app's own busy answer", () => {
    expect(busyRetryDelay({ ...busy, code: undefined }, 1)).toBeNull(); // a proxy's 503
    expect(busyRetryDelay({ ...busy, code: 'internal' }, 1)).toBeNull();
    expect(busyRetryDelay({ ...busy, status: 500 }, 1)).toBeNull();
    expect(busyRetryDelay({ status: 429, code: 'too_many_requests', retryAfter: '1' }, 1)).toBeNull();
  });
});

/** A server answering `answers` in turn (the last one for ever), recording what it was sent. */
function server(...answers: { status: number; code?: string; retryAfter?: string }[]) {
  const seen: { method: string; body: string; key: string | null; csrf: string | null }[] = [];
  const send = async (request: Request) => {
    seen.push({
      method: request.method,
      body: await request.text(),
      key: request.headers.get('idempotency-key'),
      csrf: request.headers.get('x-csrf-token'),
    });
    const a = answers[Math.min(seen.length - 1, answers.length - 1)]!;
    const body = a.code ? { error: { code: a.code, message: 'Máy chủ đang bận' } } : { id: 7 };
    return new Response(JSON.stringify(body), {
      status: a.status,
      headers: { 'content-type': 'application/json', ...(a.retryAfter ? { 'retry-after': a.retryAfter } : {}) },
    });
  };
  return { seen, send };
}

const BUSY_NOW = { status: 503, code: 'busy', retryAfter: '0' };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  setCsrfToken(null);
});

describe('fetchRetryingBusy', () => {
  it('sends a write again with the same body until it is not busy', async () => {
    const s = server(BUSY_NOW, BUSY_NOW, { status: 201 });
    const request = new Request('http://phoihop.test/api/records', {
      method: 'POST',
      body: '{"title":"Tập huấn"}',
      headers: { 'idempotency-key': 'k-1' },
    });
    const response = await fetchRetryingBusy(request, s.send);
    expect(response.status).toBe(201);
    expect(s.seen).toHaveLength(3);
    expect(s.seen.every((r) => r.method === 'POST' && r.body === '{"title":"Tập huấn"}' && r.key === 'k-1')).toBe(true);
  });

  it('gives the last busy answer back once its resends are spent', async () => {
    const s = server(BUSY_NOW);
    const response = await fetchRetryingBusy(new Request('http://phoihop.test/api/me'), s.send);
    expect(response.status).toBe(503);
    expect(s.seen).toHaveLength(1 + BUSY_RETRY.retries);
  });

  it('does not resend another error, nor a 503 that is not the app’s busy', async () => {
    for (const answer of [
      { status: 500, code: 'internal' },
      { status: 503, retryAfter: '0' },
    ]) {
      const s = server(answer, { status: 200 });
      expect((await fetchRetryingBusy(new Request('http://phoihop.test/api/me'), s.send)).status).toBe(answer.status);
      expect(s.seen).toHaveLength(1);
    }
  });

  it('waits Retry-After before resending and counts the wait for the notice', async () => {
    vi.useFakeTimers();
    const s = server({ status: 503, code: 'busy', retryAfter: '2' }, { status: 200 });
    const counts: number[] = [];
    const stop = busyWaits.subscribe(() => counts.push(busyWaits.count()));
    const done = fetchRetryingBusy(new Request('http://phoihop.test/api/me'), s.send);
    await vi.advanceTimersByTimeAsync(1999);
    expect(s.seen).toHaveLength(1);
    expect(busyWaits.count()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await done).status).toBe(200);
    stop();
    expect(s.seen).toHaveLength(2);
    expect(counts).toEqual([1, 0]);
  });

  it('stops waiting when the page cancels the request', async () => {
    const s = server({ status: 503, code: 'busy', retryAfter: '5' });
    const cancel = new AbortController();
    const done = fetchRetryingBusy(new Request('http://phoihop.test/api/me', { signal: cancel.signal }), s.send);
    setTimeout(() => cancel.abort(), 10);
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.seen).toHaveLength(1);
    expect(busyWaits.count()).toBe(0);
  });
});

describe('the web API client', () => {
  it('resends a busy create with its CSRF token and Idempotency-Key, then returns the record', async () => {
    const s = server(BUSY_NOW, { status: 201 });
    vi.stubGlobal('fetch', s.send);
    setCsrfToken('token-9');
    const created = await unwrap(
      api.POST('/api/models', {
        baseUrl: 'http://phoihop.test',
        headers: { 'Idempotency-Key': 'key-42' },
        body: {} as never,
      }),
    );
    expect(created).toEqual({ id: 7 });
    expect(s.seen.map((r) => [r.method, r.key, r.csrf])).toEqual([
      ['POST', 'key-42', 'token-9'],
      ['POST', 'key-42', 'token-9'],
    ]);
  });

  it('turns a busy answer still busy after the resends into an ApiError busy', async () => {
    vi.stubGlobal('fetch', server(BUSY_NOW).send);
    const failure = await unwrap(api.GET('/api/me', { baseUrl: 'http://phoihop.test' })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 503, code: 'busy' });
  });
});
