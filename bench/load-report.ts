// The figures of bench/load.ts: a table per engine, the probes, the first error bodies, and the bars
// of issue 13 checked against this run.
import { BUSY_RETRY } from '../src/web/api/busy-retry';
import type { Latency, RunResult } from './load-run';

export interface Freshness {
  saveStatus: number;
  saveMs: number;
  /** From the save's response to the first pivot showing the value (null: never within 10 s). */
  visibleAfterSaveMs: number | null;
  polls: number;
  /** How long the pivot read that showed it took (under load on PGlite, the read itself waits). */
  lastReadMs: number;
  /** False when the save was answered only after the load had ended (it waited that long). */
  savedDuringRun: boolean;
}

export interface EngineResult {
  engine: string;
  /** autocannon (a 503 is answered and the next request sent at once) or clients honouring Retry-After. */
  client: 'autocannon' | 'retry-busy';
  serverCommand: string;
  startupMs: number;
  idleRssMb: number;
  runs: RunResult[];
  probes: { during: string; health: Latency & { count: number; failed: number }; freshness: Freshness[] }[];
  serverErrorLines: string[];
  logFile: string;
  loadavg: { before: string; after: string };
  /** Records created over all runs (the data grows from run to run). */
  records: number;
  bars?: Bar[];
}

export interface Bar {
  engine: string;
  bar: string;
  value: string;
  ok: boolean;
}

/**
 * 5xx other than 503 (the bounded queue's refusal, a designed answer), connection errors, timeouts;
 * with clients that honour Retry-After, also every request still busy after its resends.
 */
export function errorCount(r: RunResult): number {
  const fivexx = Object.entries(r.status)
    .filter(([code]) => code.startsWith('5') && code !== '503')
    .reduce((sum, [, n]) => sum + n, 0);
  return fivexx + r.connectionErrors + r.timeouts + (r.busyRetry?.gaveUp ?? 0);
}

const find = (e: EngineResult, name: string, clients?: number) =>
  e.runs.find((r) => r.name === name && (clients === undefined || r.clients === clients));
const ms = (v: number) => `${Math.round(v)} ms`;

export function evaluateBars(e: EngineResult): Bar[] {
  const bars: Bar[] = [];
  const add = (bar: string, value: string, ok: boolean) => bars.push({ engine: e.engine, bar, value, ok });
  const errors = e.runs.map((r) => `${r.name}×${r.clients}: ${errorCount(r)}`);
  add(
    e.client === 'retry-busy'
      ? '0 errors in every run (5xx except 503, connection errors, timeouts, requests still busy after their resends)'
      : '0 errors in every run (5xx except 503, connection errors, timeouts)',
    errors.join(', '),
    e.runs.every((r) => errorCount(r) === 0),
  );
  for (const p of e.probes) {
    const worst = Math.max(...p.freshness.map((f) => f.visibleAfterSaveMs ?? Infinity));
    add(
      `value saved under ${p.during} visible in the pivot within 1 s of its save`,
      p.freshness
        .map((f) => (f.visibleAfterSaveMs === null ? `save ${f.saveStatus}, not seen` : ms(f.visibleAfterSaveMs)))
        .join(', '),
      p.freshness.length > 0 && worst <= 1000 && p.freshness.every((f) => f.saveStatus === 200),
    );
  }
  if (e.engine === 'postgresql') {
    const health = find(e, 'health');
    const creates = find(e, 'creates');
    if (health && creates) {
      const share = creates.okPerSec / health.okPerSec;
      add(
        `creates ×${creates.clients} ≥ 10 % of /api/health's throughput`,
        `${(share * 100).toFixed(1)} %`,
        share >= 0.1,
      );
    }
    const paced = e.runs.find((r) => r.ratePerClient !== null);
    if (paced)
      add(`paced ${paced.clients} × 1 create/s: p99 ≤ 100 ms`, ms(paced.latencyMs.p99), paced.latencyMs.p99 <= 100);
    const values = find(e, 'values');
    if (values)
      add(`value PUTs ×${values.clients}: p99 ≤ 500 ms`, ms(values.latencyMs.p99), values.latencyMs.p99 <= 500);
  } else {
    const creates = e.runs.filter((r) => r.name === 'creates');
    const best = Math.max(0, ...creates.map((r) => r.okPerSec));
    add('≥ 120 creates/s saturated', `${best.toFixed(1)}/s`, best >= 120);
    const at50 = find(e, 'creates', 50);
    if (at50)
      add(
        'creates ×50: p99 ≤ 1 s',
        `${ms(at50.latencyMs.p99)} (oldest unanswered at the end ${ms(at50.oldestInFlightMs)})`,
        at50.latencyMs.p99 <= 1000,
      );
    for (const p of e.probes)
      add(
        `/api/health p99 ≤ 100 ms while ${p.during} run`,
        ms(p.health.p99),
        p.health.p99 <= 100 && p.health.failed === 0,
      );
  }
  e.bars = bars;
  return bars;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

export function printEngine(e: EngineResult, bars: Bar[]): void {
  console.log(
    `\n=== ${e.engine} (${e.serverCommand}; clients: ${e.client}) — serving after ${(e.startupMs / 1000).toFixed(1)} s, RSS idle ${e.idleRssMb.toFixed(0)} MB; load ${e.loadavg.before} → ${e.loadavg.after}`,
  );
  console.log(
    `${'run'.padEnd(20)}${pad('clients', 8)}${pad('req/s', 8)}${pad('2xx/s', 8)}${pad('p50', 7)}${pad('p90', 7)}${pad('p99', 7)}${pad('max', 7)}  ${'status codes'.padEnd(22)}${pad('err', 5)}${pad('oldest', 8)}${pad('RSS MB', 10)}${pad('drain', 7)}`,
  );
  for (const r of e.runs) {
    const codes = Object.entries(r.status)
      .map(([c, n]) => `${c}:${n}`)
      .join(' ');
    const l = r.latencyMs;
    console.log(
      `${r.name.padEnd(20)}${pad(r.clients, 8)}${pad(r.reqPerSec.toFixed(1), 8)}${pad(r.okPerSec.toFixed(1), 8)}${pad(l.p50, 7)}${pad(l.p90, 7)}${pad(l.p99, 7)}${pad(l.max, 7)}  ${codes.padEnd(22)}${pad(r.connectionErrors + r.timeouts, 5)}${pad(r.oldestInFlightMs, 8)}${pad(`${r.rssMb.before.toFixed(0)}→${r.rssMb.peak.toFixed(0)}`, 10)}${pad(`${(r.drainMs / 1000).toFixed(1)}s`, 7)}`,
    );
    if (r.busyRetry)
      console.log(
        `  ${r.busyRetry.requests} requests, ${r.busyRetry.completedPerSec.toFixed(1)} completed/s; 503 busy waited out and sent again: ${r.busyRetry.retried} (mean wait ${Math.round(r.busyRetry.meanWaitMs)} ms); still busy after ${BUSY_RETRY.retries} resends: ${r.busyRetry.gaveUp}`,
      );
    if (r.perKind)
      for (const [kind, k] of Object.entries(r.perKind))
        console.log(
          `  ${kind.padEnd(18)}${pad(k.count, 8)} responses  p50 ${Math.round(k.p50)}  p90 ${Math.round(k.p90)}  p99 ${Math.round(k.p99)}  max ${Math.round(k.max)} ms  5xx ${k.errors}`,
        );
  }
  console.log(
    e.client === 'retry-busy'
      ? '(retry-busy: req/s = HTTP answers a second, 503s included; 2xx/s, latencies and status codes = requests, each counted once, from its first send to its final answer, waits included)'
      : '(autocannon: every HTTP answer counted, 503s included)',
  );
  console.log(
    '(latencies in ms; err = connection errors + timeouts; oldest = age of the oldest request still unanswered when the run ended; drain = until the server answered health quickly again)',
  );
  for (const p of e.probes) {
    console.log(
      `health probe during ${p.during}: ${p.health.count} checks, p50 ${ms(p.health.p50)}, p99 ${ms(p.health.p99)}, max ${ms(p.health.max)}, failed ${p.health.failed}`,
    );
    for (const f of p.freshness)
      console.log(
        `freshness during ${p.during}: save ${f.saveStatus} in ${ms(f.saveMs)}${f.savedDuringRun ? '' : ' (answered after the run ended)'}, visible ${f.visibleAfterSaveMs === null ? 'not within 10 s' : `${ms(f.visibleAfterSaveMs)} after the save (${f.polls} pivot read${f.polls > 1 ? 's' : ''}, the last one took ${ms(f.lastReadMs)})`}`,
      );
  }
  const samples = e.runs.flatMap((r) => r.errorSamples.map((s) => ({ run: `${r.name}×${r.clients}`, ...s })));
  if (samples.length) console.log('first error responses:');
  for (const s of samples.slice(0, 8))
    console.log(`  [${s.run}] ${s.status} ${s.kind}: ${s.body}\n     request: ${s.request}`);
  if (e.serverErrorLines.length)
    console.log(
      `server log (${e.logFile}, whole life of the server, warm-ups included), errors by message:\n  ${e.serverErrorLines.map((l) => l.slice(0, 600)).join('\n  ')}`,
    );
  console.log('bars:');
  for (const b of bars.filter((b) => b.engine === e.engine))
    console.log(`  ${b.ok ? 'PASS' : 'FAIL'}  ${b.bar}: ${b.value}`);
}
