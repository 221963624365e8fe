import cookie from '@fastify/cookie';
import session from '@fastify/session';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { loadOrCreateLocalSecret } from '../lib/local-secrets.ts';

export const sessionCookieName = 'smsdesk.sid';

export interface SessionOptions {
  config: Config;
  /** A `@fastify/session` store; the default keeps sessions in memory. */
  store?: session.SessionStore;
}

async function sessionPlugin(app: FastifyInstance, opts: SessionOptions) {
  const { config } = opts;
  let secret = config.sessionSecret;
  if (!secret) {
    const local = loadOrCreateLocalSecret(config.dataDir, 'session-secret', 48);
    secret = local.value;
    app.log.warn(
      { file: `${config.dataDir}/session-secret` },
      'SESSION_SECRET is not set: using a generated one from the data folder (set it in production)',
    );
  }
  await app.register(cookie);
  await app.register(session, {
    secret,
    cookieName: sessionCookieName,
    saveUninitialized: false,
    store: opts.store,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.baseUrl.startsWith('https:'),
      path: '/',
      maxAge: 7 * 24 * 3600 * 1000,
    },
  });
}

export default fp(sessionPlugin, { name: 'session' });
