import type { Me } from '@smsdesk/shared/schemas/me';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { createSessionTokens } from '../auth/session-tokens.ts';
import {
  createTokenVerifier,
  InvalidTokenError,
  KeySetUnavailableError,
  type TokenVerifier,
} from '../auth/verifier.ts';
import type { Config } from '../config.ts';
import { createError } from '../errors.ts';

/** Who is calling: exactly what `GET /api/me` answers. */
export type Caller = Me;

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyInstance {
    /** An onRequest hook: the caller must hold every one of `scopes` (none: any valid caller). */
    requireScopes(...scopes: string[]): onRequestAsyncHookHandler;
    /** An onRequest hook for a cookie-session form post: Origin (or Referer) must be BASE_URL or WEB_ORIGIN. */
    requireSameOrigin: onRequestAsyncHookHandler;
    verifyToken: TokenVerifier;
  }
}

const realm = 'Bearer realm="smsdesk"';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function quoted(value: string) {
  return value.replace(/["\\]/g, "'");
}

export interface AuthOptions {
  config: Config;
}

async function authPlugin(app: FastifyInstance, opts: AuthOptions) {
  const { config } = opts;
  const verify = createTokenVerifier({
    issuer: `${config.logto.endpoint}/oidc`,
    audience: config.logto.apiResource,
    cacheSize: config.authTokenCacheSize,
  });
  const trustedOrigins = new Set([
    new URL(config.baseUrl).origin,
    ...(config.webOrigin ? [config.webOrigin] : []),
  ]);

  app.decorate('verifyToken', verify);
  app.decorateRequest('caller', null);

  async function bearerCaller(header: string): Promise<Caller> {
    // The common case, a token verified before and sent as `Bearer <token>` exactly, costs neither a
    // regular expression over the whole token nor a promise.
    if (header.startsWith('Bearer ')) {
      const known = verify.cached(header.slice(7));
      if (known)
        return { sub: known.sub, clientId: known.clientId, scopes: known.scopes, authMethod: 'bearer' };
    }
    const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
    if (!match?.[1]) {
      throw unauthorized('The Authorization header must be "Bearer <access token>"', 'invalid_request');
    }
    return { ...(await verifyOrExplain(match[1])), authMethod: 'bearer' };
  }

  async function verifyOrExplain(token: string) {
    try {
      const { sub, clientId, scopes } = await verify(token);
      return { sub, clientId, scopes };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthorized(error.message, 'invalid_token');
      if (error instanceof KeySetUnavailableError) throw createError('SERVICE_UNAVAILABLE', error.message);
      throw error;
    }
  }

  const sessionToken = createSessionTokens(config, app.sessions);

  async function sessionCaller(request: FastifyRequest, reply: FastifyReply): Promise<Caller | null> {
    const session = await app.sessions.load(request, reply);
    if (!session?.data.logto) return null;
    if (unsafeMethods.has(request.method)) assertSameOrigin(request);
    const result = await sessionToken(session);
    if (result.kind === 'anonymous') return null;
    if (result.kind === 'signed-out') {
      throw unauthorized('The session has expired: sign in again at /auth/sign-in', 'invalid_token');
    }
    return { ...(await verifyOrExplain(result.token)), authMethod: 'session' };
  }

  /** A cookie is sent cross-site on top-level navigations; an unsafe method must prove it came from us. */
  function assertSameOrigin(request: FastifyRequest) {
    const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
    if (!origin || !trustedOrigins.has(origin)) {
      throw createError(
        'CSRF_REJECTED',
        `A ${request.method} with a session cookie must come from ${[...trustedOrigins].join(' or ')}`,
      );
    }
  }

  app.decorate('requireSameOrigin', async (request: FastifyRequest) => assertSameOrigin(request));

  app.decorate('requireScopes', (...scopes: string[]) => {
    return async function requireScopes(request: FastifyRequest, reply: FastifyReply) {
      const header = request.headers.authorization;
      const caller = header ? await bearerCaller(header) : await sessionCaller(request, reply);
      if (!caller) throw unauthorized('Sign in or send an access token: Authorization: Bearer <token>');
      const missing = scopes.filter((s) => !caller.scopes.includes(s));
      if (missing.length > 0) {
        throw createError(
          'FORBIDDEN',
          `This needs the scope ${missing.join(', ')}; the token has ${caller.scopes.join(', ') || 'none'}`,
          { requiredScopes: missing, grantedScopes: caller.scopes },
          { 'www-authenticate': `${realm}, error="insufficient_scope", scope="${missing.join(' ')}"` },
        );
      }
      request.caller = caller;
    };
  });
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/** RFC 6750: no `error` attribute when the request simply carried no credentials. */
function unauthorized(message: string, error?: 'invalid_token' | 'invalid_request') {
  const header = error ? `${realm}, error="${error}", error_description="${quoted(message)}"` : realm;
  return createError('UNAUTHORIZED', message, undefined, { 'www-authenticate': header });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['errors', 'session'] });
