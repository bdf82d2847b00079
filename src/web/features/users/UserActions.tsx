// Lock, unlock and set a new password: each button only when the server lists the action.
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';
import { Field, describedBy } from '../../components/Field';
import { ErrorNotice } from '../../components/Status';
import { fieldError } from '../../lib/field-error';
import type { UserView } from './user-options';
import { useConfirm } from '../../components/ConfirmDialog';

interface UserActionsProps {
  user: UserView;
  onDone(user: UserView, message: string): void;
  onConflict(error: ApiError): void;
}

export function UserActions({ user, onDone, onConflict }: UserActionsProps) {
  const { confirm: ask, dialog } = useConfirm();
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const canDisable = user.allowedActions.includes('disable');
  const canEnable = user.allowedActions.includes('enable');
  const canSetPassword = user.allowedActions.includes('set_password');
  if (!canDisable && !canEnable && !canSetPassword) return null;

  async function run(action: () => Promise<UserView>, message: string) {
    setBusy(true);
    setError(null);
    try {
      onDone(await action(), message);
      setPassword('');
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) onConflict(failure);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function toggleDisabled() {
    const disable = canDisable;
    if (!(await ask(t(disable ? 'users.disable.confirm' : 'users.enable.confirm', { name: user.displayName })))) return;
    const path = disable ? '/api/users/{id}/disable' : '/api/users/{id}/enable';
    void run(
      () => unwrap(api.POST(path, { params: { path: { id: user.id } }, body: { version: user.version } })),
      t(disable ? 'users.disabled' : 'users.enabled'),
    );
  }

  function onSetPassword(event: FormEvent) {
    event.preventDefault();
    void run(
      () =>
        unwrap(
          api.POST('/api/users/{id}/password', {
            params: { path: { id: user.id } },
            body: { password, version: user.version },
          }),
        ),
      t('users.password.changed'),
    );
  }

  const passwordError = fieldError(error, 'password');
  return (
    <section className="panel" aria-labelledby="user-actions-title">
      {dialog}
      <h2 id="user-actions-title">{t('users.actions.title')}</h2>
      {error !== null && !passwordError && <ErrorNotice error={error} />}
      {(canDisable || canEnable) && (
        <div className="action-row">
          <p className="muted">{t(canDisable ? 'users.disable.hint' : 'users.enable.hint')}</p>
          <button
            type="button"
            className={canDisable ? 'button button-danger' : 'button button-secondary'}
            disabled={busy}
            onClick={() => void toggleDisabled()}
          >
            {t(canDisable ? 'users.disable' : 'users.enable')}
          </button>
        </div>
      )}
      {canSetPassword && (
        <form className="action-row" onSubmit={onSetPassword} noValidate>
          <Field
            id="user-new-password"
            label={t('users.password.new')}
            hint={t('users.password.hint')}
            error={passwordError}
          >
            <input
              id="user-new-password"
              type="password"
              autoComplete="new-password"
              value={password}
              aria-describedby={describedBy('user-new-password', passwordError, t('users.password.hint'))}
              onChange={(event) => setPassword(event.target.value)}
            />
          </Field>
          <button type="submit" className="button button-secondary" disabled={busy || password === ''}>
            {t('users.password.set')}
          </button>
        </form>
      )}
    </section>
  );
}
