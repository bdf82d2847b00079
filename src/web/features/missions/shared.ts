// What the monitoring, policy-review and budget pages share: response types, the agency and plan
// lists (fetched once per visit), and small formatting helpers.
import { api, unwrap, type ResponseOf } from '../../api/client';
import { useAsync } from '../../lib/use-async';

export type MissionView = ResponseOf<'/api/missions/{id}', 'get'>;
export type MissionSummary = ResponseOf<'/api/missions', 'get'>['items'][number];
export type RecommendationView = ResponseOf<'/api/recommendations/{id}', 'get'>;
export type RecommendationList = ResponseOf<'/api/recommendations', 'get'>;
export type ChecklistTemplate = ResponseOf<'/api/checklist-templates', 'get'>[number];
export type Agency = ResponseOf<'/api/agencies', 'get'>['items'][number];
export type PlanSummary = ResponseOf<'/api/plans', 'get'>['items'][number];
export type ActivityView = ResponseOf<'/api/activities', 'get'>['items'][number];

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (!pending) {
      pending = load();
      // A failed load must not stick for the rest of the visit.
      pending.catch(() => {
        pending = null;
      });
    }
    return pending;
  };
}

/** Every agency in existence today (central ones and the 2025 provincial branches). */
export const loadAgencies = once(() =>
  unwrap(api.GET('/api/agencies', { params: { query: { limit: 500 } } })).then((r) => r.items),
);
let templates: Promise<ChecklistTemplate[]> | null = null;
/** The checklist templates, fetched once per visit until an administrator changes one. */
export function loadTemplates(): Promise<ChecklistTemplate[]> {
  if (!templates) {
    templates = unwrap(api.GET('/api/checklist-templates'));
    templates.catch(() => forgetTemplates());
  }
  return templates;
}
export function forgetTemplates(): void {
  templates = null;
}

export function useAgencies() {
  return useAsync(() => loadAgencies(), []);
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
