import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { logtoClientFor } from '../../auth/logto-session.ts';
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
      await logtoClientFor(config, request, reply).signIn({ redirectUri: callbackUrl });
      return reply;
    },
  );

  app.get(
    '/auth/callback',
    { schema: { tags: ['auth'], summary: 'Complete the sign-in (Logto redirects here)' } },
    async (request, reply) => {
      const client = logtoClientFor(config, request, reply);
      try {
        await client.handleSignInCallback(`${config.baseUrl}${request.url}`);
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
      const client = logtoClientFor(config, request, reply);
      await client.signOut(`${config.baseUrl}/`);
      await request.session.destroy();
      return reply;
    },
  );
};

export default authRoutes;
