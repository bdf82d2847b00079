// The plan and plan-activity selects of a form (a mission, a policy review): issued plans and the
// chosen plan's activities, searched on the server (lib/plan-choices.ts). A words box appears
// above a select once more match than it lists, and <MoreResults> says so; the saved choice stays
// offered even when the loaded page does not hold it.
import { useState } from 'react';
import { useDebounced } from '../../lib/use-debounced';
import { useActivityChoices, usePlanChoices } from '../../lib/plan-choices';
import { planLabel, shorten } from '../../lib/plans';
import { Field } from '../Field';
import { MoreResults } from '../ListPage';
import { useComponentsT } from '../use-components-t';

/** The saved activity as a mission or a review carries it. */
export interface SavedActivity {
  id: number;
  number: string;
  title: string;
  planId: number;
  planTitle: string;
  planNumber?: string;
}

interface PlanActivitySelectsProps {
  /** The ids are `${id}-plan`, `${id}-activity` and their words boxes `${id}-plan-q`, `${id}-activity-q`. */
  id: string;
  labels: { plan: string; noPlan: string; activity: string; noActivity: string };
  planId: number | null;
  activityId: number | null;
  /** A new plan clears the activity. */
  onChange(choice: { planId: number | null; planActivityId: number | null }): void;
  saved?: SavedActivity | null;
  activityError?: string;
  activityRequired?: boolean;
}

export function PlanActivitySelects({
  id,
  labels,
  planId,
  activityId,
  onChange,
  saved,
  activityError,
  activityRequired,
}: PlanActivitySelectsProps) {
  const ct = useComponentsT();
  const [planText, setPlanText] = useState('');
  const [activityText, setActivityText] = useState('');
  const plans = usePlanChoices({ status: 'issued', q: useDebounced(planText.trim()) });
  const activities = useActivityChoices(planId, { q: useDebounced(activityText.trim()) });
  const planItems = plans.data?.items ?? [];
  const activityItems = activities.data?.items ?? [];
  // The saved plan (which may no longer be issued) and activity stay choosable.
  const savedPlan = saved && saved.planId === planId && !planItems.some((p) => p.id === planId) ? saved : null;
  const savedActivity =
    saved && saved.id === activityId && !activityItems.some((a) => a.id === activityId) ? saved : null;
  const planSearch = planText !== '' || (plans.data !== undefined && plans.data.total > plans.data.items.length);
  const activitySearch =
    activityText !== '' || (activities.data !== undefined && activities.data.total > activities.data.items.length);

  return (
    <>
      <Field id={`${id}-plan`} label={labels.plan}>
        {planSearch && (
          <input
            id={`${id}-plan-q`}
            type="search"
            aria-label={ct('activity.planSearch')}
            value={planText}
            placeholder={ct('activity.planSearchPlaceholder')}
            onChange={(event) => setPlanText(event.target.value)}
          />
        )}
        <select
          id={`${id}-plan`}
          value={planId ?? ''}
          onChange={(event) => {
            setActivityText('');
            onChange({ planId: Number(event.target.value) || null, planActivityId: null });
          }}
        >
          <option value="">{labels.noPlan}</option>
          {savedPlan && (
            <option value={savedPlan.planId}>
              {shorten(planLabel({ number: savedPlan.planNumber ?? '', title: savedPlan.planTitle }), 80)}
            </option>
          )}
          {planItems.map((p) => (
            <option key={p.id} value={p.id}>
              {shorten(planLabel(p), 80)}
            </option>
          ))}
        </select>
        {plans.data && <MoreResults shown={plans.data.items.length} total={plans.data.total} />}
        {plans.error && <small className="field-error">{ct('activity.plansFailed')}</small>}
      </Field>
      <Field id={`${id}-activity`} label={labels.activity} error={activityError} required={activityRequired}>
        {planId !== null && activitySearch && (
          <input
            id={`${id}-activity-q`}
            type="search"
            aria-label={ct('activity.search')}
            value={activityText}
            placeholder={ct('activity.searchPlaceholder')}
            onChange={(event) => setActivityText(event.target.value)}
          />
        )}
        <select
          id={`${id}-activity`}
          value={activityId ?? ''}
          disabled={!planId}
          onChange={(event) => onChange({ planId, planActivityId: Number(event.target.value) || null })}
        >
          <option value="">{labels.noActivity}</option>
          {savedActivity && (
            <option value={savedActivity.id}>
              {savedActivity.number}. {shorten(savedActivity.title, 80)}
            </option>
          )}
          {activityItems.map((a) => (
            <option key={a.id} value={a.id}>
              {a.number}. {shorten(a.title, 80)}
            </option>
          ))}
        </select>
        {planId !== null && activities.data && (
          <MoreResults shown={activities.data.items.length} total={activities.data.total} />
        )}
        {activities.error && <small className="field-error">{ct('activity.loadFailed')}</small>}
      </Field>
    </>
  );
}
