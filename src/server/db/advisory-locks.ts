// PostgreSQL advisory locks shared by every app instance on one database (PGlite has them too: one
// instance, so a lock is always free). One list of keys, so two jobs never share one by accident.
import { sql } from 'kysely';
import type { Db, Queryable } from './database';

export const ADVISORY_LOCKS = {
  /** One scheduled housekeeping round at a time (modules/housekeeping). */
  housekeeping: 7_318_001,
  /** One instance seeds the demo on an empty database (modules/demo). */
  demoSeed: 7_318_002,
  /** The period lock of one scope (common/period-lock.ts), in the two-key form (this, hashtext(province)):
   * saves take it shared, approval exclusive. Two-key locks never meet the one-key locks above. */
  periodScope: 1347,
  /** One instance loads a changed reference dataset at a time (modules/reference/reference-data.ts). */
  referenceData: 7_318_003,
  /** One scheduled round of report reminders at a time (modules/reports/reminders.service.ts). */
  reminders: 7_318_004,
} as const;

/**
 * Takes the lock for the rest of the transaction `tx`, or answers false at once when another
 * session holds it. Released by the commit or rollback.
 */
export async function tryTransactionLock(tx: Queryable, key: number): Promise<boolean> {
  if (!tx.isTransaction) throw new Error('tryTransactionLock needs a transaction');
  const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${key}::bigint) AS locked`.execute(
    tx,
  );
  return rows[0]!.locked;
}

/** Takes the lock for the rest of the transaction `tx`, waiting while another session holds it. */
export async function transactionLock(tx: Queryable, key: number): Promise<void> {
  if (!tx.isTransaction) throw new Error('transactionLock needs a transaction');
  await sql`SELECT pg_advisory_xact_lock(${key}::bigint)`.execute(tx);
}

/**
 * Runs `work` holding the lock on one connection, waiting for it when another instance has it.
 * `work` must use only the connection it is given (its own transactions included); the lock is
 * released when `work` ends, or by PostgreSQL when the connection drops (a crashed instance).
 */
export async function withSessionLock<T>(db: Db, key: number, work: (db: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${key}::bigint)`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`SELECT pg_advisory_unlock(${key}::bigint)`.execute(connection);
    }
  });
}
