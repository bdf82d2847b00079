// The one HTTP client of the web app, typed by the generated schema.d.ts.
// Every non-2xx answer becomes a thrown ApiError carrying the server's { code, message, field };
// a 503 `busy` only once its resends are spent (busy-retry.ts).
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { fetchRetryingBusy } from './busy-retry';

export type { components, paths };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Kept in memory only: a token in localStorage would be readable by any injected script.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when the server says the session is gone (expired, logged out elsewhere). */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown };
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `Lỗi máy chủ (HTTP ${status})`;
  const field = typeof error?.field === 'string' && error.field !== '' ? error.field : undefined;
  return new ApiError(status, code, message, field);
}

const middleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  async onResponse({ response, schemaPath }) {
    if (response.ok) return undefined;
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => null);
    // A wrong password on the login form is not a lost session.
    if (response.status === 401 && schemaPath !== '/api/auth/login') {
      csrfToken = null;
      for (const listener of unauthorizedListeners) listener();
    }
    throw toApiError(response.status, body);
  },
  onError({ error }) {
    // A request cancelled by the page (a newer search replaced it) is not a network failure.
    if (error instanceof ApiError || (error instanceof Error && error.name === 'AbortError')) return error;
    return new ApiError(0, 'network', 'Không kết nối được với máy chủ. Kiểm tra kết nối mạng rồi thử lại.');
  },
};

// A 503 `busy` is sent again after its Retry-After (busy-retry.ts) before the middleware sees it.
// globalThis.fetch is read at each call (not captured here), as openapi-fetch's default does.
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'include',
  fetch: (request) => fetchRetryingBusy(request, (r) => globalThis.fetch(r)),
});
api.use(middleware);

/**
 * The data of a successful call. Failures never reach here: the middleware throws them.
 * Usage: `const me = await unwrap(api.GET('/api/me'))`.
 */
export async function unwrap<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

type OkBody<R> = R extends { 200: { content: { 'application/json': infer J } } }
  ? J
  : R extends { 201: { content: { 'application/json': infer J } } }
    ? J
    : never;

/** The success body of an operation: `ResponseOf<'/api/me', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? OkBody<R>
  : never;

/** The query parameters of a GET operation. */
export type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

/** The JSON body of an operation. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
