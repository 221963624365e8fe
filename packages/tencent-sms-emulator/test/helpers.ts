import * as tencentcloud from 'tencentcloud-sdk-nodejs-sms';
import {
  devAccount,
  startTencentSmsEmulator,
  tc3Authorization,
  type TencentSmsEmulatorOptions,
} from '../src/index.ts';

// The SDK honours `http_proxy` even for 127.0.0.1; tests must talk to the emulator directly.
delete process.env.http_proxy;
delete process.env.HTTP_PROXY;

export type SmsClient = InstanceType<typeof tencentcloud.sms.v20210111.Client>;

export function smsClient(
  endpoint: string,
  credential: { secretId: string; secretKey: string } = devAccount,
  reqTimeout = 5,
): SmsClient {
  return new tencentcloud.sms.v20210111.Client({
    credential: { secretId: credential.secretId, secretKey: credential.secretKey },
    region: devAccount.region,
    profile: { httpProfile: { endpoint, protocol: 'http://', reqTimeout } },
  });
}

export async function startEmulator(options: TencentSmsEmulatorOptions = {}) {
  const emu = await startTencentSmsEmulator(options);
  return { emu, client: smsClient(emu.endpoint) };
}

/** The SDK's rejection, so tests can assert its `code` / `httpCode`. */
export async function sdkError(
  promise: Promise<unknown>,
): Promise<{ code?: string; httpCode?: number; message: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { code?: string; httpCode?: number; message: string };
  }
  throw new Error('expected the SDK call to fail');
}

/** A hand-signed API call, for what the SDK cannot be made to send (stale timestamps, no Authorization). */
export async function rawCall(
  url: string,
  init: {
    action: string;
    body?: unknown;
    /** GET: the parameters go in `query`, the signed payload is empty. */
    method?: 'POST' | 'GET';
    query?: string;
    timestamp?: number;
    secretId?: string;
    secretKey?: string;
    version?: string;
    region?: string | null;
    authorization?: string | null;
  },
): Promise<{ Response: Record<string, unknown> & { Error?: { Code: string; Message: string } } }> {
  const method = init.method ?? 'POST';
  const payload = method === 'GET' ? '' : JSON.stringify(init.body);
  const timestamp = init.timestamp ?? Math.floor(Date.now() / 1000);
  const host = new URL(url).hostname;
  const headers: Record<string, string> = {
    'content-type': method === 'GET' ? 'application/x-www-form-urlencoded' : 'application/json',
    'x-tc-action': init.action,
    'x-tc-timestamp': String(timestamp),
    'x-tc-version': init.version ?? '2021-01-11',
  };
  if (init.region !== null) headers['x-tc-region'] = init.region ?? devAccount.region;
  const authorization =
    init.authorization !== undefined
      ? init.authorization
      : tc3Authorization({
          secretId: init.secretId ?? devAccount.secretId,
          secretKey: init.secretKey ?? devAccount.secretKey,
          service: host.split('.')[0] ?? host,
          host,
          timestamp,
          payload,
          action: init.action,
          signedHeaders: ['content-type', 'host', 'x-tc-action'],
          contentType: headers['content-type'],
          method,
          query: init.query ?? '',
        });
  if (authorization !== null) headers.authorization = authorization;
  const target = init.query ? `${url}/?${init.query}` : url;
  const res = await fetch(target, { method, headers, ...(method === 'GET' ? {} : { body: payload }) });
  return (await res.json()) as never;
}

export const getJson = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
};

export const postJson = <T>(url: string, body?: unknown): Promise<T> =>
  getJson<T>(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
