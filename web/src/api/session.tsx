// Who is logged in: restored from the session cookie on load (GET /auth/me), set by login, cleared by logout.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from './client.ts';
import type { LoginReply, User } from './types.ts';

export interface Session {
  user: User | null;
  /** False until the first check of the session cookie has answered. */
  ready: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    api<{ user: User | null; csrfToken: string | null }>('/api/v1/auth/me')
      .then((me) => {
        if (!live) return;
        setCsrfToken(me.csrfToken);
        setUser(me.user);
      })
      .catch((e: unknown) => {
        if (live && !(e instanceof ApiError && e.status === 401)) setUser(null);
      })
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const reply = await api<LoginReply>('/api/v1/auth/login', { body: { username, password } });
    setCsrfToken(reply.csrfToken);
    setUser(reply.user);
    return reply.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api<void>('/api/v1/auth/logout', { method: 'POST' });
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, ready, login, logout }), [user, ready, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
