/**
 * The one place that reads `import.meta.env`. Every VITE_ variable is checked at start; a bad one
 * stops the app with a message listing every bad key.
 */
export interface Env {
  logtoEndpoint: string;
  logtoAppId: string;
  logtoApiResource: string;
  apiUrl: string;
  emulatorUrl: string | null;
}

type RawEnv = Record<string, string | boolean | undefined>;

export function parseEnv(raw: RawEnv): Env {
  const problems: string[] = [];
  const str = (key: string, fallback: string): string => {
    const value = raw[key];
    if (value === undefined || value === '') return fallback;
    if (typeof value !== 'string') {
      problems.push(`${key}: must be a string`);
      return fallback;
    }
    return value;
  };
  const url = (key: string, fallback: string): string => {
    const value = str(key, fallback);
    if (value === '') return value;
    try {
      const parsed = new URL(value);
      if (!parsed.protocol.startsWith('http')) throw new Error();
    } catch {
      problems.push(`${key}: must be an absolute http(s) URL (got ${JSON.stringify(value)})`);
    }
    return value.replace(/\/+$/, '');
  };
  const env: Env = {
    logtoEndpoint: url('VITE_LOGTO_ENDPOINT', 'http://localhost:3001'),
    logtoAppId: str('VITE_LOGTO_APP_ID', 'smsdesk-spa'),
    logtoApiResource: str('VITE_LOGTO_API_RESOURCE', 'https://api.smsdesk.local'),
    // Empty means same origin: Vite proxies /api in dev, the API serves the SPA in production.
    apiUrl: str('VITE_API_URL', '').replace(/\/+$/, ''),
    emulatorUrl: url('VITE_TENCENT_EMULATOR_URL', '') || null,
  };
  if (problems.length > 0) throw new Error(`Invalid SPA configuration:\n- ${problems.join('\n- ')}`);
  return env;
}

export const env = parseEnv(import.meta.env as RawEnv);
