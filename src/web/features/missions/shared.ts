// What the monitoring, policy-review and budget pages share: response types, the agency and plan
// lists (fetched once per visit), and small formatting helpers.
import { api, unwrap, type ResponseOf } from '../../api/client';
import { useAsync } from '../../lib/use-async';
import { useAgencies as useReferenceAgencies } from '../../lib/reference';
import { legacyState } from '../../lib/query-state';

export type MissionView = ResponseOf<'/api/missions/{id}', 'get'>;
export type MissionSummary = ResponseOf<'/api/missions', 'get'>['items'][number];
export type RecommendationView = ResponseOf<'/api/recommendations/{id}', 'get'>;
export type RecommendationList = ResponseOf<'/api/recommendations', 'get'>;
export type { Agency, ChecklistTemplate } from '../../lib/reference';
export type PlanSummary = ResponseOf<'/api/plans', 'get'>['items'][number];
export type ActivityView = ResponseOf<'/api/activities', 'get'>['items'][number];

// Agencies and checklist templates are reference data (lib/reference.ts); these names stay until
// the pages read the queries there.
export {
  loadAgencies,
  loadChecklistTemplates as loadTemplates,
  forgetChecklistTemplates as forgetTemplates,
} from '../../lib/reference';

/** @deprecated useAgencies from lib/reference.ts (a query result). */
export function useAgencies() {
  return legacyState(useReferenceAgencies());
}

export function usePlans() {
  return useAsync((signal) => unwrap(api.GET('/api/plans', { params: { query: { limit: 200 } }, signal })), []);
}

export function usePlanActivities(planId: number | null) {
  return useAsync(
    (signal) =>
      planId
        ? unwrap(api.GET('/api/activities', { params: { query: { plan: planId, limit: 500 } }, signal }))
        : Promise.resolve(null),
    [planId],
  );
}

export function planLabel(p: Pick<PlanSummary, 'number' | 'title' | 'year'>): string {
  return `${p.number ? `${p.number} — ` : ''}${p.title}`;
}

export function shorten(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A file picked for upload with the key that keeps its retries from attaching it twice. */
export function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
