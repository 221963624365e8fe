import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  type CallbackUrl,
  CallbackTokenParamsSchema,
  CallbackUrlSchema,
  TencentCallbackReplySchema,
  TencentStatusCallbackSchema,
} from '@smsdesk/shared/schemas/callbacks';
import { IdParamsSchema } from '@smsdesk/shared/schemas/common';
import { CALLBACK_PREFIX } from './service.ts';
import { errors, security } from '../../lib/routes.ts';

const callbackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Reading and rotating the URL: the same scope, parameters and answer. The URL carries the token that lets
  // anyone post delivery reports, so even reading it is as sensitive as a write.
  const urlRoute = (
    method: 'GET' | 'POST',
    url: string,
    summary: string,
    answer: (connectorId: string, actor: string) => Promise<CallbackUrl>,
  ) =>
    app.route({
      method,
      url,
      onRequest: app.requireScopes('write:connectors'),
      schema: {
        tags: ['callbacks'],
        security,
        summary,
        params: IdParamsSchema,
        response: { 200: CallbackUrlSchema, ...errors(400, 401, 403, 404) },
      },
      handler: async (request) => answer(request.params.id, request.caller!.sub),
    });

  urlRoute(
    'GET',
    '/api/connectors/:id/callback',
    "The connector's Tencent status callback URL (made on the first ask; audited)",
    (id, actor) => app.callbacks.get(id, actor),
  );
  urlRoute(
    'POST',
    '/api/connectors/:id/callback-token',
    'Rotate the callback token: the old URL then answers 404 (audited)',
    (id, actor) => app.callbacks.rotate(id, actor),
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
