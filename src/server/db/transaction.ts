// One transaction per service call, joined when the caller already holds one (an idempotent
// request's, or an outer service's). Inside it use only the transaction: PGlite has one connection.
import type { Queryable } from './database';

/** Runs `fn` in the caller's transaction when there is one (an idempotent request), else in a new one. */
export function inTransaction<T>(db: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
