// Row scope in SQL, so lists and counts cannot leak records outside the actor's provinces.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from './actor';

/**
 * A where-clause for "this province column is in the actor's scope". Works on any table:
 * `.where((eb) => provinceScope(eb, 'record.province_code', actor))`.
 */
export function provinceScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  actor: Actor,
): Expression<SqlBool> {
  if (actor.nationalScope) return sql<SqlBool>`true`;
  if (actor.provinces.length === 0) return sql<SqlBool>`false`;
  return eb(eb.ref(column as never), 'in', actor.provinces as never);
}
