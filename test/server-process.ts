// The real server as its own process (`npx tsx src/server/main.ts` by default, from source: no build
// needed), on a free port, its output in a log file: what the load benchmark and the two-process
// test start. `stop()` ends the whole process group (npx → sh → tsx → node) and is safe to call twice.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { freePort } from './free-port';

export const FROM_SOURCE = ['npx', 'tsx', 'src/server/main.ts'];

export interface ServerProcess {
  port: number;
  base: string;
  child: ChildProcess;
  logFile: string;
  /** The log so far (e.g. to show it when a test fails). */
  log(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  command?: string[];
  /** Added to this process's environment (PORT and HOST are set here). */
  env: Record<string, string>;
  logFile: string;
  /** How long to wait for /api/health (default 5 minutes). */
  readyWithinMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(base: string, child: ChildProcess, logFile: string, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(300);
  }
  throw new Error(`server did not answer /api/health within ${withinMs / 1000} s (log: ${logFile})`);
}

/** Starts the server and waits until /api/health answers; on failure it is stopped and the error thrown. */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = fs.openSync(options.logFile, 'w');
  const [cmd, ...args] = options.command ?? FROM_SOURCE;
  const child = spawn(cmd!, args, {
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
    detached: true, // its own process group, so stop() ends npx, tsx and node together
  });
  fs.closeSync(log);
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i++) await sleep(200);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* ended on SIGTERM */
    }
  };
  const server: ServerProcess = {
    port,
    base,
    child,
    logFile: options.logFile,
    log: () => (fs.existsSync(options.logFile) ? fs.readFileSync(options.logFile, 'utf8') : ''),
    stop,
  };
  try {
    await waitHealthy(base, child, options.logFile, options.readyWithinMs ?? 5 * 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return server;
}
