import LogtoClient, { type LogtoConfig } from '@logto/node';
import { apiScopes } from '@smsdesk/shared/scopes';
import type { FastifyReply } from 'fastify';
import type { Config } from '../config.ts';

/** What `@logto/node` keeps for one browser: tokens and the pending sign-in, in the server-side session. */
export type LogtoSessionData = Record<string, string>;

declare module 'fastify' {
  interface Session {
    logto?: LogtoSessionData;
  }
}

export interface LogtoStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

export function logtoConfigOf(config: Config): LogtoConfig {
  return {
    endpoint: config.logto.endpoint,
    appId: config.logto.appId,
    appSecret: config.logto.appSecret ?? undefined,
    resources: [config.logto.apiResource],
    scopes: [...apiScopes],
  };
}

/** Where a session keeps its values: `request.session` of `@fastify/session`, or session data loaded by hand. */
export interface SessionBag {
  get(key: 'logto'): LogtoSessionData | undefined;
  set(key: 'logto', value: LogtoSessionData): void;
}

/** Session data read from the store (API requests) as a bag. */
export function bagOf(data: { logto?: LogtoSessionData }): SessionBag {
  return {
    get: () => data.logto,
    set: (_key, value) => {
      data.logto = value;
    },
  };
}

/**
 * The Logto guide's storage adapter, the one for both paths: get/set/remove on the session. `changed`
 * tells the API path that a token refresh wrote to it and the session must be saved.
 */
export function sessionStorage(bag: SessionBag): LogtoStorage & { changed: boolean } {
  const storage = {
    changed: false,
    getItem: async (key: string) => bag.get('logto')?.[key] ?? null,
    setItem: async (key: string, value: string) => {
      bag.set('logto', { ...bag.get('logto'), [key]: value });
      storage.changed = true;
    },
    removeItem: async (key: string) => {
      const { [key]: _removed, ...rest } = bag.get('logto') ?? {};
      bag.set('logto', rest);
      storage.changed = true;
    },
  };
  return storage;
}

/**
 * A LogtoClient for one request, as the Logto guide builds one per request; `navigate` becomes a redirect
 * of this reply.
 */
export function logtoClientFor(config: Config, storage: LogtoStorage, reply?: FastifyReply) {
  return new LogtoClient(logtoConfigOf(config), {
    storage,
    navigate: (url) => {
      if (!reply) throw new Error('This request cannot redirect');
      void reply.redirect(url);
    },
  });
}
