// Thông tin chung: level, year and province (when creating), title, place, number, date,
// preamble, programme; and the issuing agencies, lead first.
import { Field, describedBy } from '../../../components/Field';
import { DateField } from '../../../components/DateField';
import { usePlanT } from '../use-plan-t';
import { AgencyListEditor } from './AgencySelect';
import type { AgencyOption } from './agency-options';
import { useFieldError } from './editor-errors';
import { TextField } from './TextField';
import type { PlanDraft } from './editor-state';

export interface CreateChoices {
  /** Central plans only for national-scope users; provinces those in the user's scope. */
  kinds: ('central' | 'provincial')[];
  years: number[];
  provinces: { code: string; name: string }[];
}

interface GeneralFieldsProps {
  draft: PlanDraft;
  onChange(patch: Partial<PlanDraft>): void;
  /** Present when creating: level, year and province are chosen once, at creation. */
  create?: CreateChoices;
}

export function GeneralFields({ draft, onChange, create }: GeneralFieldsProps) {
  const t = usePlanT();
  const errors = {
    year: useFieldError('year'),
    provinceCode: useFieldError('provinceCode'),
    issuedOn: useFieldError('issuedOn'),
  };
  return (
    <section className="panel editor-panel" aria-labelledby="editor-general-title">
      <h2 id="editor-general-title">{t('editor.general')}</h2>
      {create && (
        <div className="field-row">
          {create.kinds.length > 1 && (
            <Field id="plan-kind" label={t('editor.kind')}>
              <select
                id="plan-kind"
                value={draft.kind}
                onChange={(event) => onChange({ kind: event.target.value as PlanDraft['kind'] })}
              >
                {create.kinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(kind === 'central' ? 'plans.kind.central' : 'plans.kind.provincial')}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field id="plan-year" label={t('editor.year')} error={errors.year} required>
            <select
              id="plan-year"
              value={draft.year}
              onChange={(event) => onChange({ year: Number(event.target.value) })}
            >
              {create.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </Field>
          {draft.kind === 'provincial' && (
            <Field id="plan-province" label={t('editor.province')} error={errors.provinceCode} required>
              <select
                id="plan-province"
                value={draft.provinceCode}
                aria-invalid={errors.provinceCode ? true : undefined}
                aria-describedby={describedBy('plan-province', errors.provinceCode)}
                onChange={(event) => onChange({ provinceCode: event.target.value })}
              >
                <option value="">{t('editor.province.choose')}</option>
                {create.provinces.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
      )}
      <TextField
        id="plan-title"
        path="title"
        label={t('editor.title')}
        hint={t('editor.title.hint')}
        required
        rows={2}
        value={draft.title}
        onChange={(title) => onChange({ title })}
      />
      <div className="field-row">
        <TextField
          id="plan-place"
          path="place"
          label={t('editor.place')}
          hint={t('editor.place.hint')}
          value={draft.place}
          onChange={(place) => onChange({ place })}
        />
        <TextField
          id="plan-number"
          path="number"
          label={t('editor.number')}
          hint={t('editor.number.hint')}
          value={draft.number}
          onChange={(number) => onChange({ number })}
        />
        <Field id="plan-issuedOn" label={t('editor.issuedOn')} error={errors.issuedOn}>
          <DateField id="plan-issuedOn" value={draft.issuedOn} onChange={(issuedOn) => onChange({ issuedOn })} />
        </Field>
      </div>
      <TextField
        id="plan-preamble"
        path="preamble"
        label={t('editor.preamble')}
        rows={3}
        value={draft.preamble}
        onChange={(preamble) => onChange({ preamble })}
      />
      <TextField
        id="plan-programme"
        path="programme"
        label={t('editor.programme')}
        hint={t('editor.programme.hint')}
        value={draft.programme}
        onChange={(programme) => onChange({ programme })}
      />
    </section>
  );
}

interface IssuersPanelProps {
  ids: number[];
  onChange(ids: number[]): void;
  agencies: AgencyOption[];
  provinceCode?: string;
  provinceName?: string;
}

export function IssuersPanel({ ids, onChange, agencies, provinceCode, provinceName }: IssuersPanelProps) {
  const t = usePlanT();
  const error = useFieldError('issuerIds');
  return (
    <section className="panel editor-panel" aria-labelledby="editor-issuers-title">
      <h2 id="editor-issuers-title">{t('editor.issuers')}</h2>
      <p className="muted small" id="editor-issuers-hint">
        {t('editor.issuers.hint')}
      </p>
      <AgencyListEditor
        idPrefix="issuers"
        ids={ids}
        options={agencies}
        provinceCode={provinceCode}
        provinceName={provinceName}
        addLabel={t('editor.issuers.add')}
        firstLabel={t('editor.issuers.lead')}
        invalid={Boolean(error)}
        describedBy={error ? 'editor-issuers-error' : 'editor-issuers-hint'}
        onChange={onChange}
      />
      {error && (
        <small className="field-error" id="editor-issuers-error" role="alert">
          {error}
        </small>
      )}
    </section>
  );
}
