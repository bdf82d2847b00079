// All SQL for saved views. Scope: the actor's own views and the views shared in the actor's own
// agency (access/scope.ts ownOrSharedInAgency); anything else is not found.
import type { Queryable } from '../../db/database';
import type { Actor } from '../../access/actor';
import { ownOrSharedInAgency } from '../../access/scope';

export interface SavedViewRow {
  saved_view_id: number;
  kind: 'pivot';
  name: string;
  state: unknown;
  shared: boolean;
  owner_user_id: number;
  owner_name: string;
  agency_id: number;
  created_at: Date;
  updated_at: Date;
  version: number;
}

function visible(db: Queryable, actor: Actor) {
  return db
    .selectFrom('saved_view as v')
    .innerJoin('app_user as u', 'u.user_id', 'v.owner_user_id')
    .where((eb) =>
      ownOrSharedInAgency(eb, { owner: 'v.owner_user_id', agency: 'v.agency_id', shared: 'v.shared' }, actor),
    )
    .select([
      'v.saved_view_id',
      'v.kind',
      'v.name',
      'v.state',
      'v.shared',
      'v.owner_user_id',
      'u.display_name as owner_name',
      'v.agency_id',
      'v.created_at',
      'v.updated_at',
      'v.version',
    ]);
}

/** The actor's own views first, then the agency's shared ones; each group by name. */
export async function listViews(db: Queryable, actor: Actor, kind: 'pivot', limit: number): Promise<SavedViewRow[]> {
  return await visible(db, actor)
    .where('v.kind', '=', kind)
    .orderBy((eb) => eb.case().when('v.owner_user_id', '=', actor.userId).then(0).else(1).end())
    .orderBy((eb) => eb.fn('lower', ['v.name']))
    .orderBy('v.saved_view_id')
    .limit(limit)
    .execute();
}

export async function countViews(db: Queryable, actor: Actor, kind: 'pivot'): Promise<number> {
  const row = await db
    .selectFrom('saved_view as v')
    .where('v.kind', '=', kind)
    .where((eb) =>
      ownOrSharedInAgency(eb, { owner: 'v.owner_user_id', agency: 'v.agency_id', shared: 'v.shared' }, actor),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findView(
  db: Queryable,
  actor: Actor,
  id: number,
  lock = false,
): Promise<SavedViewRow | undefined> {
  let query = visible(db, actor).where('v.saved_view_id', '=', id);
  if (lock) query = query.forUpdate(['v']);
  return await query.executeTakeFirst();
}

/** Whether the owner already has a view of this kind with this name (case aside). */
export async function nameTaken(db: Queryable, ownerUserId: number, kind: 'pivot', name: string, exceptId?: number) {
  let query = db
    .selectFrom('saved_view')
    .select('saved_view_id')
    .where('owner_user_id', '=', ownerUserId)
    .where('kind', '=', kind)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId !== undefined) query = query.where('saved_view_id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** How many views the owner has: a limit keeps one account from filling the table. */
export async function ownedCount(db: Queryable, ownerUserId: number): Promise<number> {
  const row = await db
    .selectFrom('saved_view')
    .where('owner_user_id', '=', ownerUserId)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertView(
  db: Queryable,
  values: {
    kind: 'pivot';
    name: string;
    state: unknown;
    shared: boolean;
    ownerUserId: number;
    agencyId: number;
    now: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto('saved_view')
    .values({
      kind: values.kind,
      name: values.name,
      state: JSON.stringify(values.state),
      shared: values.shared,
      owner_user_id: values.ownerUserId,
      agency_id: values.agencyId,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning('saved_view_id')
    .executeTakeFirstOrThrow();
  return row.saved_view_id;
}

export async function updateView(
  db: Queryable,
  id: number,
  change: { name?: string; state?: unknown; shared?: boolean },
  now: Date,
): Promise<void> {
  await db
    .updateTable('saved_view')
    .set((eb) => ({
      ...(change.name !== undefined && { name: change.name }),
      ...(change.state !== undefined && { state: JSON.stringify(change.state) }),
      ...(change.shared !== undefined && { shared: change.shared }),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('saved_view_id', '=', id)
    .execute();
}

export async function deleteView(db: Queryable, id: number): Promise<void> {
  await db.deleteFrom('saved_view').where('saved_view_id', '=', id).execute();
}
