// Loading the pivot benchmark's data: a migrated database with reference data and 20 benchmark
// indicators, the generated file COPYed into data_value, the rollups built in one INSERT … SELECT
// per rollup that groups exactly as the trigger does (stripe 0), and a check that the trigger
// path and the bulk build agree. The same file goes into an in-memory DuckDB.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { sql } from 'kysely';
import { Kysely } from 'kysely';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { openPostgres, type Database, type Queryable } from '../src/server/db/database';
import type { DB } from '../src/server/db/schema';
import { migrateToLatest } from '../src/server/db/migrate';
import { ensureReferenceData } from '../src/server/modules/reference/reference-data';
import { DATA_COLUMNS } from './pivot-data';

/** Key expressions of each rollup over data_value: the same as the trigger in migration 2026112806. */
export const ROLLUP_KEYS: Record<string, [string, string][]> = {
  dv_province_month: [
    ['indicator_id', 'indicator_id'],
    ['province_code', "coalesce(province_code, '')"],
    ['province_2024', "coalesce(province_2024, '')"],
    ['month', 'month'],
  ],
  dv_province_month_sex_ethnic: [
    ['indicator_id', 'indicator_id'],
    ['province_code', "coalesce(province_code, '')"],
    ['province_2024', "coalesce(province_2024, '')"],
    ['month', 'month'],
    ['sex', "coalesce(sex, '')"],
    ['ethnic_group_id', 'coalesce(ethnic_group_id, 0)'],
  ],
  dv_commune_month: [
    ['indicator_id', 'indicator_id'],
    ['province_code', "coalesce(province_code, '')"],
    ['commune_code', "coalesce(commune_code, '')"],
    ['lineage_partial', 'lineage_partial'],
    ['month', 'month'],
  ],
};

/** Primary-key order of each rollup (migration 2026112806), for a physically clustered bulk build. */
const ROLLUP_ORDER: Record<string, string[]> = {
  dv_province_month: ['indicator_id', 'province_code', 'province_2024', 'month'],
  dv_province_month_sex_ethnic: ['province_code', 'indicator_id', 'month', 'province_2024', 'sex', 'ethnic_group_id'],
  dv_commune_month: ['indicator_id', 'province_code', 'commune_code', 'lineage_partial', 'month'],
};

export function rollupBuildSql(table: string): string {
  const keys = ROLLUP_KEYS[table]!;
  const names = keys.map(([c]) => c).join(', ');
  const order = ROLLUP_ORDER[table]!.join(', ');
  // The province rollup is the sex × ethnic one summed over sex and ethnic group: the same numbers
  // as from data_value (checkRollups compares them), one scan of 10 million rows fewer.
  if (table === 'dv_province_month')
    return `INSERT INTO ${table} (${names}, stripe, value, n, partial_n)
      SELECT ${names}, 0, sum(value), sum(n), sum(partial_n) FROM dv_province_month_sex_ethnic
      GROUP BY ${names} ORDER BY ${order}`;
  return `INSERT INTO ${table} (${names}, stripe, value, n, partial_n)
    SELECT ${keys.map(([c, e]) => `${e} AS ${c}`).join(', ')}, 0, sum(value), count(*),
      count(*) FILTER (WHERE lineage_partial)
    FROM data_value
    GROUP BY ${names}
    ORDER BY ${order}`;
}

/** Rollup rows (summed over stripes) that differ from a direct GROUP BY over data_value, within `where`. */
export async function rollupDifferences(db: Queryable, table: string, where: string): Promise<number> {
  const keys = ROLLUP_KEYS[table]!;
  const names = keys.map(([c]) => c).join(', ');
  const exprs = keys.map(([c, e]) => `${e} AS ${c}`).join(', ');
  const rollup = `SELECT ${names}, sum(value) AS v, sum(n) AS n FROM ${table} WHERE ${where} GROUP BY ${names} HAVING sum(n) <> 0`;
  const direct = `SELECT ${names}, sum(v) AS v, sum(n) AS n FROM (SELECT ${exprs}, value AS v, 1 AS n FROM data_value) d WHERE ${where} GROUP BY ${names}`;
  const result = await sql<{ n: string }>`SELECT count(*) AS n FROM (
      (${sql.raw(rollup)} EXCEPT ${sql.raw(direct)}) UNION ALL (${sql.raw(direct)} EXCEPT ${sql.raw(rollup)})) d`.execute(
    db,
  );
  return Number(result.rows[0]!.n);
}

export interface BenchDatabase extends Database {
  /** COPY the generated file into data_value. */
  copy(file: string): Promise<void>;
}

/** A fresh database (or, with `keep`, the kept one as it is: it is then not dropped at close). */
export async function createPostgres(baseUrl: string, name: string, keep = false): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (!keep || !exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 4);
  return {
    ...database,
    async copy(file) {
      // psql streams the file from the client side (the server may not read our folder).
      execFileSync(
        'psql',
        [
          url.toString(),
          '-v',
          'ON_ERROR_STOP=1',
          '-c',
          `\\copy data_value (${DATA_COLUMNS.join(', ')}) FROM '${file}'`,
        ],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
    },
    async close() {
      await database.close();
      if (keep) return;
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export async function createPglite(): Promise<BenchDatabase> {
  const identity = (value: string) => value;
  const client = await PGlite.create({
    parsers: { [pgliteTypes.DATE]: identity, [pgliteTypes.INT8]: identity, [pgliteTypes.NUMERIC]: identity },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return {
    db,
    engine: 'pglite',
    connections: 1,
    close: () => db.destroy(),
    async copy(file) {
      const blob = new Blob([fs.readFileSync(file)]);
      await client.query(`COPY data_value (${DATA_COLUMNS.join(', ')}) FROM '/dev/blob'`, [], { blob });
    },
  };
}

export const BENCH_INDICATORS = Array.from({ length: 20 }, (_, i) => `B${String(i + 1).padStart(2, '0')}`);

/** Migrations, reference data, a national user and the 20 benchmark indicators; returns their ids and the user. */
export async function prepareSchema(db: Queryable) {
  await migrateToLatest(db);
  await ensureReferenceData(db);
  const agency = await db
    .selectFrom('agency')
    .select('agency_id')
    .where('code', '=', 'HLHPN')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('app_user')
    .values({
      username: 'bench',
      display_name: 'Đo hiệu năng',
      password_hash: '-',
      role: 'admin',
      agency_id: agency.agency_id,
      national_scope: true,
    })
    .returning('user_id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const [i, code] of BENCH_INDICATORS.entries()) {
    const row = await db
      .insertInto('indicator')
      .values({
        code,
        name_vi: `Chỉ số đo hiệu năng ${i + 1}`,
        name_en: `Benchmark indicator ${i + 1}`,
        unit: 'người',
        source: 'aggregate',
        definition: JSON.stringify({ periodType: 'monthly' }),
        time_aggregation: 'sum',
        disaggregations: ['sex', 'ethnic_group'],
        position: 100 + i,
      })
      .returning('indicator_id')
      .executeTakeFirstOrThrow();
    ids.push(row.indicator_id);
  }
  return { indicatorIds: ids, userId: user.user_id, agencyId: agency.agency_id };
}

/** The benchmark schema of a kept database, when it is fully loaded; null otherwise. */
export async function existingSchema(db: Queryable) {
  const tables = await sql<{ t: string | null }>`SELECT to_regclass('public.dv_commune_month')::text AS t`.execute(db);
  if (!tables.rows[0]?.t) return null;
  const user = await db
    .selectFrom('app_user')
    .select(['user_id', 'agency_id'])
    .where('username', '=', 'bench')
    .executeTakeFirst();
  const counts = await sql<{ n: string }>`SELECT count(*) AS n FROM dv_province_month`.execute(db);
  if (!user || Number(counts.rows[0]!.n) === 0) return null;
  const rows = await db
    .selectFrom('indicator')
    .select('indicator_id')
    .where('code', 'in', BENCH_INDICATORS)
    .orderBy('position')
    .execute();
  return { indicatorIds: rows.map((r) => r.indicator_id), userId: user.user_id, agencyId: user.agency_id };
}

const TRIGGERS = ['data_value_rollup_insert', 'data_value_rollup_update', 'data_value_rollup_delete'];

/** Bulk load: COPY without indexes or triggers, then the rollups, indexes and statistics. */
export async function bulkLoad(database: BenchDatabase, file: string, log: (s: string) => void) {
  const { db } = database;
  const step = async (label: string, fn: () => Promise<void>) => {
    const t0 = performance.now();
    await fn();
    log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await sql`DROP INDEX data_value_source_idx`.execute(db);
  await sql`DROP INDEX data_value_indicator_month_idx`.execute(db);
  for (const t of TRIGGERS) await sql.raw(`ALTER TABLE data_value DISABLE TRIGGER ${t}`).execute(db);
  await step('COPY data_value', () => database.copy(file));
  // One statement per rollup, with a larger sort memory for the load only. On PostgreSQL the two
  // big ones run at once on two connections (one core each); the province rollup sums the
  // sex × ethnic one.
  const build = (table: string) =>
    step(`build ${table}`, () =>
      db.transaction().execute(async (tx) => {
        await sql.raw(`SET LOCAL work_mem = '${database.engine === 'pglite' ? '128MB' : '1GB'}'`).execute(tx);
        await sql.raw(rollupBuildSql(table)).execute(tx);
      }),
    );
  const provinces = async () => {
    await build('dv_province_month_sex_ethnic');
    await build('dv_province_month');
  };
  if (database.engine === 'pglite') {
    await provinces();
    await build('dv_commune_month');
  } else await Promise.all([provinces(), build('dv_commune_month')]);
  await step('indexes', async () => {
    await sql`CREATE INDEX data_value_source_idx ON data_value (source_kind, source_id)`.execute(db);
    await sql`CREATE INDEX data_value_indicator_month_idx ON data_value (indicator_id, month)`.execute(db);
  });
  for (const t of TRIGGERS) await sql.raw(`ALTER TABLE data_value ENABLE TRIGGER ${t}`).execute(db);
  await step('VACUUM ANALYZE', async () => {
    for (const table of ['data_value', ...Object.keys(ROLLUP_KEYS)])
      await sql.raw(`VACUUM ANALYZE ${table}`).execute(db);
  });
}

/**
 * The bulk-built rollups equal what the triggers produce: on a sample (every value of some
 * communes), the rollups match a direct GROUP BY; deleting the sample through the triggers takes
 * exactly its keys out; inserting it back restores them.
 */
export async function checkRollups(db: Queryable, communes: string[]): Promise<string[]> {
  const problems: string[] = [];
  const list = communes.map((c) => `'${c}'`).join(', ');
  const provinces = (
    await sql<{
      p: string;
    }>`SELECT DISTINCT province_code AS p FROM data_value WHERE commune_code IN (${sql.raw(list)})`.execute(db)
  ).rows.map((r) => `'${r.p}'`);
  const scopes: Record<string, string> = {
    dv_province_month: `province_code IN (${provinces.join(', ')})`,
    dv_province_month_sex_ethnic: `province_code IN (${provinces.join(', ')})`,
    dv_commune_month: `commune_code IN (${list})`,
  };
  const compare = async (stage: string) => {
    for (const [table, where] of Object.entries(scopes)) {
      const n = await rollupDifferences(db, table, where);
      if (n !== 0) problems.push(`${stage}: ${table} differs from data_value in ${n} rows`);
    }
  };
  await compare('bulk build');
  await db.transaction().execute(async (tx) => {
    await sql
      .raw(`CREATE TEMP TABLE sample ON COMMIT DROP AS SELECT * FROM data_value WHERE commune_code IN (${list})`)
      .execute(tx);
    await sql.raw(`DELETE FROM data_value WHERE commune_code IN (${list})`).execute(tx);
    const left = await sql<{
      n: string;
    }>`SELECT coalesce(sum(n), 0) AS n FROM dv_commune_month WHERE commune_code IN (${sql.raw(list)})`.execute(tx);
    if (Number(left.rows[0]!.n) !== 0) problems.push('trigger delete: commune rollup keeps values of deleted rows');
    for (const [table, where] of Object.entries(scopes)) {
      const n = await rollupDifferences(tx, table, where);
      if (n !== 0) problems.push(`trigger delete: ${table} differs in ${n} rows`);
    }
    await sql.raw(`INSERT INTO data_value SELECT * FROM sample`).execute(tx);
  });
  await compare('trigger insert');
  return problems;
}

export async function loadDuckDb(file: string): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const types: Record<string, string> = {
    indicator_id: 'INTEGER',
    province_code: 'VARCHAR',
    province_2024: 'VARCHAR',
    commune_code: 'VARCHAR',
    commune_2024: 'VARCHAR',
    source_unit_generation: 'SMALLINT',
    source_unit_code: 'VARCHAR',
    lineage_partial: 'BOOLEAN',
    month: 'INTEGER',
    sex: 'VARCHAR',
    ethnic_group_id: 'SMALLINT',
    target_group: 'VARCHAR',
    age_band: 'VARCHAR',
    agency_id: 'INTEGER',
    plan_id: 'INTEGER',
    source_kind: 'VARCHAR',
    source_id: 'INTEGER',
    value: 'DOUBLE',
  };
  const columns = DATA_COLUMNS.map((c) => `'${c}': '${types[c]}'`).join(', ');
  await connection.run(
    `CREATE TABLE data_value AS SELECT * FROM read_csv('${file}', delim = '\t', header = false, nullstr = '\\N',
       quote = '', escape = '', columns = {${columns}})`,
  );
  return connection;
}
