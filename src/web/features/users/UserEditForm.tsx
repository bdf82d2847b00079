import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';
import { ErrorNotice } from '../../components/Status';
import { isFieldError } from '../../lib/field-error';
import { USER_FIELDS, UserFields, type UserFieldValues } from './UserFields';
import type { UserView } from './user-options';

interface UserEditFormProps {
  user: UserView;
  onSaved(user: UserView): void;
  onConflict(error: ApiError): void;
}

export function UserEditForm({ user, onSaved, onConflict }: UserEditFormProps) {
  const t = useT();
  const [values, setValues] = useState<UserFieldValues>({
    displayName: user.displayName,
    email: user.email ?? '',
    role: user.role,
    agencyId: String(user.agency.id),
    nationalScope: user.nationalScope,
    provinces: user.provinces,
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = await unwrap(
        api.PATCH('/api/users/{id}', {
          params: { path: { id: user.id } },
          body: {
            // The version read with the page: the server refuses the save if someone saved since.
            version: user.version,
            displayName: values.displayName,
            email: values.email.trim() || null,
            role: values.role,
            agencyId: Number(values.agencyId) || 0,
            nationalScope: values.nationalScope,
            provinces: values.nationalScope ? [] : values.provinces,
          },
        }),
      );
      onSaved(next);
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.status === 409) onConflict(failure);
      else setError(failure);
    }
  }

  return (
    <form className="form panel" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h2>{t('users.edit.title')}</h2>
      {error !== null && !isFieldError(error, USER_FIELDS) && <ErrorNotice error={error} />}
      <UserFields
        values={values}
        error={error}
        onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('action.saving') : t('action.save')}
        </button>
      </div>
    </form>
  );
}
