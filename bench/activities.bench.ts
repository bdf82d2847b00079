// Activity reads over many records (issue 13, item 4): the demo plans (the 2022 seed and this
// year's, cascaded to Điện Biên and Lào Cai) with N implementation records spread over their
// activities, then the reads that used to aggregate every record in scope, through the API
// (app.inject): a page of the activity list, a status-filtered page 2, one activity, the
// dashboard, the plan review and the import template. Median and p90 of the runs, per user.
//
//   npx tsx bench/activities.bench.ts                        # PGlite in memory, 50,000 records
//   npx tsx bench/activities.bench.ts --engine=postgresql    # a fresh database on BENCH_DATABASE_URL
//   npx tsx bench/activities.bench.ts --records=200000 --runs=20
//   npx tsx bench/activities.bench.ts --vacuum                 # VACUUM ANALYZE after the load, not only ANALYZE
//   npx tsx bench/activities.bench.ts --engine=postgresql --pages     # also the database pages each read touches
//   npx tsx bench/activities.bench.ts --engine=postgresql --explain   # and the plan of the slowest statement of each read
//
// BENCH_DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/postgres; a database
// phoihop_acts_<pid> is created there and dropped at the end. Not a test: it prints figures.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import type { DB } from '../src/server/db/schema';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openPglite, openPostgres, type Database } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { systemClock } from '../src/server/access/actor';
import { ensureReferenceData } from '../src/server/modules/reference/reference-data';
import { ensureDemoUsers } from '../src/server/modules/demo/demo-users';
import { ensureDemoPlan } from '../src/server/modules/demo/demo-plan';
import { ensureDemoCurrentYear } from '../src/server/modules/demo/demo-current-year';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ENGINE = arg('engine', 'pglite');
const RECORDS = Number(arg('records', '50000'));
const RUNS = Number(arg('runs', '15'));
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'bench-password';
const VERBOSE = process.argv.includes('--explain');
/** Also count the database pages each read touches (PostgreSQL only; --explain prints plans too). */
const EXPLAIN = VERBOSE || process.argv.includes('--pages');
/** Keep the PostgreSQL database (its name is printed) to look at it with psql afterwards. */
const KEEP = process.argv.includes('--keep');
/** Every statement run, with its duration, when explaining (PostgreSQL only). */
const statements: { query: CompiledQuery; ms: number }[] = [];

async function openBenchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (ENGINE === 'pglite') return { database: await openPglite(), drop: async () => {} };
  const name = `phoihop_acts_${process.pid}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (EXPLAIN && event.level === 'query') statements.push({ query: event.query, ms: event.queryDurationMillis });
    },
  });
  return {
    database: EXPLAIN
      ? { db, engine: 'postgresql', connections: 4, close: () => db.destroy() }
      : openPostgres(url.toString(), 4),
    async drop() {
      if (KEEP) return console.log(`kept database ${name}`);
      const cleanup = new pg.Client({ connectionString: BASE_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-acts-bench-'));
const config = { ...loadConfig({}), webDir: '/nonexistent', dataDir };
const { database, drop } = await openBenchDatabase();
const { db } = database;
await migrateToLatest(db);
await ensureReferenceData(db);
await ensureDemoUsers(db, PASSWORD, new Date());
const planId = await ensureDemoPlan(db, config, systemClock);
if (!planId) throw new Error('the demo plan was not created');
await ensureDemoCurrentYear(db, config, systemClock, planId);

// N records, round-robin over the activities; a provincial plan's records in its province, a
// central plan's spread over the 34 provinces (Điện Biên "11" one in 34) and a few without one.
const loadStart = performance.now();
await sql`
  WITH act AS (
    SELECT a.plan_activity_id, p.province_code, row_number() OVER (ORDER BY a.plan_activity_id) - 1 AS i,
           count(*) OVER () AS n
    FROM plan_activity a JOIN plan p USING (plan_id) WHERE NOT a.removed
  ), prov AS (
    SELECT code, row_number() OVER (ORDER BY code) - 1 AS j, count(*) OVER () AS m
    FROM admin_unit WHERE generation = 2025 AND level = 'province'
  )
  INSERT INTO implementation_record (plan_activity_id, type, title, start_date, end_date, province_code,
    participants_mode, total_participants, female_participants, created_at, updated_at)
  SELECT act.plan_activity_id, 'training', 'Lớp tập huấn số ' || g, d, d, coalesce(act.province_code, prov.code),
    'totals_only', 20 + g % 40, 10 + g % 10, now(), now()
  FROM generate_series(1, ${RECORDS}) AS g
  CROSS JOIN LATERAL (SELECT date '2026-01-05' + (g % 300) AS d) AS day
  JOIN act ON act.i = g % act.n
  LEFT JOIN prov ON prov.j = g % prov.m AND g % 50 <> 0
`.execute(db);
// --vacuum: as after autovacuum (the visibility map set, so index-only scans); else ANALYZE only.
await (process.argv.includes('--vacuum') ? sql`VACUUM ANALYZE` : sql`ANALYZE`).execute(db);
const counts = await sql<{ records: string; activities: string }>`
  SELECT (SELECT count(*) FROM implementation_record) AS records,
         (SELECT count(*) FROM plan_activity WHERE NOT removed) AS activities`.execute(db);
console.log(
  `${ENGINE}: ${counts.rows[0]!.records} records over ${counts.rows[0]!.activities} activities, loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
);

const app = await buildApp({ config, database, clock: systemClock });
await app.ready();
async function login(username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return res.cookies.find((c) => c.name === 'phoihop_session')!.value;
}

async function time(cookie: string, url: string) {
  const times: number[] = [];
  let body = '';
  for (let i = 0; i < RUNS + 3; i++) {
    const start = performance.now();
    const res = await app.inject({ method: 'GET', url, cookies: { phoihop_session: cookie } });
    const ms = performance.now() - start;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (i >= 3) times.push(ms);
    body = res.body;
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { median: pct(0.5), p90: pct(0.9), body };
}

/**
 * The database pages (8 kB buffers, hit or read) one request's reads touch, summed over its
 * statements by EXPLAIN (ANALYZE, BUFFERS): the work the request asks of the database, which the
 * load of the machine does not change.
 */
async function pagesTouched(cookie: string, url: string) {
  statements.length = 0;
  await app.inject({ method: 'GET', url, cookies: { phoihop_session: cookie } });
  const reads = statements.filter((s) => /^(select|with)\b/.test(s.query.sql));
  statements.length = 0;
  let pages = 0;
  for (const s of reads) {
    const plan = await db.executeQuery<{ 'QUERY PLAN': [{ Plan: Record<string, number> }] }>({
      ...s.query,
      sql: `explain (analyze, buffers, format json) ${s.query.sql}`,
    });
    const top = plan.rows[0]!['QUERY PLAN'][0].Plan;
    pages += (top['Shared Hit Blocks'] ?? 0) + (top['Shared Read Blocks'] ?? 0);
  }
  statements.length = 0;
  return pages;
}

/** EXPLAIN ANALYZE of the slowest statement run since the last call. */
async function explainSlowest() {
  const reads = statements.filter((s) => /^(select|with)\b/.test(s.query.sql));
  const slowest = reads.sort((a, b) => b.ms - a.ms)[0];
  statements.length = 0;
  if (!slowest) return;
  const plan = await db.executeQuery<{ 'QUERY PLAN': string }>({
    ...slowest.query,
    sql: `explain (analyze, buffers) ${slowest.query.sql}`,
  });
  statements.length = 0;
  console.log(
    `  slowest statement ${slowest.ms.toFixed(1)} ms:\n${plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`,
  );
}

const year = new Date().getFullYear();
const someActivity = await db
  .selectFrom('plan_activity')
  .select('plan_activity_id')
  .where('plan_id', '=', planId)
  .orderBy('plan_activity_id')
  .executeTakeFirstOrThrow();
const reads: [string, string][] = [
  ['list, first page of 50', '/api/activities?limit=50'],
  ['list, in progress, page 2 of 20', '/api/activities?status=in_progress&limit=20&offset=20'],
  ['one activity', `/api/activities/${someActivity.plan_activity_id}`],
  ['dashboard', `/api/analytics/dashboard?year=${year}`],
  ['plan review (2022 plan)', `/api/plans/${planId}/review`],
  ['import template (.xlsx)', '/api/records/import/template.xlsx'],
];
console.log(`load average: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
for (const username of ['tw.hoiphunu', 'dienbien.hoiphunu']) {
  const cookie = await login(username);
  for (const [label, url] of reads) {
    const r = await time(cookie, url);
    const total = label.startsWith('list') ? ` (total ${(JSON.parse(r.body) as { total: number }).total})` : '';
    const pages = EXPLAIN ? `  ${String(await pagesTouched(cookie, url)).padStart(7)} pages` : '';
    console.log(
      `${username.padEnd(18)} ${label.padEnd(34)} median ${r.median.toFixed(1).padStart(7)} ms  p90 ${r.p90.toFixed(1).padStart(7)} ms${pages}${total}`,
    );
    if (VERBOSE) await explainSlowest();
  }
}
console.log(`load average: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
await app.close();
await database.close();
await drop();
fs.rmSync(dataDir, { recursive: true, force: true });
