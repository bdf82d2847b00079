// A 503 `busy` is sent again after its Retry-After, a bounded number of times, for reads and writes
// alike. It is safe for writes: the server answers `busy` only when nothing of the request was
// written — admission control refuses before the request runs (server/http/admission.ts), and a
// transaction still aborted after its retries was rolled back (server/http/error-handler.ts) — and
// creates carry an Idempotency-Key besides, so a resend can never make a second record. Only the
// app's own `busy` answer is retried: another 503 (a proxy's) says nothing about what ran.
// While a request waits to be sent again, `busyWaits` counts it: the app shows
// "Máy chủ đang bận, đang thử lại…" (components/Status.tsx `BusyRetryNotice`) instead of an error.

export const BUSY_RETRY = {
  /** Resends after the first answer; then the last 503 is the caller's error. */
  retries: 3,
  /** Longest wait before one resend, whatever Retry-After says. */
  maxDelayMs: 10_000,
  /** When Retry-After is missing or unreadable. */
  fallbackDelayMs: 1_000,
} as const;

/** Retry-After (delta-seconds or an HTTP date) in milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month ("Thu, 03 Dec 2026 10:00:05 GMT"); Date.parse alone would
  // read "-1" as a year.
  const date = /^[A-Za-z]{3}, /.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export interface BusyAnswer {
  status: number;
  /** `error.code` of the answer's body, if it had one. */
  code: string | undefined;
  retryAfter: string | null;
}

/**
 * How long to wait before resend number `retry` (1 for the first) of a request answered `answer`;
 * null: do not resend (not the server's `busy`, or the retries are spent).
 */
export function busyRetryDelay(answer: BusyAnswer, retry: number, now = Date.now()): number | null {
  if (answer.status !== 503 || answer.code !== 'busy' || retry > BUSY_RETRY.retries) return null;
  const wait = retryAfterMs(answer.retryAfter, now) ?? BUSY_RETRY.fallbackDelayMs;
  return Math.min(wait, BUSY_RETRY.maxDelayMs);
}

type Listener = () => void;
let waiting = 0;
const listeners = new Set<Listener>();

/** How many requests are waiting to be sent again (for useSyncExternalStore). */
export const busyWaits = {
  count: (): number => waiting,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

function setWaiting(delta: number): void {
  waiting += delta;
  for (const listener of listeners) listener();
}

async function busyAnswer(response: Response): Promise<BusyAnswer> {
  let code: string | undefined;
  if (response.status === 503) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { error?: { code?: unknown } } | null;
    code = typeof body?.error?.code === 'string' ? body.error.code : undefined;
  }
  return { status: response.status, code, retryAfter: response.headers.get('retry-after') };
}

/** Waits `ms`, or rejects with the signal's reason when the page cancels the request meanwhile. */
function wait(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * `send(request)`, sent again after Retry-After while the answer is the server's `busy` (at most
 * BUSY_RETRY.retries times). The body is kept (a clone) so that a write can be sent again.
 */
export async function fetchRetryingBusy(
  request: Request,
  send: (request: Request) => Promise<Response>,
): Promise<Response> {
  for (let retry = 1; ; retry++) {
    const spare = retry <= BUSY_RETRY.retries ? request.clone() : null;
    const response = await send(request);
    const delay = spare ? busyRetryDelay(await busyAnswer(response), retry) : null;
    if (delay === null || !spare) return response;
    await response.body?.cancel();
    setWaiting(+1);
    try {
      await wait(delay, request.signal);
    } finally {
      setWaiting(-1);
    }
    request = spare;
  }
}
