// Adding an agency to the registry (POST /api/agencies): from the plan import's review, for an
// issuer the registry does not hold, prefilled with what the server proposed; and from the
// agencies page. On success the reference lists are asked again and `onAdded` gets the agency.
import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../api/client';
import { fieldError } from '../lib/field-error';
import { referenceKeys, useProvinces, type Generation } from '../lib/reference';
import { Dialog } from './Dialog';
import { Field, describedBy } from './Field';
import { ErrorNotice } from './Status';
import { useComponentsT } from './use-components-t';

export type NewAgency = {
  name: string;
  shortName: string;
  abbreviation: string;
  level: 'central' | 'provincial';
  provinceCode: string | null;
  generation: Generation | null;
};
type Created = ResponseOf<'/api/agencies', 'post'>;

export function AgencyDialog({
  initial,
  onClose,
  onAdded,
}: {
  initial?: Partial<NewAgency>;
  onClose(): void;
  onAdded(agency: Created): void;
}) {
  const t = useComponentsT();
  const id = useId();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<NewAgency>({
    name: initial?.name ?? '',
    shortName: initial?.shortName ?? '',
    abbreviation: initial?.abbreviation ?? '',
    level: initial?.level ?? 'central',
    provinceCode: initial?.provinceCode ?? null,
    generation: initial?.generation ?? null,
  });
  const generation: Generation = form.generation ?? 2025;
  const provinces = useProvinces(generation);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<NewAgency>) => setForm((f) => ({ ...f, ...patch }));

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const provincial = form.level === 'provincial';
      const created = await unwrap(
        api.POST('/api/agencies', {
          body: {
            name: form.name,
            ...(form.shortName.trim() ? { shortName: form.shortName } : {}),
            abbreviation: form.abbreviation,
            level: form.level,
            provinceCode: provincial ? form.provinceCode : null,
            generation: provincial ? generation : null,
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: referenceKeys.agencies });
      await queryClient.invalidateQueries({ queryKey: ['/api/agencies'] });
      onAdded(created);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const errors = {
    name: fieldError(error, 'name'),
    abbreviation: fieldError(error, 'abbreviation'),
    provinceCode: fieldError(error, 'provinceCode'),
  };
  const other = error !== null && !Object.values(errors).some(Boolean);
  return (
    <Dialog
      title={t('agency.add.title')}
      submitLabel={t('agency.add.submit')}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <p className="muted">{t('agency.add.intro')}</p>
      {other && <ErrorNotice error={error} />}
      <Field id={`${id}-name`} label={t('agency.add.name')} error={errors.name} required>
        <input
          id={`${id}-name`}
          value={form.name}
          maxLength={300}
          aria-describedby={describedBy(`${id}-name`, errors.name)}
          onChange={(e) => set({ name: e.target.value })}
        />
      </Field>
      <Field id={`${id}-short`} label={t('agency.add.shortName')} hint={t('agency.add.shortName.hint')}>
        <input
          id={`${id}-short`}
          value={form.shortName}
          maxLength={200}
          aria-describedby={describedBy(`${id}-short`, undefined, t('agency.add.shortName.hint'))}
          onChange={(e) => set({ shortName: e.target.value })}
        />
      </Field>
      <Field
        id={`${id}-abbr`}
        label={t('agency.add.abbreviation')}
        hint={t('agency.add.abbreviation.hint')}
        error={errors.abbreviation}
        required
      >
        <input
          id={`${id}-abbr`}
          value={form.abbreviation}
          maxLength={30}
          aria-describedby={describedBy(`${id}-abbr`, errors.abbreviation, t('agency.add.abbreviation.hint'))}
          onChange={(e) => set({ abbreviation: e.target.value })}
        />
      </Field>
      <fieldset className="field">
        <legend>{t('agency.add.level')}</legend>
        {(['central', 'provincial'] as const).map((level) => (
          <label key={level} className="inline-choice">
            <input type="radio" name={`${id}-level`} checked={form.level === level} onChange={() => set({ level })} />{' '}
            {t(level === 'central' ? 'agency.add.central' : 'agency.add.provincial')}
          </label>
        ))}
      </fieldset>
      {form.level === 'provincial' && (
        <Field
          id={`${id}-province`}
          label={t('agency.add.province', { generation })}
          error={errors.provinceCode}
          required
        >
          <select
            id={`${id}-province`}
            value={form.provinceCode ?? ''}
            aria-describedby={describedBy(`${id}-province`, errors.provinceCode)}
            onChange={(e) => set({ provinceCode: e.target.value || null })}
          >
            <option value="">{t('agency.add.chooseProvince')}</option>
            {provinces.data?.map((p) => (
              <option key={p.code} value={p.code}>
                {p.fullName}
              </option>
            ))}
          </select>
        </Field>
      )}
    </Dialog>
  );
}
