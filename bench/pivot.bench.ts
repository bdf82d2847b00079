// Live pivots over 10 million disaggregated values: the pivot engine (the code path of GET
// /api/pivot) on PostgreSQL against the same queries in DuckDB (in memory, same file), side by
// side, median of the runs after warm-up. Bar: each median ≤ 4× DuckDB's, and a value saved
// through the service visible in the pivot within 1 s. Then the same at a smaller scale on PGlite.
//
//   npx tsx bench/pivot.bench.ts                      # 10M values on PostgreSQL, 1M on PGlite
//   npx tsx bench/pivot.bench.ts --rows=2000000 --pglite-rows=0 --runs=9
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (default) — a database
//   phoihop_bench_<pid> is created and dropped there. Generated files: bench/.data/ (kept, reused).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Actor, ServiceContext } from '../src/server/access/actor';
import { loadConfig } from '../src/server/config';
import { pivot } from '../src/server/modules/analytics/pivot.service';
import { setValues } from '../src/server/modules/analytics/indicator-values.service';
import { generateValues } from './pivot-data';
import {
  BENCH_INDICATORS,
  bulkLoad,
  checkRollups,
  createPglite,
  createPostgres,
  existingSchema,
  loadDuckDb,
  prepareSchema,
  type BenchDatabase,
} from './pivot-load';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ROWS = Number(arg('rows', '10000000'));
const PGLITE_ROWS = Number(arg('pglite-rows', '1000000'));
const RUNS = Math.max(7, Number(arg('runs', '9')));
const WARM_UP = 2;
const BAR_RATIO = 4;
const BAR_VISIBLE_MS = 1000;
const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '.data');
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PROVINCE = '11';
/** Keep the PostgreSQL database after the run (named phoihop_bench) and reuse it when it is loaded. */
const KEEP = process.argv.includes('--keep');

const log = (s: string) => process.stdout.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Query {
  name: string;
  params: Record<string, string>;
  duck: (ids: number[]) => string;
}

/** The pivot's SQL shape in DuckDB: dimension columns, GROUPING SETS for cells and totals. */
function duckPivot(select: string[], where: string, sets: number[][]): string {
  const cols = select.map((_, i) => `d${i}`);
  return `SELECT ${cols.join(', ')}, GROUPING(${cols.join(', ')}) AS g, sum(v) AS v, sum(n) AS n, sum(p) AS p
    FROM (SELECT ${select.map((e, i) => `${e} AS d${i}`).join(', ')}, value AS v, 1 AS n,
            CASE WHEN lineage_partial THEN 1 ELSE 0 END AS p
          FROM data_value WHERE ${where}) s
    GROUP BY GROUPING SETS (${sets.map((s) => `(${s.map((i) => cols[i]).join(', ')})`).join(', ')})
    HAVING sum(n) <> 0`;
}

const QUERIES: Query[] = [
  {
    name: '(a) indicator × province × year, national',
    params: { rows: 'indicator,province', cols: 'year', indicator: BENCH_INDICATORS.join(',') },
    duck: (ids) =>
      duckPivot(['indicator_id', 'province_code', 'month // 100'], `indicator_id IN (${ids.join(', ')})`, [
        [0, 1, 2],
        [0, 1],
      ]),
  },
  {
    name: `(b) indicator × ethnic group × quarter, province ${PROVINCE}`,
    params: {
      rows: 'indicator,ethnic_group',
      cols: 'quarter',
      indicator: BENCH_INDICATORS.join(','),
      province: PROVINCE,
    },
    duck: (ids) =>
      duckPivot(
        ['indicator_id', 'ethnic_group_id', '(month // 100) * 10 + ((month % 100) + 2) // 3'],
        `indicator_id IN (${ids.join(', ')}) AND province_code = '${PROVINCE}'`,
        [
          [0, 1, 2],
          [0, 1],
        ],
      ),
  },
  {
    name: '(c) commune × month, one indicator, national',
    params: { rows: 'commune', cols: 'month', indicator: BENCH_INDICATORS[0]! },
    duck: (ids) =>
      duckPivot(['commune_code', 'province_code', 'lineage_partial', 'month'], `indicator_id = ${ids[0]}`, [
        [0, 1, 2, 3],
        [0, 1, 2],
        [3],
        [],
      ]),
  },
];

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await fn();
  return [performance.now() - t0, result];
}

interface Figures {
  name: string;
  engine: number;
  duck: number;
  /** DuckDB computing the same result without handing its rows to JavaScript. */
  duckQueryOnly: number;
  ratio: number;
  cells: number;
  duckRows: number;
  source: string;
}

async function sideBySide(ctx: ServiceContext, duck: DuckDBConnection, ids: number[]): Promise<Figures[]> {
  const out: Figures[] = [];
  for (const q of QUERIES) {
    const engineTimes: number[] = [];
    const duckTimes: number[] = [];
    const duckQueryTimes: number[] = [];
    let cells = 0;
    let duckRows = 0;
    let source = '';
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      // Alternate, so both see the same state of the machine.
      const [te, result] = await time(() => pivot(ctx, q.params));
      const [td, rows] = await time(async () => (await duck.runAndReadAll(q.duck(ids))).getRows());
      const [tq] = await time(() => duck.runAndReadAll(`SELECT sum(v), sum(p), count(*) FROM (${q.duck(ids)}) q`));
      if (i < WARM_UP) continue;
      engineTimes.push(te);
      duckTimes.push(td);
      duckQueryTimes.push(tq);
      cells = result.cells.reduce((n, r) => n + r.filter((v) => v !== null).length, 0);
      duckRows = rows.filter((r) => Number(r[r.length - 4]) === 0).length;
      source = result.meta.sources.join(', ');
    }
    const engine = median(engineTimes);
    const d = median(duckTimes);
    const dq = median(duckQueryTimes);
    out.push({ name: q.name, engine, duck: d, duckQueryOnly: dq, ratio: engine / d, cells, duckRows, source });
    log(
      `  ${q.name}: engine ${engine.toFixed(1)} ms [${source}], DuckDB ${d.toFixed(1)} ms, ratio ${(engine / d).toFixed(2)}; DuckDB without handing rows to JS ${dq.toFixed(1)} ms (cells ${cells} / DuckDB cells ${duckRows})`,
    );
  }
  return out;
}

/** Saves a value through the indicator-values service and polls the pivot until it shows. */
async function visibility(ctx: ServiceContext): Promise<{ save: number; visible: number; polls: number }[]> {
  const params = { rows: 'province', indicator: BENCH_INDICATORS[0]!, period: '202512', province: PROVINCE };
  const out = [];
  const cell = {
    indicator: BENCH_INDICATORS[0]!,
    unit: { generation: 2025 as const, code: PROVINCE },
    period: '202512',
  };
  await setValues(ctx, { ...cell, values: [{ value: null }] });
  for (let i = 1; i <= 5; i++) {
    const before = (await pivot(ctx, params)).totals.grand ?? 0;
    const value = 1000 * i;
    const t0 = performance.now();
    await setValues(ctx, { ...cell, values: [{ value }] });
    const saved = performance.now() - t0;
    let polls = 0;
    const previous = i === 1 ? 0 : 1000 * (i - 1);
    for (;;) {
      polls++;
      const now = (await pivot(ctx, params)).totals.grand ?? 0;
      if (Math.abs(now - (before - previous + value)) < 1e-6) break;
      if (performance.now() - t0 > 10_000) throw new Error('the saved value did not appear within 10 s');
    }
    out.push({ save: saved, visible: performance.now() - t0, polls });
  }
  await setValues(ctx, { ...cell, values: [{ value: null }] });
  const worst = Math.max(...out.map((o) => o.visible));
  log(
    `  save → visible in the pivot: median ${median(out.map((o) => o.visible)).toFixed(1)} ms, worst ${worst.toFixed(1)} ms (first poll every time: ${out.every((o) => o.polls === 1)})`,
  );
  return out;
}

async function runEngine(label: string, database: BenchDatabase, rows: number, reuse = false) {
  log(`\n${label}: ${rows.toLocaleString('en')} values`);
  const loaded = reuse ? await existingSchema(database.db) : null;
  const { indicatorIds, userId, agencyId } = loaded ?? (await prepareSchema(database.db));
  const t0 = performance.now();
  const generated = await generateValues(rows, indicatorIds, DATA_DIR);
  log(
    `  data file ${path.basename(generated.file)} (${generated.rows.toLocaleString('en')} rows) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  let problems: string[] = [];
  // DuckDB reads the file while PostgreSQL builds (DuckDB is in this process, PostgreSQL is not).
  const t1 = performance.now();
  const duckLoading = loadDuckDb(generated.file).then((connection) => {
    log(`  DuckDB load: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    return connection;
  });
  if (loaded) log('  reusing the loaded database');
  else {
    await bulkLoad(database, generated.file, log);
    const sample = ['03127', '02647', '14014', '00694'];
    problems = await checkRollups(database.db, sample);
    log(
      `  rollups = direct sums and trigger path = bulk build on a sample (${sample.length} communes): ${problems.length ? problems.join('; ') : 'yes'}`,
    );
  }
  const duck = await duckLoading;

  const actor: Actor = {
    userId,
    username: 'bench',
    displayName: 'Đo hiệu năng',
    role: 'admin',
    agencyId,
    agencyIds: [agencyId],
    nationalScope: true,
    provinces: [],
  };
  const ctx: ServiceContext = { db: database.db, actor, clock: { now: () => new Date() }, config: loadConfig({}) };
  const figures = await sideBySide(ctx, duck, indicatorIds);
  const live = await visibility(ctx);
  duck.closeSync();
  return { rows: generated.rows, figures, live, problems };
}

async function main() {
  log(
    `pivot benchmark — ${RUNS} runs after ${WARM_UP} warm-up, median; bar: ≤ ${BAR_RATIO}× DuckDB, visible ≤ ${BAR_VISIBLE_MS} ms`,
  );
  const results: Record<string, unknown> = {};
  let met = true;
  if (ROWS > 0) {
    const database = await createPostgres(BASE_URL, KEEP ? 'phoihop_bench' : `phoihop_bench_${process.pid}`, KEEP);
    try {
      const r = await runEngine('PostgreSQL', database, ROWS, KEEP);
      results.postgresql = r;
      met &&= r.problems.length === 0 && r.figures.every((f) => f.ratio <= BAR_RATIO);
      met &&= r.live.every((l) => l.visible <= BAR_VISIBLE_MS);
    } finally {
      await database.close();
    }
  }
  if (PGLITE_ROWS > 0) {
    const database = await createPglite();
    try {
      results.pglite = await runEngine('PGlite (embedded, single-threaded WASM)', database, PGLITE_ROWS);
    } finally {
      await database.close();
    }
  }
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(path.join(DATA_DIR, 'pivot-results.json'), JSON.stringify(results, null, 2));
  log(`\nbar on PostgreSQL: ${met ? 'met' : 'NOT MET'}`);
  if (!met) process.exitCode = 1;
}

await main();
