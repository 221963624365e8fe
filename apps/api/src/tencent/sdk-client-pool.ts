import { createHash } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import type * as tencentcloud from 'tencentcloud-sdk-nodejs-sms';
import type { TencentCredentials } from './gateway.ts';

export type SmsClient = InstanceType<typeof tencentcloud.sms.v20210111.Client>;

export interface ClientPoolOptions {
  url: URL;
  timeoutMs: number;
  /** How many SDK clients (one per credentials + region) are kept. */
  maxClients: number;
}

/** One SDK client per credentials and region, the least recently used dropped past `maxClients`. */
export function createClientPool({ url, timeoutMs, maxClients }: ClientPoolOptions) {
  const protocol = url.protocol === 'http:' ? 'http://' : 'https://';
  // The SDK routes through the lowercase http_proxy whenever no agent is given, even for 127.0.0.1. A
  // loopback endpoint (the emulator) must never go through a proxy, so it gets a plain agent; a remote
  // endpoint keeps the SDK's behaviour, which lets a deployment behind an egress proxy reach Tencent.
  const agent = isLoopback(url.hostname)
    ? protocol === 'http://'
      ? new http.Agent({ keepAlive: true })
      : new https.Agent({ keepAlive: true })
    : undefined;
  const clients = new Map<string, SmsClient>();
  // The SDK is loaded on the first call to Tencent, not at start: it was a fifth of the start's imports.
  let sdk: Promise<typeof tencentcloud> | undefined;

  async function clientFor(creds: TencentCredentials): Promise<SmsClient> {
    // The key carries a hash of the secret, so a changed key gets a new client without keeping it twice.
    const secretHash = createHash('sha256').update(creds.secretKey).digest('base64url');
    const key = `${creds.secretId}\u0000${creds.region}\u0000${secretHash}`;
    const cached = clients.get(key);
    if (cached) {
      clients.delete(key); // re-insert: the Map's order doubles as least-recently-used
      clients.set(key, cached);
      return cached;
    }
    sdk ??= import('tencentcloud-sdk-nodejs-sms');
    const { sms } = await sdk;
    const client = new sms.v20210111.Client({
      credential: { secretId: creds.secretId, secretKey: creds.secretKey },
      region: creds.region,
      profile: {
        httpProfile: {
          endpoint: url.host,
          protocol,
          // One second more than our own timer, so ours always decides and maps to TENCENT_TIMEOUT.
          reqTimeout: Math.ceil(timeoutMs / 1000) + 1,
          ...(agent ? { agent } : {}),
        },
      },
    });
    if (clients.size >= maxClients) {
      const oldest = clients.keys().next().value;
      if (oldest !== undefined) clients.delete(oldest);
    }
    clients.set(key, client);
    return client;
  }

  return { endpoint: `${protocol}${url.host}`, clientFor };
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname === '::1' ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}
