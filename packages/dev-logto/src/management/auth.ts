import { createLocalJWKSet, type JWK, jwtVerify } from 'jose';
import { managementApiResource, managementApiScope } from '../constants.ts';
import { LogtoRequestError } from './errors.ts';

function publicJwk({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest }: JWK): JWK {
  return rest;
}

/**
 * Logto's koaAuth for the Management API: a Bearer JWT signed by the tenant's keys, issued by its OIDC
 * issuer, for the Management API resource, carrying the `all` permission.
 */
export function managementAuth(issuer: string, keys: readonly JWK[]) {
  const jwks = createLocalJWKSet({ keys: keys.map(publicJwk) });
  return async (authorization: string | undefined): Promise<{ clientId: string }> => {
    if (!authorization)
      throw new LogtoRequestError({ code: 'auth.authorization_header_missing', status: 401 });
    const [type, token] = authorization.split(' ');
    if (type?.toLowerCase() !== 'bearer' || !token) {
      throw new LogtoRequestError({ code: 'auth.authorization_token_type_not_supported', status: 401 });
    }
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer, audience: managementApiResource }));
    } catch {
      throw new LogtoRequestError({ code: 'auth.unauthorized', status: 401 });
    }
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
    if (!scopes.includes(managementApiScope))
      throw new LogtoRequestError({ code: 'auth.forbidden', status: 403 });
    return { clientId: String(payload.client_id ?? payload.sub) };
  };
}
