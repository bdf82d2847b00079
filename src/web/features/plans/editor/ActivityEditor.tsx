// One activity: its content, timeframe, lead and partner agencies, level and outputs. Shown as a
// one-line summary until opened; a new activity, or one with an error, opens by itself.
import { useEffect, useState } from 'react';
import { Field, describedBy } from '../../../components/Field';
import { LEVELS, timeframeText } from '../plan-labels';
import { usePlanT } from '../use-plan-t';
import { AgencyListEditor, AgencySelect } from './AgencySelect';
import type { AgencyOption } from './agency-options';
import { useFieldError, useHasErrorUnder } from './editor-errors';
import type { DraftActivity } from './editor-state';
import { ItemToolbar } from './ItemToolbar';
import { OutputsEditor } from './OutputsEditor';
import { TextField } from './TextField';
import { TimeframePicker } from './TimeframePicker';

export interface ActivityEditorProps {
  activity: DraftActivity;
  /** "sections.0.activities.1" */
  path: string;
  /** "1.2" */
  number: string;
  index: number;
  count: number;
  year: number;
  agencies: AgencyOption[];
  provinceCode?: string;
  provinceName?: string;
  onChange(activity: DraftActivity): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

export function ActivityEditor(props: ActivityEditorProps) {
  const t = usePlanT();
  const { activity, path, number } = props;
  const id = `act-${activity.key}`;
  const hasError = useHasErrorUnder(path);
  const [open, setOpen] = useState(activity.isNew === true || hasError);
  useEffect(() => {
    if (hasError) setOpen(true);
  }, [hasError]);
  const item = t('editor.activity', { n: number });

  return (
    <li className={hasError ? 'activity-editor has-error' : 'activity-editor'} aria-label={item}>
      <div className="activity-head">
        <button
          type="button"
          className="activity-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="activity-number">{number}</span>
          <span className="activity-summary">
            {activity.title.trim() || <em className="muted">{t('editor.activity.title')}</em>}
            {activity.timeframe && <small className="muted block">{timeframeText(activity.timeframe)}</small>}
          </span>
          <span className="activity-open">{open ? t('editor.activity.collapse') : t('editor.activity.open')}</span>
        </button>
        <ItemToolbar
          item={item}
          index={props.index}
          count={props.count}
          onMove={props.onMove}
          onRemove={props.onRemove}
          confirm={t('editor.activity.delete.confirm', { n: number })}
        />
      </div>
      {open && <ActivityFields {...props} id={id} />}
    </li>
  );
}

function ActivityFields({
  activity,
  path,
  year,
  agencies,
  provinceCode,
  provinceName,
  onChange,
  id,
}: ActivityEditorProps & { id: string }) {
  const t = usePlanT();
  const timeError = useFieldError(`${path}.timeframe`);
  const leadError = useFieldError(`${path}.leadAgencyId`);
  const partnersError = useFieldError(`${path}.partnerAgencyIds`);
  const set = (patch: Partial<DraftActivity>) => onChange({ ...activity, ...patch });
  return (
    <div className="activity-body" id={`${id}-body`}>
      <TextField
        id={`${id}-title`}
        path={`${path}.title`}
        label={t('editor.activity.title')}
        required
        rows={3}
        autoFocus={activity.isNew}
        value={activity.title}
        onChange={(title) => set({ title })}
      />
      <TimeframePicker
        id={`${id}-time`}
        legend={t('editor.activity.timeframe')}
        value={activity.timeframe}
        defaultYear={year}
        error={timeError}
        onChange={(timeframe) => set({ timeframe })}
      />
      <div className="field-pair">
        <Field id={`${id}-lead`} label={t('editor.activity.lead')} error={leadError}>
          <AgencySelect
            id={`${id}-lead`}
            value={activity.leadAgencyId}
            options={agencies}
            provinceCode={provinceCode}
            provinceName={provinceName}
            placeholder={t('agency.none')}
            invalid={Boolean(leadError)}
            describedBy={describedBy(`${id}-lead`, leadError)}
            onChange={(leadAgencyId) => set({ leadAgencyId })}
          />
        </Field>
        <Field id={`${id}-level`} label={t('editor.activity.level')}>
          <select
            id={`${id}-level`}
            value={activity.level}
            onChange={(event) => set({ level: event.target.value as DraftActivity['level'] })}
          >
            <option value="">{t('editor.activity.level.none')}</option>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`level.${level}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className={partnersError ? 'field has-error' : 'field'}>
        <span className="field-label" id={`${id}-partners-label`}>
          {t('editor.activity.partners')}
        </span>
        <AgencyListEditor
          idPrefix={`${id}-partners`}
          ids={activity.partnerAgencyIds}
          options={agencies}
          exclude={activity.leadAgencyId ? [activity.leadAgencyId] : []}
          provinceCode={provinceCode}
          provinceName={provinceName}
          addLabel={t('editor.activity.partners.add')}
          invalid={Boolean(partnersError)}
          onChange={(partnerAgencyIds) => set({ partnerAgencyIds })}
        />
        {partnersError && (
          <small className="field-error" role="alert">
            {partnersError}
          </small>
        )}
      </div>
      <OutputsEditor
        id={`${id}-out`}
        path={`${path}.outputs`}
        outputs={activity.outputs}
        onChange={(outputs) => set({ outputs })}
      />
      {activity.centralActivityKey && <p className="muted small">{t('editor.activity.centralLink')}</p>}
    </div>
  );
}
