// Restart time of the production start: from spawning the built server to the first 200 from
// /api/health, on an existing PGlite data directory (made by one first start, measured too), over
// a few restarts. Needs `npm run build` first.
//   npx tsx bench/start.ts [restarts=5] [--fresh] [--tsx]
// --fresh: make the data directory again (bench/.data/start); --tsx: also time the old start
// through tsx (`npx tsx src/server/main.ts`, compiling on the fly) on the same data, for comparison.
// Exits with code 1 when a restart of the built server takes 3 s or more (issue 13's bar).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/free-port';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(repoRoot, 'bench/.data/start');
const args = process.argv.slice(2);
const restarts = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const BAR_MS = 3000;

interface Variant {
  name: string;
  command: string;
  args: string[];
}
const BUILT: Variant = { name: 'node dist/server/main.js', command: process.execPath, args: ['dist/server/main.js'] };
const NPM_START: Variant = {
  name: 'node scripts/start.mjs (npm start)',
  command: process.execPath,
  args: ['scripts/start.mjs'],
};
const TSX: Variant = {
  name: 'npx tsx src/server/main.ts (before)',
  command: 'npx',
  args: ['tsx', 'src/server/main.ts'],
};

/** Spawns the variant, returns ms from spawn to the first 200 of /api/health, then stops it. */
async function timeStart(variant: Variant, timeoutMs: number): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PHOIHOP_DATA_DIR: dataDir,
    PHOIHOP_DEMO_PASSWORD: 'bench-start-password',
    PHOIHOP_WEB_DIR: path.join(repoRoot, 'dist/web'),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(variant.command, variant.args, {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    while (performance.now() - started < timeoutMs) {
      if (child.exitCode !== null) throw new Error(`${variant.name} exited with code ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`${variant.name} did not answer within ${timeoutMs / 1000} s`);
  } finally {
    // The whole group (npx → tsx → node for the tsx variant); wait for the database to close.
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]! };
}
const ms = (x: number) => `${Math.round(x)} ms`;

if (
  !fs.existsSync(path.join(repoRoot, 'dist/server/main.js')) ||
  !fs.existsSync(path.join(repoRoot, 'dist/web/index.html'))
) {
  console.error('No build: run "npm run build" first.');
  process.exit(2);
}
console.log(`load average before: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()} (${os.cpus().length} CPUs)`);
if (args.includes('--fresh')) fs.rmSync(dataDir, { recursive: true, force: true });
if (!fs.existsSync(dataDir)) {
  const first = await timeStart(BUILT, 600_000);
  console.log(`first start on an empty data directory (migrate, reference data, demo): ${ms(first)}`);
}

const variants = [BUILT, NPM_START, ...(args.includes('--tsx') ? [TSX] : [])];
const results = new Map<string, number[]>(variants.map((v) => [v.name, []]));
// Interleaved, so every variant sees the same state of the machine.
for (let i = 0; i < restarts; i++) {
  for (const variant of variants) results.get(variant.name)!.push(await timeStart(variant, 120_000));
}
console.log(`\nrestart on the existing data directory, spawn → first 200 from /api/health, ${restarts} runs:`);
for (const [name, times] of results) {
  const s = summary(times);
  console.log(`  ${name.padEnd(38)} min ${ms(s.min)}  median ${ms(s.median)}  max ${ms(s.max)}`);
}
console.log(`load average after: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
const worst = summary(results.get(BUILT.name)!).max;
if (worst >= BAR_MS) {
  console.error(`bar missed: a restart took ${ms(worst)} (bar: under ${BAR_MS} ms)`);
  process.exit(1);
}
