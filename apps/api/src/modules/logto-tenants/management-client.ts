/**
 * A client for the part of Logto's Management API smsdesk uses: an M2M token by client_credentials (kept
 * until shortly before it expires), then JSON calls with a timeout. No call is retried: a connector test or
 * a verification code sent twice puts two messages on a phone.
 */
import { createHash } from 'node:crypto';
import { createError } from '../../errors.ts';

export interface TenantConnection {
  /** Cache key: a tenant id (the token is dropped when the tenant's connection settings change). */
  key: string;
  endpoint: string;
  managementApiResource: string;
  appId: string;
  appSecret: string;
}

/** Logto's error body: `{ message, code, data?, details? }`. */
export interface LogtoErrorBody {
  message: string;
  code: string;
  data?: unknown;
  details?: string;
}

/** An answer of the Management API that is not a success, for the caller to translate in its context. */
export class LogtoHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: LogtoErrorBody,
  ) {
    super(body.message);
    this.name = 'LogtoHttpError';
  }
}

/** Logto's ConnectorResponse, the fields smsdesk reads. */
export interface LogtoConnector {
  id: string;
  connectorId: string;
  type: string;
  name?: Record<string, string> | string;
  target?: string;
  config: Record<string, unknown>;
}

export interface LogtoFactory {
  id: string;
  type?: string;
  name?: Record<string, string> | string;
}

export interface ManagementClientOptions {
  timeoutMs: number;
  now?: () => number;
  fetch?: typeof fetch;
}

/** Tokens are renewed this long before Logto says they expire, so none expires in flight. */
const renewBeforeMs = 60_000;

export function logtoName(name: LogtoConnector['name']): string | undefined {
  if (typeof name === 'string') return name;
  return name?.en ?? (name ? Object.values(name)[0] : undefined);
}

function unavailable(endpoint: string, why: string) {
  return createError(
    'LOGTO_UNAVAILABLE',
    `Logto at ${endpoint} could not be reached: ${why}`,
    { endpoint, fix: "Check the tenant's endpoint and that Logto is up, then try again." },
    undefined,
    502,
  );
}

function timedOut(endpoint: string, timeoutMs: number) {
  return createError('LOGTO_TIMEOUT', `Logto at ${endpoint} did not answer within ${timeoutMs} ms`, {
    endpoint,
    fix: 'A change may still have been made at Logto: read the connector again before repeating it.',
  });
}

function authFailed(endpoint: string, message: string, logtoCode?: string) {
  return createError('LOGTO_AUTH_FAILED', `Logto refused smsdesk's M2M app: ${message}`, {
    endpoint,
    ...(logtoCode ? { logtoCode } : {}),
    fix: 'Check the app id and secret, that the app is a machine-to-machine app, and that its role holds the Management API permission "all" for this resource.',
  });
}

export function createManagementClient(options: ManagementClientOptions) {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? fetch;
  const tokens = new Map<string, { fingerprint: string; token: string; renewAt: number }>();

  const fingerprintOf = (c: TenantConnection) =>
    createHash('sha256')
      .update(JSON.stringify([c.endpoint, c.managementApiResource, c.appId, c.appSecret]))
      .digest('base64url');

  async function send(endpoint: string, url: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(url, {
        ...init,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw timedOut(endpoint, options.timeoutMs);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw unavailable(endpoint, cause?.code ?? cause?.message ?? (error as Error).message);
    }
  }

  async function readJson(endpoint: string, response: Response): Promise<unknown> {
    const text = await response.text().catch(() => '');
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw unavailable(
        endpoint,
        `HTTP ${response.status} with a body that is not JSON (is this a Logto endpoint?)`,
      );
    }
  }

  async function token(c: TenantConnection): Promise<string> {
    const fingerprint = fingerprintOf(c);
    const cached = tokens.get(c.key);
    if (cached && cached.fingerprint === fingerprint && cached.renewAt > now()) return cached.token;
    tokens.delete(c.key);
    const basic = Buffer.from(`${encodeURIComponent(c.appId)}:${encodeURIComponent(c.appSecret)}`).toString(
      'base64',
    );
    const response = await send(c.endpoint, `${c.endpoint}/oidc/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        resource: c.managementApiResource,
        scope: 'all',
      }),
    });
    if (response.status >= 500)
      throw unavailable(c.endpoint, `the token endpoint answered HTTP ${response.status}`);
    const json = (await readJson(c.endpoint, response)) as
      | {
          access_token?: string;
          expires_in?: number;
          scope?: string;
          error?: string;
          error_description?: string;
        }
      | undefined;
    if (!response.ok || !json?.access_token) {
      if (response.status >= 400 && response.status < 500 && json?.error) {
        throw authFailed(c.endpoint, json.error_description ?? json.error, json.error);
      }
      throw unavailable(c.endpoint, `the token endpoint answered HTTP ${response.status} without a token`);
    }
    if (typeof json.scope === 'string' && !json.scope.split(' ').includes('all')) {
      throw authFailed(c.endpoint, 'the token does not carry the Management API permission "all"');
    }
    const lifetimeMs = (typeof json.expires_in === 'number' ? json.expires_in : 3600) * 1000;
    tokens.set(c.key, {
      fingerprint,
      token: json.access_token,
      renewAt: now() + Math.max(lifetimeMs - renewBeforeMs, lifetimeMs / 2),
    });
    return json.access_token;
  }

  /** One Management API call; Logto's refusals other than authentication come back as LogtoHttpError. */
  async function call<T>(c: TenantConnection, method: string, path: string, body?: unknown): Promise<T> {
    const response = await send(c.endpoint, `${c.endpoint}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(c)}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status >= 500) {
      const json = (await readJson(c.endpoint, response).catch(() => undefined)) as
        | LogtoErrorBody
        | undefined;
      throw unavailable(c.endpoint, json?.message ?? `HTTP ${response.status}`);
    }
    const json = await readJson(c.endpoint, response);
    if (response.ok) return json as T;
    const error = toErrorBody(json, response.status);
    if (response.status === 401 || response.status === 403) {
      tokens.delete(c.key);
      throw authFailed(c.endpoint, error.message, error.code);
    }
    throw new LogtoHttpError(response.status, error);
  }

  return {
    token,
    forget: (key: string) => tokens.delete(key),
    factory: (c: TenantConnection, id: string) =>
      call<LogtoFactory>(c, 'GET', `/api/connector-factories/${encodeURIComponent(id)}`),
    connectors: (c: TenantConnection) => call<LogtoConnector[]>(c, 'GET', '/api/connectors'),
    createConnector: (c: TenantConnection, connectorId: string, config: unknown) =>
      call<LogtoConnector>(c, 'POST', '/api/connectors', { connectorId, config }),
    updateConnector: (c: TenantConnection, id: string, config: unknown) =>
      call<LogtoConnector>(c, 'PATCH', `/api/connectors/${encodeURIComponent(id)}`, { config }),
    testConnector: (c: TenantConnection, factoryId: string, phone: string, config: unknown) =>
      call<undefined>(c, 'POST', `/api/connectors/${encodeURIComponent(factoryId)}/test`, { config, phone }),
    sendVerificationCode: (c: TenantConnection, phone: string) =>
      call<undefined>(c, 'POST', '/api/verification-codes', { phone }),
    verifyVerificationCode: (c: TenantConnection, phone: string, verificationCode: string) =>
      call<undefined>(c, 'POST', '/api/verification-codes/verify', { phone, verificationCode }),
  };
}

function toErrorBody(json: unknown, status: number): LogtoErrorBody {
  const body = (json ?? {}) as Partial<LogtoErrorBody>;
  return {
    message: typeof body.message === 'string' ? body.message : `HTTP ${status}`,
    code: typeof body.code === 'string' ? body.code : String(status),
    ...(body.data === undefined ? {} : { data: body.data }),
    ...(typeof body.details === 'string' ? { details: body.details } : {}),
  };
}

export type ManagementClient = ReturnType<typeof createManagementClient>;
