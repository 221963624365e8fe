import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParamsSchema } from '@smsdesk/shared/schemas/common';
import {
  DeleteTemplateQuerySchema,
  SignListSchema,
  TemplateInputSchema,
  TemplateListSchema,
  TemplateParamsSchema,
  TemplateSchema,
} from '@smsdesk/shared/schemas/templates';
import { errors, security } from '../../lib/routes.ts';

const tags = ['templates'];
// Every route asks Tencent: a connector without a secret is 409, Tencent's refusals 422/429/502/504.
const tencentErrors = [409, 422, 429, 502, 504];

const templatesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = app.requireScopes('read:connectors');
  const write = app.requireScopes('write:templates');

  app.get(
    '/api/connectors/:id/templates',
    {
      onRequest: read,
      schema: {
        tags,
        security,
        summary: "The templates at Tencent on the connector's side, with the usage types mapped to each",
        params: IdParamsSchema,
        response: { 200: TemplateListSchema, ...errors(400, 401, 403, 404, ...tencentErrors) },
      },
    },
    async (request) => ({ items: await app.templates.list(request.params.id) }),
  );

  app.post(
    '/api/connectors/:id/templates',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary: 'Add a template at Tencent (checked against the template rules first); it goes to review',
        params: IdParamsSchema,
        body: TemplateInputSchema,
        response: { 201: TemplateSchema, ...errors(400, 401, 403, 404, ...tencentErrors) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const template = await app.templates.create(id, request.body, request.caller!.sub);
      return reply
        .status(201)
        .header('location', `/api/connectors/${id}/templates/${template.templateId}`)
        .send(template);
    },
  );

  app.put(
    '/api/connectors/:id/templates/:templateId',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary: 'Change a template under review or rejected (an approved one is locked: 409)',
        params: TemplateParamsSchema,
        body: TemplateInputSchema,
        response: { 200: TemplateSchema, ...errors(400, 401, 403, 404, ...tencentErrors) },
      },
    },
    async (request) => {
      const { id, templateId } = request.params;
      return app.templates.modify(id, templateId, request.body, request.caller!.sub);
    },
  );

  app.delete(
    '/api/connectors/:id/templates/:templateId',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary: 'Delete a template at Tencent (409 while a connector maps it, unless ?force=true)',
        params: TemplateParamsSchema,
        querystring: DeleteTemplateQuerySchema,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, ...tencentErrors) },
      },
    },
    async (request, reply) => {
      const { id, templateId } = request.params;
      await app.templates.remove(id, templateId, request.query.force ?? false, request.caller!.sub);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/connectors/:id/signs',
    {
      onRequest: read,
      schema: {
        tags,
        security,
        summary: "The signs at Tencent on the connector's side",
        params: IdParamsSchema,
        response: { 200: SignListSchema, ...errors(400, 401, 403, 404, ...tencentErrors) },
      },
    },
    async (request) => ({ items: await app.templates.signs(request.params.id) }),
  );
};

export default templatesRoutes;
