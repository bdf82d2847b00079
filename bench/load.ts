// Load benchmark of issue 13: the real server in its own process on a fresh database with the demo,
// load from this process (autocannon, see load-run.ts): /api/health (the framework floor of the
// same run), record creates, indicator value PUTs, a mixed 70/30 day and a paced run, with
// req/s, p50/p90/p99/max, status codes and the server's RSS; the health of the server while creates
// run; and how soon a value saved under that load shows in the pivot. Figures, not a test: exit 0
// unless --check is given and a bar of the issue fails.
//
//   npx tsx bench/load.ts [pglite|postgresql|both] [--seconds=15] [--warmup=3] [--check]
//     [--server-cmd="node dist/server/main.js"] [--pglite-mixed] [--only=creates,values] [--retry-busy]
//   --only: just these runs (health, creates, values, mixed, paced), e.g. to profile one; no results file is written
//   --retry-busy: clients that wait Retry-After on a 503 busy and send again, as the web app does (load-retry.ts)
//   env: BENCH_SECONDS, BENCH_WARMUP, BENCH_SERVER_CMD, BENCH_CLIENTS (200), BENCH_PGLITE_CLIENTS (50,200),
//        BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_LOG_LEVEL (info),
//        BENCH_SESSIONS (sessions per writer, 4), BENCH_TIMEOUT (seconds before a request counts as timed out, 120),
//        BENCH_RETRY_BUSY=1 (as --retry-busy)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drain, percentiles, runLoad, type Latency, type RunResult, type RunSpec } from './load-run';
import { runRetrying } from './load-retry';
import { fetchRetryingBusy } from '../src/web/api/busy-retry';
import { rssMb, serverErrors, startServer, type Engine, type Server } from './load-server';
import {
  createRequest,
  mixedRequest,
  probeCommune,
  setUpWriters,
  VALUE_INDICATOR,
  valuesRequest,
  type Writer,
} from './load-scenario';
import { evaluateBars, printEngine, type EngineResult, type Freshness } from './load-report';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : undefined;
};
const num = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);
const which = args.find((a) => !a.startsWith('--')) ?? 'both';
const SECONDS = num(flag('seconds') ?? process.env.BENCH_SECONDS, 15);
const WARMUP = num(flag('warmup') ?? process.env.BENCH_WARMUP, 3);
const CLIENTS = num(process.env.BENCH_CLIENTS, 200);
const PGLITE_CLIENTS = (process.env.BENCH_PGLITE_CLIENTS ?? '50,200').split(',').map(Number);
const SESSIONS = num(process.env.BENCH_SESSIONS, 4);
const TIMEOUT = num(process.env.BENCH_TIMEOUT, 120);
const COMMAND = (flag('server-cmd') ?? process.env.BENCH_SERVER_CMD ?? 'npx tsx src/server/main.ts').split(/\s+/);
const ONLY = flag('only')?.split(',') ?? null;
const wanted = (name: string) => ONLY === null || ONLY.includes(name);
const CLIENT = args.includes('--retry-busy') || process.env.BENCH_RETRY_BUSY === '1' ? 'retry-busy' : 'autocannon';
const run = CLIENT === 'retry-busy' ? runRetrying : runLoad;
/** The probes' fetch: with --retry-busy a 503 busy is waited out and sent again, as the web app does. */
const send = (url: string, init: RequestInit) =>
  CLIENT === 'retry-busy' ? fetchRetryingBusy(new Request(url, init), (r) => fetch(r)) : fetch(url, init);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const PASSWORD = 'load-bench-password';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').trim();

/**
 * GET /api/health started every 200 ms for `ms`, open loop (each check starts on time whatever the
 * earlier ones are doing): how a monitor sees the server under the load.
 */
async function healthProbe(base: string, ms: number): Promise<Latency & { count: number; failed: number }> {
  let failed = 0;
  const checks: Promise<number>[] = [];
  const check = async () => {
    const t0 = performance.now();
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(TIMEOUT * 1000) });
      await res.arrayBuffer();
      if (!res.ok) failed++;
    } catch {
      failed++;
    }
    return performance.now() - t0;
  };
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) checks.push(check());
  const times = await Promise.all(checks);
  return { ...percentiles(times), count: times.length, failed };
}

/** Saves one value (cell `probe` of the probe commune) and polls GET /api/pivot until it shows. */
async function freshnessProbe(
  base: string,
  writers: Writer[],
  probe: number,
): Promise<Omit<Freshness, 'savedDuringRun'>> {
  const { writer, commune } = probeCommune(writers);
  const s = writer.sessions[0]!;
  const period = `${writer.year}Q4`;
  const ethnic = writer.ethnicGroups[probe]!; // each probe its own cell: overlapping probes must not overwrite each other
  const value = 1000 + Math.floor(Math.random() * 9000);
  const t0 = performance.now();
  const res = await send(`${base}/api/indicator-values`, {
    method: 'PUT',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({
      indicator: VALUE_INDICATOR,
      unit: { generation: 2025, code: commune },
      period,
      values: [{ sex: 'female', ethnicGroupId: ethnic, value }],
    }),
    signal: AbortSignal.timeout(TIMEOUT * 1000),
  });
  await res.arrayBuffer();
  const acked = performance.now();
  const out: Omit<Freshness, 'savedDuringRun'> = {
    saveStatus: res.status,
    saveMs: acked - t0,
    visibleAfterSaveMs: null,
    polls: 0,
    lastReadMs: 0,
  };
  if (!res.ok) return out;
  const query = `indicator=${VALUE_INDICATOR}&rows=commune&cols=sex&commune=${commune}&period=${period}&ethnic_group=${ethnic}`;
  while (performance.now() - acked < 10_000) {
    out.polls++;
    const read = performance.now();
    const pivot = await send(`${base}/api/pivot?${query}`, { headers: { cookie: s.cookie } });
    if (pivot.ok) {
      const body = (await pivot.json()) as { columns: { key: string[] }[]; cells: (number | null)[][] };
      out.lastReadMs = performance.now() - read;
      const col = body.columns.findIndex((c) => c.key[0] === 'female');
      if (col >= 0 && body.cells[0]?.[col] === value) {
        out.visibleAfterSaveMs = performance.now() - acked;
        return out;
      }
    } else await pivot.arrayBuffer();
    await sleep(20);
  }
  return out;
}

/** Three freshness probes, started at a quarter, half and three quarters of a run of `ms`. */
async function freshnessDuring(base: string, writers: Writer[], ms: number): Promise<Freshness[]> {
  const end = performance.now() + ms;
  const probes = [1, 2, 3].map(async (i) => {
    await sleep((ms * i) / 4);
    const started = performance.now();
    const f = await freshnessProbe(base, writers, i - 1);
    return { ...f, savedDuringRun: started + f.saveMs < end };
  });
  return Promise.all(probes);
}

function specs(writers: Writer[], clients: number) {
  const create: RunSpec['build'] = (w, s) => createRequest(w, s);
  return {
    health: {
      name: 'health',
      clients,
      // No cookie: as a load balancer or monitor calls it.
      build: () => ({ kind: 'health', method: 'GET', path: '/api/health', headers: {} }),
    } satisfies RunSpec,
    creates: { name: 'creates', clients, build: create } satisfies RunSpec,
    values: { name: 'values', clients, build: (w, s) => valuesRequest(w, s, writers) } satisfies RunSpec,
    mixed: { name: 'mixed 70/30', clients, build: (w, s) => mixedRequest(w, s, writers) } satisfies RunSpec,
    paced: { name: `paced creates 1/s`, clients, rate: 1, build: create } satisfies RunSpec,
  };
}

async function measure(
  label: string,
  spec: RunSpec,
  server: Server,
  writers: Writer[],
  during?: (ms: number) => Promise<void>,
): Promise<RunResult> {
  const o = { server, writers, seconds: SECONDS, timeoutSeconds: TIMEOUT };
  if (WARMUP > 0) {
    process.stdout.write(`  ${label}: warm-up ${WARMUP} s… `);
    await run(spec, { ...o, seconds: WARMUP });
  } else process.stdout.write(`  ${label}: `);
  process.stdout.write(`run ${SECONDS} s… `);
  const result = await run(spec, o, during ? () => during(SECONDS * 1000) : undefined);
  console.log(
    `${result.okPerSec.toFixed(1)} ok/s, p99 ${result.latencyMs.p99} ms` +
      (result.busyRetry ? `, ${result.busyRetry.retried} busy retried, ${result.busyRetry.gaveUp} gave up` : '') +
      (result.drainMs > 1000 ? `, server busy ${(result.drainMs / 1000).toFixed(1)} s after the run` : ''),
  );
  return result;
}

async function runEngine(engine: Engine): Promise<EngineResult> {
  const loadBefore = loadavg();
  console.log(`\n${engine}: starting \`${COMMAND.join(' ')}\` on a fresh database with the demo…`);
  const server = await startServer({
    engine,
    command: COMMAND,
    adminUrl: ADMIN_URL,
    password: PASSWORD,
    logLevel: LOG_LEVEL,
  });
  try {
    console.log(`  serving after ${(server.startupMs / 1000).toFixed(1)} s, pid ${server.pid}, log ${server.logFile}`);
    const writers = await setUpWriters(server.base, PASSWORD, SESSIONS);
    await drain(server.base, server.logFile);
    await sleep(1000);
    const idleRss = rssMb(server.pid);
    const runs: RunResult[] = [];
    const probes: EngineResult['probes'] = [];
    const clientSets = engine === 'postgresql' ? [CLIENTS] : PGLITE_CLIENTS;
    for (const clients of clientSets) {
      const s = specs(writers, clients);
      const label = (name: string) => `${name} × ${clients}`;
      if (wanted('health')) runs.push(await measure(label('health'), s.health, server, writers));
      let health: Awaited<ReturnType<typeof healthProbe>> | null = null;
      let fresh: Freshness[] = [];
      if (wanted('creates')) {
        runs.push(
          await measure(label('creates'), s.creates, server, writers, async (ms) => {
            [health, fresh] = await Promise.all([
              healthProbe(server.base, ms),
              freshnessDuring(server.base, writers, ms),
            ]);
          }),
        );
        probes.push({ during: `creates × ${clients}`, health: health!, freshness: fresh });
      }
      if (wanted('values')) runs.push(await measure(label('values'), s.values, server, writers));
      if (
        wanted('mixed') &&
        (engine === 'postgresql' || (clients === PGLITE_CLIENTS[0] && args.includes('--pglite-mixed')))
      )
        runs.push(await measure(label('mixed'), s.mixed, server, writers));
      if (wanted('paced') && engine === 'postgresql')
        runs.push(await measure(label('paced'), s.paced, server, writers));
    }
    const fivexx = runs.some((r) => Object.keys(r.status).some((c) => c.startsWith('5')));
    return {
      engine,
      client: CLIENT,
      serverCommand: COMMAND.join(' '),
      startupMs: server.startupMs,
      idleRssMb: idleRss,
      runs,
      probes,
      serverErrorLines: fivexx ? serverErrors(server.logFile, 5) : [],
      logFile: server.logFile,
      loadavg: { before: loadBefore, after: loadavg() },
      records: writers.reduce((n, w) => n + w.recordIds.length, 0),
    };
  } finally {
    await server.stop();
  }
}

function writeJson(results: EngineResult[]) {
  const date = new Date().toISOString().slice(0, 10);
  const file = path.join(ROOT, 'bench', 'results', `load-${date}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const previous = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { engines: Record<string, unknown> }).engines
    : {};
  const engines = {
    ...previous,
    // A run with clients honouring Retry-After is kept beside the autocannon one of the same day.
    ...Object.fromEntries(
      results.map((r) => [
        r.client === 'retry-busy' ? `${r.engine} retry-busy` : r.engine,
        { at: new Date().toISOString(), ...r },
      ]),
    ),
  };
  const machine = { cpus: os.cpus().length, node: process.version, memGb: Math.round(os.totalmem() / 2 ** 30) };
  const settings = {
    seconds: SECONDS,
    warmup: WARMUP,
    clients: CLIENTS,
    pgliteClients: PGLITE_CLIENTS,
    sessionsPerWriter: SESSIONS,
    logLevel: LOG_LEVEL,
  };
  // Figures to 0.1 (ms, MB, req/s): more digits are noise on a shared machine.
  const round = (_key: string, v: unknown) =>
    typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10) / 10 : v;
  fs.writeFileSync(file, `${JSON.stringify({ date, machine, settings, engines }, round, 1)}\n`);
  return file;
}

const engines: Engine[] = which === 'both' ? ['postgresql', 'pglite'] : [which as Engine];
if (!engines.every((e) => e === 'pglite' || e === 'postgresql')) {
  console.error(`usage: npx tsx bench/load.ts [pglite|postgresql|both] (got "${which}")`);
  process.exit(2);
}
console.log(
  `load benchmark: ${SECONDS} s a run (+${WARMUP} s warm-up), clients: ${CLIENT}, ${os.cpus().length} CPUs, load ${loadavg()}`,
);
const results: EngineResult[] = [];
for (const engine of engines) results.push(await runEngine(engine));
const bars = results.flatMap(evaluateBars);
for (const r of results) printEngine(r, bars);
if (ONLY === null)
  console.log(`\nresults: ${path.relative(process.cwd(), writeJson(results))}; load average now ${loadavg()}`);
else console.log(`\n(--only: no results file written); load average now ${loadavg()}`);
const failed = bars.filter((b) => !b.ok);
process.exit(args.includes('--check') && failed.length ? 1 : 0);
