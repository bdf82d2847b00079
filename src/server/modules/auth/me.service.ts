import type { Queryable } from '../../db/database';
import { ROLE_PERMISSIONS } from '../../../shared/permissions';
import { agencyAt } from '../reference/reference.service';
import type { SessionActor } from './auth.service';
import type { MeView } from './auth.schemas';
import { vietnamDate } from '../../../shared/dates';

export async function describeActor(db: Queryable, actor: SessionActor, now: Date): Promise<MeView> {
  const today = vietnamDate(now);
  const [agency, provinces] = await Promise.all([
    agencyAt(db, actor.agencyId, today),
    actor.provinces.length
      ? db
          .selectFrom('admin_unit')
          .select(['code', 'name'])
          .where('generation', '=', 2025)
          .where('code', 'in', actor.provinces)
          .orderBy('code')
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    agency: { id: actor.agencyId, name: agency?.name ?? '', shortName: agency?.shortName ?? '' },
    nationalScope: actor.nationalScope,
    provinces: provinces.map((p) => ({ code: p.code, name: p.name })),
    permissions: [...ROLE_PERMISSIONS[actor.role]],
    csrfToken: actor.csrfToken,
  };
}
