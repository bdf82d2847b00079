// The API as another device of the same officer sees it (Node's fetch, its own session): what the
// server holds, whatever the browser under test did, and an edit made "elsewhere".
import { inject } from 'vitest';

export interface ApiSession {
  cookie: string;
  csrf: string;
}

export async function apiLogin(username: string): Promise<ApiSession> {
  const response = await fetch(`${inject('baseUrl')}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: inject('demoPassword') }),
  });
  if (!response.ok) throw new Error(`login ${username}: HTTP ${response.status}`);
  const body = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken };
}

export async function apiCall<T>(session: ApiSession, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${inject('baseUrl')}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The titles of the records whose words match `q` (at most 100), as the server has them. */
export async function recordTitles(session: ApiSession, q: string): Promise<string[]> {
  const list = await apiCall<{ items: { title: string }[] }>(
    session,
    'GET',
    `/api/records?q=${encodeURIComponent(q)}&limit=100`,
  );
  return list.items.map((r) => r.title).sort();
}
