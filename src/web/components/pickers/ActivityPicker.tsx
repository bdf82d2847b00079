// The plan activity a record belongs to: an issued plan the user can see → its content area →
// the activity. Only activities the server lets this user record for are offered. Plans and
// activities are searched on the server when there are more than one answer holds.
import { useMemo, useState } from 'react';
import { useDebounced } from '../../lib/use-debounced';
import { useActivityChoices, usePlanChoices } from '../../lib/plan-choices';
import { MoreResults } from '../ListPage';
import { formatTimeframeVi } from '../../../shared/period';
import type * as ApiTypes from '../../api/types';

type ActivityView = ApiTypes.ActivityStatusView;
import { useComponentsT } from '../use-components-t';
import '../../styles/form-widgets.css';

export interface ActivityChoice {
  id: number;
  number: string;
  title: string;
  planId: number;
  planKind: string;
  planProvinceCode: string | null;
  sectionKey: string;
}

export function activityChoice(a: ActivityView): ActivityChoice {
  return {
    id: a.id,
    number: a.number,
    title: a.title,
    planId: a.plan.id,
    planKind: a.plan.kind,
    planProvinceCode: a.plan.provinceCode,
    sectionKey: a.section.key,
  };
}

export function timeframeLabel(tf: ActivityView['timeframe']): string {
  if (!tf) return '';
  try {
    return formatTimeframeVi(tf);
  } catch {
    return `${tf.start} – ${tf.end}`;
  }
}

interface ActivityPickerProps {
  value: ActivityChoice | null;
  onChange(value: ActivityChoice | null): void;
  error?: string;
}

export function ActivityPicker({ value, onChange, error }: ActivityPickerProps) {
  const ct = useComponentsT();
  const [planId, setPlanId] = useState<number | null>(value?.planId ?? null);
  const [sectionKey, setSectionKey] = useState(value?.sectionKey ?? '');
  const [browsing, setBrowsing] = useState(value === null);
  const [planText, setPlanText] = useState('');
  const [activityText, setActivityText] = useState('');
  const planWords = useDebounced(planText.trim());
  const activityWords = useDebounced(activityText.trim());
  const plans = usePlanChoices({ status: 'issued', q: planWords });
  const activePlan = planId ?? (plans.data?.items.length === 1 ? plans.data.items[0]!.id : null);
  const activities = useActivityChoices(activePlan, { q: activityWords });
  const morePlans = planText !== '' || (plans.data !== undefined && plans.data.total > plans.data.items.length);
  const moreActivities =
    activityText !== '' || (activities.data !== undefined && activities.data.total > activities.data.items.length);
  const recordable = useMemo(
    () => (activities.data?.items ?? []).filter((a) => a.allowedActions.includes('record')),
    [activities.data],
  );
  const sections = useMemo(() => {
    const seen = new Map<string, { key: string; number: string; title: string }>();
    for (const a of recordable) if (!seen.has(a.section.key)) seen.set(a.section.key, a.section);
    return [...seen.values()];
  }, [recordable]);
  const shown = recordable.filter((a) => !sectionKey || a.section.key === sectionKey);

  if (value && !browsing) {
    return (
      <fieldset className={error ? 'fieldset has-error' : 'fieldset'}>
        <legend>{ct('activity.legend')}</legend>
        <p className="rec-chosen-activity" data-testid="chosen-activity">
          <span className="rec-num">{value.number}</span> {value.title}
        </p>
        <button type="button" className="button button-small" onClick={() => setBrowsing(true)}>
          {ct('activity.change')}
        </button>
        {error && <small className="field-error block">{error}</small>}
      </fieldset>
    );
  }

  return (
    <fieldset className={error ? 'fieldset has-error' : 'fieldset'}>
      <legend>{ct('activity.legend')}</legend>
      {morePlans && (
        <div className="field">
          <label htmlFor="rec-plan-q">{ct('activity.planSearch')}</label>
          <input
            id="rec-plan-q"
            type="search"
            value={planText}
            placeholder={ct('activity.planSearchPlaceholder')}
            onChange={(event) => setPlanText(event.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor="rec-plan">{ct('activity.plan')}</label>
        <select
          id="rec-plan"
          value={activePlan ?? ''}
          onChange={(event) => {
            setPlanId(Number(event.target.value) || null);
            setSectionKey('');
            setActivityText('');
          }}
        >
          <option value="">{plans.isPending ? ct('common.loading') : ct('activity.choosePlan')}</option>
          {plans.data?.items.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.number ? `${plan.number} — ` : ''}
              {plan.title}
            </option>
          ))}
        </select>
        {plans.data && <MoreResults shown={plans.data.items.length} total={plans.data.total} />}
        {plans.error && <small className="field-error">{ct('activity.plansFailed')}</small>}
      </div>
      {activePlan && moreActivities && (
        <div className="field">
          <label htmlFor="rec-activity-q">{ct('activity.search')}</label>
          <input
            id="rec-activity-q"
            type="search"
            value={activityText}
            placeholder={ct('activity.searchPlaceholder')}
            onChange={(event) => setActivityText(event.target.value)}
          />
        </div>
      )}
      {activePlan && sections.length > 1 && (
        <div className="field">
          <label htmlFor="rec-section">{ct('activity.section')}</label>
          <select id="rec-section" value={sectionKey} onChange={(event) => setSectionKey(event.target.value)}>
            <option value="">{ct('activity.allSections')}</option>
            {sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.number}. {s.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {activePlan && activities.data && shown.length === 0 && (
        <p className="muted">{ct(activityWords ? 'activity.noMatch' : 'activity.noneRecordable')}</p>
      )}
      {activePlan && activities.error && <small className="field-error">{ct('activity.loadFailed')}</small>}
      {shown.length > 0 && (
        <div className="rec-activity-list" role="radiogroup" aria-label={ct('activity.activity')}>
          {shown.map((a) => (
            <label key={a.id} className={value?.id === a.id ? 'rec-activity is-selected' : 'rec-activity'}>
              <input
                type="radio"
                name="rec-activity"
                checked={value?.id === a.id}
                onChange={() => {
                  onChange(activityChoice(a));
                  setBrowsing(false);
                }}
              />
              <span>
                <span className="rec-clamp">
                  <span className="rec-num">{a.number}</span> {a.title}
                </span>
                {a.timeframe && <small className="block muted">{timeframeLabel(a.timeframe)}</small>}
              </span>
            </label>
          ))}
        </div>
      )}
      {activePlan && activities.data && (
        <MoreResults shown={activities.data.items.length} total={activities.data.total} />
      )}
      {error && <small className="field-error block">{error}</small>}
    </fieldset>
  );
}
