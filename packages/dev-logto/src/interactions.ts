import './quiet-oidc-provider.ts';
import type { Middleware } from 'koa';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import { findUserByUsername } from './constants.ts';
import { saveAutoGrant } from './grants.ts';
import { errorPage, loginPage } from './pages.ts';

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
 * grants automatically and resumes); POST checks the password.
 */
export function interactionRoutes(provider: Provider, apiResource: string): Middleware {
  return async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(ctx.path);
    if (!match) return next();
    const isLogin = match[2] === '/login';
    if (!(isLogin ? ctx.method === 'POST' : ctx.method === 'GET')) return next();

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
      ctx.body = loginPage({ uid, clientId });
      return;
    }

    const form = await readForm(ctx.req);
    const username = form.get('username')?.trim() ?? '';
    const user = findUserByUsername(username);
    if (!user || user.password !== form.get('password')) {
      ctx.status = 401;
      ctx.type = 'html';
      ctx.body = loginPage({ uid, clientId, username, error: 'Wrong username or password' });
      return;
    }
    // An empty consent result settles an explicit prompt=consent; the grant itself is made by loadExistingGrant.
    return finish({ login: { accountId: user.id }, consent: {} });
  };
}
