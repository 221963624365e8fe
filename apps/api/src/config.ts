import { fileURLToPath } from 'node:url';

/**
 * The one reader of `process.env`. Every setting is parsed and checked here; a bad value stops the
 * start with one message that lists every bad key and why.
 */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  logLevel: LogLevel;
  /** `json` for production (one object a line); `pretty` for a terminal (`pnpm dev`, needs pino-pretty). */
  logFormat: 'json' | 'pretty';
  /**
   * `line`: one line per request, written asynchronously. `fastify`: Fastify's own incoming/completed pair,
   * written synchronously, kept so the benchmark can show what the one line saves.
   */
  requestLog: 'line' | 'fastify';
  /**
   * Fastify's `trustProxy`: false (default) takes the client address and scheme from the socket; behind a
   * reverse proxy, true (trust every hop), a hop count, or the proxies' addresses/CIDRs (comma-separated),
   * so logs and `request.ip` name the client rather than the proxy.
   */
  trustProxy: boolean | number | string;
  /**
   * The one other origin trusted for CORS with credentials and the CSRF rule; null (unset or `none`): only
   * BASE_URL. Required with SMSDESK_REQUIRE_SECRETS, and then never a loopback origin unless BASE_URL is one.
   */
  webOrigin: string | null;
  /** Where the API finds the built SPA to serve at `/` (skipped when it is not built). */
  webDist: string;
  baseUrl: string;
  logto: {
    endpoint: string;
    apiResource: string;
    appId: string;
    appSecret: string | null;
  };
  /** Verified access tokens kept in memory (0: verify every request, for comparison in benchmarks). */
  authTokenCacheSize: number;
  /** Refuse to start with generated development secrets (SMSDESK_REQUIRE_SECRETS). */
  requireSecrets: boolean;
  /** Serve the OpenAPI document and Swagger UI at /docs. */
  apiDocs: boolean;
  /** Newest first: cookies are signed with the first and accepted under any (rotation). */
  sessionSecrets: string[] | null;
  sessions: {
    /** A signed-in session's lifetime. */
    maxAgeMs: number;
    /** A pending sign-in's lifetime (the visitor has not come back from Logto yet). */
    signInMaxAgeMs: number;
    purgeIntervalMs: number;
  };
  http: {
    /** The whole request, headers and body, must arrive within this (slow-body clients). */
    requestTimeoutMs: number;
    /** A socket with no traffic for this long is closed. */
    idleTimeoutMs: number;
    keepAliveTimeoutMs: number;
    /**
     * SIGTERM: how long the instance keeps serving while /health/ready answers 503, so a load balancer
     * takes it out of rotation before it stops accepting connections (0: stop accepting at once).
     */
    shutdownGraceMs: number;
    /** SIGTERM: the bound on draining the requests in flight; past it the process exits with 1. */
    shutdownTimeoutMs: number;
  };
  /** Where SQLite and generated development secrets live. */
  dataDir: string;
  databaseUrl: string | null;
  secretKey: string | null;
  tencent: {
    endpoint: string;
    timeoutMs: number;
  };
  /** Calls to a Logto tenant's Management API (smsdesk's Logto tenants). */
  logtoManagement: {
    timeoutMs: number;
  };
  /** Abuse limits on test sends (SMS pumping costs money), counted in the database across instances. */
  testSends: {
    perUserPerHour: number;
    perPhonePerHour: number;
    perConnectorPerDay: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;
type Parser<T> = (raw: string) => T;

const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const port: Parser<number> = (raw) => {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65535) throw new Error('must be a port number from 0 to 65535');
  return n;
};
const positiveInt: Parser<number> = (raw) => {
  if (!/^[1-9]\d*$/.test(raw)) throw new Error('must be a positive whole number');
  return Number(raw);
};
const wholeNumber: Parser<number> = (raw) => {
  if (!/^\d+$/.test(raw)) throw new Error('must be a whole number (0 or more)');
  return Number(raw);
};
const text: Parser<string> = (raw) => {
  if (raw.trim() === '') throw new Error('must not be empty');
  return raw;
};
const httpUrl: Parser<string> = (raw) => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('must be an http(s) URL');
  return raw.replace(/\/+$/, '');
};
const origin: Parser<string> = (raw) => {
  const value = httpUrl(raw);
  if (new URL(value).origin !== value) throw new Error('must be an origin: scheme://host[:port], no path');
  return value;
};
const trustProxy: Parser<boolean | number | string> = (raw) => {
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  const hops = raw.split(',').map((h) => h.trim());
  if (hops.some((h) => !/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(h)))
    throw new Error('must be true, false, a number of hops, or comma-separated IP addresses/CIDRs');
  return hops.join(',');
};
const logLevel: Parser<LogLevel> = (raw) => {
  if (!(logLevels as readonly string[]).includes(raw))
    throw new Error(`must be one of ${logLevels.join(', ')}`);
  return raw as LogLevel;
};
const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (raw) => {
    if (!(values as string[]).includes(raw)) throw new Error(`must be one of ${values.join(', ')}`);
    return raw as T;
  };
const sessionSecrets: Parser<string[]> = (raw) => {
  const secrets = raw.split(',').map((s) => s.trim());
  if (secrets.some((s) => s.length < 32))
    throw new Error('must be at least 32 characters (each one, when a comma-separated list)');
  return secrets;
};
const flag: Parser<boolean> = (raw) => {
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new Error('must be true or false');
};
const secretKey: Parser<string> = (raw) => {
  if (Buffer.from(raw, 'base64').length !== 32 || !/^[A-Za-z0-9+/]+=*$/.test(raw)) {
    throw new Error('must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  }
  return raw;
};
const databaseUrl: Parser<string> = (raw) => {
  if (/^postgres(ql)?:\/\//.test(raw)) return raw;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw))
    throw new Error('must be a postgres:// URL or an SQLite file path');
  return text(raw);
};

// Both src/config.ts and the bundled dist/server.js sit two levels below apps/, next to apps/web/dist.
const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  function read<T>(key: string, parse: Parser<T>, fallback: T): T {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    try {
      return parse(raw);
    } catch (error) {
      problems.push(`${key}: ${(error as Error).message} (got ${JSON.stringify(describe(key, raw))})`);
      return fallback;
    }
  }

  const config: Config = {
    port: read('PORT', port, 3000),
    host: read('HOST', text, 'localhost'),
    logLevel: read('LOG_LEVEL', logLevel, 'info'),
    logFormat: read('LOG_FORMAT', oneOf('json', 'pretty'), 'json'),
    requestLog: read('REQUEST_LOG', oneOf('line', 'fastify'), 'line'),
    trustProxy: read('TRUST_PROXY', trustProxy, false),
    webOrigin: read<string | null>('WEB_ORIGIN', (raw) => (raw === 'none' ? null : origin(raw)), null),
    webDist: read('WEB_DIST', text, defaultWebDist),
    baseUrl: read('BASE_URL', httpUrl, 'http://localhost:3000'),
    logto: {
      endpoint: read('LOGTO_ENDPOINT', httpUrl, 'http://localhost:3001'),
      apiResource: read('LOGTO_API_RESOURCE', text, 'https://api.smsdesk.local'),
      appId: read('LOGTO_APP_ID', text, 'smsdesk-web'),
      appSecret: read('LOGTO_APP_SECRET', text, null),
    },
    authTokenCacheSize: read('AUTH_TOKEN_CACHE_SIZE', wholeNumber, 10_000),
    requireSecrets: read('SMSDESK_REQUIRE_SECRETS', flag, false),
    apiDocs: read('API_DOCS', flag, true),
    sessionSecrets: read<string[] | null>('SESSION_SECRET', sessionSecrets, null),
    sessions: {
      maxAgeMs: read('SESSION_MAX_AGE_HOURS', positiveInt, 168) * 3600_000,
      signInMaxAgeMs: read('SIGN_IN_MAX_AGE_MINUTES', positiveInt, 10) * 60_000,
      purgeIntervalMs: read('SESSION_PURGE_INTERVAL_SECONDS', positiveInt, 600) * 1000,
    },
    http: {
      requestTimeoutMs: read('HTTP_REQUEST_TIMEOUT_MS', positiveInt, 30_000),
      idleTimeoutMs: read('HTTP_IDLE_TIMEOUT_MS', positiveInt, 30_000),
      keepAliveTimeoutMs: read('HTTP_KEEP_ALIVE_TIMEOUT_MS', positiveInt, 72_000),
      shutdownGraceMs: read('SHUTDOWN_GRACE_MS', wholeNumber, 0),
      shutdownTimeoutMs: read('SHUTDOWN_TIMEOUT_MS', positiveInt, 10_000),
    },
    dataDir: read('DATA_DIR', text, 'data'),
    databaseUrl: read('DATABASE_URL', databaseUrl, null),
    secretKey: read('SMSDESK_SECRET_KEY', secretKey, null),
    tencent: {
      endpoint: read('TENCENT_SMS_ENDPOINT', httpUrl, 'https://sms.tencentcloudapi.com'),
      timeoutMs: read('TENCENT_SMS_TIMEOUT_MS', positiveInt, 10_000),
    },
    logtoManagement: {
      timeoutMs: read('LOGTO_MANAGEMENT_TIMEOUT_MS', positiveInt, 10_000),
    },
    testSends: {
      perUserPerHour: read('TEST_SEND_LIMIT_PER_USER_PER_HOUR', positiveInt, 20),
      perPhonePerHour: read('TEST_SEND_LIMIT_PER_PHONE_PER_HOUR', positiveInt, 5),
      perConnectorPerDay: read('TEST_SEND_LIMIT_PER_CONNECTOR_PER_DAY', positiveInt, 100),
    },
  };
  // Generated secrets (a warning, then a file under DATA_DIR) are for development: a deployment that sets
  // SMSDESK_REQUIRE_SECRETS must be given them, so they are neither lost with a disk nor left to chance.
  if (config.requireSecrets) {
    const required: Array<[string, unknown]> = [
      ['SESSION_SECRET', config.sessionSecrets],
      ['SMSDESK_SECRET_KEY', config.secretKey],
      ['LOGTO_APP_SECRET', config.logto.appSecret],
    ];
    for (const [key, value] of required) {
      if (value === null && !problems.some((p) => p.startsWith(`${key}:`)))
        problems.push(
          `${key}: is required when SMSDESK_REQUIRE_SECRETS=true (generated values are for development only)`,
        );
    }
  }
  // A deployment names the origins it trusts for CORS with credentials and the CSRF rule: a development
  // default (the Vite server on localhost) is never carried into production by omission or by a copied file.
  if (config.requireSecrets && !problems.some((p) => p.startsWith('WEB_ORIGIN:'))) {
    if (env.WEB_ORIGIN === undefined || env.WEB_ORIGIN === '') {
      problems.push(
        'WEB_ORIGIN: is required when SMSDESK_REQUIRE_SECRETS=true: the SPA\'s origin if it is served elsewhere, or "none" when the API serves it at BASE_URL',
      );
    } else if (config.webOrigin && isLoopback(config.webOrigin) && !isLoopback(config.baseUrl)) {
      problems.push(
        `WEB_ORIGIN: a loopback origin is not trusted when SMSDESK_REQUIRE_SECRETS=true and BASE_URL is not loopback (got ${JSON.stringify(config.webOrigin)})`,
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\./.test(host);
}

/** Secrets are never echoed back, not even in a configuration error. */
function describe(key: string, raw: string): string {
  return /SECRET|KEY|PASSWORD/.test(key) ? `<${raw.length} characters>` : raw;
}
