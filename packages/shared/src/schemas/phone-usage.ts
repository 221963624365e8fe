import { type Static, Type } from '@sinclair/typebox';

export const PhoneUsageQuerySchema = Type.Object(
  {
    phoneNumber: Type.String({ minLength: 1, maxLength: 32, description: 'As typed for a test send' }),
    country: Type.Optional(
      Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO country for a national number' }),
    ),
  },
  { additionalProperties: false },
);

export const PhoneUsageSchema = Type.Object(
  {
    phoneNumberMasked: Type.String(),
    tencentLimits: Type.Object({
      sameContentSeconds: Type.Integer({ description: "Tencent's default: the same content once per 30 s" }),
      perDay: Type.Integer({ description: "Tencent's default: 10 messages per number per natural day" }),
      dayStartedAt: Type.String({ format: 'date-time', description: "Midnight China time (Tencent's day)" }),
      note: Type.String(),
    }),
    sentToday: Type.Integer({
      minimum: 0,
      description:
        "Sends to this number that Tencent accepted today, through smsdesk, on this connector's SDK app",
    }),
    remainingToday: Type.Integer({ minimum: 0 }),
    lastSentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'PhoneUsage' },
);
export type PhoneUsage = Static<typeof PhoneUsageSchema>;
