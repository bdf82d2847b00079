import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { Field, describedBy } from '../../components/Field';
import { ErrorNotice } from '../../components/Status';
import { fieldError, isFieldError } from '../../lib/field-error';
import { USER_FIELDS, UserFields, type UserFieldValues } from './UserFields';

const EMPTY: UserFieldValues = {
  displayName: '',
  email: '',
  role: 'data_entry',
  agencyId: '',
  nationalScope: false,
  provinces: [],
};

export function UserCreatePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await unwrap(
        api.POST('/api/users', {
          body: {
            username: username.trim(),
            password,
            displayName: values.displayName,
            email: values.email.trim() || undefined,
            role: values.role,
            // 0 is refused by the server with a message on the agency field.
            agencyId: Number(values.agencyId) || 0,
            nationalScope: values.nationalScope,
            provinces: values.nationalScope ? [] : values.provinces,
          },
        }),
      );
      void navigate(`/users/${created.id}`, { state: { notice: 'created' } });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const usernameError = fieldError(error, 'username');
  const passwordError = fieldError(error, 'password');
  const shownAtField = isFieldError(error, [...USER_FIELDS, 'username', 'password']);

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to="/users">← {t('users.backToList')}</Link>
      </p>
      <h1>{t('users.create.title')}</h1>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        {error !== null && !shownAtField && <ErrorNotice error={error} />}
        <Field
          id="user-username"
          label={t('users.username')}
          hint={t('users.username.hint')}
          error={usernameError}
          required
        >
          <input
            id="user-username"
            value={username}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={usernameError ? true : undefined}
            aria-describedby={describedBy('user-username', usernameError, t('users.username.hint'))}
            onChange={(event) => setUsername(event.target.value)}
          />
        </Field>
        <Field
          id="user-password"
          label={t('users.password')}
          hint={t('users.password.hint')}
          error={passwordError}
          required
        >
          <input
            id="user-password"
            type="password"
            value={password}
            autoComplete="new-password"
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={describedBy('user-password', passwordError, t('users.password.hint'))}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        <UserFields
          values={values}
          error={error}
          onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('action.saving') : t('users.create.submit')}
          </button>
          <Link className="button button-secondary" to="/users">
            {t('action.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
