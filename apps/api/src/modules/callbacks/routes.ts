import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CallbackTokenParamsSchema,
  CallbackUrlSchema,
  TencentCallbackReplySchema,
  TencentStatusCallbackSchema,
} from '@smsdesk/shared/schemas/callbacks';
import { IdParamsSchema } from '@smsdesk/shared/schemas/common';
import { ErrorBodySchema } from '@smsdesk/shared/schemas/errors';
import { CALLBACK_PREFIX } from './service.ts';

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ErrorBodySchema]));

const callbackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/connectors/:id/callback',
    {
      // The URL carries the token that lets anyone post delivery reports: as sensitive as a write.
      onRequest: app.requireScopes('write:connectors'),
      schema: {
        tags: ['callbacks'],
        security: [{ bearer: [] }],
        summary: "The connector's Tencent status callback URL (made on the first ask; audited)",
        params: IdParamsSchema,
        response: { 200: CallbackUrlSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => app.callbacks.get(request.params.id, request.caller!.sub),
  );

  app.post(
    '/api/connectors/:id/callback-token',
    {
      onRequest: app.requireScopes('write:connectors'),
      schema: {
        tags: ['callbacks'],
        security: [{ bearer: [] }],
        summary: 'Rotate the callback token: the old URL then answers 404 (audited)',
        params: IdParamsSchema,
        response: { 200: CallbackUrlSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => app.callbacks.rotate(request.params.id, request.caller!.sub),
  );

  app.post(
    `${CALLBACK_PREFIX}/:token`,
    {
      // The token is checked before the body, so a wrong URL learns nothing about the body rules.
      preValidation: async (request) => {
        const { token } = request.params as { token: string };
        await app.callbacks.authorize(token);
      },
      schema: {
        tags: ['callbacks'],
        security: [],
        summary: "Tencent's status callback: delivery reports of this connector's sends",
        description:
          "No bearer token: the URL's token is the credential. A JSON array of Tencent's reports; the answer is the same whether or not a serial number belongs to a send here. Idempotent.",
        params: CallbackTokenParamsSchema,
        body: TencentStatusCallbackSchema,
        response: { 200: TencentCallbackReplySchema, ...errors(400, 404) },
      },
    },
    async (request) => {
      await app.callbacks.receive(request.params.token, request.body);
      return { result: 0 as const, errmsg: 'OK' as const };
    },
  );
};

export default callbackRoutes;
