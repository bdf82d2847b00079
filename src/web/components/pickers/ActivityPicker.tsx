// The plan activity a record belongs to: an issued plan the user can see → its content area →
// the activity. Only activities the server lets this user record for are offered. Plans and
// activities are searched on the server when there are more than one answer holds.
// The activities are a WAI-ARIA combobox with its listbox: focus stays in the words box, the
// arrow keys move through the list, Enter chooses, Escape closes the list (or goes back to the
// chosen activity); a tap or a click chooses too.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useDebounced } from '../../lib/use-debounced';
import { useActivityChoices, usePlanChoices } from '../../lib/plan-choices';
import { MoreResults } from '../ListPage';
import { planLabel } from '../../lib/plans';
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
  const [expanded, setExpanded] = useState(true);
  const [activeId, setActiveId] = useState<number | null>(null);
  const listId = useId();
  const combobox = useRef<HTMLInputElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  // Where focus goes after the view switches: the words box when browsing starts, the change
  // button once an activity is chosen (focus is never dropped on <body>).
  const focusNext = useRef<'combobox' | 'change' | null>(null);
  const planWords = useDebounced(planText.trim());
  const activityWords = useDebounced(activityText.trim());
  const plans = usePlanChoices({ status: 'issued', q: planWords });
  const activePlan = planId ?? (plans.data?.items.length === 1 ? plans.data.items[0]!.id : null);
  const activities = useActivityChoices(activePlan, { q: activityWords });
  const morePlans = planText !== '' || (plans.data !== undefined && plans.data.total > plans.data.items.length);
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
  const active = shown.find((a) => a.id === activeId) ?? null;
  const optionId = (id: number) => `${listId}-${id}`;

  useEffect(() => {
    if (focusNext.current === 'combobox') combobox.current?.focus();
    if (focusNext.current === 'change') changeButton.current?.focus();
    focusNext.current = null;
  }, [browsing]);

  const activeOption = active ? optionId(active.id) : null;
  useEffect(() => {
    if (activeOption) document.getElementById(activeOption)?.scrollIntoView({ block: 'nearest' });
  }, [activeOption]);

  function choose(a: ActivityView) {
    onChange(activityChoice(a));
    focusNext.current = 'change';
    setBrowsing(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const at = active ? shown.indexOf(active) : -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length === 0) return;
      if (!expanded) {
        setExpanded(true);
        if (at >= 0) return;
      }
      const next =
        event.key === 'ArrowDown'
          ? Math.min(at + 1, shown.length - 1)
          : at < 0
            ? shown.length - 1
            : Math.max(at - 1, 0);
      setActiveId(shown[next]!.id);
    } else if (event.key === 'Enter') {
      // Never submits the record form from here.
      event.preventDefault();
      if (expanded && active) choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (value) {
        focusNext.current = 'change';
        setBrowsing(false);
      } else setExpanded(false);
    }
  }

  if (value && !browsing) {
    return (
      <fieldset className={error ? 'fieldset has-error' : 'fieldset'}>
        <legend>{ct('activity.legend')}</legend>
        <p className="rec-chosen-activity" data-testid="chosen-activity">
          <span className="rec-num">{value.number}</span> {value.title}
        </p>
        <button
          ref={changeButton}
          type="button"
          className="button button-small"
          onClick={() => {
            focusNext.current = 'combobox';
            setActiveId(value.id);
            setExpanded(true);
            setBrowsing(true);
          }}
        >
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
              {planLabel(plan)}
            </option>
          ))}
        </select>
        {plans.data && <MoreResults shown={plans.data.items.length} total={plans.data.total} />}
        {plans.error && <small className="field-error">{ct('activity.plansFailed')}</small>}
      </div>
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
      {activePlan && (
        <div className="field">
          <label htmlFor="rec-activity-q">{ct('activity.activity')}</label>
          <input
            ref={combobox}
            id="rec-activity-q"
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={expanded && shown.length > 0}
            aria-controls={listId}
            aria-activedescendant={expanded && activeOption ? activeOption : undefined}
            aria-describedby="rec-activity-q-hint"
            value={activityText}
            placeholder={ct('activity.searchPlaceholder')}
            onChange={(event) => {
              setActivityText(event.target.value);
              setExpanded(true);
              setActiveId(null);
            }}
            onKeyDown={onKeyDown}
          />
          <small className="field-hint" id="rec-activity-q-hint">
            {ct('activity.keys')}
          </small>
        </div>
      )}
      {activePlan && activities.data && shown.length === 0 && (
        <p className="muted">{ct(activityWords ? 'activity.noMatch' : 'activity.noneRecordable')}</p>
      )}
      {activePlan && activities.error && <small className="field-error">{ct('activity.loadFailed')}</small>}
      {activePlan && (
        <ul
          id={listId}
          className="rec-activity-list"
          role="listbox"
          aria-label={ct('activity.activity')}
          hidden={!expanded || shown.length === 0}
        >
          {shown.map((a) => {
            const classes = ['rec-activity'];
            if (value?.id === a.id) classes.push('is-selected');
            if (active?.id === a.id) classes.push('is-active');
            return (
              <li
                key={a.id}
                id={optionId(a.id)}
                role="option"
                aria-selected={value?.id === a.id}
                className={classes.join(' ')}
                // Keeps focus in the words box while the pointer chooses.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(a)}
              >
                <span className="rec-clamp">
                  <span className="rec-num">{a.number}</span> {a.title}
                </span>
                {a.timeframe && <small className="block muted">{timeframeLabel(a.timeframe)}</small>}
              </li>
            );
          })}
        </ul>
      )}
      {activePlan && activities.data && (
        <MoreResults shown={activities.data.items.length} total={activities.data.total} />
      )}
      {error && <small className="field-error block">{error}</small>}
    </fieldset>
  );
}
