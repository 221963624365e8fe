import { generateSigningKey } from '@smsdesk/dev-logto';
import { exportJWK, type JWK, SignJWT } from 'jose';

export interface ForgeOptions {
  jwk: JWK;
  issuer: string;
  audience: string | string[];
  scope?: string;
  sub?: string;
  expiresIn?: number;
  notBeforeIn?: number;
  typ?: string;
  alg?: string;
  kid?: string;
}

/** Signs an access token the way Logto does (ES384, typ at+jwt) with any key: for refused-token tests. */
export async function forgeToken(options: ForgeOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ scope: options.scope ?? 'read:connectors', client_id: 'forged-client' })
    .setProtectedHeader({
      alg: options.alg ?? 'ES384',
      typ: options.typ ?? 'at+jwt',
      kid: options.kid ?? options.jwk.kid,
    })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.sub ?? 'user-1')
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 600));
  if (options.notBeforeIn !== undefined) jwt.setNotBefore(now + options.notBeforeIn);
  const { importJWK } = await import('jose');
  return jwt.sign(await importJWK(options.jwk, options.alg ?? 'ES384'));
}

export async function otherSigningKey(kid?: string): Promise<JWK> {
  const key = await generateSigningKey();
  return kid ? { ...key, kid } : key;
}

export function unsignedToken(payload: Record<string, unknown>): string {
  const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(payload)}.`;
}

export { exportJWK };
