import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import session from '@fastify/session';
import { logtoClientFor, requestSessionStorage } from '../../auth/logto-session.ts';
import type { Config } from '../../config.ts';
import { createError } from '../../errors.ts';

declare module 'fastify' {
  interface Session {
    returnTo?: string;
  }
}

const safePath = (value: string | undefined) =>
  value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/auth/') ? value : '/';

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
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.baseUrl.startsWith('https:'),
      path: '/',
      maxAge: 7 * 24 * 3600 * 1000,
    },
  });
  const client = (request: FastifyRequest, reply: FastifyReply) =>
    logtoClientFor(config, requestSessionStorage(request), reply);

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
      request.session.set('returnTo', safePath(request.query.returnTo));
      await client(request, reply).signIn({ redirectUri: callbackUrl });
      return reply;
    },
  );

  app.get(
    '/auth/callback',
    { schema: { tags: ['auth'], summary: 'Complete the sign-in (Logto redirects here)' } },
    async (request, reply) => {
      try {
        await client(request, reply).handleSignInCallback(`${config.baseUrl}${request.url}`);
      } catch (error) {
        request.log.info({ err: error }, 'sign-in callback refused');
        throw createError('UNAUTHORIZED', 'The sign-in could not be completed: start again at /auth/sign-in');
      }
      const returnTo = safePath(request.session.get('returnTo'));
      request.session.set('returnTo', undefined);
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
