import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Access } from '../../../shared/contract';
import type { SessionInfo } from '../../../shared/contract/accounts';
import { call as defaultCall, getCsrfToken, RpcCallError, setCsrfToken, UNAUTHORIZED_EVENT } from '../api/call';
import { useCall } from '../api/CallProvider';

/** Who is using the UI and what they may do; `accounts` false means a single-user library (the OS user). */
export interface Session extends SessionInfo {
  can(access: Access): boolean;
  logout(): Promise<void>;
}

const FULL: Session = {
  user: '本机用户',
  displayName: '本机用户',
  role: null,
  access: ['read', 'edit', 'review', 'admin'],
  accounts: false,
  can: () => true,
  logout: async () => {},
};

const SessionContext = createContext<Session>(FULL);

/** The current session; outside a gate (component tests) everything is allowed, as in a single-user library. */
export function useSession(): Session {
  return useContext(SessionContext);
}

type Answer = { ok: true; data: SessionInfo & { csrfToken: string } } | { ok: false; error: { code: string; message: string } };

/** Asks the server who this browser is (the cookie travels by itself); null means "log in first". */
async function fetchSession(): Promise<(SessionInfo & { csrfToken: string }) | null> {
  const res = await fetch('./api/session', { headers: { accept: 'application/json' } });
  if (res.status === 401) return null;
  const body = (await res.json()) as Answer;
  if (!body.ok) throw new Error(body.error.message);
  return body.data;
}

export function withSession(info: SessionInfo, logout: () => Promise<void>): Session {
  return { ...info, can: (a) => info.access.includes(a), logout };
}

/** Everything the gate needs to know to show the login page or the app. */
export function useSessionState() {
  const call = useCall();
  const browser = call === defaultCall && typeof window !== 'undefined' && !window.normdesk;
  const [session, setSession] = useState<Session | null | 'loading'>('loading');
  const [error, setError] = useState<string | null>(null);

  const logout = useCallback(async () => {
    if (window.normdesk?.logout) await window.normdesk.logout();
    else if (browser) {
      await fetch('./api/session', { method: 'DELETE', headers: { 'content-type': 'application/json', 'x-csrf-token': getCsrfToken() }, body: '{}' }).catch(() => null);
    }
    setCsrfToken('');
    setSession(null);
  }, [browser]);

  const accept = useCallback(
    (info: SessionInfo & { csrfToken?: string }) => {
      setCsrfToken(info.csrfToken ?? '');
      setSession(withSession(info, logout));
    },
    [logout],
  );

  useEffect(() => {
    let live = true;
    const load = browser
      ? fetchSession()
      : // desktop: log in when the library has accounts; component tests (no session:info): the local user
        call('session:info', {}).catch((err: unknown) => (err instanceof RpcCallError && err.code === 'UNAUTHORIZED' ? null : { ...FULL }));
    load.then(
      (info) => live && (info ? accept(info) : setSession(null)),
      (err: Error) => live && setError(err.message),
    );
    const onUnauthorized = () => setSession(null);
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => {
      live = false;
      window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    };
  }, [browser, call, accept]);

  return { session, error, accept };
}

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

