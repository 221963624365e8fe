import { Type } from '@sinclair/typebox';
import { IdParamsSchema } from '@smsdesk/shared/schemas/common';
import { ConnectorSchema } from '@smsdesk/shared/schemas/connectors';
import {
  CreateLogtoTenantSchema,
  DriftQuerySchema,
  DriftSchema,
  ImportFromTenantSchema,
  LogtoTenantListSchema,
  LogtoTenantSchema,
  LogtoTenantVerificationSchema,
  PushResultSchema,
  PushSchema,
  TenantSmsConnectorSchema,
  UpdateLogtoTenantSchema,
} from '@smsdesk/shared/schemas/logto-tenants';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors, IfMatchSchema, security, sendCreated, sendVersioned, versionOf } from '../../lib/routes.ts';

const tags = ['logto-tenants'];

const logtoTenantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = app.requireScopes('read:connectors');
  const write = app.requireScopes('write:connectors');

  app.get(
    '/api/logto-tenants',
    {
      onRequest: read,
      schema: {
        tags,
        security,
        summary: 'List Logto tenants',
        response: { 200: LogtoTenantListSchema, ...errors(401, 403) },
      },
    },
    async () => ({ items: await app.logtoTenants.list() }),
  );

  app.post(
    '/api/logto-tenants',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary:
          'Add a Logto tenant (gets a Management API token and reads the Tencent connector factory first)',
        body: CreateLogtoTenantSchema,
        response: { 201: LogtoTenantSchema, ...errors(400, 401, 403, 409, 422, 502, 504) },
      },
    },
    async (request, reply) => {
      const tenant = await app.logtoTenants.create(request.body, request.caller!.sub);
      return sendCreated(reply, `/api/logto-tenants/${tenant.id}`, tenant);
    },
  );

  app.get(
    '/api/logto-tenants/:id',
    {
      onRequest: read,
      schema: {
        tags,
        security,
        summary: 'One Logto tenant, with its ETag',
        params: IdParamsSchema,
        response: { 200: LogtoTenantSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const tenant = await app.logtoTenants.get(request.params.id);
      return sendVersioned(reply, tenant);
    },
  );

  app.patch(
    '/api/logto-tenants/:id',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary: 'Change a Logto tenant (If-Match required; new connection settings are verified first)',
        params: IdParamsSchema,
        headers: IfMatchSchema,
        body: UpdateLogtoTenantSchema,
        response: { 200: LogtoTenantSchema, ...errors(400, 401, 403, 404, 409, 412, 422, 428, 502, 504) },
      },
    },
    async (request, reply) => {
      const version = versionOf(request.headers['if-match'], 'Logto tenant');
      const tenant = await app.logtoTenants.update(
        request.params.id,
        version,
        request.body,
        request.caller!.sub,
      );
      return sendVersioned(reply, tenant);
    },
  );

  app.delete(
    '/api/logto-tenants/:id',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary: 'Forget a Logto tenant (nothing changes at Logto)',
        params: IdParamsSchema,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await app.logtoTenants.remove(request.params.id, request.caller!.sub);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/logto-tenants/:id/verify',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary: 'Get a Management API token and read the Tencent connector factory',
        params: IdParamsSchema,
        response: { 200: LogtoTenantVerificationSchema, ...errors(400, 401, 403, 404, 422, 502, 504) },
      },
    },
    async (request) => app.logtoTenants.verify(request.params.id),
  );

  app.get(
    '/api/logto-tenants/:id/sms-connector',
    {
      onRequest: read,
      schema: {
        tags,
        security,
        summary: "The tenant's SMS connector (the Tencent config without its secret)",
        params: IdParamsSchema,
        response: { 200: TenantSmsConnectorSchema, ...errors(400, 401, 403, 404, 422, 502, 504) },
      },
    },
    async (request, reply) => {
      const connector = await app.logtoTenants.smsConnector(request.params.id);
      return reply.header('cache-control', 'no-store').send(connector);
    },
  );

  app.post(
    '/api/logto-tenants/:id/sms-connector/import',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary:
          "Create a connector profile from the tenant's Tencent connector (the secret stays server-side)",
        params: IdParamsSchema,
        body: ImportFromTenantSchema,
        response: { 201: ConnectorSchema, ...errors(400, 401, 403, 404, 409, 422, 502, 504) },
      },
    },
    async (request, reply) => {
      const connector = await app.logtoTenants.importFromTenant(
        request.params.id,
        request.body.name,
        request.caller!.sub,
      );
      return sendCreated(reply, `/api/connectors/${connector.id}`, connector);
    },
  );

  app.get(
    '/api/connectors/:id/drift',
    {
      onRequest: read,
      schema: {
        tags,
        security,
        summary: "Field-by-field difference between this profile and a tenant's Tencent connector",
        params: IdParamsSchema,
        querystring: DriftQuerySchema,
        response: { 200: DriftSchema, ...errors(400, 401, 403, 404, 422, 502, 504) },
      },
    },
    async (request) => app.logtoTenants.drift(request.params.id, request.query.tenantId),
  );

  app.post(
    '/api/connectors/:id/push',
    {
      onRequest: write,
      schema: {
        tags,
        security,
        summary:
          "Make this profile the tenant's Tencent connector config (If-Match of the profile required; audited)",
        params: IdParamsSchema,
        headers: IfMatchSchema,
        body: PushSchema,
        response: { 200: PushResultSchema, ...errors(400, 401, 403, 404, 409, 412, 422, 428, 502, 504) },
      },
    },
    async (request) => {
      const version = versionOf(request.headers['if-match'], 'connector');
      return app.logtoTenants.push(request.params.id, version, request.body, request.caller!.sub);
    },
  );
};

export default logtoTenantRoutes;
