import { startTencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devConnectorBody } from '../fixtures/connectors.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { expectNoSecrets } from '../helpers/secrets.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Route {
  method: Method;
  path: string;
  hasBody: boolean;
}

/**
 * Property: whatever arrives in a route's params, query, headers and body, the API never answers 5xx and
 * every failure is the shared error body. Routes come from the OpenAPI document, so new routes are fuzzed too.
 */
describe('fuzzing every route', () => {
  let stack: TestStack;
  let emulator: Awaited<ReturnType<typeof startTencentSmsEmulator>>;
  let routes: Route[] = [];
  let connectorId = '';
  const bodies: string[] = [];

  beforeAll(async () => {
    emulator = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
    stack = await startTestStack('sqlite', {
      TENCENT_SMS_ENDPOINT: emulator.url,
      TENCENT_SMS_TIMEOUT_MS: '2000',
    });
    const auth = await stack.auth();
    const created = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: auth,
      payload: devConnectorBody('Fuzzed'),
    });
    connectorId = created.json().id;
    const doc = (await stack.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        // The sign-in flow redirects to Logto by design; it is tested on its own.
        .filter(() => !path.startsWith('/auth/'))
        .map(([method, op]) => ({
          method: method.toUpperCase() as Method,
          path,
          hasBody: Boolean(op.requestBody),
        })),
    );
  });
  afterAll(async () => {
    // Secret hygiene: no answer and no log line of this suite carries a configured secret.
    expectNoSecrets([...bodies, ...(stack?.logLines ?? [])]);
    await stack?.close();
    await emulator?.close();
  });

  it('finds the API routes in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(8);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('PATCH /api/connectors/{id}');
  });

  const junk = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '%00',
      '..%2F..%2Fetc%2Fpasswd',
      '00000000-0000-4000-8000-000000000000',
      'null',
      '-1',
      '1e309',
      '😀',
    ),
    fc.uuid(),
  );
  const jsonValue = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        name: fc.oneof(fc.string({ maxLength: 90 }), fc.integer()),
        signName: junk,
        region: junk,
        sdkAppId: junk,
        templates: fc.array(fc.record({ usageType: junk, templateCode: junk }), { maxLength: 12 }),
        phoneNumber: junk,
        usageType: fc.constantFrom('SignIn', 'Generic', 'Nope'),
        code: junk,
        content: fc.string({ maxLength: 600 }),
        config: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    ),
  );

  // A fresh seed every run (printed, so a failure can be replayed with FUZZ_SEED=<seed>), and every seed
  // that once found a bug, kept as a regression case.
  const freshSeed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const regressionSeeds = [20261125, 569301139 /* limit=1e309 → 500 (issue 16, item 6) */];
  it.each([freshSeed, ...regressionSeeds])(
    'never answers 5xx, and every failure is the shared error body (seed %i)',
    async (seed) => {
      console.info(`fuzz seed ${seed} (replay: FUZZ_SEED=${seed})`);
      const auth = await stack.auth();
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: 10_000 }),
          fc.boolean(),
          junk,
          fc.dictionary(fc.constantFrom('limit', 'cursor', 'connectorId', 'force', 'returnTo'), junk, {
            maxKeys: 3,
          }),
          fc.option(jsonValue, { nil: undefined }),
          fc.option(fc.oneof(junk, fc.constant('W/"1"'), fc.constant('"999999"')), { nil: undefined }),
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
          fc.option(fc.constantFrom('Bearer ', 'Bearer x.y.z', 'Basic Zm9vOmJhcg==', ''), { nil: undefined }),
          async (pick, realId, param, query, body, ifMatch, contentType, badAuth) => {
            const route = routes[pick % routes.length]!;
            const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
              encodeURIComponent(name === 'id' && realId ? connectorId : param),
            );
            const headers: Record<string, string> = { authorization: badAuth ?? auth.authorization };
            if (ifMatch !== undefined) headers['if-match'] = ifMatch;
            let payload: string | undefined;
            if (route.hasBody || body !== undefined) {
              headers['content-type'] = contentType;
              payload = JSON.stringify(body ?? null);
            }
            const res = await stack.app.inject({ method: route.method, url: path, query, headers, payload });
            // The Logto export carries the secret by design (write:connectors, audited); nothing else may.
            if (!path.endsWith('/logto-config')) bodies.push(res.body);
            if (res.statusCode >= 500) {
              throw new Error(`${route.method} ${path} answered ${res.statusCode}: ${res.body}`);
            }
            if (res.statusCode >= 400) {
              const parsed = res.json();
              expect(parsed.error.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
              expect(typeof parsed.error.message).toBe('string');
            }
          },
        ),
        { numRuns: 1000, seed },
      );
    },
    120_000,
  );
});
