// "Đổi mật khẩu": the signed-in user changes their own password (the current one required). The
// server checks the new one and ends the user's other sessions; this one stays.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { createFeatureT } from '../../i18n/feature-t';
import { Field, describedBy } from '../../components/Field';
import { ErrorNotice } from '../../components/Status';
import { fieldError, isFieldError } from '../../lib/field-error';
import { authVi } from './messages.vi';

const useAuthT = createFeatureT(authVi, () => import('./messages.en').then((m) => m.authEn));

export function ChangePasswordPage() {
  const t = useAuthT();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const mismatch = confirm !== '' && confirm !== newPassword;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await unwrap(api.POST('/api/me/password', { body: { currentPassword, newPassword } }));
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const currentError = fieldError(error, 'currentPassword');
  const newError = fieldError(error, 'newPassword');
  const confirmError = mismatch ? t('password.mismatch') : undefined;
  const shownAtField = isFieldError(error, ['currentPassword', 'newPassword']);

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to="/">← {t('password.back')}</Link>
      </p>
      <h1>{t('password.title')}</h1>
      <p className="muted">{t('password.intro')}</p>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        {done && (
          <p className="notice notice-success" role="status" data-testid="password-changed">
            {t('password.changed')}
          </p>
        )}
        {error !== null && !shownAtField && <ErrorNotice error={error} />}
        <Field id="password-current" label={t('password.current')} error={currentError} required>
          <input
            id="password-current"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            aria-invalid={currentError ? true : undefined}
            aria-describedby={describedBy('password-current', currentError)}
            onChange={(event) => setCurrentPassword(event.target.value)}
          />
        </Field>
        <Field id="password-new" label={t('password.new')} hint={t('password.newHint')} error={newError} required>
          <input
            id="password-new"
            type="password"
            autoComplete="new-password"
            value={newPassword}
            aria-invalid={newError ? true : undefined}
            aria-describedby={describedBy('password-new', newError, t('password.newHint'))}
            onChange={(event) => setNewPassword(event.target.value)}
          />
        </Field>
        <Field id="password-confirm" label={t('password.confirm')} error={confirmError} required>
          <input
            id="password-confirm"
            type="password"
            autoComplete="new-password"
            value={confirm}
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={describedBy('password-confirm', confirmError)}
            onChange={(event) => setConfirm(event.target.value)}
          />
        </Field>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || currentPassword === '' || newPassword === '' || confirm !== newPassword}
          >
            {busy ? t('password.submitting') : t('password.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
