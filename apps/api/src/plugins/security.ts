import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
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

/**
 * `headers`: `securityHeadersFor(config)`, computed once by `buildApp` (the framework's refusals use it too).
 * CORS is `@fastify/cors` for the one web origin: any other origin (or none) gets no CORS header, and its
 * OPTIONS request is a 404 like any unknown route; `Vary: Origin` is added to what a reply already varies on.
 */
async function securityPlugin(
  app: FastifyInstance,
  opts: { config: Config; headers: Record<string, string> },
) {
  const { config, headers } = opts;
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  const { webOrigin } = config;
  await app.register(cors, {
    origin: (origin, allow) => allow(null, webOrigin !== null && origin === webOrigin),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match'],
    exposedHeaders: ['ETag', 'Location', 'Retry-After', 'WWW-Authenticate'],
    maxAge: 600,
  });
}

export default fp(securityPlugin, { name: 'security' });
