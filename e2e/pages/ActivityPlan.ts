// Test set-up through the API, as the two central coordinators would do it in the plans pages:
// the demo's 2022 plan rolled forward to next year, submitted, signed by both agencies and issued.
// The 2022 activities all ended in 2022, so today they are "late" whatever is recorded; an activity
// whose timeframe lies ahead is what turns "in progress" when a record arrives.
import { apiCall as call, apiLogin as login } from '../support/api';

interface Plan {
  id: number;
  version: number;
  year: number;
  status: string;
  number: string;
}

/** The id of an issued central plan for next year, made from the demo's 2022 plan if none exists yet. */
export async function issuedPlanForNextYear(): Promise<number> {
  const year = new Date().getFullYear() + 1;
  const women = await login('tw.hoiphunu');
  const existing = await call<{ items: Plan[] }>(
    women,
    'GET',
    `/api/plans?year=${year}&kind=central&status=issued&limit=1`,
  );
  if (existing.items[0]) return existing.items[0].id;

  const source = await call<{ items: Plan[] }>(women, 'GET', '/api/plans?year=2022&kind=central&limit=1');
  const seed = source.items[0];
  if (!seed) throw new Error('The demo has no 2022 plan');
  let plan = await call<Plan>(women, 'POST', `/api/plans/${seed.id}/roll-forward`, { year });
  plan = await call<Plan>(women, 'POST', `/api/plans/${plan.id}/submit`, { version: plan.version });
  plan = await call<Plan>(women, 'POST', `/api/plans/${plan.id}/sign`, { version: plan.version });
  const ethnic = await login('tw.dantoc');
  plan = await call<Plan>(ethnic, 'POST', `/api/plans/${plan.id}/sign`, { version: plan.version });
  const today = new Date().toISOString().slice(0, 10);
  // Its number comes from the lead agency's document register (a typed one may already be taken).
  plan = await call<Plan>(women, 'POST', `/api/plans/${plan.id}/issue`, { version: plan.version, issuedOn: today });
  return plan.id;
}
