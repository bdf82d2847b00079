// One Kysely over either engine: embedded PGlite (a folder on disk) or a PostgreSQL server.
// The same schema, migrations and SQL run on both.
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema';
import { withNamedStatements } from './prepared-statements';

export type Engine = 'pglite' | 'postgresql';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Kysely<DB>;

export interface Database {
  db: Db;
  engine: Engine;
  /** Connections queries can run on at once: 1 for PGlite, the pool size for PostgreSQL. */
  connections: number;
  close(): Promise<void>;
  /** PGlite only: the whole database as a tarball, to clone it (test templates). */
  dump?: () => Promise<Blob>;
}

// Dates stay YYYY-MM-DD strings (no time-zone shifts); int8 and numeric stay strings (exact).
const identity = (value: string) => value;
pg.types.setTypeParser(pg.types.builtins.DATE, identity);
pg.types.setTypeParser(pg.types.builtins.INT8, identity);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, identity);

export interface PgliteOptions {
  /** Folder for the data; omitted means in memory. */
  dataDir?: string;
  /** A dump from PGlite.dumpDataDir() to start from (tests clone a migrated image this way). */
  loadDataDir?: Blob;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    // Trigram indexes and word_similarity for search (migration 2026120406-search); PostgreSQL
    // has the same extension in contrib.
    extensions: { pg_trgm },
    parsers: {
      [pgliteTypes.DATE]: identity,
      [pgliteTypes.INT8]: identity,
      [pgliteTypes.NUMERIC]: identity,
    },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(yieldingBetweenSlices(client)) });
  return { db, engine: 'pglite', connections: 1, close: () => db.destroy(), dump: () => client.dumpDataDir('gzip') };
}

/**
 * PGlite runs a query synchronously in WebAssembly on this thread and answers through promises
 * only, so a request's chain of queries never gave the event loop a turn: nothing else was read or
 * answered (not even /api/health, nor a 503 from admission control) until every request in
 * progress was done. So queries give the event loop a turn — but once per time slice, not before
 * every query: under a flood of requests each turn also reads and refuses all that arrived, and a
 * turn per query let that work starve the queries themselves (0 creates answered at 200 closed-loop
 * clients, every one refused or timed out in the queue). The slice bounds how long other requests
 * wait (health answers within about a slice) while the database keeps most of the thread under load.
 * The dialect only calls `query` and `close`.
 */
export const PGLITE_SLICE_MS = 10;

function yieldingBetweenSlices(client: PGlite): PGlite {
  let sliceStart = performance.now();
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const wrapper: Pick<PGlite, 'query' | 'close'> = {
    query: async (...args: Parameters<PGlite['query']>) => {
      if (performance.now() - sliceStart >= PGLITE_SLICE_MS) {
        await turn();
        sliceStart = performance.now();
      }
      return client.query(...args);
    },
    close: () => client.close(),
  };
  return wrapper as PGlite;
}

export function openPostgres(connectionString: string, maxConnections = 20, preparedStatements = true): Database {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle connection the server drops (restart, fail-over, pg_terminate_backend) is an 'error'
  // event on the pool; unheard, it would end the process. The pool replaces the connection itself.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL dropped an idle connection: ${error.message}`, 'PoolConnectionLost');
  });
  // Often-used statements are prepared once per connection (prepared-statements.ts).
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: preparedStatements ? withNamedStatements(pool) : pool }),
  });
  return { db, engine: 'postgresql', connections: maxConnections, close: () => db.destroy() };
}

export async function openDatabase(config: {
  databaseUrl: string | null;
  dataDir: string;
  dbPoolSize: number;
  dbPreparedStatements?: boolean;
}): Promise<Database> {
  if (config.databaseUrl)
    return openPostgres(config.databaseUrl, config.dbPoolSize, config.dbPreparedStatements ?? true);
  return openPglite({ dataDir: path.join(config.dataDir, 'pglite') });
}
