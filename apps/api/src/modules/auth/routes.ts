import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import session from '@fastify/session';
import { logtoClientFor, sessionStorage } from '../../auth/logto-session.ts';
import { sameOriginPath } from '../../auth/return-to.ts';
import type { Config } from '../../config.ts';
import { createError } from '../../errors.ts';

declare module 'fastify' {
  interface Session {
    returnTo?: string;
  }
}

/** The server-side flow of the Logto guide: sign-in, callback and sign-out over a server session. */
const authRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const callbackUrl = `${config.baseUrl}/auth/callback`;
  // Encapsulated: the session machinery runs for these routes only (API requests read it on demand).
  await app.register(session, {
    secret: app.sessions.signer,
    cookieName: app.sessions.cookieName,
    store: app.sessions.store,
    saveUninitialized: false,
    rolling: false,
    cookie: app.sessions.cookie,
  });
  // The last onSend hook is async, so whatever the reply throws after the session was saved (a header
  // Node refuses, say) is caught by Fastify and answered by the error handler instead of escaping.
  app.addHook('onSend', async () => {});

  const client = (request: FastifyRequest, reply: FastifyReply) =>
    logtoClientFor(config, sessionStorage(request.session), reply);

  app.get(
    '/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start the server-side sign-in with Logto (redirects)',
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 512 })) }),
      },
    },
    async (request, reply) => {
      request.session.set('returnTo', sameOriginPath(request.query.returnTo, config.baseUrl));
      await client(request, reply).signIn({ redirectUri: callbackUrl });
      return reply;
    },
  );

  app.get(
    '/auth/callback',
    { schema: { tags: ['auth'], summary: 'Complete the sign-in (Logto redirects here)' } },
    async (request, reply) => {
      const logto = client(request, reply);
      try {
        await logto.handleSignInCallback(`${config.baseUrl}${request.url}`);
      } catch (error) {
        request.log.info({ err: error }, 'sign-in callback refused');
        throw createError('UNAUTHORIZED', 'The sign-in could not be completed: start again at /auth/sign-in');
      }
      const returnTo = sameOriginPath(request.session.get('returnTo'), config.baseUrl);
      const tokens = request.session.get('logto');
      // A new id for the signed-in session: a cookie planted before the sign-in (session fixation) names
      // a session that no longer exists. Only the tokens move over, and the long lifetime starts now.
      await request.session.regenerate();
      request.session.options({ maxAge: app.sessions.maxAgeMs });
      request.session.set('logto', tokens);
      return reply.redirect(returnTo);
    },
  );

  app.get(
    '/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'End the smsdesk session and the Logto session (redirects)' } },
    async (request, reply) => {
      await client(request, reply).signOut(`${config.baseUrl}/`);
      await request.session.destroy();
      return reply;
    },
  );
};

export default authRoutes;
