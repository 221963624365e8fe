import { IdParamsSchema } from '@smsdesk/shared/schemas/common';
import {
  CreateTestSendSchema,
  TestSendPageSchema,
  TestSendQuerySchema,
  TestSendSchema,
  VerifyResultSchema,
  VerifyTestSendSchema,
} from '@smsdesk/shared/schemas/test-sends';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors, security } from '../../lib/routes.ts';

const tags = ['test-sends'];

const testSendsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const send = app.requireScopes('send:sms');
  const read = app.requireScopes('read:connectors');

  app.post(
    '/api/connectors/:id/test-sends',
    {
      onRequest: send,
      schema: {
        tags,
        security,
        summary: 'Send a real test code to a phone, as smsdesk or exactly as Logto would',
        description:
          "201 also when Tencent refused the send: the test send is recorded as `failed` with Tencent's code and guidance. " +
          '429 RATE_LIMITED (Retry-After) when a per-user, per-number or per-connector limit is reached.',
        params: IdParamsSchema,
        body: CreateTestSendSchema,
        response: { 201: TestSendSchema, ...errors(400, 401, 403, 404, 409, 422, 429, 502, 504) },
      },
    },
    async (request, reply) => {
      const testSend = await app.testSends.create(request.params.id, request.body, request.caller!.sub);
      return reply.status(201).header('location', `/api/test-sends/${testSend.id}`).send(testSend);
    },
  );

  app.post(
    '/api/test-sends/:id/verify',
    {
      onRequest: send,
      schema: {
        tags,
        security,
        summary: 'Prove the phone received the code (5 attempts, 10 minutes)',
        params: IdParamsSchema,
        body: VerifyTestSendSchema,
        response: { 200: VerifyResultSchema, ...errors(400, 401, 403, 404, 409, 422, 502, 504) },
      },
    },
    async (request) => app.testSends.verify(request.params.id, request.body.code, request.caller!.sub),
  );

  app.get(
    '/api/test-sends/:id',
    {
      onRequest: read,
      schema: {
        tags,
        security,
        summary: 'One test send, its delivery report refreshed from Tencent while pending',
        params: IdParamsSchema,
        response: { 200: TestSendSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => app.testSends.get(request.params.id),
  );

  app.get(
    '/api/test-sends',
    {
      onRequest: read,
      schema: {
        tags,
        security,
        summary: 'Test sends, newest first (numbers masked)',
        querystring: TestSendQuerySchema,
        response: { 200: TestSendPageSchema, ...errors(400, 401, 403) },
      },
    },
    async (request) => app.testSends.list(request.query),
  );
};

export default testSendsRoutes;
