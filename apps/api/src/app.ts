import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import type { Config } from './config.ts';
import type { TokenVerifier } from './auth/verifier.ts';
import type { Db } from './db/database.ts';
import { ping } from './db/migrations.ts';
import auditRoutes from './modules/audit/routes.ts';
import authRoutes from './modules/auth/routes.ts';
import checkRoutes from './modules/check/routes.ts';
import connectorRoutes from './modules/connectors/routes.ts';
import templatesRoutes from './modules/templates/routes.ts';
import testSendsRoutes from './modules/test-sends/routes.ts';
import meRoutes from './modules/me/routes.ts';
import healthRoutes, { type ReadinessCheck } from './modules/health/routes.ts';
import errorsPlugin from './plugins/errors.ts';
import openapiPlugin from './plugins/openapi.ts';
import securityPlugin from './plugins/security.ts';
import authPlugin from './plugins/auth.ts';
import dbPlugin from './plugins/db.ts';
import servicesPlugin from './plugins/services.ts';
import sessionPlugin from './plugins/session.ts';
import tencentPlugin from './plugins/tencent.ts';
import type { TencentGateway } from './tencent/gateway.ts';
import { httpLimits } from './lib/http-limits.ts';
import spaPlugin, { hasBuiltSpa, spaFallback } from './plugins/spa.ts';
import { OneLinePerRequest } from './lib/request-log.ts';

export interface AppDeps {
  /** A pino-compatible logger options object or instance (tests pass a stream to capture lines). */
  logger?: FastifyServerOptions['logger'];
  /** Replaces the remote-JWKS verifier (benchmarks compare both). */
  verifier?: TokenVerifier;
  /** An open database (tests share one across apps to simulate a restart); default from DATABASE_URL. */
  db?: Db;
  /** Replaces the SDK gateway (benchmarks measure the API without Tencent in the way). */
  tencent?: TencentGateway;
}

export function loggerOptions(config: Config) {
  return {
    level: config.logLevel,
    // Credentials never reach a log line, whatever a route or plugin decides to log.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.accessKeySecret',
        '*.password',
        '*.code',
      ],
      censor: '[redacted]',
    },
  };
}

/** Builds the whole API, ready for `inject()` or `listen()`; it never listens itself. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(config),
    logController: config.requestLog === 'line' ? new OneLinePerRequest() : new LogController(),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 256 * 1024,
    ...httpLimits(config),
    ajv: {
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // External plugins, then app plugins, then routes: the load order is the architecture.
  const serveSpa = hasBuiltSpa(config.webDist);
  await app.register(errorsPlugin, serveSpa ? { pageFallback: spaFallback } : {});
  await app.register(securityPlugin, { config });
  await app.register(openapiPlugin, { serveDocs: config.apiDocs });
  await app.register(dbPlugin, { config, db: deps.db });
  await app.register(sessionPlugin, { config });
  await app.register(authPlugin, { config, verifier: deps.verifier });
  await app.register(tencentPlugin, { config, gateway: deps.tencent });
  await app.register(servicesPlugin);

  const checks: ReadinessCheck[] = [{ name: 'database', check: () => ping(app.db.kysely) }];
  await app.register(healthRoutes, { checks: () => checks });
  await app.register(authRoutes, { config });
  await app.register(meRoutes);
  await app.register(connectorRoutes);
  await app.register(auditRoutes);
  await app.register(templatesRoutes);
  await app.register(checkRoutes);
  await app.register(testSendsRoutes, { config });

  if (serveSpa) await app.register(spaPlugin, { root: config.webDist });

  await app.ready();
  return app;
}
