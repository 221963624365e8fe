import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { httpLimits } from './lib/http-limits.ts';
import { type LazySchemas, lazySchemas } from './lib/lazy-schemas.ts';
import auditPlugin from './modules/audit/plugin.ts';
import auditRoutes from './modules/audit/routes.ts';
import authRoutes from './modules/auth/routes.ts';
import callbacksPlugin from './modules/callbacks/plugin.ts';
import callbackRoutes from './modules/callbacks/routes.ts';
import checkPlugin from './modules/check/plugin.ts';
import phoneUsageRoutes from './modules/phone-usage/routes.ts';
import checkRoutes from './modules/check/routes.ts';
import connectorsPlugin from './modules/connectors/plugin.ts';
import connectorRoutes from './modules/connectors/routes.ts';
import logtoTenantsPlugin from './modules/logto-tenants/plugin.ts';
import logtoTenantRoutes from './modules/logto-tenants/routes.ts';
import healthRoutes, { type ReadinessCheck } from './modules/health/routes.ts';
import meRoutes from './modules/me/routes.ts';
import templatesPlugin from './modules/templates/plugin.ts';
import templatesRoutes from './modules/templates/routes.ts';
import testSendsPlugin from './modules/test-sends/plugin.ts';
import testSendsRoutes from './modules/test-sends/routes.ts';
import authPlugin from './plugins/auth.ts';
import clockPlugin from './plugins/clock.ts';
import dbPlugin from './plugins/db.ts';
import errorsPlugin from './plugins/errors.ts';
import jsonBodyPlugin from './plugins/json-body.ts';
import openapiPlugin from './plugins/openapi.ts';
import securityPlugin, { securityHeadersFor } from './plugins/security.ts';
import { clientErrorHandlerWith, frameworkErrorsWith } from './lib/framework-errors.ts';
import schedulerPlugin from './plugins/scheduler.ts';
import sessionPlugin from './plugins/session.ts';
import spaPlugin, { hasBuiltSpa, spaFallback } from './plugins/spa.ts';
import { OneLinePerRequest } from './lib/request-log.ts';
import tencentPlugin from './plugins/tencent.ts';

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: { draining: boolean };
    /** The route schemas, compiled on first use and in the background after `listen`. */
    schemas: LazySchemas;
  }
}

/** What a test may put in place of the real part; production passes none. */
export interface AppDeps {
  /** A pino-compatible logger options object or instance (tests pass a stream to capture lines). */
  logger?: FastifyServerOptions['logger'];
  /** An open database (tests share one across apps to simulate a restart); default from DATABASE_URL. */
  db?: Db;
  /** The clock of every service (tests move time to expire a code). */
  now?: () => Date;
  /** Registers the OpenAPI plugins at start rather than at the first /docs request (a test compares both). */
  eagerDocs?: boolean;
}

/**
 * The request as a log line shows it: the path without its query string. The OAuth callback carries the
 * authorization `code` (and `state`) there; no query value reaches a log line, whatever the level.
 */
export function requestForLog(req: {
  method: string;
  url: string;
  hostname?: string;
  remoteAddress?: string;
  remotePort?: number;
}) {
  const at = req.url.indexOf('?');
  // The token of a Tencent callback URL is that route's only credential.
  const path = (at === -1 ? req.url : req.url.slice(0, at)).replace(
    /^\/tencent-callbacks\/[^/]+/,
    '/tencent-callbacks/[token]',
  );
  return {
    method: req.method,
    url: at === -1 ? path : `${path}?[query omitted]`,
    hostname: req.hostname,
    remoteAddress: req.remoteAddress,
    remotePort: req.remotePort,
  };
}

export function loggerOptions(config: Config) {
  return {
    level: config.logLevel,
    serializers: { req: requestForLog },
    // Credentials never reach a log line, whatever a route or plugin decides to log. The paths are exact:
    // a wildcard `*.code` would also hide an error's own code (`err.code`: SQLITE_BUSY, ECONNREFUSED).
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.accessKeySecret',
        '*.password',
        // A code sent by SMS: the verify body, a Tencent SendSms request's parameters.
        'body.code',
        'req.body.code',
        '*.TemplateParamSet',
        '*.templateParamSet',
        '*.params.TemplateParamSet',
      ],
      censor: '[redacted]',
    },
  };
}

/** Builds the whole API, ready for `inject()` or `listen()`; it never listens itself. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const headers = securityHeadersFor(config);
  const schemas = lazySchemas();
  const requestLine = config.requestLog === 'line' ? new OneLinePerRequest() : undefined;
  const app = Fastify({
    schemaController: schemas.options,
    // The router's and Node's parser's refusals answer like every other error (shared body, same headers).
    frameworkErrors: frameworkErrorsWith(headers),
    clientErrorHandler: clientErrorHandlerWith(headers),
    logger: deps.logger ?? loggerOptions(config),
    logController: requestLine ?? new LogController(),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    // Fastify takes a hop count too (documented), though its types list only boolean and string.
    trustProxy: config.trustProxy as boolean | string,
    bodyLimit: 256 * 1024,
    ...httpLimits(config),
    ajv: {
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  requestLine?.writeTo(app.log);

  // External plugins, then app plugins (each service one decorator: app.<service>), then routes, which
  // only read app.<service>: the load order is the architecture.
  const serveSpa = hasBuiltSpa(config.webDist);
  await app.register(errorsPlugin, serveSpa ? { pageFallback: spaFallback } : {});
  await app.register(securityPlugin, { config, headers });
  await app.register(jsonBodyPlugin);
  await app.register(openapiPlugin, { serveDocs: config.apiDocs, eager: deps.eagerDocs });

  await app.register(clockPlugin, { now: deps.now });
  await app.register(dbPlugin, { config, db: deps.db });
  await app.register(schedulerPlugin);
  await app.register(sessionPlugin, { config });
  await app.register(authPlugin, { config });
  await app.register(tencentPlugin, { config });
  await app.register(auditPlugin);
  await app.register(connectorsPlugin);
  await app.register(templatesPlugin);
  await app.register(callbacksPlugin, { config });
  await app.register(checkPlugin);
  await app.register(logtoTenantsPlugin, { config });
  await app.register(testSendsPlugin, { config });

  app.decorate('schemas', schemas);
  app.addHook('onListen', (done) => {
    schemas.warmUp((error) => app.log.error({ err: error }, 'a route schema does not compile'));
    done();
  });
  app.addHook('onClose', async () => schemas.stop());

  // SIGTERM (server.ts) sets `draining`: readiness answers 503 so a load balancer stops sending here.
  app.decorate('lifecycle', { draining: false });
  const checks: ReadinessCheck[] = [{ name: 'database', check: () => app.db.probeWritable() }];
  const draining: ReadinessCheck = {
    name: 'instance',
    check: async () => {
      throw new Error('shutting down: finishing the requests in flight');
    },
  };
  await app.register(healthRoutes, {
    checks: () => (app.lifecycle.draining ? [...checks, draining] : checks),
  });
  await app.register(authRoutes, { config });
  await app.register(meRoutes);
  await app.register(connectorRoutes);
  await app.register(auditRoutes);
  await app.register(templatesRoutes);
  await app.register(checkRoutes);
  await app.register(testSendsRoutes);
  await app.register(logtoTenantRoutes);
  await app.register(callbackRoutes);
  await app.register(phoneUsageRoutes);

  if (serveSpa) await app.register(spaPlugin, { root: config.webDist });

  await app.ready();
  return app;
}
