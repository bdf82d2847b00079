// Loading, error and empty states, the same on every page.
import { useSyncExternalStore, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { busyWaits } from '../api/busy-retry';
import { useI18n, type Translate, type Lang } from '../i18n/I18nProvider';

export function Loading({ full = false, label }: { full?: boolean; label?: string }) {
  const { t } = useI18n();
  return (
    <div className={full ? 'status status-full' : 'status'} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('status.loading')}
    </div>
  );
}

/**
 * "Máy chủ đang bận, đang thử lại…" while a request answered 503 `busy` waits to be sent again
 * (api/busy-retry.ts): the page keeps its loading or saving state instead of showing an error.
 * Shown once for the whole app (App.tsx), above whatever page is open.
 */
export function BusyRetryNotice() {
  const { t } = useI18n();
  const waiting = useSyncExternalStore(busyWaits.subscribe, busyWaits.count, busyWaits.count);
  if (waiting === 0) return null;
  return (
    <div className="busy-retry" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('status.busyRetrying')}
    </div>
  );
}

/** Shown while a page's code arrives: leaves the frame in place. */
export function PageLoading() {
  return <Loading />;
}

/**
 * The message to show for a failure. The server's messages are written for users in Vietnamese,
 * so they are shown as they are; in English the common cases get an English sentence.
 */
export function describeError(error: unknown, t: Translate, lang: Lang): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.code === 'network') return t('error.network');
  // Still busy after the client's resends (api/busy-retry.ts).
  if (error.code === 'busy') return t('error.busy');
  if (error.status >= 500) return t('error.server');
  if (error.status === 401) return t('error.unauthenticated');
  if (lang === 'vi') return error.message;
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.notFound');
  if (error.status === 409) return t('error.conflict');
  if (error.status === 429) return t('error.tooManyRequests');
  return error.message;
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>{describeError(error, t, lang)}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyNotice({ children }: { children: ReactNode }) {
  return <p className="notice notice-empty">{children}</p>;
}

/** What QueryView needs of a TanStack Query result. */
export interface QueryViewState<T> {
  data: T | undefined;
  error: Error | null;
  isFetching: boolean;
  refetch(): unknown;
}

interface QueryViewProps<T> {
  state: QueryViewState<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading on first load, the error with a retry, the empty message, or the content. */
export function QueryView<T>({ state, isEmpty, empty, children }: QueryViewProps<T>) {
  const { t } = useI18n();
  const busy = state.isFetching;
  const retry = () => void state.refetch();
  if (state.error) return <ErrorNotice error={state.error} onRetry={retry} />;
  if (state.data === undefined) return <Loading />;
  if (isEmpty?.(state.data)) return <EmptyNotice>{empty ?? t('status.empty')}</EmptyNotice>;
  return (
    <div className={busy ? 'is-refreshing' : undefined} aria-busy={busy}>
      {children(state.data)}
    </div>
  );
}
