import LogtoClient, { type LogtoConfig } from '@logto/node';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

declare module 'fastify' {
  interface Session {
    /** What `@logto/node` keeps for this browser: tokens and the pending sign-in (the cookie holds only the id). */
    logto?: Record<string, string>;
  }
}

export function logtoConfigOf(config: Config): LogtoConfig {
  return {
    endpoint: config.logto.endpoint,
    appId: config.logto.appId,
    appSecret: config.logto.appSecret ?? undefined,
    resources: [config.logto.apiResource],
    scopes: ['read:connectors', 'write:connectors', 'write:templates', 'send:sms'],
  };
}

/**
 * A LogtoClient for one request, as the Logto guide builds one per request: its storage adapter reads
 * and writes the server-side session; `navigate` turns into a redirect of this reply.
 */
export function logtoClientFor(config: Config, request: FastifyRequest, reply?: FastifyReply) {
  const storage = {
    getItem: async (key: string) => request.session.get('logto')?.[key] ?? null,
    setItem: async (key: string, value: string) => {
      request.session.set('logto', { ...request.session.get('logto'), [key]: value });
    },
    removeItem: async (key: string) => {
      const { [key]: _removed, ...rest } = request.session.get('logto') ?? {};
      request.session.set('logto', rest);
    },
  };
  return new LogtoClient(logtoConfigOf(config), {
    storage,
    navigate: (url) => {
      if (!reply) throw new Error('This request cannot redirect');
      void reply.redirect(url);
    },
  });
}
