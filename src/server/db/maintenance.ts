// What autovacuum does on a PostgreSQL server, for PGlite, which has none: PGlite is PostgreSQL in
// single-user mode (no background workers), so without this its tables are never vacuumed (dead
// rows of purges, updated rollups and sessions stay on their pages) nor analyzed (the planner never
// gets statistics: `reltuples` stays -1). Housekeeping runs it on PGlite after each round
// (modules/housekeeping): the tables past autovacuum's default thresholds — dead rows above
// 50 + 20 %, rows changed since the last ANALYZE above 50 + 10 %, rows inserted since the last
// VACUUM above 1000 + 20 % (keeps the visibility map and freezing current for insert-only tables)
// — get `VACUUM (ANALYZE)`, one at a time. Reading the statistics takes a few milliseconds; a
// table is vacuumed only when it changed that much. Never inside a transaction (VACUUM cannot be).
import { sql } from 'kysely';
import type { Db } from './database';

/** Vacuums and analyzes the tables autovacuum would; returns their names. */
export async function vacuumWhereNeeded(db: Db): Promise<string[]> {
  const due = await sql<{ schema: string; table: string }>`
    SELECT schemaname AS schema, relname AS table
      FROM pg_stat_user_tables
     WHERE n_dead_tup > 50 + 0.2 * greatest(n_live_tup, 0)
        OR n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0)
        OR n_ins_since_vacuum > 1000 + 0.2 * greatest(n_live_tup, 0)
     ORDER BY relname`.execute(db);
  for (const { schema, table } of due.rows) await sql`VACUUM (ANALYZE) ${sql.table(`${schema}.${table}`)}`.execute(db);
  return due.rows.map((r) => r.table);
}
