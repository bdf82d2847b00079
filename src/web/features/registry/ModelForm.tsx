// A model's fields: type, name, commune (either geography) and village, host (the school for a
// club), founding date, leader, and for livelihood models women's ownership and technology 4.0;
// members by sex × ethnic group. Server errors are shown at the field they name.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { DateField } from '../../components/DateField';
import { Field, describedBy } from '../../components/Field';
import { ErrorNotice } from '../../components/Status';
import { fieldError, isFieldError } from '../../lib/field-error';
import { PlacePicker, type PlaceValue } from '../../components/pickers/PlacePicker';
import { useModelTypes } from '../../lib/reference';
import { TECH_FLAGS, WOMEN_OWNERSHIP, type TechFlag, type WomenOwnership } from './model-codes';
import { MembersGrid, membersInput, type MemberRow } from './MembersGrid';
import { scrollToProblem, useScrollToProblem } from '../../lib/scroll-to-problem';
import { useRegistryT } from './use-registry-t';

export interface ModelFormState {
  modelType: string;
  name: string;
  place: PlaceValue;
  village: string;
  host: string;
  foundedOn: string;
  leaderName: string;
  womenOwnership: WomenOwnership | '';
  tech: Record<TechFlag, boolean>;
  members: MemberRow[];
}

export const noTech = (): Record<TechFlag, boolean> => ({
  ecommerce: false,
  traceability: false,
  quality_management: false,
  digital_payments: false,
});

const FIELDS = [
  'modelType',
  'name',
  'communeCode',
  'village',
  'host',
  'foundedOn',
  'leaderName',
  'womenOwnership',
  'tech',
  'members',
];

export interface ModelBody {
  modelType: string;
  name: string;
  communeCode: string;
  communeGeneration: 2024 | 2025;
  village: string | null;
  host: string | null;
  foundedOn: string | null;
  leaderName: string | null;
  womenOwnership: WomenOwnership | null;
  tech: Record<TechFlag, boolean>;
  members: { sex: 'female' | 'male'; ethnicGroupId: number; count: number }[];
}

interface ModelFormProps {
  initial: ModelFormState;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  notice?: ReactNode;
  onSubmit(body: ModelBody): void;
  onCancel(): void;
}

export function ModelForm({ initial, submitLabel, busy, error, notice, onSubmit, onCancel }: ModelFormProps) {
  const t = useRegistryT();
  const types = useModelTypes();
  const [state, setState] = useState(initial);
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);
  useScrollToProblem(formRef, error ?? (notice ? 'notice' : null));
  const set = (patch: Partial<ModelFormState>) => setState((current) => ({ ...current, ...patch }));
  const type = types.data?.find((x) => x.code === state.modelType);
  const school = type?.hostKind === 'school';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const gaps = new Set<string>();
    if (!state.modelType) gaps.add('modelType');
    if (!state.name.trim()) gaps.add('name');
    if (!state.place.commune) gaps.add('communeCode');
    if (school && !state.host.trim()) gaps.add('host');
    setMissing(gaps);
    if (gaps.size > 0) {
      scrollToProblem(formRef.current);
      return;
    }
    const livelihood = type?.livelihood ?? false;
    onSubmit({
      modelType: state.modelType,
      name: state.name.trim(),
      communeCode: state.place.commune!.code,
      communeGeneration: state.place.generation,
      village: state.village.trim() || null,
      host: state.host.trim() || null,
      foundedOn: state.foundedOn || null,
      leaderName: state.leaderName.trim() || null,
      womenOwnership: livelihood && state.womenOwnership ? state.womenOwnership : null,
      tech: livelihood ? state.tech : noTech(),
      members: membersInput(state.members),
    });
  }

  const err = (field: string) => fieldError(error, field) ?? (missing.has(field) ? t('form.required') : undefined);
  const typeError = err('modelType');
  const nameError = err('name');
  const hostError = err('host');
  const foundedError = err('foundedOn');

  return (
    <form ref={formRef} className="form rec-form" onSubmit={submit} noValidate>
      {notice}
      {error !== null && error !== undefined && !isFieldError(error, FIELDS) && <ErrorNotice error={error} />}
      <fieldset className="fieldset">
        <legend>{t('form.about')}</legend>
        <Field id="model-type" label={t('models.type')} error={typeError} required>
          <select
            id="model-type"
            value={state.modelType}
            aria-invalid={typeError ? true : undefined}
            aria-describedby={describedBy('model-type', typeError)}
            onChange={(event) => set({ modelType: event.target.value })}
          >
            <option value="">{t('form.chooseType')}</option>
            {types.data?.map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="model-name" label={t('form.name')} hint={t('form.nameHint')} error={nameError} required>
          <input
            id="model-name"
            value={state.name}
            maxLength={300}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={describedBy('model-name', nameError, t('form.nameHint'))}
            onChange={(event) => set({ name: event.target.value })}
          />
        </Field>
        <Field
          id="model-host"
          label={t(school ? 'form.school' : 'form.host')}
          hint={school ? undefined : t('form.hostHint')}
          error={hostError}
          required={school}
        >
          <input
            id="model-host"
            value={state.host}
            maxLength={300}
            aria-invalid={hostError ? true : undefined}
            onChange={(event) => set({ host: event.target.value })}
          />
        </Field>
        <div className="rec-two">
          <Field id="model-founded" label={t('form.foundedOn')} error={foundedError}>
            <DateField id="model-founded" value={state.foundedOn} onChange={(foundedOn) => set({ foundedOn })} />
          </Field>
          <Field id="model-leader" label={t('form.leader')} error={err('leaderName')}>
            <input
              id="model-leader"
              value={state.leaderName}
              maxLength={200}
              onChange={(event) => set({ leaderName: event.target.value })}
            />
          </Field>
        </div>
      </fieldset>

      <PlacePicker
        idPrefix="model-place"
        value={state.place}
        onChange={(place) => set({ place })}
        error={err('communeCode') ? (fieldError(error, 'communeCode') ?? t('form.communeRequired')) : undefined}
        communeLabel={t('form.commune')}
      >
        <Field id="model-village" label={t('form.village')} error={err('village')}>
          <input
            id="model-village"
            value={state.village}
            maxLength={200}
            onChange={(event) => set({ village: event.target.value })}
          />
        </Field>
      </PlacePicker>

      {type?.livelihood && (
        <fieldset className="fieldset">
          <legend>{t('form.livelihood')}</legend>
          <span className="rec-label" id="model-women-label">
            {t('models.women')}
          </span>
          <div className="radio-row" role="radiogroup" aria-labelledby="model-women-label">
            {(['', ...WOMEN_OWNERSHIP] as const).map((w) => (
              <label key={w || 'none'}>
                <input
                  type="radio"
                  name="model-women"
                  checked={state.womenOwnership === w}
                  onChange={() => set({ womenOwnership: w })}
                />
                {t(w ? `women.${w}` : 'women.none')}
              </label>
            ))}
          </div>
          {fieldError(error, 'womenOwnership') && (
            <small className="field-error">{fieldError(error, 'womenOwnership')}</small>
          )}
          <span className="rec-label">{t('models.tech')}</span>
          <div className="checkbox-grid reg-checks">
            {TECH_FLAGS.map((flag) => (
              <label key={flag}>
                <input
                  type="checkbox"
                  checked={state.tech[flag]}
                  onChange={(event) => set({ tech: { ...state.tech, [flag]: event.target.checked } })}
                />
                {t(`tech.${flag}`)}
              </label>
            ))}
          </div>
          {fieldError(error, 'tech') && <small className="field-error">{fieldError(error, 'tech')}</small>}
        </fieldset>
      )}

      <MembersGrid
        value={state.members}
        onChange={(members) => set({ members })}
        error={fieldError(error, 'members')}
      />

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
