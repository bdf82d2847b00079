// Starts the production build (node dist/server/main.js, made by `npm run build`, which
// `npm run test:e2e` runs first) on a free port, with a fresh data folder and the built web app,
// for all browser tests; stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from '../test/free-port';

export const DEMO_PASSWORD = 'demo-e2e-password';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The same server by this machine's first non-loopback IPv4 address, plain HTTP ('' if it has none). */
    lanUrl: string;
    demoPassword: string;
  }
}

/** The first IPv4 address of this machine that is not loopback: what a colleague on the LAN would type. */
function lanAddress(): string | null {
  for (const addresses of Object.values(os.networkInterfaces()))
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(repoRoot, 'dist/web');
const serverBundle = path.join(repoRoot, 'dist/server/main.js');
export const ARTIFACTS_DIR = path.join(repoRoot, 'e2e/.artifacts');

function tail(file: string, lines = 40): string {
  if (!fs.existsSync(file)) return '';
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The server did not answer /api/health within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const killer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 15_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    // The whole group: the server and anything it started.
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(killer);
      resolve();
    }
  });
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(webDir, 'index.html')) || !fs.existsSync(serverBundle)) {
    throw new Error('dist/ is not built: run "npm run build" (npm run test:e2e does it first).');
  }
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-e2e-'));
  const port = await freePort();
  const logFile = path.join(ARTIFACTS_DIR, 'server.log');
  const log = fs.openSync(logFile, 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    // Every interface, as in production: the LAN test opens it by a non-loopback address.
    HOST: '0.0.0.0',
    PHOIHOP_DATA_DIR: dataDir,
    PHOIHOP_DEMO_PASSWORD: DEMO_PASSWORD,
    PHOIHOP_WEB_DIR: webDir,
    LOG_LEVEL: 'warn',
  };
  // A fresh embedded database every run, even on a machine configured for PostgreSQL.
  delete env.DATABASE_URL;

  const child = spawn(process.execPath, ['--enable-source-maps', serverBundle], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  // A server that dies mid-run leaves only "connection refused" in the tests; say why in the log.
  child.once('exit', (code, signal) =>
    fs.appendFileSync(logFile, `\n[e2e] server exited: code ${code}, signal ${signal}\n`),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, logFile, 240_000);
  } catch (error) {
    await stop(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  const lan = lanAddress();
  project.provide('lanUrl', lan ? `http://${lan}:${port}` : '');
  project.provide('demoPassword', DEMO_PASSWORD);

  return async () => {
    await stop(child);
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
