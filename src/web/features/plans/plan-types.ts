// The plan shapes the web uses, taken from the generated API types.
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../api/client';
import type * as ApiTypes from '../../api/types';

export type PlanView = ApiTypes.PlanView;
export type PlanSummary = ApiTypes.PlanSummary;
export type PlanSection = PlanView['sections'][number];
export type PlanActivity = PlanSection['activities'][number];
export type AgencyRef = NonNullable<PlanActivity['leadAgency']>;
export type Timeframe = NonNullable<PlanActivity['timeframe']>;
export type PlanVersion = ResponseOf<'/api/plans/{id}/versions', 'get'>[number];
export type PlanDiff = ResponseOf<'/api/plans/{id}/diff', 'get'>;
export type CascadeOverview = ResponseOf<'/api/plans/{id}/cascade', 'get'>;
export type CreatePlanBody = BodyOf<'/api/plans', 'post'>;
export type UpdatePlanBody = BodyOf<'/api/plans/{id}', 'put'>;
export type PlanContentInput = ApiTypes.PlanContentInput;
export type { Agency } from '../../lib/reference';

export type { PlanAction } from '../../../shared/plan';
import type { PlanAction } from '../../../shared/plan';

export function can(plan: Pick<PlanView, 'allowedActions'>, action: PlanAction): boolean {
  return plan.allowedActions.includes(action);
}

/** The query of one plan: its pages (document, timeline, versions, provinces) and editor share it,
 * so switching between tabs shows the plan at once while it is asked again; a save or an action
 * puts its answer there (setQueryData). */
export function planQuery(id: number) {
  return queryOptions({
    queryKey: ['/api/plans/{id}', id] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/plans/{id}', { params: { path: { id } }, signal })),
  });
}
