import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import type { TencentGateway } from '../tencent/gateway.ts';
import { createSdkGateway } from '../tencent/sdk-gateway.ts';

declare module 'fastify' {
  interface FastifyInstance {
    tencent: TencentGateway;
  }
}

/** The Tencent gateway: Tencent Cloud in production, the emulator in development and tests. */
async function tencentPlugin(app: FastifyInstance, opts: { config: Config }) {
  app.decorate(
    'tencent',
    createSdkGateway({
      endpoint: opts.config.tencent.endpoint,
      timeoutMs: opts.config.tencent.timeoutMs,
      logger: app.log,
    }),
  );
}

export default fp(tencentPlugin, { name: 'tencent' });
