// Positions of agencies as they were titled on a given date (refdata/agency-positions.json).
import { sql } from 'kysely';
import type { Queryable } from '../../db/database';

export type PositionRole = 'head' | 'deputy' | 'body';

export interface PositionAt {
  role: PositionRole;
  title: string;
  aliases: string[];
}

/**
 * Each agency's positions valid at `at`, one per role; before the first or after the last validity
 * the nearest one (as agency names are chosen), by agency id.
 */
export async function agencyPositionsAt(db: Queryable, ids: number[], at: string): Promise<Map<number, PositionAt[]>> {
  const unique = [...new Set(ids)];
  const map = new Map<number, PositionAt[]>();
  if (unique.length === 0) return map;
  const rows = await db
    .selectFrom('agency_position as p')
    .distinctOn(['p.agency_id', 'p.role'])
    .select(['p.agency_id', 'p.role', 'p.title', 'p.aliases'])
    .where('p.agency_id', 'in', unique)
    .orderBy('p.agency_id')
    .orderBy('p.role')
    .orderBy(
      sql`CASE WHEN (p.valid_from IS NULL OR p.valid_from <= ${at}::date) AND (p.valid_to IS NULL OR p.valid_to >= ${at}::date) THEN 0 ELSE 1 END`,
    )
    .orderBy(sql`abs(coalesce(p.valid_from, '1900-01-01'::date) - ${at}::date)`)
    .execute();
  for (const r of rows) {
    const list = map.get(r.agency_id) ?? [];
    list.push({ role: r.role, title: r.title, aliases: r.aliases });
    map.set(r.agency_id, list);
  }
  return map;
}
