import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../../components/Status';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useSession } from '../../lib/session';
import { useUnsentOnDevice } from '../../lib/outbox/use-unsent';
import { formatNumber } from '../../i18n/format';

export function LoginPage() {
  const { t, lang } = useI18n();
  const unsent = useUnsentOnDevice();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // On success the shell swaps this page for the one that was asked for.
      await login(username.trim(), password);
    } catch (failure) {
      setError(loginError(failure));
      setBusy(false);
    }
  }

  function loginError(failure: unknown): string {
    if (failure instanceof ApiError && failure.code === 'invalid_credentials') return t('login.invalidCredentials');
    if (failure instanceof ApiError && failure.status === 429)
      return lang === 'vi' ? failure.message : t('login.throttled');
    return describeError(failure, t, lang);
  }

  return (
    <main className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <div className="login-card">
        <p className="login-emblem" aria-hidden="true">
          ★
        </p>
        <h1 className="login-title">{t('app.name')}</h1>
        <p className="login-subtitle">{t('app.tagline')}</p>
        {unsent > 0 && (
          <p className="notice notice-info" data-testid="login-outbox">
            {t('login.outboxWaiting', { count: formatNumber(unsent) })}
          </p>
        )}
        <form onSubmit={(event) => void onSubmit(event)}>
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          {error && (
            <p className="notice notice-error" role="alert" data-testid="login-error">
              {error}
            </p>
          )}
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
      <p className="login-footer">{t('login.footer')}</p>
    </main>
  );
}
