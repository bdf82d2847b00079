// Server-side sort of the main lists (issue 17): a list accepts `sort` from its own fixed
// whitelist — a key for ascending, `-key` for descending ('title', '-year') — as a TypeBox enum, so
// nothing else reaches SQL; the ORDER BY is the key's column, then the list's id in the same
// direction as a stable tiebreak, so paging in SQL (LIMIT/OFFSET) never repeats or skips a row.
import { sql, type RawBuilder } from 'kysely';
import { Type } from 'typebox';

/** The `sort` query parameter of a list whose sortable keys are `keys`. */
export function sortQuery<K extends string>(keys: readonly K[]) {
  return Type.Optional(
    Type.Enum(keys.flatMap((key) => [key, `-${key}`]) as (K | `-${K}`)[], {
      description: 'Cột sắp xếp: tên cột (tăng dần) hoặc -tên cột (giảm dần)',
    }),
  );
}

export type SortValue<K extends string> = K | `-${K}`;

/**
 * The ORDER BY terms of `sort` over `columns` (key → column reference, or an SQL expression), then
 * `tiebreak` (the id column) in the same direction; null values last either way. Undefined when no
 * sort was asked for: the list keeps its own default order.
 */
export function sortTerms<K extends string>(
  sort: SortValue<K> | undefined,
  columns: Record<K, string | RawBuilder<unknown>>,
  tiebreak: string,
): RawBuilder<unknown>[] | undefined {
  if (!sort) return undefined;
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as K;
  const column = columns[key];
  const expression = typeof column === 'string' ? sql.ref(column) : column;
  const direction = sql.raw(descending ? 'DESC' : 'ASC');
  return [sql`${expression} ${direction} NULLS LAST`, sql`${sql.ref(tiebreak)} ${direction}`];
}
