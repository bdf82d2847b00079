// The server under load, as its own process: a fresh database (PostgreSQL: a database created for
// the run and dropped after; PGlite: a new temporary data folder), the real start command (started
// by test/server-process.ts), the PID of the process that actually listens (npx → sh → tsx → node:
// the last one) and its memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { spawnServer, type ServerProcess } from '../test/server-process';

export type Engine = 'pglite' | 'postgresql';

export interface ServerOptions {
  engine: Engine;
  /** The start command, split on spaces (BENCH_SERVER_CMD), e.g. `node dist/server/main.js`. */
  command: string[];
  /** PostgreSQL server to create the run's database on (its `postgres` database). */
  adminUrl: string;
  password: string;
  logLevel: string;
}

export interface Server {
  engine: Engine;
  port: number;
  base: string;
  /** The process that owns the listening socket (RSS is read from it). */
  pid: number;
  logFile: string;
  startupMs: number;
  stop(): Promise<void>;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return out;
}

function descendants(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]!));
  return all;
}

/** Inodes of sockets listening on `port` (IPv4 and IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      if (cols[1]!.endsWith(`:${hex}`) && cols[3] === '0A') inodes.add(cols[9]!);
    }
  }
  return inodes;
}

/** The descendant of `root` that holds the listening socket of `port`; else the one with the largest RSS. */
export function listeningPid(root: number, port: number): number {
  const inodes = listeningInodes(port);
  const family = descendants(root);
  for (const pid of family) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        const link = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        const m = /^socket:\[(\d+)\]$/.exec(link);
        if (m && inodes.has(m[1]!)) return pid;
      }
    } catch {
      /* not ours to read, or gone */
    }
  }
  return family.reduce((best, pid) => (rssMb(pid) > rssMb(best) ? pid : best), root);
}

/** VmRSS of a process in MB (0 when it is gone). */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every 250 ms; `stop()` returns the largest value seen. */
export function sampleRss(pid: number): { stop(): number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

async function freshDatabase(
  engine: Engine,
  adminUrl: string,
  workDir: string,
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (engine === 'pglite') return { env: { PHOIHOP_DATA_DIR: path.join(workDir, 'data') }, drop: async () => {} };
  const name = `phoihop_load_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), PHOIHOP_DEMO: '1', PHOIHOP_DATA_DIR: path.join(workDir, 'data') },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Starts the server on a fresh database with the demo loaded; `stop()` ends it and removes the database. */
export async function startServer(options: ServerOptions): Promise<Server> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `phoihop-load-${options.engine}-`));
  const logFile = path.join(os.tmpdir(), `phoihop-load-${options.engine}-${process.pid}.log`);
  const db = await freshDatabase(options.engine, options.adminUrl, workDir);
  const started = Date.now();
  const cleanUp = async () => {
    await db.drop();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  let server: ServerProcess;
  try {
    server = await spawnServer({
      command: options.command,
      env: {
        ...db.env,
        PHOIHOP_DEMO: '1',
        PHOIHOP_DEMO_PASSWORD: options.password,
        PHOIHOP_WEB_DIR: '/nonexistent',
        LOG_LEVEL: options.logLevel,
      },
      logFile,
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    engine: options.engine,
    port: server.port,
    base: server.base,
    pid: listeningPid(server.child.pid!, server.port),
    logFile,
    startupMs: Date.now() - started,
    stop: async () => {
      await server.stop();
      await cleanUp();
    },
  };
}

/**
 * The errors of the server's log (pino level ≥ 50) by message: how many requests, and the first one
 * (its method and URL from the "incoming request" line of the same reqId) — for a run that saw 5xx.
 */
export function serverErrors(logFile: string, max = 3): string[] {
  const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n') : [];
  const parsed = lines.flatMap((l) => {
    try {
      return [
        JSON.parse(l) as {
          level?: number;
          reqId?: string;
          req?: { method: string; url: string };
          err?: { type?: string; message?: string };
          msg?: string;
        },
      ];
    } catch {
      return [];
    }
  });
  const requests = new Map(parsed.filter((p) => p.req && p.reqId).map((p) => [p.reqId!, p.req!]));
  // Grouped by message: how many requests failed with it, and the first one's request.
  const groups = new Map<string, { ids: Set<string>; first: string }>();
  for (const p of parsed) {
    if ((p.level ?? 0) < 50) continue;
    const message = `${p.err?.type ?? ''} ${p.err?.message ?? p.msg ?? ''}`.trim().slice(0, 200);
    const req = p.reqId ? requests.get(p.reqId) : undefined;
    const first = `${p.reqId ?? '-'} ${req ? `${req.method} ${req.url}` : ''}`;
    const group = groups.get(message) ?? { ids: new Set<string>(), first };
    group.ids.add(p.reqId ?? String(group.ids.size));
    groups.set(message, group);
  }
  const out = [...groups].slice(0, max).map(([message, g]) => `${g.ids.size} × ${message} (first: ${g.first})`);
  return out;
}
