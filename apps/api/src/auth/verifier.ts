import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { TokenCache } from './token-cache.ts';

export interface VerifiedToken {
  sub: string;
  clientId: string | null;
  scopes: string[];
  expiresAt: number;
}

/** Why a token was refused, worded for `WWW-Authenticate: error_description`. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

/** Logto cannot be reached to fetch its keys: not the caller's fault. */
export class KeySetUnavailableError extends Error {
  override name = 'KeySetUnavailableError';
}

// Asymmetric only: an HS256 token "signed" with the public key must never verify.
const algorithms = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'];

export interface VerifierOptions {
  issuer: string;
  audience: string;
  /** Defaults to Logto's `${issuer}/jwks`. Tests may pass a local key set. */
  keys?: JWTVerifyGetKey;
  clockToleranceSeconds?: number;
  cacheSize?: number;
}

export interface TokenVerifier {
  (token: string): Promise<VerifiedToken>;
  /** The token, if it was verified before and has not expired; undefined otherwise (then verify it). */
  cached(token: string): VerifiedToken | undefined;
}

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  // jose caches the key set and refetches once for an unknown `kid`, so Logto's key rotation works. It is
  // made at the first token to verify: making it loads Node's fetch (undici), a twentieth of the start.
  let remote: JWTVerifyGetKey | undefined;
  const keys: JWTVerifyGetKey =
    options.keys ??
    ((header, token) => {
      remote ??= createRemoteJWKSet(new URL(`${options.issuer}/jwks`), {
        timeoutDuration: 5000,
        cooldownDuration: 30_000,
      });
      return remote(header, token);
    });
  const cache = new TokenCache<VerifiedToken>(options.cacheSize);

  const verify = async (token: string): Promise<VerifiedToken> => {
    const cached = cache.get(token);
    if (cached) return cached;
    if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) throw new InvalidTokenError('The access token is not a JWT');
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        typ: 'at+jwt',
        clockTolerance: options.clockToleranceSeconds ?? 5,
        requiredClaims: ['sub', 'exp'],
      });
      // An organization token's permissions are organization-role ones, not global: until smsdesk models
      // organizations, it is not a way in.
      if (payload.organization_id !== undefined) {
        throw new InvalidTokenError(
          'Organization tokens are not accepted: ask for a token without organization_id',
        );
      }
      const verified: VerifiedToken = {
        sub: String(payload.sub),
        clientId: typeof payload.client_id === 'string' ? payload.client_id : null,
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
        expiresAt: payload.exp as number,
      };
      cache.set(token, verified, verified.expiresAt * 1000);
      return verified;
    } catch (error) {
      throw explain(error);
    }
  };
  return Object.assign(verify, { cached: (token: string) => cache.get(token) });
}

function explain(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('The access token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    const reasons: Record<string, string> = {
      iss: 'The access token was issued by another issuer',
      aud: 'The access token is for another resource (audience)',
      nbf: 'The access token is not valid yet (nbf)',
      typ: 'The token is not an access token (typ must be at+jwt)',
    };
    return new InvalidTokenError(
      reasons[error.claim] ?? `The access token claim "${error.claim}" is invalid`,
    );
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new InvalidTokenError('The token algorithm is not allowed');
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new InvalidTokenError('The token signature is invalid');
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return new InvalidTokenError('No signing key matches the token');
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof TypeError ||
    error instanceof errors.JWKSInvalid
  ) {
    return new KeySetUnavailableError('Logto cannot be reached to fetch its signing keys');
  }
  if (error instanceof errors.JOSEError) return new InvalidTokenError('The access token is malformed');
  return error instanceof Error ? error : new Error(String(error));
}
