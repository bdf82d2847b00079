// First load of the record form (/records/new) on a slow mobile network, as a data-entry officer in
// a mountain commune has it: Chromium's own throttling (CDP Network.emulateNetworkConditions,
// 400 kbit/s down and up, 400 ms latency), logged in, once cold (empty HTTP cache, no service
// worker) and once warm (the same browser again: HTTP cache and service worker precache filled).
// For each: bytes transferred (headers included, as CDP counts them), requests, and the time from
// the start of the navigation until the form is usable (a field of the form visible and enabled),
// with the requests made before then counted apart. Builds nothing: needs `npm run build`.
//   npx tsx bench/first-load.ts [runs=3]
// Exits with code 1 when the median of a run misses a bar of issue 16 (cold ≤ 100 KB in ≤ 8
// requests and usable within 3 s; warm usable within 1 s).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { spawnServer } from '../test/server-process';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 3);
const PASSWORD = 'bench-first-load-password';
const USER = 'dienbien.nhaplieu';
const FORM = '/records/new';
/** 400 kbit/s in bytes per second, and the round-trip latency. */
const NETWORK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const BARS = { coldBytes: 100 * 1024, coldRequests: 8, coldMs: 3000, warmMs: 1000 };
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface Load {
  /** ms from navigation start until a form field is visible and enabled. */
  usableMs: number;
  /** Requests started before the form was usable, and their bytes. */
  requestsBeforeUsable: number;
  bytesBeforeUsable: number;
  /** Every request of the load until the network was quiet for a second, and their bytes. */
  requests: number;
  bytes: number;
  /** Of those, the API's (/api/…). */
  apiRequests: number;
  apiBytes: number;
  fromServiceWorker: number;
  urls: string[];
}

interface Tracked {
  url: string;
  startedAt: number;
  bytes: number;
  done: boolean;
  fromServiceWorker: boolean;
}

/** Records every request of the page through CDP, with the bytes CDP says went over the network. */
function track(cdp: CDPSession) {
  const requests = new Map<string, Tracked>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return;
    requests.set(e.requestId, {
      url: e.request.url,
      startedAt: Date.now(),
      bytes: 0,
      done: false,
      fromServiceWorker: false,
    });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r && e.response.fromServiceWorker) r.fromServiceWorker = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.done = true;
  });
  return requests;
}

async function quiet(requests: Map<string, Tracked>, forMs = 1000, withinMs = 30_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const list = [...requests.values()];
    const last = Math.max(0, ...list.map((r) => r.startedAt));
    if (list.every((r) => r.done) && Date.now() - last >= forMs) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens the form under the slow network and measures it. */
async function measure(page: Page, base: string, throttle = true): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttle) await cdp.send('Network.emulateNetworkConditions', NETWORK);
  const requests = track(cdp);
  const started = Date.now();
  await page.goto(base + FORM, { waitUntil: 'commit' });
  // performance.now() is ms since this navigation started, in the page's own clock.
  const usable = await page.waitForFunction(
    () => {
      const field = document.querySelector<HTMLInputElement>('main form input:not([type=hidden]), main form select');
      if (!field || field.disabled) return false;
      const box = field.getBoundingClientRect();
      return box.width > 0 && box.height > 0 ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const usableMs = (await usable.jsonValue()) as number;
  const usableAt = started + usableMs;
  await quiet(requests);
  if (throttle)
    await cdp.send('Network.emulateNetworkConditions', {
      ...NETWORK,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  await cdp.detach();
  const list = [...requests.values()];
  const before = list.filter((r) => r.startedAt <= usableAt);
  const api = list.filter((r) => new URL(r.url).pathname.startsWith('/api/'));
  const sum = (rs: Tracked[]) => rs.reduce((n, r) => n + r.bytes, 0);
  return {
    usableMs,
    requestsBeforeUsable: before.length,
    bytesBeforeUsable: sum(before),
    requests: list.length,
    bytes: sum(list),
    apiRequests: api.length,
    apiBytes: sum(api),
    fromServiceWorker: list.filter((r) => r.fromServiceWorker).length,
    urls: list.map((r) => `${new URL(r.url).pathname} ${r.bytes} B${r.fromServiceWorker ? ' (service worker)' : ''}`),
  };
}

async function logIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USER, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('phoihop_session='));
  if (!cookie) throw new Error('login: no session cookie');
  return cookie.split(';')[0]!.slice('phoihop_session='.length);
}

/** A fresh browser profile with only the session cookie: nothing cached, no service worker. */
async function freshBrowser(base: string, session: string): Promise<{ context: BrowserContext; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-first-load-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 375, height: 812 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const { hostname } = new URL(base);
  await context.addCookies([
    { name: 'phoihop_session', value: session, domain: hostname, path: '/', httpOnly: true, sameSite: 'Strict' },
  ]);
  return { context, dir };
}

async function serviceWorkerReady(page: Page): Promise<boolean> {
  return page
    .waitForFunction(
      () => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined,
      undefined,
      {
        timeout: 60_000,
      },
    )
    .then(
      () => true,
      () => false,
    );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  for (const file of ['dist/web/index.html', 'dist/web/sw.js', 'dist/server/main.js'])
    if (!fs.existsSync(path.join(repoRoot, file))) throw new Error(`${file} is missing: run "npm run build" first.`);
  if (!fs.existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing: apt-get install -y chromium');
  const loadBefore = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-first-load-data-'));
  const server = await spawnServer({
    command: [process.execPath, 'dist/server/main.js'],
    env: {
      PHOIHOP_DATA_DIR: dataDir,
      PHOIHOP_DEMO_PASSWORD: PASSWORD,
      PHOIHOP_WEB_DIR: path.join(repoRoot, 'dist/web'),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    logFile: path.join(os.tmpdir(), 'phoihop-first-load-server.log'),
  });
  const cold: Load[] = [];
  const warm: Load[] = [];
  // The same cold load without throttling: how much of the time is this machine's CPU.
  const local: Load[] = [];
  try {
    const session = await logIn(server.base);
    for (let run = 0; run < runs; run++) {
      const { context, dir } = await freshBrowser(server.base, session);
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        cold.push(await measure(page, server.base));
        // The worker installs after the first load, unthrottled (CDP throttles the page, not the
        // worker's own fetches): the precache is what a phone has after its first visit.
        if (!(await serviceWorkerReady(page))) console.warn('run %d: the service worker did not take control', run + 1);
        // Another tab later: the same browser, its HTTP cache and service worker.
        const second = await context.newPage();
        await page.close();
        warm.push(await measure(second, server.base));
      } finally {
        await context.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const unthrottled = await freshBrowser(server.base, session);
      try {
        const page = unthrottled.context.pages()[0] ?? (await unthrottled.context.newPage());
        local.push(await measure(page, server.base, false));
      } finally {
        await unthrottled.context.close();
        fs.rmSync(unthrottled.dir, { recursive: true, force: true });
      }
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const loadAfter = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

  const row = (name: string, loads: Load[]) =>
    `| ${name} | ${kb(median(loads.map((l) => l.bytesBeforeUsable)))} in ${median(loads.map((l) => l.requestsBeforeUsable))} | ` +
    `${kb(median(loads.map((l) => l.bytes)))} in ${median(loads.map((l) => l.requests))} ` +
    `(API ${median(loads.map((l) => l.apiRequests))}: ${kb(median(loads.map((l) => l.apiBytes)))}; service worker ${median(loads.map((l) => l.fromServiceWorker))}) | ` +
    `${median(loads.map((l) => l.usableMs)).toFixed(0)} ms (${loads.map((l) => l.usableMs.toFixed(0)).join(', ')}) |`;
  console.log(`\n${FORM} as ${USER}, 400 kbit/s down/up, 400 ms latency, ${runs} runs (medians)`);
  console.log(`load average: ${loadBefore} → ${loadAfter}\n`);
  console.log('| load | until usable: bytes in requests | whole load: bytes in requests | usable after (each run) |');
  console.log('|---|---|---|---|');
  console.log(row('cold', cold));
  console.log(row('warm', warm));
  console.log(row('cold, not throttled', local));
  console.log('\ncold requests (last run):');
  for (const url of cold.at(-1)!.urls) console.log(`  ${url}`);
  console.log('warm requests (last run):');
  for (const url of warm.at(-1)!.urls) console.log(`  ${url}`);

  const misses: string[] = [];
  const coldBytes = median(cold.map((l) => l.bytes));
  const coldRequests = median(cold.map((l) => l.requests));
  if (coldBytes > BARS.coldBytes) misses.push(`cold ${kb(coldBytes)} > ${kb(BARS.coldBytes)}`);
  if (coldRequests > BARS.coldRequests) misses.push(`cold ${coldRequests} requests > ${BARS.coldRequests}`);
  if (median(cold.map((l) => l.usableMs)) > BARS.coldMs) misses.push(`cold usable after > ${BARS.coldMs} ms`);
  if (median(warm.map((l) => l.usableMs)) > BARS.warmMs) misses.push(`warm usable after > ${BARS.warmMs} ms`);
  if (misses.length) {
    console.log(`\nMISSED: ${misses.join('; ')}`);
    process.exitCode = 1;
  } else console.log('\nAll bars of issue 16 met.');
}

await main();
