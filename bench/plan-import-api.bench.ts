// The whole seed import through the API (parse + resolve agencies + write the draft with its
// activities, versions and audit), on an in-memory PGlite, as a user's upload would run it.
// Run: npx tsx bench/plan-import-api.bench.ts [runs]
import fs from 'node:fs';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openPglite } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { systemClock } from '../src/server/access/actor';
import { ensureReferenceData } from '../src/server/modules/reference/reference-data';
import { ensureDemoUsers } from '../src/server/modules/demo/demo-users';

const runs = Number(process.argv[2] ?? 30);
const seed = fs.readFileSync(
  new URL('../src/server/modules/plan-import/fixtures/ke-hoach-phoi-hop-2022.txt', import.meta.url),
  'utf8',
);

const database = await openPglite();
await migrateToLatest(database.db);
await ensureReferenceData(database.db);
await ensureDemoUsers(database.db, 'bench-password', new Date());
const app = await buildApp({ config: { ...loadConfig({}), webDir: '/nonexistent' }, database, clock: systemClock });
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'tw.hoiphunu', password: 'bench-password' },
});
const cookie = login.cookies.find((c) => c.name === 'phoihop_session')!.value;
const csrf = login.json<{ csrfToken: string }>().csrfToken;

const times: number[] = [];
for (let i = 0; i < runs + 5; i++) {
  const start = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: '/api/plans/import',
    payload: { text: seed },
    cookies: { phoihop_session: cookie },
    headers: { 'x-csrf-token': csrf },
  });
  const ms = performance.now() - start;
  if (res.statusCode !== 201 || res.json<{ unparsed: unknown[] }>().unparsed.length !== 0)
    throw new Error(`import failed: ${res.statusCode} ${res.body}`);
  if (i >= 5) times.push(ms);
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(
  `POST /api/plans/import (seed, PGlite in memory), ${runs} runs: median ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
);
await app.close();
await database.close();
if (pct(0.5) >= 200) process.exit(1);
