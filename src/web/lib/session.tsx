// Who is logged in. Asks GET /api/me once at start; login and logout go through here so the
// CSRF token, kept in memory by the client, always matches the session cookie.
// Offline (issue 16): the last answer of /api/me is kept on the device (without its CSRF token), so
// an officer who logged in once opens the app without network; it is asked again when the
// connection is back, and forgotten at logout and whenever the server says the session is over.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, onUnauthorized, setCsrfToken, unwrap } from '../api/client';
import type * as ApiTypes from '../api/types';
import type { Permission } from '../../shared/permissions';

export type Me = ApiTypes.MeView;

/** `loggedOut`: the user pressed Đăng xuất, so the next login starts from the home page. */
type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; loggedOut?: boolean }
  | { status: 'failed'; error: Error }
  | { status: 'signed-in'; me: Me; offline?: boolean };

const ME_KEY = 'phoihop.me';

/** The user as last seen online, kept for opening the app offline. */
function rememberMe(me: Me): void {
  try {
    localStorage.setItem(ME_KEY, JSON.stringify({ ...me, csrfToken: '' }));
  } catch {
    // Storage full or refused: the app still works online.
  }
}

function rememberedMe(): Me | null {
  try {
    const text = localStorage.getItem(ME_KEY);
    return text ? (JSON.parse(text) as Me) : null;
  } catch {
    return null;
  }
}

function forgetMe(): void {
  try {
    localStorage.removeItem(ME_KEY);
  } catch {
    // Nothing kept.
  }
}

interface SessionValue {
  state: SessionState;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const queryClient = useQueryClient();

  useEffect(() => {
    let cancelled = false;
    let offlineRetry: (() => void) | null = null;
    const ask = () =>
      unwrap(api.GET('/api/me')).then(
        (me) => {
          if (cancelled) return;
          setCsrfToken(me.csrfToken);
          rememberMe(me);
          setState({ status: 'signed-in', me });
        },
        (error: unknown) => {
          if (cancelled) return;
          const remembered = error instanceof ApiError && error.code === 'network' ? rememberedMe() : null;
          if (remembered) {
            // No network: the app opens as the user last seen, and asks again once it is back.
            setState({ status: 'signed-in', me: remembered, offline: true });
            offlineRetry = () => void ask();
            window.addEventListener('online', offlineRetry, { once: true });
            return;
          }
          if (error instanceof ApiError && error.status === 401) {
            forgetMe();
            setState({ status: 'anonymous' });
          } else setState({ status: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
        },
      );
    void ask();
    return () => {
      cancelled = true;
      if (offlineRetry) window.removeEventListener('online', offlineRetry);
    };
  }, [round]);

  // What one account was shown must not appear, even for a moment, to the next one on this screen.
  useEffect(
    () =>
      onUnauthorized(() => {
        forgetMe();
        queryClient.clear();
        setState({ status: 'anonymous' });
      }),
    [queryClient],
  );

  const login = useCallback(async (username: string, password: string) => {
    const result = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
    setCsrfToken(result.csrfToken);
    rememberMe(result.user);
    setState({ status: 'signed-in', me: result.user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.POST('/api/auth/logout');
    } finally {
      // Even if the server could not be reached, this screen must stop showing the account.
      setCsrfToken(null);
      forgetMe();
      queryClient.clear();
      setState({ status: 'anonymous', loggedOut: true });
    }
  }, [queryClient]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setRound((r) => r + 1);
  }, []);

  const value = useMemo(() => ({ state, login, logout, retry }), [state, login, logout, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user. Only for pages inside the app frame, which renders only when signed in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a signed-in user');
  return state.me;
}

export function hasPermission(me: Me, permission: Permission): boolean {
  return (me.permissions as readonly string[]).includes(permission);
}
