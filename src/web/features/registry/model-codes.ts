// Types and code lists of the community-model registry, from the API's types and the shared
// vocabulary (src/shared/model-types.ts). Their words are in messages.vi.ts.
import type * as ApiTypes from '../../api/types';
import { ACTIVITY_KINDS, CASE_TYPES, MODEL_STATUSES, TECH_FLAGS, WOMEN_OWNERSHIP } from '../../../shared/model-types';

export { ACTIVITY_KINDS, CASE_TYPES, MODEL_STATUSES, TECH_FLAGS, WOMEN_OWNERSHIP };
export type { ActivityKind, CaseType, ModelStatus, TechFlag, WomenOwnership } from '../../../shared/model-types';

export type ModelSummary = ApiTypes.ModelSummary;
export type ModelView = ApiTypes.ModelView;
export type { ModelType } from '../../lib/reference';
export type StatsView = ApiTypes.ModelStatsView;
export type StatCell = StatsView['overall']['allTypes'];

/** The query key of one model's view (its page, and the saves that answer with it). */
export const modelKey = (id: number) => ['/api/models/{id}', id] as const;

export const STATUS_BADGE: Record<ModelSummary['status'], string> = {
  active: 'badge badge-full',
  inactive: 'badge badge-warn',
  merged: 'badge badge-old',
  dissolved: 'badge badge-disabled',
};
