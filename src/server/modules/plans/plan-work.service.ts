// What waits for the caller in the joint sign-off: plans their agency has still to sign, and signed
// plans their agency issues. The policy decides each action, so the list never offers one it refuses.
import type { ServiceContext } from '../../access/actor';
import { can } from '../../access/actor';
import { planActions } from '../../access/policies/plan.policy';
import { planFacts } from './plan-view';
import * as repo from './plans.repo';

export interface PlanToActOn {
  id: number;
  title: string;
  year: number;
  kind: 'central' | 'provincial';
  provinceCode: string | null;
  status: string;
  action: 'sign' | 'issue';
}

export async function plansToActOn(
  ctx: ServiceContext,
  limit: number,
): Promise<{ total: number; items: PlanToActOn[] }> {
  if (!can(ctx.actor, 'plan:edit')) return { total: 0, items: [] };
  const { rows, total } = await repo.plansAwaiting(ctx.db, ctx.actor, limit);
  const issuers = await repo.issuersOf(
    ctx.db,
    rows.map((r) => r.plan_id),
  );
  const items = rows.flatMap((r): PlanToActOn[] => {
    const actions = planActions(
      ctx.actor,
      planFacts(
        r,
        issuers.filter((i) => i.plan_id === r.plan_id),
      ),
    );
    const action = actions.includes('sign') ? 'sign' : actions.includes('issue') ? 'issue' : null;
    if (!action) return [];
    return [
      {
        id: r.plan_id,
        title: r.title,
        year: r.year,
        kind: r.kind,
        provinceCode: r.province_code,
        status: r.status,
        action,
      },
    ];
  });
  return { total, items };
}
