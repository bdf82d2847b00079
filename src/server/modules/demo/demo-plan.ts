// The demo's 2022 joint plan: the seed document imported through the real import path, then
// submitted, signed by both agencies and issued, as the two central coordinators would.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor, Clock, ServiceContext } from '../../access/actor';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { isRole } from '../../../shared/permissions';
import { loadScope } from '../auth/auth.service';
import { importPlan } from '../plan-import/plan-import.service';
import { getPlan } from '../plans/plans.service';
import { issuePlan, signPlan, submitPlan } from '../plans/plan-workflow.service';

const SEED = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../plan-import/fixtures/ke-hoach-phoi-hop-2022.txt',
);

export /** The service context of a demo user, to enter demo data through the services as they would. */
async function contextFor(db: Db, config: Config, clock: Clock, username: string): Promise<ServiceContext> {
  return { db, actor: await actorFor(db, username), clock, config };
}

export async function actorFor(db: Db, username: string): Promise<Actor> {
  const user = await db
    .selectFrom('app_user')
    .select(['user_id', 'username', 'display_name', 'role', 'agency_id', 'national_scope'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  if (!isRole(user.role)) throw new Error(`unknown role ${user.role}`);
  const scope = await loadScope(db, user.user_id);
  return {
    userId: user.user_id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    agencyId: user.agency_id,
    agencyIds: scope.agencyIds,
    nationalScope: user.national_scope,
    provinces: scope.provinces,
  };
}

/** Imports and issues the seed plan once, when the database has no plan yet. */
export async function ensureDemoPlan(db: Db, config: Config, clock: Clock): Promise<number | null> {
  const any = await db.selectFrom('plan').select('plan_id').limit(1).executeTakeFirst();
  if (any) return null;
  const ctx = (actor: Actor): ServiceContext => ({ db, actor, clock, config });
  const women = ctx(await actorFor(db, 'tw.hoiphunu'));
  const ethnic = ctx(await actorFor(db, 'tw.dantoc'));
  const { planId } = await importPlan(women, fs.readFileSync(SEED, 'utf8'));
  let plan = await getPlan(women, planId);
  plan = await submitPlan(women, planId, plan.version);
  // Each agency signs as the seed document prints it (its block's name, position and authority).
  const signFor = (c: ServiceContext, version: number) => {
    const block = plan.signatures.find((x) => x.agency?.id === c.actor.agencyId);
    return signPlan(c, planId, { version, ...(block?.signer ? { signer: block.signer } : {}) });
  };
  plan = await signFor(women, plan.version);
  plan = await signFor(ethnic, plan.version);
  await issuePlan(women, planId, { version: plan.version, number: plan.number, issuedOn: plan.issuedOn! });
  return planId;
}
