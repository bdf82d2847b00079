// The fields shared by the create and edit forms: name, email, role, agency, scope.
import { useI18n } from '../../i18n/I18nProvider';
import { Field, describedBy } from '../../components/Field';
import { fieldError } from '../../lib/field-error';
import type { Role } from '../../../shared/permissions';
import { ScopePicker } from './ScopePicker';
import { useAgencies } from '../../lib/reference';
import { roleOptions } from './user-options';

export interface UserFieldValues {
  displayName: string;
  email: string;
  role: Role;
  agencyId: string;
  nationalScope: boolean;
  provinces: string[];
}

interface UserFieldsProps {
  values: UserFieldValues;
  onChange(patch: Partial<UserFieldValues>): void;
  error: unknown;
}

export function UserFields({ values, onChange, error }: UserFieldsProps) {
  const { t, lang } = useI18n();
  const agencies = useAgencies();
  const errors = {
    displayName: fieldError(error, 'displayName'),
    email: fieldError(error, 'email'),
    role: fieldError(error, 'role'),
    agencyId: fieldError(error, 'agencyId'),
    scope: fieldError(error, 'provinces') ?? fieldError(error, 'nationalScope'),
  };
  const central = agencies.data?.filter((a) => a.level === 'central') ?? [];
  const provincial = agencies.data?.filter((a) => a.level === 'provincial') ?? [];

  return (
    <>
      <Field id="user-displayName" label={t('users.displayName')} error={errors.displayName} required>
        <input
          id="user-displayName"
          value={values.displayName}
          autoComplete="off"
          aria-invalid={errors.displayName ? true : undefined}
          aria-describedby={describedBy('user-displayName', errors.displayName)}
          onChange={(event) => onChange({ displayName: event.target.value })}
        />
      </Field>
      <Field id="user-email" label={t('users.email')} error={errors.email}>
        <input
          id="user-email"
          type="email"
          value={values.email}
          autoComplete="off"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy('user-email', errors.email)}
          onChange={(event) => onChange({ email: event.target.value })}
        />
      </Field>
      <Field id="user-role" label={t('users.role')} error={errors.role} required>
        <select id="user-role" value={values.role} onChange={(event) => onChange({ role: event.target.value as Role })}>
          {roleOptions(lang).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="user-agency"
        label={t('users.agency')}
        error={errors.agencyId ?? (agencies.error ? t('users.agency.loadFailed') : undefined)}
        required
      >
        <select
          id="user-agency"
          value={values.agencyId}
          aria-invalid={errors.agencyId ? true : undefined}
          aria-describedby={describedBy('user-agency', errors.agencyId)}
          onChange={(event) => onChange({ agencyId: event.target.value })}
        >
          <option value="">{agencies.data ? t('users.agency.choose') : t('status.loading')}</option>
          <optgroup label={t('agencies.level.central')}>
            {central.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('agencies.level.provincial')}>
            {provincial.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </optgroup>
        </select>
      </Field>
      <ScopePicker
        nationalScope={values.nationalScope}
        provinces={values.provinces}
        error={errors.scope}
        onChange={(scope) => onChange(scope)}
      />
    </>
  );
}

export const USER_FIELDS = ['displayName', 'email', 'role', 'agencyId', 'provinces', 'nationalScope'] as const;
