// The record form, one column so it reads top to bottom on a 375 px phone: the plan activity,
// what and when, where and by whom, outputs, participants, costs. Checks what it can before
// sending; every server error is shown next to the field it names.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { DateField } from '../../../components/DateField';
import { Field, describedBy } from '../../../components/Field';
import { ErrorNotice } from '../../../components/Status';
import { fieldError, isFieldError } from '../../../lib/field-error';
import { generationAt } from '../../../lib/reference';
import { ActivityPicker } from '../../../components/pickers/ActivityPicker';
import { OrganiserPicker, PartnersPicker } from '../../../components/pickers/AgencyPicker';
import { PlacePicker } from '../../../components/pickers/PlacePicker';
import { RECORD_TYPES, type RecordType } from '../../../lib/record-codes';
import { scrollToProblem, useScrollToProblem } from '../../../lib/scroll-to-problem';
import { useRecordsT } from '../use-records-t';
import { CostsEditor } from './CostsEditor';
import { ModelFields } from './ModelFields';
import { OutputsFields } from './OutputsFields';
import { ParticipantsGrid } from './ParticipantsGrid';
import {
  clientErrors,
  recordBody,
  withoutEmptyCosts,
  type ClientErrors,
  type CreateRecordBody,
  type RecordFormState,
} from './record-form-state';

/** Fields shown in the form: a server error naming one of them is shown there, not on top. */
const FORM_FIELDS = [
  'planActivityId',
  'type',
  'title',
  'startDate',
  'endDate',
  'place',
  'village',
  'organiserAgencyId',
  'partnerAgencyIds',
  'description',
  'outputs',
  'participants',
  'costs',
  'model',
];

interface RecordFormProps {
  initial: RecordFormState;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  /** Shown above the form (a conflict, a replayed save). */
  notice?: ReactNode;
  /** Shown above the buttons (files to send with a new record). */
  extra?: ReactNode;
  /** Told of every change, for the draft kept on the device (lib/outbox/drafts.ts). */
  onStateChange?(state: RecordFormState): void;
  onSubmit(body: CreateRecordBody, state: RecordFormState): void;
  onCancel(): void;
}

export function RecordForm(props: RecordFormProps) {
  const { initial, submitLabel, busy, error, notice, extra, onStateChange, onSubmit, onCancel } = props;
  const rt = useRecordsT();
  const [state, setState] = useState(initial);
  // Only what the user changed: the state the form opened with is no draft.
  const opened = useRef(initial);
  useEffect(() => {
    if (state !== opened.current) onStateChange?.(state);
  }, [state, onStateChange]);
  const [checked, setChecked] = useState<ClientErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useScrollToProblem(formRef, error ?? (notice ? 'notice' : null));
  const set = (patch: Partial<RecordFormState>) => setState((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const errors = clientErrors(state);
    setChecked(errors);
    if (Object.keys(errors).length > 0) {
      // Bring the first problem into view: on a phone it is often far above the button.
      scrollToProblem(formRef.current);
      return;
    }
    const costs = withoutEmptyCosts(state.costs);
    if (costs.length !== state.costs.length) set({ costs });
    onSubmit(recordBody({ ...state, costs }), { ...state, costs });
  }

  const err = (field: string) => fieldError(error, field);
  const required = (field: keyof ClientErrors) => (checked[field] ? rt('form.required') : undefined);
  const typeError = err('type') ?? required('type');
  const titleError = err('title') ?? required('title');
  const startError = err('startDate') ?? required('startDate');
  const endError = err('endDate');
  const participantsError = err('participants');

  return (
    <form ref={formRef} className="form rec-form" onSubmit={submit} noValidate>
      {notice}
      {error !== null && error !== undefined && !isFieldError(error, FORM_FIELDS) && <ErrorNotice error={error} />}
      {error !== null && error !== undefined && isFieldError(error, FORM_FIELDS) && (
        <p className="notice notice-error" role="alert">
          {rt('form.fixErrors')}
        </p>
      )}

      <ActivityPicker
        value={state.activity}
        onChange={(activity) => {
          const province = activity?.planKind === 'provincial' ? (activity.planProvinceCode ?? '') : null;
          set({
            activity,
            // A provincial plan's records are in its province.
            ...(province !== null && state.place.generation === 2025 && state.place.provinceCode !== province
              ? { place: { generation: 2025, provinceCode: province, commune: null } }
              : {}),
          });
        }}
        error={err('planActivityId') ?? (checked.planActivityId ? rt('form.chooseActivity') : undefined)}
      />

      <fieldset className="fieldset">
        <legend>{rt('form.what')}</legend>
        <Field id="rec-type" label={rt('form.type')} error={typeError} required>
          <select
            id="rec-type"
            value={state.type}
            aria-invalid={typeError ? true : undefined}
            aria-describedby={describedBy('rec-type', typeError)}
            onChange={(event) => set({ type: event.target.value as RecordType })}
          >
            <option value="">{rt('form.chooseType')}</option>
            {RECORD_TYPES.map((type) => (
              <option key={type} value={type}>
                {rt(`type.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="rec-title" label={rt('form.title')} hint={rt('form.titleHint')} error={titleError} required>
          <input
            id="rec-title"
            value={state.title}
            maxLength={500}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={describedBy('rec-title', titleError, rt('form.titleHint'))}
            onChange={(event) => set({ title: event.target.value })}
          />
        </Field>
        <div className="rec-two">
          <Field id="rec-start" label={rt('form.startDate')} error={startError} required>
            <DateField
              id="rec-start"
              value={state.startDate}
              required
              describedBy={describedBy('rec-start', startError)}
              onChange={(startDate) =>
                set({
                  startDate,
                  // Before 1/7/2025 places were named in the old geography.
                  ...(startDate && !state.place.provinceCode
                    ? { place: { ...state.place, generation: generationAt(startDate) } }
                    : {}),
                })
              }
            />
          </Field>
          <Field id="rec-end" label={rt('form.endDate')} hint={rt('form.endDateHint')} error={endError}>
            <DateField
              id="rec-end"
              value={state.endDate}
              describedBy={describedBy('rec-end', endError, rt('form.endDateHint'))}
              onChange={(endDate) => set({ endDate })}
            />
          </Field>
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{rt('form.whereWho')}</legend>
        <PlacePicker
          idPrefix="rec-place"
          value={state.place}
          onChange={(place) => set({ place })}
          error={err('place')}
          onlyProvince={state.activity?.planKind === 'provincial' ? state.activity.planProvinceCode : null}
        >
          <Field id="rec-village" label={rt('form.village')} error={err('village')}>
            <input
              id="rec-village"
              value={state.village}
              maxLength={200}
              placeholder={rt('form.villagePlaceholder')}
              onChange={(event) => set({ village: event.target.value })}
            />
          </Field>
        </PlacePicker>
        <OrganiserPicker
          id="rec-organiser"
          value={state.organiser}
          onChange={(organiser) => set({ organiser })}
          error={err('organiserAgencyId')}
        />
        <PartnersPicker
          id="rec-partners"
          value={state.partners}
          onChange={(partners) => set({ partners })}
          error={err('partnerAgencyIds')}
        />
        <Field id="rec-description" label={rt('form.description')} error={err('description')}>
          <textarea
            id="rec-description"
            rows={4}
            value={state.description}
            maxLength={10000}
            onChange={(event) => set({ description: event.target.value })}
          />
        </Field>
      </fieldset>

      {state.type && (
        <OutputsFields type={state.type} value={state.outputs} onChange={(outputs) => set({ outputs })} error={error} />
      )}

      {state.type === 'model_established' && (
        <ModelFields
          value={state.model}
          onChange={(model) => set({ model })}
          registered={state.registeredModels}
          titlePlaceholder={state.title || rt('model.namePlaceholder')}
          error={error}
        />
      )}

      <ParticipantsGrid
        value={state.participants}
        onChange={(participants) => set({ participants })}
        error={participantsError}
      />

      <CostsEditor value={state.costs} onChange={(costs) => set({ costs })} error={error} />

      {extra}

      <div className="rec-submit-bar">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? rt('form.saving') : submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {rt('form.cancel')}
        </button>
      </div>
    </form>
  );
}
