// All SQL for per-user grants (user_grant): permissions no role carries, given one user at a time.
import type { Queryable } from '../../db/database';
import type { UserGrant } from '../../../shared/model-types';
import { GRANT_PERMISSIONS, type Permission } from '../../../shared/permissions';

export async function listGrants(db: Queryable, userId: number) {
  return db
    .selectFrom('user_grant as g')
    .leftJoin('app_user as u', 'u.user_id', 'g.granted_by')
    .select(['g.grant', 'g.granted_at', 'u.display_name as granted_by_name'])
    .where('g.user_id', '=', userId)
    .orderBy('g.grant')
    .execute();
}

/** The permissions a user holds through grants (empty for almost everyone). */
export async function grantedPermissions(db: Queryable, userId: number): Promise<Permission[]> {
  const rows = await db.selectFrom('user_grant').select('grant').where('user_id', '=', userId).execute();
  return rows.flatMap((r) => GRANT_PERMISSIONS[r.grant] ?? []);
}

export async function insertGrant(
  db: Queryable,
  grant: { userId: number; grant: UserGrant; grantedBy: number; at: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('user_grant')
    .values({ user_id: grant.userId, grant: grant.grant, granted_by: grant.grantedBy, granted_at: grant.at })
    .onConflict((oc) => oc.columns(['user_id', 'grant']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function deleteGrant(db: Queryable, userId: number, grant: UserGrant): Promise<boolean> {
  const result = await db
    .deleteFrom('user_grant')
    .where('user_id', '=', userId)
    .where('grant', '=', grant)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
