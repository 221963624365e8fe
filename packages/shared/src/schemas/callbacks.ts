import { type Static, Type } from '@sinclair/typebox';

export const CallbackUrlSchema = Type.Object(
  {
    url: Type.String({
      description:
        "The URL to paste into Tencent's console (SMS → Settings → status callback); its token is the credential",
    }),
  },
  { $id: 'CallbackUrl' },
);
export type CallbackUrl = Static<typeof CallbackUrlSchema>;

const text = (description: string, maxLength = 200) => Type.String({ maxLength, description });

/** One delivery report of Tencent's status callback (Tencent's own field names). */
export const TencentStatusReportSchema = Type.Object(
  {
    user_receive_time: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$',
      description: 'When the phone received it, China time: 2015-10-17 08:03:04',
    }),
    nationcode: Type.String({ pattern: '^\\d{1,4}$', description: 'Calling code, e.g. 86' }),
    mobile: Type.String({ pattern: '^\\d{1,20}$', description: 'The number without its calling code' }),
    report_status: Type.Union([Type.Literal('SUCCESS'), Type.Literal('FAIL')]),
    errmsg: text("The operator's status, e.g. DELIVRD"),
    description: text('A description of the status'),
    sid: Type.String({ minLength: 1, maxLength: 100, description: 'The SerialNo SendSms answered' }),
  },
  // Tencent may add fields; they are ignored, not refused.
  { additionalProperties: true },
);
export type TencentStatusReport = Static<typeof TencentStatusReportSchema>;

export const TencentStatusCallbackSchema = Type.Array(TencentStatusReportSchema, { maxItems: 1000 });

export const CallbackTokenParamsSchema = Type.Object({ token: Type.String({ maxLength: 200 }) });

export const TencentCallbackReplySchema = Type.Object({
  result: Type.Literal(0),
  errmsg: Type.Literal('OK'),
});
