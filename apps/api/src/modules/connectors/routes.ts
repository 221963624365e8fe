import { Type } from '@sinclair/typebox';
import { IdParamsSchema } from '@smsdesk/shared/schemas/common';
import {
  ConnectorListSchema,
  ConnectorSchema,
  CreateConnectorSchema,
  ImportConnectorSchema,
  LogtoTencentConfigSchema,
  UpdateConnectorSchema,
} from '@smsdesk/shared/schemas/connectors';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors, IfMatchSchema, security, sendCreated, sendVersioned, versionOf } from '../../lib/routes.ts';

const tags = ['connectors'];

const connectorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = app.requireScopes('read:connectors');
  const write = app.requireScopes('write:connectors');
  const serializedLists = new WeakMap<object, string>();

  app.get(
    '/api/connectors',
    {
      onRequest: read,
      schema: {
        tags,
        security,
        summary: 'List connector profiles',
        response: { 200: ConnectorListSchema, ...errors(401, 403) },
      },
    },
    async (_request, reply) => {
      const items = await app.connectors.list();
      // The service hands back the same array until the list changes: serialize it once per version.
      let body = serializedLists.get(items);
      if (body === undefined) {
        body = reply.serialize({ items }) as string;
        serializedLists.set(items, body);
      }
      // A string with a JSON content type goes out as it is (the type provider only knows the object form).
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  app.get(
    '/api/connectors/:id',
    {
      onRequest: read,
      schema: {
        tags,
        security,
        summary: 'One connector profile, with its ETag',
        params: IdParamsSchema,
        response: { 200: ConnectorSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const connector = await app.connectors.get(request.params.id);
      return sendVersioned(reply, connector);
    },
  );

  app.post(
    '/api/connectors',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary: 'Create a connector profile',
        body: CreateConnectorSchema,
        response: { 201: ConnectorSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const connector = await app.connectors.create(request.body, request.caller!.sub);
      return sendCreated(reply, `/api/connectors/${connector.id}`, connector);
    },
  );

  app.patch(
    '/api/connectors/:id',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary: 'Change a connector profile (If-Match required)',
        params: IdParamsSchema,
        headers: IfMatchSchema,
        body: UpdateConnectorSchema,
        response: { 200: ConnectorSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = versionOf(request.headers['if-match'], 'connector');
      const connector = await app.connectors.update(
        request.params.id,
        version,
        request.body,
        request.caller!.sub,
      );
      return sendVersioned(reply, connector);
    },
  );

  app.delete(
    '/api/connectors/:id',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary: 'Delete a connector profile',
        params: IdParamsSchema,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await app.connectors.remove(request.params.id, request.caller!.sub);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/connectors/:id/logto-config',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary: "Export exactly the JSON Logto's Tencent SMS connector takes (secret included; audited)",
        params: IdParamsSchema,
        response: { 200: LogtoTencentConfigSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const config = await app.connectors.exportLogtoConfig(request.params.id, request.caller!.sub);
      return reply.header('cache-control', 'no-store').send(config);
    },
  );

  app.post(
    '/api/connectors/import',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary: "Create a connector from Logto's Tencent SMS connector JSON",
        body: ImportConnectorSchema,
        response: { 201: ConnectorSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const connector = await app.connectors.importLogtoConfig(request.body, request.caller!.sub);
      return sendCreated(reply, `/api/connectors/${connector.id}`, connector);
    },
  );
};

export default connectorRoutes;
