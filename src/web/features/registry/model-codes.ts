// Types and code lists of the community-model registry, from the API's types and the shared
// vocabulary (src/shared/model-types.ts). Their words are in messages.vi.ts.
import type { ResponseOf } from '../../api/client';
import { ACTIVITY_KINDS, CASE_TYPES, MODEL_STATUSES, TECH_FLAGS, WOMEN_OWNERSHIP } from '../../../shared/model-types';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../lib/use-async';

export { ACTIVITY_KINDS, CASE_TYPES, MODEL_STATUSES, TECH_FLAGS, WOMEN_OWNERSHIP };
export type { ActivityKind, CaseType, ModelStatus, TechFlag, WomenOwnership } from '../../../shared/model-types';

export type ModelSummary = ResponseOf<'/api/models', 'get'>['items'][number];
export type ModelView = ResponseOf<'/api/models/{id}', 'get'>;
export type ModelType = ResponseOf<'/api/model-types', 'get'>[number];
export type StatsView = ResponseOf<'/api/models/stats', 'get'>;
export type StatCell = StatsView['overall']['allTypes'];

export const STATUS_BADGE: Record<ModelSummary['status'], string> = {
  active: 'badge badge-full',
  inactive: 'badge badge-warn',
  merged: 'badge badge-old',
  dissolved: 'badge badge-disabled',
};

let typesPending: Promise<ModelType[]> | null = null;

/** The model types, once per visit. */
export function loadModelTypes(): Promise<ModelType[]> {
  if (!typesPending) {
    typesPending = unwrap(api.GET('/api/model-types'));
    typesPending.catch(() => {
      typesPending = null;
    });
  }
  return typesPending;
}

export function useModelTypes() {
  return useAsync(() => loadModelTypes(), []);
}
