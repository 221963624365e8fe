import { type Static, Type } from '@sinclair/typebox';
import { UsageTypeSchema } from './usage-type.ts';
import { CursorQuerySchema, IdSchema, PageSchema } from './common.ts';

export const TestSendModeSchema = Type.Union(
  [Type.Literal('smsdesk'), Type.Literal('logto'), Type.Literal('logto-test'), Type.Literal('logto-live')],
  {
    description:
      'smsdesk: E.164 number, [code]. logto: exactly what the Logto connector sends: digits without +, [code, uiLocales?], no Generic fallback. ' +
      "logto-test (with tenantId): Logto's own console test of this profile (Generic, code 000000). " +
      "logto-live (with tenantId): the tenant's live connector sends a code Logto generated (Generic), verified by Logto",
  },
);
export type TestSendMode = Static<typeof TestSendModeSchema>;

export const CreateTestSendSchema = Type.Object(
  {
    phoneNumber: Type.String({
      minLength: 3,
      maxLength: 32,
      description: 'E.164 (+8613800138000) or national with a country',
    }),
    country: Type.Optional(
      Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO country for a national number, e.g. CN' }),
    ),
    usageType: UsageTypeSchema,
    mode: Type.Optional(TestSendModeSchema),
    uiLocales: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 100,
        // OIDC ui_locales: a space-separated list of BCP 47 tags, passed through by Logto as it came.
        pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*( [A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)*$',
        description: 'logto mode: the raw ui_locales of the sign-in request, e.g. "fr en"',
      }),
    ),
    tenantId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'The Logto tenant to send through (logto-test, logto-live)',
      }),
    ),
  },
  { additionalProperties: false, $id: 'CreateTestSend' },
);
export type CreateTestSend = Static<typeof CreateTestSendSchema>;

export const DeliveryStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('delivered'),
  Type.Literal('failed'),
]);

export const TestSendSchema = Type.Object(
  {
    id: IdSchema,
    connectorId: IdSchema,
    status: Type.Union([Type.Literal('sent'), Type.Literal('failed')]),
    usageType: UsageTypeSchema,
    templateCode: Type.Union([Type.String(), Type.Null()]),
    phoneNumberMasked: Type.String(),
    mode: TestSendModeSchema,
    tencent: Type.Object({
      code: Type.String(),
      message: Type.String(),
      serialNo: Type.Union([Type.String(), Type.Null()]),
      fee: Type.Union([Type.Number(), Type.Null()]),
      requestId: Type.Union([Type.String(), Type.Null()]),
    }),
    guidance: Type.Optional(Type.String({ description: 'What the Tencent refusal means and what to do' })),
    verified: Type.Boolean(),
    verifyAttemptsLeft: Type.Integer({ minimum: 0 }),
    codeExpiresAt: Type.Union([Type.String(), Type.Null()]),
    delivery: Type.Object({
      status: DeliveryStatusSchema,
      description: Type.Union([Type.String(), Type.Null()]),
      receivedAt: Type.Union([Type.String(), Type.Null()]),
    }),
    actor: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    logto: Type.Optional(
      Type.Object({
        tenantId: Type.String({ format: 'uuid' }),
        liveConnectorInSync: Type.Union([Type.Boolean(), Type.Null()], {
          description:
            "logto-live: whether the tenant's live connector matched this profile when the code was sent (null: not read)",
        }),
      }),
    ),
  },
  { $id: 'TestSend' },
);
export type TestSend = Static<typeof TestSendSchema>;

export const VerifyTestSendSchema = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code the phone received' }) },
  { additionalProperties: false },
);
export const VerifyResultSchema = Type.Object({ verified: Type.Literal(true) });

export const TestSendQuerySchema = Type.Object(
  { connectorId: Type.Optional(IdSchema), ...CursorQuerySchema },
  { additionalProperties: false },
);
export const TestSendPageSchema = PageSchema(TestSendSchema, 'TestSendPage');
export type TestSendPage = Static<typeof TestSendPageSchema>;
