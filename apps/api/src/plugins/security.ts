import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

async function securityPlugin(app: FastifyInstance, opts: { config: Config }) {
  const { config } = opts;
  const logtoOrigin = new URL(config.logto.endpoint).origin;
  await app.register(helmet, {
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
  });
  await app.register(cors, {
    origin: [config.webOrigin],
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match'],
    exposedHeaders: ['ETag', 'Location', 'Retry-After', 'WWW-Authenticate'],
    maxAge: 600,
  });
}

export default fp(securityPlugin, { name: 'security' });
