import { type Static, Type } from '@sinclair/typebox';
import { IdSchema, TimestampSchema } from './common.ts';

const NameSchema = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' });
const UrlSchema = (description: string) =>
  Type.String({ minLength: 8, maxLength: 300, pattern: '^https?://[^\\s/?#]+[^\\s?#]*$', description });

export const LogtoEndpointSchema = UrlSchema(
  "The tenant's URL: https://<tenant>.logto.app on Logto Cloud (not a custom domain), or a self-hosted Logto's URL",
);
export const ManagementApiResourceSchema = UrlSchema(
  'The Management API resource indicator; default https://<tenant>.logto.app/api on Logto Cloud, https://default.logto.app/api otherwise',
);
const AppIdSchema = Type.String({
  minLength: 1,
  maxLength: 128,
  pattern: '^\\S+$',
  description: 'The id of an M2M app whose role holds the Management API permission `all`',
});
const AppSecretSchema = Type.String({
  minLength: 1,
  maxLength: 256,
  description: "The M2M app's secret: write-only, stored encrypted, never returned",
});

export const LogtoTenantSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String(),
    endpoint: Type.String(),
    managementApiResource: Type.String(),
    appId: Type.String(),
    hasAppSecret: Type.Boolean(),
    verifiedAt: Type.Union([TimestampSchema, Type.Null()], {
      description: 'When smsdesk last got a Management API token and read the Tencent connector factory',
    }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: Type.Integer({ minimum: 1, description: 'The ETag is W/"<version>"' }),
  },
  { $id: 'LogtoTenant' },
);
export type LogtoTenant = Static<typeof LogtoTenantSchema>;

export const CreateLogtoTenantSchema = Type.Object(
  {
    name: NameSchema,
    endpoint: LogtoEndpointSchema,
    appId: AppIdSchema,
    appSecret: AppSecretSchema,
    managementApiResource: Type.Optional(ManagementApiResourceSchema),
  },
  { additionalProperties: false, $id: 'CreateLogtoTenant' },
);
export type CreateLogtoTenant = Static<typeof CreateLogtoTenantSchema>;

export const UpdateLogtoTenantSchema = Type.Object(
  {
    name: Type.Optional(NameSchema),
    endpoint: Type.Optional(LogtoEndpointSchema),
    appId: Type.Optional(AppIdSchema),
    appSecret: Type.Optional(AppSecretSchema),
    managementApiResource: Type.Optional(ManagementApiResourceSchema),
  },
  { additionalProperties: false, minProperties: 1, $id: 'UpdateLogtoTenant' },
);
export type UpdateLogtoTenant = Static<typeof UpdateLogtoTenantSchema>;

export const LogtoTenantListSchema = Type.Object(
  { items: Type.Array(LogtoTenantSchema) },
  { $id: 'LogtoTenantList' },
);
export type LogtoTenantList = Static<typeof LogtoTenantListSchema>;

export const LogtoTenantVerificationSchema = Type.Object(
  {
    verifiedAt: TimestampSchema,
    factoryId: Type.String({ description: 'tencent-short-message-service' }),
    factoryName: Type.String({ description: "The Tencent connector factory's English name at Logto" }),
  },
  { $id: 'LogtoTenantVerification' },
);
export type LogtoTenantVerification = Static<typeof LogtoTenantVerificationSchema>;

/** The tenant's Tencent connector config as Logto keeps it, without the secret. */
export const LogtoConnectorConfigViewSchema = Type.Object(
  {
    accessKeySecretSet: Type.Boolean(),
  },
  { additionalProperties: true },
);

export const TenantSmsConnectorSchema = Type.Object(
  {
    present: Type.Boolean({ description: 'Whether the tenant has an SMS connector at all' }),
    factoryId: Type.Optional(Type.String({ description: 'tencent-short-message-service, or another' })),
    logtoConnectorId: Type.Optional(Type.String()),
    config: Type.Optional(LogtoConnectorConfigViewSchema),
  },
  { $id: 'TenantSmsConnector' },
);
export type TenantSmsConnector = Static<typeof TenantSmsConnectorSchema>;

const DriftValueSchema = Type.Union([Type.String(), Type.Null()], {
  description:
    'null: the field is absent on that side; the secret is only "set"/"not set"/"same"/"different"',
});
export const DriftDifferenceSchema = Type.Object({
  field: Type.String({
    description: 'accessKeyId, accessKeySecret, signName, region, sdkAppId, templates.<UsageType>',
  }),
  smsdesk: DriftValueSchema,
  logto: DriftValueSchema,
});
export type DriftDifference = Static<typeof DriftDifferenceSchema>;

export const DriftSchema = Type.Object(
  { inSync: Type.Boolean(), differences: Type.Array(DriftDifferenceSchema) },
  { $id: 'Drift' },
);
export type Drift = Static<typeof DriftSchema>;

export const DriftQuerySchema = Type.Object({ tenantId: IdSchema }, { additionalProperties: false });

export const PushSchema = Type.Object(
  {
    tenantId: IdSchema,
    replaceExisting: Type.Optional(
      Type.Boolean({
        default: false,
        description: "Replace the tenant's other SMS connector (Logto keeps one SMS connector per tenant)",
      }),
    ),
  },
  { additionalProperties: false, $id: 'Push' },
);
export type Push = Static<typeof PushSchema>;

export const PushResultSchema = Type.Object(
  {
    logtoConnectorId: Type.String(),
    action: Type.Union([Type.Literal('created'), Type.Literal('updated')]),
    drift: DriftSchema,
  },
  { $id: 'PushResult' },
);
export type PushResult = Static<typeof PushResultSchema>;

export const ImportFromTenantSchema = Type.Object(
  { name: NameSchema },
  { additionalProperties: false, $id: 'ImportFromTenant' },
);
export type ImportFromTenant = Static<typeof ImportFromTenantSchema>;
