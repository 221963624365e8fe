import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema } from '@smsdesk/shared/schemas/common';
import { ErrorBodySchema } from '@smsdesk/shared/schemas/errors';
import { PhoneUsageQuerySchema, PhoneUsageSchema } from '@smsdesk/shared/schemas/phone-usage';
import { createCodeHasher } from '../test-sends/codes.ts';
import { createPhoneUsageService } from './service.ts';

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ErrorBodySchema]));

const phoneUsageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createPhoneUsageService({
    db: app.db.kysely,
    connectors: app.connectors,
    // The test sends' own key: the hash must be the one their rows carry.
    hasher: createCodeHasher(app.secretBox.deriveKey('smsdesk/test-sends/v1')),
    now: app.now,
  });
  app.get(
    '/api/connectors/:id/phone-usage',
    {
      onRequest: app.requireScopes('send:sms'),
      schema: {
        tags: ['test-sends'],
        security: [{ bearer: [] }],
        summary:
          "Before a test send: Tencent's default frequency limits for one number, and today's use of it",
        description:
          'Counts only what went through smsdesk (Logto and other senders on the same SDK app count at Tencent too). The number stays out of the logs (the query string is never logged).',
        params: IdParamsSchema,
        querystring: PhoneUsageQuerySchema,
        response: { 200: PhoneUsageSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => service.usage(request.params.id, request.query.phoneNumber, request.query.country),
  );
};

export default phoneUsageRoutes;
