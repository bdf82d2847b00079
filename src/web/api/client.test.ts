import { afterEach, describe, expect, it } from 'vitest';
import { api, ApiError, onUnauthorized, setCsrfToken, unwrap } from './client';

// The client talks to relative URLs in the browser; Node needs an origin.
const baseUrl = 'http://phoihop.test';

function respond(status: number, body: unknown) {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { seen, fetch };
}

afterEach(() => setCsrfToken(null));

describe('the web API client', () => {
  it('sends the CSRF token on writes and not on reads', async () => {
    setCsrfToken('token-123');
    const server = respond(204, undefined);
    await api.POST('/api/auth/logout', { baseUrl, fetch: server.fetch });
    const read = respond(200, {});
    await api.GET('/api/me', { baseUrl, fetch: read.fetch });
    expect(server.seen[0]?.headers.get('x-csrf-token')).toBe('token-123');
    expect(read.seen[0]?.headers.get('x-csrf-token')).toBeNull();
  });

  it('turns the error body into a thrown ApiError with its code, message and field', async () => {
    const server = respond(400, {
      error: { code: 'invalid', message: 'Trường "username" sai định dạng', field: 'username' },
    });
    const failure = await unwrap(api.GET('/api/me', { baseUrl, fetch: server.fetch })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      status: 400,
      code: 'invalid',
      field: 'username',
      message: 'Trường "username" sai định dạng',
    });
  });

  it('tells the app when the session is gone, but not for a wrong password', async () => {
    let lost = 0;
    const stop = onUnauthorized(() => lost++);
    const expired = { error: { code: 'unauthenticated', message: 'Chưa đăng nhập' } };
    await api.GET('/api/me', { baseUrl, fetch: respond(401, expired).fetch }).catch(() => undefined);
    const wrong = { error: { code: 'invalid_credentials', message: 'Sai' } };
    await api
      .POST('/api/auth/login', { baseUrl, fetch: respond(401, wrong).fetch, body: { username: 'a', password: 'b' } })
      .catch(() => undefined);
    stop();
    expect(lost).toBe(1);
  });

  it('reports an unreachable server as a network error', async () => {
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    const failure = await api.GET('/api/me', { baseUrl, fetch: offline }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 0, code: 'network' });
  });
});
