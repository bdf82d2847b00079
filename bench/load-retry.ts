// One measured run with clients that honour Retry-After (`load.ts --retry-busy`), as the web app
// does: each closed-loop client sends a request and, while the answer is 503 `busy`, waits its
// Retry-After and sends the same request again (same body, same Idempotency-Key) — with the web's
// own policy, `busyRetryDelay` of src/web/api/busy-retry.ts (at most 3 resends, each wait capped).
// autocannon cannot do this (it sends the next request at once), so these clients are plain loops
// over undici's `request` with one keep-alive connection per client. A request counts once, when
// it completes (any answer but busy) or gives up (still busy after its resends); its latency runs
// from its first send to that answer, waits included. Paced clients (`rate`) start a request every
// 1/rate s on schedule, and its latency runs from when it was due (no coordinated omission).
import { setMaxListeners } from 'node:events';
import { Agent, errors, request } from 'undici';
import { busyRetryDelay } from '../src/web/api/busy-retry';
import { drain, perKindSummary, percentiles, type RunResult, type RunSpec } from './load-run';
import { sampleRss, type Server } from './load-server';
import { createdId, type Built, type Writer } from './load-scenario';

interface Options {
  server: Server;
  writers: Writer[];
  seconds: number;
  timeoutSeconds: number;
}

/** Waits `ms`; false when `signal` ended the run meanwhile. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const done = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', done);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

type Outcome =
  | { kind: 'answer'; status: number; body: string }
  | { kind: 'timeout' }
  | { kind: 'connection'; message: string }
  | { kind: 'ended' };

export async function runRetrying(spec: RunSpec, o: Options, probes?: () => Promise<void>): Promise<RunResult> {
  const agent = new Agent({
    connections: spec.clients,
    headersTimeout: o.timeoutSeconds * 1000,
    bodyTimeout: o.timeoutSeconds * 1000,
  });
  const end = new AbortController();
  setMaxListeners(0, end.signal); // every request and every wait listens to the end of the run
  const status: Record<string, number> = {};
  const errorSamples: RunResult['errorSamples'] = [];
  const perKind = new Map<string, { times: number[]; errors: number }>();
  const times: number[] = [];
  const inFlight = new Map<number, number>();
  const busy = { retried: 0, gaveUp: 0, waitedMs: 0, requests: 0 };
  let responses = 0;
  let connectionErrors = 0;
  let timeouts = 0;
  const rssBefore = sampleRss(o.server.pid).stop();
  const rss = sampleRss(o.server.pid);

  /** Sends `built`, again after Retry-After while it is busy; the last answer. */
  async function send(built: Built): Promise<Outcome> {
    for (let retry = 1; ; retry++) {
      let answer: { status: number; body: string; retryAfter: string | null };
      try {
        const res = await request(`${o.server.base}${built.path}`, {
          method: built.method,
          headers: built.headers,
          body: built.body,
          dispatcher: agent,
          signal: end.signal,
        });
        const retryAfter = res.headers['retry-after'];
        answer = {
          status: res.statusCode,
          body: await res.body.text(),
          retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
        };
      } catch (error) {
        if (end.signal.aborted) return { kind: 'ended' };
        if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError)
          return { kind: 'timeout' };
        return { kind: 'connection', message: error instanceof Error ? error.message : String(error) };
      }
      responses++;
      const code = answer.status === 503 ? /"code":"([^"]+)"/.exec(answer.body)?.[1] : undefined;
      const delay = busyRetryDelay({ status: answer.status, code, retryAfter: answer.retryAfter }, retry);
      if (delay === null) return { kind: 'answer', status: answer.status, body: answer.body };
      busy.retried++;
      busy.waitedMs += delay;
      if (!(await pause(delay, end.signal))) return { kind: 'ended' };
    }
  }

  async function client(index: number): Promise<void> {
    // Client i writes as writer i mod 4, with one of that writer's sessions (as load-run.ts).
    const w = o.writers[index % o.writers.length]!;
    const s = w.sessions[Math.floor(index / o.writers.length) % w.sessions.length]!;
    let due = performance.now();
    while (!end.signal.aborted) {
      if (spec.rate) {
        if (!(await pause(Math.max(0, due - performance.now()), end.signal))) return;
      } else due = performance.now();
      const started = due;
      if (spec.rate) due += 1000 / spec.rate;
      const built = spec.build(w, s, index);
      inFlight.set(index, started);
      const outcome = await send(built);
      inFlight.delete(index);
      if (outcome.kind === 'ended') return;
      if (outcome.kind === 'timeout') timeouts++;
      if (outcome.kind === 'connection') connectionErrors++;
      if (outcome.kind !== 'answer') continue;
      busy.requests++;
      const code = outcome.status;
      status[code] = (status[code] ?? 0) + 1;
      const entry = perKind.get(built.kind) ?? { times: [], errors: 0 };
      perKind.set(built.kind, entry);
      if (code === 503) {
        busy.gaveUp++;
        entry.errors++;
      } else {
        const took = performance.now() - started;
        times.push(took);
        entry.times.push(took);
        if (code >= 500) entry.errors++;
      }
      if (built.kind === 'create' && code === 201) {
        const id = createdId(outcome.body);
        if (id !== null && w.recordIds.length < 20_000) w.recordIds.push(id);
      }
      if (code >= 400 && errorSamples.filter((e) => e.status === code).length < 3)
        errorSamples.push({
          status: code,
          kind: built.kind,
          request: `${built.method} ${built.path} ${built.body?.slice(0, 300) ?? ''}`,
          body: outcome.body.slice(0, 500),
        });
    }
  }

  const startedAt = performance.now();
  const timer = setTimeout(() => end.abort(), o.seconds * 1000);
  const during = probes?.();
  const clients = Array.from({ length: spec.clients }, (_, i) => client(i));
  await new Promise<void>((resolve) => end.signal.addEventListener('abort', () => resolve(), { once: true }));
  const ended = performance.now();
  const unanswered = [...inFlight.values()];
  await Promise.all(clients);
  clearTimeout(timer);
  await agent.destroy();
  await during;
  const peak = rss.stop();
  const drainMs = await drain(o.server.base, o.server.logFile);
  const seconds = (ended - startedAt) / 1000;
  const ok = Object.entries(status)
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  const latency = percentiles(times);
  const round = (v: number) => Math.round(v);
  return {
    name: spec.name,
    clients: spec.clients,
    ratePerClient: spec.rate ?? null,
    seconds,
    responses,
    reqPerSec: responses / seconds,
    okPerSec: ok / seconds,
    latencyMs: {
      p50: round(latency.p50),
      p90: round(latency.p90),
      p99: round(latency.p99),
      max: round(latency.max),
      mean: times.length ? times.reduce((a, b) => a + b, 0) / times.length : 0,
    },
    status,
    connectionErrors,
    timeouts,
    inFlightAtEnd: unanswered.length,
    oldestInFlightMs: unanswered.length ? round(ended - Math.min(...unanswered)) : 0,
    drainMs,
    rssMb: { before: rssBefore, peak },
    errorSamples,
    busyRetry: {
      requests: busy.requests,
      completedPerSec: (busy.requests - busy.gaveUp) / seconds,
      retried: busy.retried,
      gaveUp: busy.gaveUp,
      meanWaitMs: busy.retried ? busy.waitedMs / busy.retried : 0,
    },
    ...perKindSummary(perKind),
  };
}
