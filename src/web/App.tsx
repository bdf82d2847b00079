// The shell: language, session, router. Everything else is loaded page by page.
import { Suspense, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { I18nProvider, useT } from './i18n/I18nProvider';
import { SessionProvider, useSession } from './lib/session';
import { AppFrame } from './components/AppFrame';
import { SEARCH_PATH } from './components/HeaderSearch';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { BusyRetryNotice, ErrorNotice, Loading, PageLoading } from './components/Status';
import { CHANGE_PASSWORD_PATH, SECTIONS } from './sections';
import { lazyPage } from './lib/lazy-page';
import { createQueryClient } from './lib/query-client';

const LoginPage = lazyPage(() => import('./features/auth/LoginPage'), 'LoginPage');
const HomePage = lazyPage(() => import('./features/home/HomePage'), 'HomePage');
const NotFoundPage = lazyPage(() => import('./features/home/NotFoundPage'), 'NotFoundPage');
const ChangePasswordPage = lazyPage(() => import('./features/auth/ChangePasswordPage'), 'ChangePasswordPage');
const SearchPage = lazyPage(() => import('./features/search/SearchPage'), 'SearchPage');

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <BrowserRouter>
            <Root />
            <BusyRetryNotice />
          </BrowserRouter>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

function Root() {
  const { state, retry } = useSession();
  const location = useLocation();
  const t = useT();

  if (state.status === 'loading') return <Loading full />;
  if (state.status === 'failed') {
    return (
      <main className="centered">
        <ErrorNotice error={state.error} onRetry={retry} />
      </main>
    );
  }
  if (state.status === 'anonymous') {
    if (location.pathname === '/login') {
      return (
        <PageErrorBoundary
          resetKey={location.pathname}
          message={t('error.pageFailed')}
          reloadLabel={t('action.reload')}
        >
          <Suspense fallback={<Loading full />}>
            <LoginPage />
          </Suspense>
        </PageErrorBoundary>
      );
    }
    // After a lost session the user comes back to the page they were on; after logging out, home.
    const keep = !state.loggedOut && location.pathname !== '/';
    const next = keep ? `?next=${encodeURIComponent(location.pathname + location.search)}` : '';
    return <Navigate to={`/login${next}`} replace />;
  }

  const permissions = state.me.permissions as readonly string[];
  return (
    <AppFrame>
      <PageErrorBoundary resetKey={location.pathname} message={t('error.pageFailed')} reloadLabel={t('action.reload')}>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/login" element={<Navigate to={nextFrom(location.search)} replace />} />
            <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
            <Route path={SEARCH_PATH} element={<SearchPage />} />
            {SECTIONS.flatMap((section) =>
              section.routes.map(({ path, page: Page, permission }) => {
                const allowed =
                  permissions.includes(section.permission) && (!permission || permissions.includes(permission));
                return <Route key={path} path={path} element={allowed ? <Page /> : <NotFoundPage forbidden />} />;
              }),
            )}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </PageErrorBoundary>
    </AppFrame>
  );
}

/** Where to go after logging in: only a path inside this app, never another site. */
export function nextFrom(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
