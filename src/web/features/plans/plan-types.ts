// The plan shapes the web uses, taken from the generated API types.
import { api, unwrap, type BodyOf, type ResponseOf } from '../../api/client';

export type PlanView = ResponseOf<'/api/plans/{id}', 'get'>;
export type PlanSummary = ResponseOf<'/api/plans', 'get'>['items'][number];
export type PlanSection = PlanView['sections'][number];
export type PlanActivity = PlanSection['activities'][number];
export type AgencyRef = NonNullable<PlanActivity['leadAgency']>;
export type Timeframe = NonNullable<PlanActivity['timeframe']>;
export type PlanVersion = ResponseOf<'/api/plans/{id}/versions', 'get'>[number];
export type PlanDiff = ResponseOf<'/api/plans/{id}/diff', 'get'>;
export type CascadeOverview = ResponseOf<'/api/plans/{id}/cascade', 'get'>;
export type CreatePlanBody = BodyOf<'/api/plans', 'post'>;
export type UpdatePlanBody = BodyOf<'/api/plans/{id}', 'put'>;
export type PlanContentInput = CreatePlanBody['content'];
export type { Agency } from '../../lib/reference';

export type PlanAction =
  'edit' | 'submit' | 'sign' | 'return' | 'issue' | 'close' | 'revise' | 'roll_forward' | 'cascade';

export function can(plan: Pick<PlanView, 'allowedActions'>, action: PlanAction): boolean {
  return plan.allowedActions.includes(action);
}

// The last plan shown, so switching between its tabs shows it at once while it is fetched again.
const recent = new Map<number, PlanView>();

export function recentPlan(id: number): PlanView | undefined {
  return recent.get(id);
}

export function rememberPlan(plan: PlanView): PlanView {
  recent.clear();
  recent.set(plan.id, plan);
  return plan;
}

/** Fetches a plan with the loader's abort signal. */
export async function fetchPlan(id: number, signal?: AbortSignal): Promise<PlanView> {
  return rememberPlan(await unwrap(api.GET('/api/plans/{id}', { params: { path: { id } }, signal })));
}
