import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import session from '@fastify/session';
import { logtoClientFor, sessionStorage } from '../../auth/logto-session.ts';
import { sameOriginPath } from '../../auth/return-to.ts';
import { isLogtoOutage, logtoUnavailable } from '../../auth/session-tokens.ts';
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
        // The token for the API resource now, while Logto has just answered: the first API request of
        // this session then needs no refresh grant.
        await logto.getAccessToken(config.logto.apiResource);
      } catch (error) {
        if (isLogtoOutage(error)) throw logtoUnavailable();
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

  // Signing out changes state, so it is a POST under the CSRF rule (a link elsewhere cannot sign a user
  // out); a GET shows the page with the button. The page's form posts no fields.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, _body, done) => done(null, undefined),
  );

  app.get(
    '/auth/sign-out',
    {
      schema: {
        tags: ['auth'],
        summary: 'A page with the sign-out button (POST /auth/sign-out signs out)',
        produces: ['text/html'],
      },
    },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(signOutPage(request.headers['accept-language'])),
  );

  app.post(
    '/auth/sign-out',
    {
      onRequest: app.requireSameOrigin,
      schema: {
        tags: ['auth'],
        summary: 'End the smsdesk session and the Logto session (redirects to Logto, then to BASE_URL)',
        description:
          'A cookie-session form post: Origin or Referer must be BASE_URL or WEB_ORIGIN (403 CSRF_REJECTED).',
      },
    },
    async (request, reply) => {
      await client(request, reply).signOut(`${config.baseUrl}/`);
      await request.session.destroy();
      return reply;
    },
  );
};

const signOutTexts = {
  en: {
    lang: 'en',
    title: 'Sign out of smsdesk',
    lead: 'This ends your smsdesk session and your Logto session.',
    button: 'Sign out',
    back: 'Back to smsdesk',
  },
  zh: {
    lang: 'zh-CN',
    title: '退出 smsdesk',
    lead: '这将结束你的 smsdesk 会话和 Logto 会话。',
    button: '退出登录',
    back: '返回 smsdesk',
  },
} as const;

/** The sign-out page, in Chinese when the browser asks for it first, else in English. No script (CSP). */
export function signOutPage(acceptLanguage: string | undefined): string {
  const t = /^\s*zh\b/i.test(acceptLanguage ?? '') ? signOutTexts.zh : signOutTexts.en;
  return `<!doctype html>
<html lang="${t.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem}</style>
</head><body><main>
<h1>${t.title}</h1><p>${t.lead}</p>
<form method="post" action="/auth/sign-out"><button type="submit">${t.button}</button></form>
<p><a href="/">${t.back}</a></p>
</main></body></html>
`;
}

export default authRoutes;
