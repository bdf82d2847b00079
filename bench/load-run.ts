// One measured run: closed-loop clients (or paced ones) from this process against the server, with
// autocannon. autocannon fits: each connection is a client that sends its next request when the
// previous one is answered; `setupClient` gives each connection its own user session and
// `setupRequest` builds every request anew (own body, own Idempotency-Key, cookie and X-CSRF-Token);
// `connectionRate` paces a connection to N requests a second. Its latency histogram is used for the
// run; status codes, the first error bodies and per-kind latencies (mixed run) are counted here from
// each connection's `response` event.
import fs from 'node:fs';
import autocannon from 'autocannon';
import { sampleRss } from './load-server';
import type { Server } from './load-server';
import type { Built, Session, Writer } from './load-scenario';
import { createdId } from './load-scenario';

export interface Latency {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface RunResult {
  name: string;
  clients: number;
  /** Requests a second per client when paced, else null (closed loop). */
  ratePerClient: number | null;
  seconds: number;
  responses: number;
  reqPerSec: number;
  okPerSec: number;
  latencyMs: Latency & { mean: number };
  status: Record<string, number>;
  connectionErrors: number;
  timeouts: number;
  /** Requests still unanswered when the run ended (a closed loop always has about one per client), and the oldest one's age. */
  inFlightAtEnd: number;
  oldestInFlightMs: number;
  /** How long the server took to become idle again after the run (its backlog). */
  drainMs: number;
  rssMb: { before: number; peak: number };
  errorSamples: { status: number; kind: string; request: string; body: string }[];
  perKind?: Record<string, Latency & { count: number; errors: number }>;
  /**
   * With clients that honour Retry-After (load-retry.ts): requests counted once each (`status` is
   * their final answer), those completed a second, how many 503 busy answers were waited out and
   * sent again, how many requests were still busy after their resends (errors), the mean wait.
   */
  busyRetry?: { requests: number; completedPerSec: number; retried: number; gaveUp: number; meanWaitMs: number };
}

export interface RunSpec {
  name: string;
  clients: number;
  rate?: number;
  build: (writer: Writer, session: Session, client: number) => Built;
}

export function percentiles(values: number[]): Latency {
  if (!values.length) return { p50: 0, p90: 0, p99: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lines added to a file since `offset`; returns them and the new offset. */
function newLines(file: string, offset: number): { lines: string[]; offset: number } {
  const size = fs.statSync(file).size;
  if (size <= offset) return { lines: [], offset };
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(size - offset);
  fs.readSync(fd, buffer, 0, buffer.length, offset);
  fs.closeSync(fd);
  const text = buffer.toString('utf8');
  const end = text.lastIndexOf('\n') + 1; // a partial last line is read next time
  return { lines: text.slice(0, end).split('\n'), offset: offset + Buffer.byteLength(text.slice(0, end)) };
}

/**
 * Waits until the server is idle again: /api/health answers within 50 ms three times in a row and,
 * when the server logs requests (LOG_LEVEL info), its log shows no other request starting or ending
 * for a second. The log matters on PGlite: there the server takes one request at a time, answers
 * each health check quickly when its turn comes, and goes on serving the requests of connections
 * that the finished run has already closed.
 */
/** Latency per kind of request, when a run mixes several. */
export function perKindSummary(perKind: Map<string, { times: number[]; errors: number }>): Pick<RunResult, 'perKind'> {
  if (perKind.size <= 1) return {};
  return {
    perKind: Object.fromEntries(
      [...perKind].map(([kind, e]) => [kind, { ...percentiles(e.times), count: e.times.length, errors: e.errors }]),
    ),
  };
}

export async function drain(base: string, logFile?: string, limitMs = 300_000): Promise<number> {
  const started = Date.now();
  let offset = logFile && fs.existsSync(logFile) ? fs.statSync(logFile).size : -1;
  const healthIds = new Set<string>();
  let lastBusy = Date.now();
  let quick = 0;
  while (Date.now() - started < limitMs) {
    const t0 = performance.now();
    try {
      await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(limitMs) });
      quick = performance.now() - t0 < 50 ? quick + 1 : 0;
    } catch {
      quick = 0;
    }
    if (offset >= 0) {
      const read = newLines(logFile!, offset);
      offset = read.offset;
      for (const line of read.lines) {
        const id = /"reqId":"([^"]+)"/.exec(line)?.[1];
        if (!id) continue;
        if (line.includes('"msg":"incoming request"')) {
          if (line.includes('"url":"/api/health"')) healthIds.add(id);
          else lastBusy = Date.now();
        } else if (line.includes('"msg":"request completed"') && !healthIds.has(id)) lastBusy = Date.now();
      }
    } else lastBusy = 0;
    if (quick >= 3 && Date.now() - lastBusy >= 1000) break;
    await sleep(100);
  }
  return Date.now() - started;
}

interface Options {
  server: Server;
  writers: Writer[];
  seconds: number;
  timeoutSeconds: number;
}

/** Runs one spec for `seconds`; `during` runs alongside (probes) and its result is awaited. */
export async function runLoad(spec: RunSpec, o: Options, probes?: () => Promise<void>): Promise<RunResult> {
  const status: Record<string, number> = {};
  const errorSamples: RunResult['errorSamples'] = [];
  const perKind = new Map<string, { times: number[]; errors: number }>();
  let next = 0;
  let answered = 0;
  const sentAt: (number | null)[] = [];
  const rssBefore = sampleRss(o.server.pid).stop();
  const rss = sampleRss(o.server.pid);

  const instance = autocannon({
    url: o.server.base,
    connections: spec.clients,
    duration: o.seconds,
    timeout: o.timeoutSeconds,
    ...(spec.rate ? { connectionRate: spec.rate } : {}),
    setupClient(client) {
      const index = next++;
      // Client i writes as writer i mod 4, with one of that writer's sessions.
      const w = o.writers[index % o.writers.length]!;
      const s = w.sessions[Math.floor(index / o.writers.length) % w.sessions.length]!;
      let current: Built | null = null;
      client.setRequests([
        {
          setupRequest: (req) => {
            current = spec.build(w, s, index);
            return { ...req, method: current.method, path: current.path, headers: current.headers, body: current.body };
          },
          onResponse: (code, body) => {
            const kind = current?.kind ?? '?';
            if (kind === 'create' && code === 201) {
              const id = createdId(body);
              if (id !== null && w.recordIds.length < 20_000) w.recordIds.push(id);
            }
            if (code >= 400 && errorSamples.filter((e) => e.status === code).length < 3)
              errorSamples.push({
                status: code,
                kind,
                request: `${current?.method} ${current?.path} ${current?.body?.slice(0, 300) ?? ''}`,
                body: body.slice(0, 500),
              });
          },
        },
      ]);
      // 'request' (each request written) is emitted by autocannon's client but missing from its types.
      (client as NodeJS.EventEmitter).on('request', () => (sentAt[index] = performance.now()));
      client.on('response', (code: number, _bytes: number, time: number) => {
        answered++;
        sentAt[index] = null;
        status[code] = (status[code] ?? 0) + 1;
        const kind = current?.kind ?? '?';
        const entry = perKind.get(kind) ?? { times: [], errors: 0 };
        entry.times.push(time);
        if (code >= 500) entry.errors++;
        perKind.set(kind, entry);
      });
    },
  });
  const during = probes?.();
  const result = await instance;
  const ended = performance.now();
  const inFlight = sentAt.filter((t): t is number => t !== null);
  await during;
  const peak = rss.stop();
  const drainMs = await drain(o.server.base, o.server.logFile);
  const ok = Object.entries(status)
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  const seconds = result.duration;
  return {
    name: spec.name,
    clients: spec.clients,
    ratePerClient: spec.rate ?? null,
    seconds,
    responses: answered,
    reqPerSec: answered / seconds,
    okPerSec: ok / seconds,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    status,
    connectionErrors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    inFlightAtEnd: inFlight.length,
    oldestInFlightMs: inFlight.length ? Math.round(ended - Math.min(...inFlight)) : 0,
    drainMs,
    rssMb: { before: rssBefore, peak },
    errorSamples,
    ...perKindSummary(perKind),
  };
}
