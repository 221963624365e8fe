import './quiet-oidc-provider.ts';
import type { Middleware } from 'koa';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import { findUserByPhone, findUserByUsername } from './constants.ts';
import { saveAutoGrant } from './grants.ts';
import { LogtoRequestError } from './management/errors.ts';
import { createAndSendPasscode, type PasscodeDeps, verifyPasscode } from './management/passcodes.ts';
import { errorPage, loginPage } from './pages.ts';
import { phoneCodePage, phoneForm } from './phone-pages.ts';

const maxBodyBytes = 16 * 1024;

async function readForm(req: AsyncIterable<Buffer>): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The sign-in UI: Logto's experience app in miniature. GET renders the form (or, for a consent prompt,
 * grants automatically and resumes); POST /login checks the password; POST /phone/send sends a SignIn code
 * through the tenant's SMS connector (the real Tencent connector, with the request's ui_locales as Logto
 * passes them) and POST /phone/verify checks it.
 */
export function interactionRoutes(
  provider: Provider,
  apiResource: string,
  passcodes?: PasscodeDeps,
): Middleware {
  const phoneSection = (uid: string, phone?: string) =>
    passcodes ? { phoneSection: phoneForm(uid, phone) } : {};
  return async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)(\/login|\/phone\/send|\/phone\/verify)?$/.exec(ctx.path);
    if (!match) return next();
    const step = match[2];
    const isLogin = step !== undefined;
    if (!(isLogin ? ctx.method === 'POST' : ctx.method === 'GET')) return next();
    if (step?.startsWith('/phone') && !passcodes) return next();

    ctx.set('Cache-Control', 'no-store');
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(ctx.req, ctx.res);
    } catch (error) {
      if (!(error instanceof errors.SessionNotFound)) throw error;
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = errorPage('Sign-in expired', { message: 'Start signing in again from the application.' });
      return;
    }
    const { uid, prompt, params } = details;
    const clientId = String(params.client_id);

    const finish = async (result: Parameters<Provider['interactionResult']>[2]) => {
      ctx.status = 303;
      ctx.redirect(
        await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false }),
      );
    };

    if (!isLogin) {
      if (prompt.name === 'consent') {
        const accountId = details.session?.accountId;
        if (!accountId) throw new Error('consent prompt without a signed-in account');
        const grantId = await saveAutoGrant(provider, apiResource, {
          accountId,
          clientId,
          scope: params.scope,
          resource: params.resource,
          existingGrantId: details.grantId,
        });
        return finish({ consent: { grantId } });
      }
      ctx.type = 'html';
      ctx.body = loginPage({ uid, clientId, ...phoneSection(uid) });
      return;
    }

    const form = await readForm(ctx.req);
    const uiLocales = typeof params.ui_locales === 'string' ? params.ui_locales : undefined;
    const show = (status: number, body: string) => {
      ctx.status = status;
      ctx.type = 'html';
      ctx.body = body;
    };

    if (step === '/phone/send' && passcodes) {
      const typed = form.get('phone')?.trim() ?? '';
      const user = findUserByPhone(typed);
      if (!user) {
        return show(
          422,
          loginPage({
            uid,
            clientId,
            error: 'No account has this phone number',
            ...phoneSection(uid, typed),
          }),
        );
      }
      try {
        // Logto core's payload: the code, the experience's locale, and the raw ui_locales of the request.
        await createAndSendPasscode(passcodes, user.phone, 'SignIn', {
          locale: 'en',
          ...(uiLocales ? { uiLocales } : {}),
        });
      } catch (error) {
        if (!(error instanceof LogtoRequestError)) throw error;
        // What Logto's sign-in page shows when its SMS connector fails: the connector's message.
        return show(400, loginPage({ uid, clientId, error: error.message, ...phoneSection(uid, typed) }));
      }
      return show(200, phoneCodePage({ uid, phone: user.phone, ...(uiLocales ? { uiLocales } : {}) }));
    }

    if (step === '/phone/verify' && passcodes) {
      const user = findUserByPhone(form.get('phone') ?? '');
      const code = form.get('code')?.trim() ?? '';
      if (!user) return show(422, loginPage({ uid, clientId, error: 'No account has this phone number' }));
      try {
        verifyPasscode(passcodes, user.phone, 'SignIn', code);
      } catch (error) {
        if (!(error instanceof LogtoRequestError)) throw error;
        return show(401, phoneCodePage({ uid, phone: user.phone, error: error.message }));
      }
      return finish({ login: { accountId: user.id }, consent: {} });
    }

    const username = form.get('username')?.trim() ?? '';
    const user = findUserByUsername(username);
    if (!user || user.password !== form.get('password')) {
      ctx.status = 401;
      ctx.type = 'html';
      ctx.body = loginPage({
        uid,
        clientId,
        username,
        error: 'Wrong username or password',
        ...phoneSection(uid),
      });
      return;
    }
    // An empty consent result settles an explicit prompt=consent; the grant itself is made by loadExistingGrant.
    return finish({ login: { accountId: user.id }, consent: {} });
  };
}
