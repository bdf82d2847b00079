// The whole app on a fresh test database, plus a logged-in client helper for route tests.
import type { LightMyRequestResponse } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { buildApp } from '../src/server/app';
import { loadConfig, type Config } from '../src/server/config';
import type { Clock } from '../src/server/access/actor';
import type { App } from '../src/server/http/context';
import type { Database } from '../src/server/db/database';
import { createTestDatabase, testEngine } from './test-db';
import { createUser, type UserSpec } from './factories';

export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-28T03:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date | string) {
    this.current = new Date(date);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Payload = Record<string, unknown> | unknown[] | string | Buffer | undefined;

export interface ApiClient {
  username: string;
  userId: number;
  /** The session cookie and CSRF token this client sends (to use the session on another instance). */
  session: { cookie: string; csrfToken: string };
  request(
    method: Method,
    url: string,
    payload?: Payload,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: Payload, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: Payload, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, payload?: Payload, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: App;
  database: Database;
  clock: TestClock;
  /** Creates a user with the spec and returns a client logged in as that user. */
  as(spec: UserSpec): Promise<ApiClient>;
  login(username: string, password: string): Promise<ApiClient>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Run as one more instance over another instance's database (its own pool: `openAnotherPool`). */
  database?: Database;
  clock?: TestClock;
  /** Kysely plugins on the app's database (a statement counter, say); the test's own `database` has them too. */
  plugins?: KyselyPlugin[];
  /** Runs before the app is ready: a test file may add its own routes. */
  setup?: (app: App) => void | Promise<void>;
}

/** The app on a fresh test database, or as another instance over a shared one. */
export async function createTestApp(overrides: Partial<Config> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const fresh = options.database ?? (await createTestDatabase());
  const database: Database = {
    ...fresh,
    db: (options.plugins ?? []).reduce((db, plugin) => db.withPlugin(plugin), fresh.db),
  };
  const clock = options.clock ?? new TestClock();
  const config = {
    ...loadConfig({}),
    webDir: '/nonexistent',
    // As in production: files in the database on PostgreSQL, on disk with PGlite.
    fileStore: testEngine() === 'postgresql' ? ('database' as const) : ('disk' as const),
    ...overrides,
  };
  const app = await buildApp({ config, database, clock });
  await options.setup?.(app);
  await app.ready();

  async function login(username: string, password: string): Promise<ApiClient> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'phoihop_session');
    const body = res.json() as { csrfToken: string; user: { userId: number } };
    return clientOn(app, {
      username,
      userId: body.user.userId,
      session: { cookie: cookie!.value, csrfToken: body.csrfToken },
    });
  }

  return {
    app,
    database,
    clock,
    login,
    async as(spec) {
      const user = await createUser(database.db, spec);
      return login(user.username, user.password);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A client sending this session to `app`: the same login used on another app instance. */
export function clientOn(app: App, who: Pick<ApiClient, 'username' | 'userId' | 'session'>): ApiClient {
  const request = (method: Method, url: string, payload?: Payload, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      payload,
      cookies: { phoihop_session: who.session.cookie },
      headers: { 'x-csrf-token': who.session.csrfToken, ...headers },
    });
  return {
    username: who.username,
    userId: who.userId,
    session: who.session,
    request,
    get: (url) => request('GET', url),
    post: (url, payload, headers) => request('POST', url, payload, headers),
    patch: (url, payload, headers) => request('PATCH', url, payload, headers),
    put: (url, payload, headers) => request('PUT', url, payload, headers),
    delete: (url) => request('DELETE', url),
  };
}
