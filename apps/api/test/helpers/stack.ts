import { type DevLogto, type DevLogtoOptions, generateSigningKey, startDevLogto } from '@smsdesk/dev-logto';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { importJWK, SignJWT } from 'jose';
import { type AppDeps, buildApp, loggerOptions } from '../../src/app.ts';
import { testConfig } from './config.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';

export const allScopes = 'read:connectors write:connectors write:templates send:sms';

export interface TestStack {
  app: FastifyInstance;
  logto: DevLogto;
  database: TestDatabase;
  env: Record<string, string>;
  /** Every log line the app wrote, at trace level, with the production redaction: for secret scans. */
  logLines: string[];
  /** A real access token signed with dev-logto's key (verified through its JWKS like any other). */
  token(options?: { scope?: string; sub?: string }): Promise<string>;
  auth(options?: { scope?: string; sub?: string }): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export async function startTestStack(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  deps: Pick<AppDeps, 'now'> = {},
  logtoOptions: Pick<DevLogtoOptions, 'tencentEmulatorUrl'> = {},
): Promise<TestStack> {
  const jwk = await generateSigningKey();
  const logto = await startDevLogto({ port: 0, keys: [jwk], ...logtoOptions });
  const database = await createTestDatabase(kind);
  const fullEnv = { LOGTO_ENDPOINT: logto.endpoint, ...database.env, ...env };
  const config = testConfig(fullEnv);
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const app = await buildApp(config, {
    ...deps,
    logger: { ...loggerOptions(config), level: 'trace', stream },
  });
  const key = await importJWK(jwk, 'ES384');
  const token = async ({ scope = allScopes, sub = 'user-admin' } = {}) =>
    new SignJWT({ scope, client_id: 'smsdesk-spa' })
      .setProtectedHeader({ alg: 'ES384', typ: 'at+jwt', kid: jwk.kid })
      .setIssuer(logto.issuer)
      .setAudience(logto.resource)
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
  return {
    app,
    logto,
    database,
    env: fullEnv,
    logLines,
    token,
    auth: async (options) => ({ authorization: `Bearer ${await token(options)}` }),
    close: async () => {
      await app.close();
      await logto.close();
      await database.drop();
    },
  };
}

/**
 * A suite's `call(method, url, payload?, headers?)`: an inject into the stack's app, as `defaultHeaders()`
 * unless told otherwise, keeping every answer's body in `bodies` for the suite's secret scan. The stack and
 * the headers are read at each call (a suite makes them in its beforeAll).
 */
export function recordingCall(
  stack: () => TestStack,
  defaultHeaders: () => Record<string, string>,
  bodies: string[],
) {
  return async (
    method: string,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = defaultHeaders(),
  ): Promise<LightMyRequestResponse> => {
    const res = await stack().app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    bodies.push(res.body);
    return res;
  };
}
