// Row scope in SQL, so lists and counts cannot leak rows outside the actor's provinces. Every repo
// builds its province scope from these helpers; an actor without provinces matches nothing.
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SqlBool,
  type StringReference,
} from 'kysely';
import type { Actor } from './actor';

/** "This province column is one of these codes"; false for none (no `IN ()`, no sentinel). */
export function provinceIn<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: StringReference<DB, TB>,
  codes: readonly string[],
): Expression<SqlBool> {
  if (codes.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${eb.ref(column)} in (${sql.join([...codes])})`;
}

/**
 * "This province column is in the actor's scope" (national actors: everything). Works on any table:
 * `.where((eb) => provinceScope(eb, 'm.province_code', actor))`.
 */
export function provinceScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: StringReference<DB, TB>,
  actor: Actor,
): Expression<SqlBool> {
  if (actor.nationalScope) return sql<SqlBool>`true`;
  return provinceIn(eb, column, actor.provinces);
}

/** Central rows (no province) for everyone, provincial rows within the actor's provinces. */
export function centralOrProvinceScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: StringReference<DB, TB>,
  actor: Actor,
): Expression<SqlBool> {
  if (actor.nationalScope) return sql<SqlBool>`true`;
  return eb.or([sql<SqlBool>`${eb.ref(column)} is null`, provinceIn(eb, column, actor.provinces)]);
}

/**
 * Rows reached through a plan: central plans for everyone, a provincial plan within the actor's
 * provinces. `kind` and `province` are the plan's columns, e.g. `'p.kind'`, `'p.province_code'`.
 */
export function planScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  kind: StringReference<DB, TB>,
  province: StringReference<DB, TB>,
  actor: Actor,
): Expression<SqlBool> {
  if (actor.nationalScope) return sql<SqlBool>`true`;
  return eb.or([sql<SqlBool>`${eb.ref(kind)} = 'central'`, provinceIn(eb, province, actor.provinces)]);
}

/** "This agency column is one of these agencies"; false for none. */
export function agencyIn<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: StringReference<DB, TB>,
  ids: readonly number[],
): Expression<SqlBool> {
  if (ids.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${eb.ref(column)} in (${sql.join([...ids])})`;
}

/** provinceScope for a query written as raw SQL (the pivot's union over its fact tables). */
export function rawProvinceScope(column: string, actor: Actor): RawBuilder<SqlBool> {
  if (actor.nationalScope) return sql<SqlBool>`true`;
  if (actor.provinces.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(column)} IN (${sql.join([...actor.provinces])})`;
}

/**
 * Rows a user keeps for themselves or shares with their agency (saved views): the owner's own,
 * and those shared by anyone of the actor's own agency (not the agencies under it).
 */
export function ownOrSharedInAgency<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: { owner: StringReference<DB, TB>; agency: StringReference<DB, TB>; shared: StringReference<DB, TB> },
  actor: Actor,
): Expression<SqlBool> {
  return eb.or([
    sql<SqlBool>`${eb.ref(columns.owner)} = ${actor.userId}`,
    sql<SqlBool>`(${eb.ref(columns.shared)} AND ${eb.ref(columns.agency)} = ${actor.agencyId})`,
  ]);
}
