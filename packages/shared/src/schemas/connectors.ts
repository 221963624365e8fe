import { type Static, Type } from '@sinclair/typebox';
import { UsageTypeSchema } from './usage-type.ts';
import { IdSchema, TimestampSchema } from './common.ts';

const digits = (description: string, maxLength = 20) =>
  Type.String({ pattern: '^[0-9]+$', minLength: 1, maxLength, description });

export const TemplateCodeSchema = digits('A Tencent template id (digits)');
export const SdkAppIdSchema = digits('The Tencent SMS SDK app id, e.g. 1400000001');
export const SignNameSchema = Type.String({
  minLength: 2,
  maxLength: 12,
  description: 'The approved SMS signature text (2–12 characters), without 【】',
});
export const RegionSchema = Type.String({
  pattern: '^[a-z]{2}-[a-z]+(-[0-9]+)?$',
  maxLength: 32,
  description: "Tencent's region form, e.g. ap-guangzhou, ap-singapore",
});
export const AccessKeyIdSchema = Type.String({
  minLength: 1,
  maxLength: 128,
  pattern: '^[A-Za-z0-9]+$',
  description: 'Tencent Cloud SecretId',
});
export const AccessKeySecretSchema = Type.String({
  minLength: 1,
  maxLength: 256,
  description: 'Tencent Cloud SecretKey: write-only, stored encrypted, never returned',
});

export const TemplateMappingSchema = Type.Object(
  { usageType: UsageTypeSchema, templateCode: TemplateCodeSchema },
  { additionalProperties: false },
);
export type TemplateMapping = Static<typeof TemplateMappingSchema>;

const TemplatesSchema = Type.Array(TemplateMappingSchema, {
  maxItems: 9,
  description: 'One template per usage type, each usage type at most once',
});

export const ConnectorSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String(),
    description: Type.Optional(Type.String()),
    accessKeyId: Type.String(),
    hasAccessKeySecret: Type.Boolean(),
    signName: Type.String(),
    region: Type.String(),
    sdkAppId: Type.String(),
    international: Type.Boolean({ description: 'International (non-mainland) numbers and templates' }),
    templates: Type.Array(TemplateMappingSchema),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: Type.Integer({
      minimum: 1,
      description: 'Increases on every change; the ETag is W/"<version>"',
    }),
  },
  { $id: 'Connector' },
);
export type Connector = Static<typeof ConnectorSchema>;

const NameSchema = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' });
const DescriptionSchema = Type.String({ maxLength: 500 });

export const CreateConnectorSchema = Type.Object(
  {
    name: NameSchema,
    description: Type.Optional(DescriptionSchema),
    accessKeyId: AccessKeyIdSchema,
    accessKeySecret: Type.Optional(AccessKeySecretSchema),
    signName: SignNameSchema,
    region: RegionSchema,
    sdkAppId: SdkAppIdSchema,
    international: Type.Optional(Type.Boolean({ default: false })),
    templates: Type.Optional(TemplatesSchema),
  },
  { additionalProperties: false, $id: 'CreateConnector' },
);
export type CreateConnector = Static<typeof CreateConnectorSchema>;

export const UpdateConnectorSchema = Type.Object(
  {
    name: Type.Optional(NameSchema),
    description: Type.Optional(Type.Union([DescriptionSchema, Type.Null()])),
    accessKeyId: Type.Optional(AccessKeyIdSchema),
    accessKeySecret: Type.Optional(AccessKeySecretSchema),
    signName: Type.Optional(SignNameSchema),
    region: Type.Optional(RegionSchema),
    sdkAppId: Type.Optional(SdkAppIdSchema),
    international: Type.Optional(Type.Boolean()),
    templates: Type.Optional(TemplatesSchema),
  },
  { additionalProperties: false, minProperties: 1, $id: 'UpdateConnector' },
);
export type UpdateConnector = Static<typeof UpdateConnectorSchema>;

/** Exactly the JSON Logto's Tencent SMS connector editor takes (connector id `tencent-short-message-service`). */
export const LogtoTencentConfigSchema = Type.Object(
  {
    accessKeyId: AccessKeyIdSchema,
    accessKeySecret: AccessKeySecretSchema,
    signName: SignNameSchema,
    region: RegionSchema,
    sdkAppId: SdkAppIdSchema,
    templates: TemplatesSchema,
  },
  { additionalProperties: false, $id: 'LogtoTencentConfig' },
);
export type LogtoTencentConfig = Static<typeof LogtoTencentConfigSchema>;

export const ImportConnectorSchema = Type.Object(
  {
    name: NameSchema,
    description: Type.Optional(DescriptionSchema),
    international: Type.Optional(Type.Boolean({ default: false })),
    config: LogtoTencentConfigSchema,
  },
  { additionalProperties: false, $id: 'ImportConnector' },
);
export type ImportConnector = Static<typeof ImportConnectorSchema>;

export const ConnectorListSchema = Type.Object(
  { items: Type.Array(ConnectorSchema) },
  { $id: 'ConnectorList' },
);
export type ConnectorList = Static<typeof ConnectorListSchema>;

export const VersionConflictDetailsSchema = Type.Object({
  currentVersion: Type.Integer(),
  etag: Type.String(),
});
