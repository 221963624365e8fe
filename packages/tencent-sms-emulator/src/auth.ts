import { timingSafeEqual } from 'node:crypto';
import { TencentError } from './envelope.ts';
import type { Account } from './store.ts';
import { parseAuthorization, tc3Signature, utcDate } from './tc3.ts';

// Verifies a TC3-HMAC-SHA256 request the way Tencent's gateway does, adapted to a local host:port.

export const MAX_CLOCK_SKEW_SECONDS = 300;

export interface AuthRequest {
  /** Lower-case header names (node:http's IncomingMessage.headers). */
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  method: string;
  path: string;
  query: string;
}

const header = (req: AuthRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

function hostWithoutPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0] ?? host;
}

const sameHex = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

const signatureFailure = (why: string) =>
  new TencentError(
    'AuthFailure.SignatureFailure',
    `The provided credentials could not be validated. Please check your signature is correct. (${why})`,
  );

/** Returns the account of a correctly signed request, or throws the AuthFailure Tencent would answer. */
export function authenticate(
  req: AuthRequest,
  findAccount: (secretId: string) => Account | undefined,
  realNowMs: number,
): Account {
  const authorization = header(req, 'authorization');
  if (!authorization) {
    throw new TencentError('AuthFailure.InvalidAuthorization', 'The `Authorization` header is missing.');
  }
  const auth = parseAuthorization(authorization);
  if (!auth) {
    throw new TencentError(
      'AuthFailure.InvalidAuthorization',
      'The `Authorization` header is not a valid TC3-HMAC-SHA256 authorization.',
    );
  }
  const timestampText = header(req, 'x-tc-timestamp');
  if (!timestampText)
    throw new TencentError('MissingParameter', 'The request is missing a required parameter `Timestamp`.');
  const timestamp = Number(timestampText);
  if (!Number.isInteger(timestamp)) {
    throw new TencentError('InvalidParameter', 'The value type of parameter `Timestamp` is not valid.');
  }
  const serverSeconds = Math.floor(realNowMs / 1000);
  if (Math.abs(serverSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    throw new TencentError(
      'AuthFailure.SignatureExpire',
      `Signature expired. Timestamp ${timestamp} is more than ${MAX_CLOCK_SKEW_SECONDS} s away from server time ${serverSeconds}.`,
    );
  }
  const account = findAccount(auth.secretId);
  if (!account) {
    throw new TencentError(
      'AuthFailure.SecretIdNotFound',
      'The SecretId is not found, please ensure that your SecretId is correct.',
    );
  }
  if (auth.date !== utcDate(timestamp))
    throw signatureFailure('credential date does not match X-TC-Timestamp');
  if (!auth.signedHeaders.includes('host') || !auth.signedHeaders.includes('content-type')) {
    throw signatureFailure('SignedHeaders must include content-type and host');
  }

  // The SDK derives the service from the endpoint's first dot label (`127.0.0.1:3002` → `127`,
  // `localhost:3002` → `localhost:3002`) and signs the host without its port; accept those spellings and
  // the real `sms`, and the host with its port for hand-written signers.
  const hostHeader = header(req, 'host') ?? '';
  const hostname = hostWithoutPort(hostHeader);
  const services = new Set([hostname.split('.')[0], hostHeader.split('.')[0], 'sms']);
  if (!services.has(auth.service)) {
    throw signatureFailure(
      `credential scope service \`${auth.service}\` does not match host \`${hostHeader}\``,
    );
  }
  const others: Record<string, string> = {};
  for (const name of auth.signedHeaders) others[name] = header(req, name) ?? '';
  const ok = [...new Set([hostname, hostHeader])].some((host) => {
    const expected = tc3Signature({
      secretKey: account.secretKey,
      service: auth.service,
      host,
      timestamp,
      payload: req.rawBody,
      contentType: header(req, 'content-type') ?? '',
      signedHeaders: auth.signedHeaders,
      headers: others,
      method: req.method,
      path: req.path,
      query: req.query,
    });
    return sameHex(expected.signature, auth.signature.toLowerCase());
  });
  if (!ok) throw signatureFailure('signature mismatch');
  return account;
}

/** SecretId from a possibly malformed Authorization header, for the request log only. */
export function secretIdOf(authorization: string | undefined): string | null {
  return authorization ? (/Credential=([^/,\s]+)\//.exec(authorization)?.[1] ?? null) : null;
}
