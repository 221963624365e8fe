import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { type CallbackService, createCallbackService } from './service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Tencent's status callbacks: each connector's URL and the receiver of the reports. */
    callbacks: CallbackService;
  }
}

async function callbacksPlugin(app: FastifyInstance, opts: { config: Pick<Config, 'baseUrl'> }) {
  app.decorate(
    'callbacks',
    createCallbackService({
      db: app.db.kysely,
      secretBox: app.secretBox,
      audit: app.audit,
      connectors: app.connectors,
      // test-sends is registered after this plugin (it needs more of the app): looked up per report.
      testSends: { receiveReports: (sdkAppId, reports) => app.testSends.receiveReports(sdkAppId, reports) },
      baseUrl: opts.config.baseUrl,
      now: app.now,
    }),
  );
}

export default fp(callbacksPlugin, {
  name: 'callbacks',
  dependencies: ['db', 'clock', 'audit', 'connectors'],
});
