import LogtoClient, { type LogtoConfig } from '@logto/node';
import { apiScopes } from '@smsdesk/shared/scopes';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/** The Logto guide's storage adapter: get/set/remove on the session of `@fastify/session`. */
export function requestSessionStorage(request: FastifyRequest): LogtoStorage {
  return {
    getItem: async (key) => request.session.get('logto')?.[key] ?? null,
    setItem: async (key, value) => {
      request.session.set('logto', { ...request.session.get('logto'), [key]: value });
    },
    removeItem: async (key) => {
      const { [key]: _removed, ...rest } = request.session.get('logto') ?? {};
      request.session.set('logto', rest);
    },
  };
}

/** The same over session data loaded by hand (API requests), noting whether a token refresh changed it. */
export function dataStorage(data: { logto?: LogtoSessionData }): LogtoStorage & { changed: boolean } {
  const storage = {
    changed: false,
    getItem: async (key: string) => data.logto?.[key] ?? null,
    setItem: async (key: string, value: string) => {
      data.logto = { ...data.logto, [key]: value };
      storage.changed = true;
    },
    removeItem: async (key: string) => {
      const { [key]: _removed, ...rest } = data.logto ?? {};
      data.logto = rest;
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
