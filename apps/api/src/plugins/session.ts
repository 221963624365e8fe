import cookie, { Signer } from '@fastify/cookie';
import fastifySession, { type SessionStore } from '@fastify/session';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { LogtoSessionData } from '../auth/logto-session.ts';
import type { Config } from '../config.ts';
import { loadOrCreateLocalSecret } from '../lib/local-secrets.ts';

export const sessionCookieName = 'smsdesk.sid';

export interface SessionData {
  logto?: LogtoSessionData;
  [key: string]: unknown;
}

export interface Sessions {
  store: SessionStore;
  signer: Signer;
  cookieName: string;
  /** The session named by the request's cookie, read straight from the store; null without a valid one. */
  load(request: FastifyRequest): Promise<{ id: string; data: SessionData } | null>;
  save(id: string, data: SessionData): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: Sessions;
  }
}

/**
 * Cookies everywhere, sessions on demand. `@fastify/session` itself runs only around `/auth/*` (see
 * modules/auth/routes.ts): run globally it built and hashed an empty session for every bearer request,
 * a third of the API's throughput. A request to the API that carries the session cookie is read here.
 */
async function sessionPlugin(app: FastifyInstance, opts: { config: Config; store?: SessionStore }) {
  const { config } = opts;
  let secret = config.sessionSecret;
  if (!secret) {
    secret = loadOrCreateLocalSecret(config.dataDir, 'session-secret', 48).value;
    app.log.warn(
      { file: `${config.dataDir}/session-secret` },
      'SESSION_SECRET is not set: using a generated one from the data folder (set it in production)',
    );
  }
  const signer = new Signer(secret, 'sha256');
  await app.register(cookie);
  // The database store in the app; an in-memory one for plugin-level tests.
  const store = opts.store ?? new fastifySession.MemoryStore();

  const sessions: Sessions = {
    store,
    signer,
    cookieName: sessionCookieName,
    load: (request) => {
      const raw = request.cookies[sessionCookieName];
      if (!raw) return Promise.resolve(null);
      const unsigned = signer.unsign(raw);
      if (!unsigned.valid || !unsigned.value) return Promise.resolve(null);
      const id = unsigned.value;
      return new Promise((resolve, reject) =>
        store.get(id, (error: unknown, data?: unknown) =>
          error ? reject(error) : resolve(data ? { id, data: data as SessionData } : null),
        ),
      );
    },
    save: (id, data) =>
      new Promise((resolve, reject) =>
        store.set(id, data as never, (error?: unknown) => (error ? reject(error) : resolve())),
      ),
  };
  app.decorate('sessions', sessions);
}

export default fp(sessionPlugin, { name: 'session' });
