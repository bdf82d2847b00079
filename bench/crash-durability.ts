// Crash test: a burst of concurrent writes, kill -9 of the server in the middle, restart, and
// check that every write the server acknowledged (2xx) is there. On PGlite (./data folder) and on
// PostgreSQL (DATABASE_URL). Run: npx tsx bench/crash-durability.ts [pglite|postgresql|both]
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const which = process.argv[2] ?? 'both';
const PASSWORD = 'crash-test-password';

function start(env: Record<string, string>, port: number): ChildProcess {
  const child = spawn('npx', ['tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      PHOIHOP_DEMO_PASSWORD: PASSWORD,
      PHOIHOP_WEB_DIR: '/nonexistent',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  return child;
}

async function waitHealthy(port: number) {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

async function login(port: number, username: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

function planBody(i: number) {
  return {
    kind: 'central',
    year: 2026,
    issuerIds: [1, 2],
    content: {
      number: '',
      issuedOn: null,
      place: 'Hà Nội',
      title: `Kế hoạch thử nghiệm ${i}`,
      preamble: '',
      purposes: [],
      requirements: [],
      programme: null,
      sections: [
        {
          title: 'Nội dung',
          description: '',
          timeframe: { start: '2026-Q1', end: '2026-Q4' },
          activities: [
            {
              title: `Hoạt động ${i}`,
              timeframe: null,
              leadAgencyId: 1,
              partnerAgencyIds: [],
              level: null,
              outputs: [],
            },
          ],
        },
      ],
      responsibilities: [],
      funding: { text: '', sources: [] },
      signatures: [],
      recipients: [],
    },
  };
}

async function run(engine: 'pglite' | 'postgresql') {
  const port = engine === 'pglite' ? 3391 : 3392;
  let env: Record<string, string>;
  let dropDb = async () => {};
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-crash-'));
    env = { PHOIHOP_DATA_DIR: dir };
  } else {
    const name = `phoihop_crash_${process.pid}`;
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    env = {
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`,
      PHOIHOP_DEMO: '1',
      PHOIHOP_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-crash-')),
    };
    dropDb = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  let server = start(env, port);
  await waitHealthy(port);
  const session = await login(port, 'tw.hoiphunu');
  const acknowledged: number[] = [];
  let attempted = 0;
  let stop = false;
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      attempted++;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/plans`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
          body: JSON.stringify(planBody(w * 100000 + i)),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: number }).id);
      } catch {
        return; // the server is gone
      }
    }
  };
  const workers = Array.from({ length: 16 }, (_, w) => worker(w));
  await new Promise((r) => setTimeout(r, 3000));
  process.kill(-server.pid!, 'SIGKILL');
  stop = true;
  await Promise.all(workers);
  server = start(env, port);
  await waitHealthy(port);
  const check = await login(port, 'tw.hoiphunu');
  let missing = 0;
  for (const id of acknowledged) {
    const res = await fetch(`http://127.0.0.1:${port}/api/plans/${id}`, { headers: { cookie: check.cookie } });
    if (res.status !== 200) missing++;
  }
  process.kill(-server.pid!, 'SIGKILL');
  await dropDb();
  console.log(
    `${engine}: ${attempted} writes attempted, ${acknowledged.length} acknowledged before kill -9, ${missing} missing after restart`,
  );
  return missing;
}

let missing = 0;
if (which === 'pglite' || which === 'both') missing += await run('pglite');
if (which === 'postgresql' || which === 'both') missing += await run('postgresql');
process.exit(missing === 0 ? 0 : 1);
