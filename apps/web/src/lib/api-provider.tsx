import { useLogto } from '@logto/react';
import { createContext, type ReactNode, useContext, useMemo, useRef } from 'react';
import { env } from '../config/env.ts';
import { type ApiClient, createApiClient } from './api-client.ts';
import { mayReauthenticate, rememberReturnTo, signInOptions } from './auth.ts';

const ApiClientContext = createContext<ApiClient | null>(null);

export function ApiClientProvider({ children }: { children: ReactNode }) {
  const logto = useLogto();
  // The Logto functions change identity on every render; the client must not.
  const logtoRef = useRef(logto);
  logtoRef.current = logto;
  const client = useMemo(
    () =>
      createApiClient({
        getAccessToken: async () =>
          logtoRef.current.isAuthenticated
            ? ((await logtoRef.current.getAccessToken(env.logtoApiResource)) ?? null)
            : null,
        onUnauthorized: () => {
          if (!mayReauthenticate()) return;
          rememberReturnTo(window.location.pathname + window.location.search);
          void logtoRef.current.signIn(signInOptions());
        },
      }),
    [],
  );
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApiClient must be used inside <ApiClientProvider>');
  return client;
}
