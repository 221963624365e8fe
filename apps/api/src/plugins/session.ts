import cookie, { type CookieSerializeOptions, Signer } from '@fastify/cookie';
import type { SessionStore } from '@fastify/session';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { LogtoSessionData } from '../auth/logto-session.ts';
import type { Config } from '../config.ts';
import { createDbSessionStore, deleteExpiredSessions } from '../db/session-store.ts';
import { loadOrCreateLocalSecret } from '../lib/local-secrets.ts';

export const sessionCookieName = 'smsdesk.sid';

export interface SessionData {
  logto?: LogtoSessionData;
  cookie?: { expires?: string | Date | null };
  [key: string]: unknown;
}

export interface LoadedSession {
  id: string;
  data: SessionData;
}

export interface Sessions {
  store: SessionStore;
  signer: Signer;
  cookieName: string;
  /** The cookie of a session; `maxAge` is the pending sign-in's (the callback extends it). */
  cookie: CookieSerializeOptions & { maxAge: number };
  maxAgeMs: number;
  /**
   * The session named by the request's cookie, read straight from the store; null without a valid one.
   * A cookie signed with an older secret of the list is re-signed with the newest on this reply.
   */
  load(request: FastifyRequest, reply: FastifyReply): Promise<LoadedSession | null>;
  save(id: string, data: SessionData): Promise<void>;
  /** Deletes expired sessions (also run at start and every SESSION_PURGE_INTERVAL_SECONDS). */
  purgeExpired(): Promise<number>;
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
  let secrets = config.sessionSecrets;
  if (!secrets) {
    secrets = [loadOrCreateLocalSecret(config.dataDir, 'session-secret', 48).value];
    app.log.warn(
      { file: `${config.dataDir}/session-secret` },
      'SESSION_SECRET is not set: using a generated one from the data folder (set it in production)',
    );
  }
  const signer = new Signer(secrets, 'sha256');
  await app.register(cookie);
  const store =
    opts.store ??
    createDbSessionStore(app.db.kysely, {
      box: app.secretBox,
      defaultTtlMs: config.sessions.signInMaxAgeMs,
      onCallbackError: (error) => app.log.error({ err: error }, 'a session store callback threw'),
    });
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.baseUrl.startsWith('https:'),
    path: '/',
    maxAge: config.sessions.signInMaxAgeMs,
  };

  const sessions: Sessions = {
    store,
    signer,
    cookieName: sessionCookieName,
    cookie: cookieOptions,
    maxAgeMs: config.sessions.maxAgeMs,
    load: async (request, reply) => {
      const raw = request.cookies[sessionCookieName];
      if (!raw) return null;
      const unsigned = signer.unsign(raw);
      if (!unsigned.valid || !unsigned.value) return null;
      const id = unsigned.value;
      const data = await new Promise<SessionData | null>((resolve, reject) =>
        store.get(id, (error: unknown, found?: unknown) =>
          error ? reject(error) : resolve((found as SessionData | null | undefined) ?? null),
        ),
      );
      if (!data) return null;
      if (unsigned.renew && data.cookie?.expires) {
        const { maxAge: _pending, ...rest } = cookieOptions;
        reply.setCookie(sessionCookieName, signer.sign(id), {
          ...rest,
          expires: new Date(data.cookie.expires),
        });
      }
      return { id, data };
    },
    save: (id, data) =>
      new Promise((resolve, reject) =>
        store.set(id, data as never, (error?: unknown) => (error ? reject(error) : resolve())),
      ),
    purgeExpired: () => deleteExpiredSessions(app.db.kysely),
  };
  app.decorate('sessions', sessions);

  // One instance purges per interval (the scheduler's lock); at start too, when it is due.
  const purgeJob = {
    name: 'session-purge',
    everyMs: config.sessions.purgeIntervalMs,
    run: async () => {
      const deleted = await sessions.purgeExpired();
      if (deleted > 0) app.log.info({ deleted }, 'expired sessions deleted');
    },
  };
  app.scheduler.add(purgeJob);
  app.addHook('onReady', async () => {
    await app.scheduler
      .runIfDue(purgeJob)
      .catch((error: unknown) => app.log.error({ err: error }, 'deleting expired sessions failed'));
  });
}

export default fp(sessionPlugin, { name: 'session', dependencies: ['db', 'scheduler'] });
