import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { createCodeHasher } from './codes.ts';
import { createTestSendService, type TestSendService } from './service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Real test codes to real phones, their verification and delivery reports. */
    testSends: TestSendService;
  }
}

async function testSendsPlugin(app: FastifyInstance, opts: { config: Pick<Config, 'testSends'> }) {
  app.decorate(
    'testSends',
    createTestSendService({
      db: app.db.kysely,
      connectors: app.connectors,
      audit: app.audit,
      tencent: app.tencent,
      // The abuse limits (TEST_SEND_LIMIT_*).
      limits: opts.config.testSends,
      hasher: createCodeHasher(app.secretBox.deriveKey('smsdesk/test-sends/v1')),
      now: app.now,
      log: app.log,
      logtoTenants: app.logtoTenants,
      sealer: app.secretBox,
    }),
  );
}

export default fp(testSendsPlugin, {
  name: 'test-sends',
  dependencies: ['db', 'clock', 'tencent', 'audit', 'connectors', 'logto-tenants'],
});
