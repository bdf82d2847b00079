// An indicator's fields: code (on creation only), names, unit, plan section, key flag, and how it is
// computed — the definition fields that fit its source (record types, model types, entry period),
// its aggregation over time and its disaggregations. Server errors are shown at the field they name.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Field, describedBy } from '../../components/Field';
import { ErrorNotice } from '../../components/Status';
import { fieldError, isFieldError } from '../../lib/field-error';
import {
  AGGREGATE_PERIOD_TYPES,
  ALLOWED_TIME_AGGREGATIONS,
  INDICATOR_SOURCES,
  RECORD_MEASURES,
  REGISTRY_MEASURES,
  SOURCE_DISAGGREGATIONS,
  VALUE_TYPES,
  type Disaggregation,
  type IndicatorSource,
} from '../../../shared/analytics';
import { definitionOf, type IndicatorBody, type IndicatorFormState } from './indicator-form-state';
import { scrollToProblem, useScrollToProblem } from '../../lib/scroll-to-problem';
import { RECORD_TYPES, TARGET_GROUPS } from '../../lib/record-codes';
import type { AnalyticsMessageKey } from './messages.vi';
import { useModelTypes } from '../../lib/reference';
import { useAnalyticsT } from './use-analytics-t';

const DEFINITION_FIELDS = [
  'definition.recordTypes',
  'definition.modelTypes',
  'definition.measure',
  'definition.sex',
  'definition.targetGroups',
  'definition.language',
  'definition.womenOwned',
  'definition.tech40',
  'definition.periodType',
];
const FIELDS = [
  'code',
  'nameVi',
  'nameEn',
  'unit',
  'section',
  'source',
  'definition',
  'timeAggregation',
  'disaggregations',
  'valueType',
];

/** The API field a form value is sent as (errors name it). */
function errorField(key: string): string {
  if (key === 'recordMeasure' || key === 'registryMeasure') return 'definition.measure';
  return DEFINITION_FIELDS.includes(`definition.${key}`) ? `definition.${key}` : key;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

interface IndicatorFormProps {
  initial: IndicatorFormState;
  /** On creation the code is typed; afterwards it is shown, not edited. */
  creating: boolean;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  notice?: ReactNode;
  onSubmit(body: IndicatorBody): void;
  onCancel(): void;
}

export function IndicatorForm({
  initial,
  creating,
  submitLabel,
  busy,
  error,
  notice,
  onSubmit,
  onCancel,
}: IndicatorFormProps) {
  const t = useAnalyticsT();
  const modelTypes = useModelTypes();
  const [state, setState] = useState(initial);
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);
  useScrollToProblem(formRef, error ?? (notice ? 'notice' : null));
  // A server error stays at its field until that field is changed (then it no longer applies).
  const [changed, setChanged] = useState<Set<string>>(new Set());
  useEffect(() => setChanged(new Set()), [error]);
  const set = (patch: Partial<IndicatorFormState>) => {
    setState((current) => ({ ...current, ...patch }));
    setChanged((current) => new Set([...current, ...Object.keys(patch).map(errorField)]));
  };

  const aggregations = ALLOWED_TIME_AGGREGATIONS[state.source];
  const dims = SOURCE_DISAGGREGATIONS[state.source];

  function chooseSource(source: IndicatorSource) {
    const allowed = ALLOWED_TIME_AGGREGATIONS[source];
    set({
      source,
      timeAggregation: allowed.includes(state.timeAggregation) ? state.timeAggregation : allowed[0]!,
      disaggregations: state.disaggregations.filter((d) => SOURCE_DISAGGREGATIONS[source].includes(d)),
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const gaps = new Set<string>();
    if (creating && !state.code.trim()) gaps.add('code');
    for (const key of ['nameVi', 'nameEn', 'unit'] as const) if (!state[key].trim()) gaps.add(key);
    if (state.source === 'records' && state.recordTypes.length === 0) gaps.add('definition.recordTypes');
    if (state.source === 'registry' && state.modelTypes.length === 0) gaps.add('definition.modelTypes');
    setMissing(gaps);
    if (gaps.size > 0) {
      scrollToProblem(formRef.current);
      return;
    }
    onSubmit({
      code: state.code.trim(),
      nameVi: state.nameVi.trim(),
      nameEn: state.nameEn.trim(),
      unit: state.unit.trim(),
      section: state.section.trim() || null,
      isKey: state.isKey,
      source: state.source,
      definition: definitionOf(state),
      timeAggregation: state.timeAggregation,
      disaggregations: state.disaggregations.filter((d) => dims.includes(d)),
      valueType: state.valueType,
    });
  }

  const err = (field: string) =>
    (changed.has(field) ? undefined : fieldError(error, field)) ??
    (missing.has(field) ? t(field.startsWith('definition.') ? 'form.chooseOne' : 'form.required') : undefined);
  // A definition error about a field this source does not show (rare): shown above the source's fields.
  const otherDefinitionError = isFieldError(error, DEFINITION_FIELDS) ? undefined : fieldError(error, 'definition');

  const text = (id: string, field: 'code' | 'nameVi' | 'nameEn' | 'unit' | 'section', max: number, hint?: string) => {
    const message = err(field);
    return (
      <Field
        id={id}
        label={t(`form.${field}` as AnalyticsMessageKey)}
        hint={hint}
        error={message}
        required={field !== 'section'}
      >
        <input
          id={id}
          value={state[field]}
          maxLength={max}
          autoCapitalize={field === 'code' ? 'characters' : undefined}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy(id, message, hint)}
          onChange={(event) => set({ [field]: event.target.value })}
        />
      </Field>
    );
  };

  const checkGroup = (
    id: string,
    field: string,
    label: string,
    options: readonly { value: string; label: string }[],
    chosen: string[],
    onChange: (next: string[]) => void,
  ) => {
    const message = err(field);
    return (
      <fieldset
        className={message ? 'an-checks has-error' : 'an-checks'}
        aria-describedby={message ? `${id}-error` : undefined}
      >
        <legend className="rec-label">{label}</legend>
        <div className="checkbox-grid">
          {options.map((o) => (
            <label key={o.value}>
              <input
                type="checkbox"
                checked={chosen.includes(o.value)}
                onChange={(event) => onChange(toggle(chosen, o.value, event.target.checked))}
              />
              {o.label}
            </label>
          ))}
        </div>
        {message && (
          <small className="field-error" id={`${id}-error`} role="alert">
            {message}
          </small>
        )}
      </fieldset>
    );
  };

  const select = <V extends string>(
    id: string,
    field: string,
    label: string,
    value: V,
    options: readonly { value: V; label: string }[],
    onChange: (value: V) => void,
  ) => {
    const message = err(field);
    return (
      <Field id={id} label={label} error={message}>
        <select
          id={id}
          value={value}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy(id, message)}
          onChange={(event) => onChange(event.target.value as V)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
    );
  };

  const participants = state.recordMeasure === 'sum_participants';

  return (
    <form ref={formRef} className="form rec-form an-form" onSubmit={submit} noValidate>
      {notice}
      {error !== null && error !== undefined && !isFieldError(error, FIELDS) && <ErrorNotice error={error} />}
      <fieldset className="fieldset">
        <legend>{t('form.about')}</legend>
        {creating ? (
          text('ind-code', 'code', 40, t('form.codeHint'))
        ) : (
          <p className="an-form-code">
            {t('form.code')}: <span className="code">{state.code}</span>
          </p>
        )}
        {text('ind-name-vi', 'nameVi', 500)}
        {text('ind-name-en', 'nameEn', 500)}
        <div className="rec-two">
          {text('ind-unit', 'unit', 100, t('form.unitHint'))}
          {text('ind-section', 'section', 20, t('form.sectionHint'))}
        </div>
        <label className="checkbox-inline">
          <input type="checkbox" checked={state.isKey} onChange={(event) => set({ isKey: event.target.checked })} />
          {t('form.isKey')}
        </label>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('form.how')}</legend>
        {select(
          'ind-source',
          'source',
          t('form.source'),
          state.source,
          INDICATOR_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) })),
          chooseSource,
        )}
        {otherDefinitionError && (
          <p className="field-error" role="alert">
            {otherDefinitionError}
          </p>
        )}
        {state.source === 'records' && (
          <>
            {checkGroup(
              'ind-record-types',
              'definition.recordTypes',
              t('form.recordTypes'),
              RECORD_TYPES.map((r) => ({ value: r, label: capitalised(t(`record.${r}` as AnalyticsMessageKey)) })),
              state.recordTypes,
              (recordTypes) => set({ recordTypes }),
            )}
            {select(
              'ind-measure',
              'definition.measure',
              t('form.measure'),
              state.recordMeasure,
              RECORD_MEASURES.map((m) => ({ value: m, label: capitalised(t(`measure.${m}`)) })),
              (recordMeasure) => set({ recordMeasure }),
            )}
            {participants && (
              <>
                {select(
                  'ind-sex',
                  'definition.sex',
                  t('form.onlySex'),
                  state.sex,
                  [
                    { value: '', label: t('form.anySex') },
                    { value: 'female', label: t('sex.female') },
                    { value: 'male', label: t('sex.male') },
                  ] as const,
                  (sex) => set({ sex }),
                )}
                {checkGroup(
                  'ind-target-groups',
                  'definition.targetGroups',
                  t('form.onlyTargets'),
                  TARGET_GROUPS.map((g) => ({ value: g, label: t(`target.${g}` as AnalyticsMessageKey) })),
                  state.targetGroups,
                  (targetGroups) => set({ targetGroups }),
                )}
              </>
            )}
            {(state.recordTypes.includes('broadcast') || state.language) &&
              select(
                'ind-language',
                'definition.language',
                t('form.language'),
                state.language,
                [
                  { value: '', label: t('form.anyLanguage') },
                  { value: 'pho_thong', label: capitalised(t('indicators.language.pho_thong')) },
                  { value: 'dan_toc', label: capitalised(t('indicators.language.dan_toc')) },
                ] as const,
                (language) => set({ language }),
              )}
          </>
        )}
        {state.source === 'registry' && (
          <>
            {checkGroup(
              'ind-model-types',
              'definition.modelTypes',
              t('form.modelTypes'),
              (modelTypes.data ?? []).map((m) => ({ value: m.code, label: m.name })),
              state.modelTypes,
              (next) => set({ modelTypes: next }),
            )}
            {select(
              'ind-measure',
              'definition.measure',
              t('form.measure'),
              state.registryMeasure,
              REGISTRY_MEASURES.map((m) => ({ value: m, label: capitalised(t(`measure.${m}`)) })),
              (registryMeasure) => set({ registryMeasure }),
            )}
            <div className="checkbox-grid">
              <label>
                <input
                  type="checkbox"
                  checked={state.womenOwned}
                  onChange={(event) => set({ womenOwned: event.target.checked })}
                />
                {t('form.womenOwned')}
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={state.tech40}
                  onChange={(event) => set({ tech40: event.target.checked })}
                />
                {t('form.tech40')}
              </label>
            </div>
          </>
        )}
        {state.source === 'aggregate' &&
          select(
            'ind-period-type',
            'definition.periodType',
            t('form.periodType'),
            state.periodType,
            AGGREGATE_PERIOD_TYPES.map((p) => ({ value: p, label: capitalised(t(`period.${p}`)) })),
            (periodType) => set({ periodType }),
          )}
        {select(
          'ind-time-aggregation',
          'timeAggregation',
          t('form.timeAggregation'),
          state.timeAggregation,
          aggregations.map((a) => ({ value: a, label: t(`agg.${a}`) })),
          (timeAggregation) => set({ timeAggregation }),
        )}
        {select(
          'ind-value-type',
          'valueType',
          t('form.valueType'),
          state.valueType,
          VALUE_TYPES.map((v) => ({ value: v, label: t(`valueType.${v}`) })),
          (valueType) => set({ valueType }),
        )}
        {checkGroup(
          'ind-disaggregations',
          'disaggregations',
          t('form.disaggregations'),
          dims.map((d) => ({ value: d, label: t(`dim.${d}` as AnalyticsMessageKey) })),
          state.disaggregations,
          (next) => set({ disaggregations: next as Disaggregation[] }),
        )}
      </fieldset>

      <div className="rec-submit-bar">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('form.saving') : submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
