import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config.ts';

/**
 * Helmet's headers, computed once. Running helmet (or @fastify/helmet) per request cost 70% of a bare
 * Fastify route's throughput here; our policy does not vary by request, so the same header values are
 * taken from helmet once at start and set with one call per reply.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, () => {});
  return headers;
}

const allowedMethods = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const allowedHeaders = 'Authorization, Content-Type, If-Match, If-None-Match';
const exposedHeaders = 'ETag, Location, Retry-After, WWW-Authenticate';

/** The security headers of every reply, the framework's own refusals included. */
export function securityHeadersFor(config: Config): Record<string, string> {
  const logtoOrigin = new URL(config.logto.endpoint).origin;
  return securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The SPA talks to Logto directly (token, userinfo), and Swagger UI needs inline styles.
        connectSrc: ["'self'", logtoOrigin],
        imgSrc: ["'self'", 'data:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'", logtoOrigin],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only where smsdesk is served over https: on http it is ignored at best, and it would pin a
    // shared host name (localhost) to https at worst.
    strictTransportSecurity: new URL(config.baseUrl).protocol === 'https:',
  });
}

/** `headers`: `securityHeadersFor(config)`, computed once by `buildApp` (the framework's refusals use it too). */
async function securityPlugin(
  app: FastifyInstance,
  opts: { config: Config; headers: Record<string, string> },
) {
  const { config, headers } = opts;
  // No WEB_ORIGIN: no value an Origin header can equal.
  const allowedOrigin = config.webOrigin ?? Symbol('no web origin');

  // CORS for the one web origin, likewise without per-request work beyond a string compare.
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    reply.header('vary', 'Origin');
    if (request.headers.origin === allowedOrigin) {
      reply.header('access-control-allow-origin', request.headers.origin);
      reply.header('access-control-allow-credentials', 'true');
      reply.header('access-control-expose-headers', exposedHeaders);
    }
    done();
  });

  app.options('*', { schema: { hide: true } }, async (request, reply) => {
    if (request.headers.origin === allowedOrigin && request.headers['access-control-request-method']) {
      reply.header('access-control-allow-methods', allowedMethods);
      reply.header('access-control-allow-headers', allowedHeaders);
      reply.header('access-control-max-age', '600');
    }
    return reply.status(204).send();
  });
}

export default fp(securityPlugin, { name: 'security' });
