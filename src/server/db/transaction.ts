// One transaction per service call, joined when the caller already holds one (an idempotent
// request's, or an outer service's). Inside it use only the transaction: PGlite has one connection.
//
// The one place transactions are opened: a transaction that PostgreSQL aborts because of
// concurrency — a deadlock (40P01) or a serialization failure (40001) — is run again from the
// start, a bounded number of times with a short random pause, so two saves that met on the same
// rollup rows both succeed instead of one of them answering 500. Only the transaction's opener
// retries (a joined call is part of the outer attempt), so `fn` must do all its writes through
// `tx` and keep no state outside it that a second attempt would double.
import type { Queryable } from './database';

/** SQLSTATEs of a transaction PostgreSQL aborted only because of a concurrent one. */
export const CONCURRENCY_ABORTS = new Set(['40P01', '40001']);
export const MAX_ATTEMPTS = 5;

export function isConcurrencyAbort(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONCURRENCY_ABORTS.has(code);
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));

/** Opens a transaction and runs `fn` in it, again when PostgreSQL aborted it for concurrency. */
export async function newTransaction<T>(db: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isConcurrencyAbort(error)) throw error;
      await pause(attempt);
    }
  }
}

/** Runs `fn` in the caller's transaction when there is one (an idempotent request), else in a new one. */
export function inTransaction<T>(db: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : newTransaction(db, fn);
}
