import { sql, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../../db/schema';
import type { Queryable } from '../../db/database';

export async function findUserForLogin(db: Queryable, username: string) {
  return db
    .selectFrom('app_user')
    .select(['user_id', 'username', 'password_hash', 'disabled_at'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export type ThrottleKey = { scope: 'account' | 'address'; username: string; ip: string };

/**
 * The throttle rows of `keys`, created when missing, locked FOR UPDATE until the transaction ends:
 * a parallel attempt on the same account and address waits here until this one has counted itself.
 */
export async function lockThrottleRows(db: Queryable, keys: ThrottleKey[], now: Date) {
  await db
    .insertInto('login_throttle')
    .values(keys.map((k) => ({ ...k, failures: 0, last_failure_at: now })))
    .onConflict((oc) => oc.columns(['scope', 'ip', 'username']).doNothing())
    .execute();
  return db
    .selectFrom('login_throttle')
    .select(['scope', 'username', 'ip', 'failures', 'last_failure_at'])
    .where((eb) => eb.or(keys.map((k) => eb.and({ scope: k.scope, ip: k.ip, username: k.username }))))
    .orderBy('scope')
    .forUpdate()
    .execute();
}

export async function setThrottleFailures(db: Queryable, key: ThrottleKey, failures: number, at: Date) {
  await db
    .updateTable('login_throttle')
    .set({ failures, last_failure_at: at })
    .where('scope', '=', key.scope)
    .where('ip', '=', key.ip)
    .where('username', '=', key.username)
    .execute();
}

/** After a right password: the account's failures from this address are forgotten, the address's counted attempt undone. */
export async function clearThrottle(db: Queryable, username: string, ip: string) {
  await db
    .deleteFrom('login_throttle')
    .where('scope', '=', 'account')
    .where('ip', '=', ip)
    .where('username', '=', username)
    .execute();
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ failures: sql<number>`greatest(${eb.ref('failures')} - 1, 0)` }))
    .where('scope', '=', 'address')
    .where('ip', '=', ip)
    .where('username', '=', '')
    .execute();
}

export async function insertSession(
  db: Queryable,
  session: { tokenHash: string; userId: number; csrfToken: string; now: Date; expiresAt: Date; ip: string },
) {
  await db
    .insertInto('user_session')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      ip: session.ip,
    })
    .execute();
}

export async function findLiveSession(db: Queryable, tokenHash: string, now: Date, idleSince: Date) {
  return (
    db
      .selectFrom('user_session as s')
      .innerJoin('app_user as u', 'u.user_id', 's.user_id')
      .select([
        's.token_hash',
        's.csrf_token',
        's.last_seen_at',
        'u.user_id',
        'u.username',
        'u.display_name',
        'u.role',
        'u.agency_id',
        'u.national_scope',
      ])
      // The user's scope in the same statement: every request that carries a session pays this one.
      .select((eb) => scopeColumns(eb))
      .where('s.token_hash', '=', tokenHash)
      .where('s.expires_at', '>', now)
      .where('s.last_seen_at', '>', idleSince)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst()
  );
}

export async function touchSession(db: Queryable, tokenHash: string, now: Date) {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Queryable, tokenHash: string) {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Queryable, userId: number, keepTokenHash?: string) {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (keepTokenHash) query = query.where('token_hash', '!=', keepTokenHash);
  await query.execute();
}

/** A user's provinces and the agencies under theirs, as columns of a query over `app_user as u`. */
function scopeColumns(eb: ExpressionBuilder<DB & { u: DB['app_user'] }, 'u'>) {
  return [
    jsonArrayFrom(
      eb
        .selectFrom('user_province as p')
        .select('p.province_code')
        .whereRef('p.user_id', '=', 'u.user_id')
        .orderBy('p.province_code'),
    ).as('provinces'),
    jsonArrayFrom(
      eb
        .selectFrom('agency as c')
        .select('c.agency_id')
        .whereRef('c.parent_agency_id', '=', 'u.agency_id')
        .orderBy('c.agency_id'),
    ).as('child_agencies'),
  ];
}

/** The actor's scope from a row that has `scopeColumns`: its provinces, its agency and those under it. */
export function scopeOf(row: {
  agency_id: number;
  provinces: { province_code: string }[];
  child_agencies: { agency_id: number }[];
}) {
  return {
    provinces: row.provinces.map((p) => p.province_code),
    agencyIds: [row.agency_id, ...row.child_agencies.map((c) => c.agency_id)],
  };
}

export async function loadScope(db: Queryable, userId: number) {
  const row = await db
    .selectFrom('app_user as u')
    .select('u.agency_id')
    .select((eb) => scopeColumns(eb))
    .where('u.user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return scopeOf(row);
}

/** Deletes sessions that can no longer be used: past their absolute expiry or idle too long. */
export async function deleteDeadSessions(db: Queryable, now: Date, idleSince: Date): Promise<number> {
  const result = await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes throttle rows whose last failure is before `before` (their failures are forgotten anyway). */
export async function deleteThrottleRowsBefore(db: Queryable, before: Date): Promise<number> {
  const result = await db.deleteFrom('login_throttle').where('last_failure_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
