// The audit log: append-only (a database trigger refuses UPDATE and DELETE).
import type { Queryable } from '../../db/database';
import type { Actor } from '../../access/actor';
import { sortTerms, type SortValue } from '../../common/list-sort';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number | null;
  agencyId?: number | null;
  provinceCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row. Call it with the same transaction as the change it describes. */
export async function insertAudit(
  db: Queryable,
  actor: Pick<Actor, 'userId' | 'username'> | null,
  entry: AuditEntry,
  occurredAt: Date,
  ip?: string,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      occurred_at: occurredAt,
      actor_user_id: actor?.userId ?? null,
      actor_username: actor?.username ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      agency_id: entry.agencyId ?? null,
      province_code: entry.provinceCode ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: ip ?? null,
    })
    .execute();
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  provinces?: string[] | null;
  sort?: SortValue<(typeof AUDIT_SORT_KEYS)[number]>;
  limit: number;
  offset: number;
}

/** The columns the log sorts by; without one: newest first. */
export const AUDIT_SORT_KEYS = ['time', 'actor', 'action', 'entity'] as const;

export async function listAudit(db: Queryable, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actor) query = query.where('actor_username', '=', filter.actor);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('occurred_at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('occurred_at', '<', new Date(filter.to));
  if (filter.provinces) {
    const provinces = filter.provinces;
    query = query.where((eb) => (provinces.length === 0 ? eb.val(false) : eb('province_code', 'in', provinces)));
  }
  const terms = sortTerms(
    filter.sort,
    { time: 'occurred_at', actor: 'actor_username', action: 'action', entity: 'entity_type' },
    'audit_id',
  );
  const ordered = terms
    ? terms.reduce((q, term) => q.orderBy(term), query.selectAll())
    : query.selectAll().orderBy('occurred_at', 'desc').orderBy('audit_id', 'desc');
  const [rows, count] = await Promise.all([
    ordered.limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
