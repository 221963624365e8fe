import { createHash, createHmac } from 'node:crypto';

// TC3-HMAC-SHA256 as documented by Tencent Cloud API 3.0. Kept pure (no I/O, no clock) so the verifier and
// the tests that hand-craft requests share one implementation that is checked against the official example.

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

export interface Tc3Input {
  secretKey: string;
  service: string;
  /** Host as signed: Tencent (and the SDK) sign the host name without the port. */
  host: string;
  /** Unix seconds (X-TC-Timestamp). */
  timestamp: number;
  payload: string | Uint8Array;
  contentType?: string;
  /** Value of X-TC-Action, needed only when `signedHeaders` lists `x-tc-action`. */
  action?: string;
  /** Lower-case header names in signing order; default `content-type;host` (what the Node SDK signs). */
  signedHeaders?: readonly string[];
  /** Values of any other signed header, keyed by lower-case name. */
  headers?: Readonly<Record<string, string>>;
  method?: string;
  path?: string;
  query?: string;
}

export interface Tc3Result {
  signature: string;
  date: string;
  credentialScope: string;
  signedHeaders: string;
  canonicalRequest: string;
  stringToSign: string;
}

const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** UTC calendar date of a Unix timestamp, the `<date>` of the credential scope. */
export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function tc3Signature(input: Tc3Input): Tc3Result {
  const signed = (input.signedHeaders ?? ['content-type', 'host']).map((h) => h.toLowerCase());
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    'content-type': input.contentType ?? 'application/json',
    host: input.host,
  };
  if (input.action !== undefined) values['x-tc-action'] = input.action;
  // Tencent lower-cases and trims both names and values of the canonical headers.
  const canonicalHeaders = signed
    .map((name) => `${name}:${(values[name] ?? '').trim().toLowerCase()}\n`)
    .join('');
  const signedHeaders = signed.join(';');
  const canonicalRequest = [
    input.method ?? 'POST',
    input.path ?? '/',
    input.query ?? '',
    canonicalHeaders,
    signedHeaders,
    sha256Hex(input.payload),
  ].join('\n');
  const date = utcDate(input.timestamp);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [
    TC3_ALGORITHM,
    String(input.timestamp),
    credentialScope,
    sha256Hex(canonicalRequest),
  ].join('\n');
  const kDate = hmac(`TC3${input.secretKey}`, date);
  const kService = hmac(kDate, input.service);
  const kSigning = hmac(kService, 'tc3_request');
  const signature = createHmac('sha256', kSigning).update(stringToSign).digest('hex');
  return { signature, date, credentialScope, signedHeaders, canonicalRequest, stringToSign };
}

/** The full `Authorization` header value, for clients (tests, tools) that sign by hand. */
export function tc3Authorization(input: Tc3Input & { secretId: string }): string {
  const r = tc3Signature(input);
  return `${TC3_ALGORITHM} Credential=${input.secretId}/${r.credentialScope}, SignedHeaders=${r.signedHeaders}, Signature=${r.signature}`;
}

export interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses a TC3 `Authorization` header; undefined when it is not well formed. */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const m =
    /^TC3-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/,\s]+)\/tc3_request\s*,\s*SignedHeaders=([a-z0-9;-]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/i.exec(
      header.trim(),
    );
  if (!m) return undefined;
  const [, secretId, date, service, signedHeaders, signature] = m;
  if (!secretId || !date || !service || !signedHeaders || !signature) return undefined;
  return { secretId, date, service, signedHeaders: signedHeaders.toLowerCase().split(';'), signature };
}
