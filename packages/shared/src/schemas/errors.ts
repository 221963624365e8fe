import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { type ErrorCode, errorCodes } from '../error-codes.ts';

/** One invalid field of a request, as `VALIDATION_FAILED` details list them. */
export const FieldErrorSchema = Type.Object({
  field: Type.String({
    description: 'Where: `body.name`, `querystring.limit`, `params.id`, `headers.if-match`',
  }),
  rule: Type.String({ description: 'The rule that failed, e.g. `required`, `pattern`, `maxLength`' }),
  message: Type.String(),
});
export type FieldError = Static<typeof FieldErrorSchema>;

const Fields = Type.Object({ fields: Type.Array(FieldErrorSchema) });
const fix = Type.String({ description: 'What to do about it, for a person' });
const Tencent = Type.Object({
  tencentCode: Type.Optional(Type.String({ description: "Tencent's own error code" })),
  requestId: Type.Optional(Type.String({ description: "Tencent's RequestId of the call" })),
  fix,
});
const LogtoCall = Type.Object({ endpoint: Type.String(), fix });
const attemptsLeft = Type.Integer({ minimum: 0 });

/**
 * The details of each code that carries them (a code missing here answers without details). The error
 * body's schema keeps `details` open, so the OpenAPI document stays small; the TypeScript types below
 * tie each code to its details, for the API that throws them and the SPA that reads them.
 */
export const errorDetailsSchemas = {
  VALIDATION_FAILED: Fields,
  PAYLOAD_TOO_LARGE: Fields,
  UNSUPPORTED_MEDIA_TYPE: Fields,
  PRECONDITION_REQUIRED: Fields,
  LOGTO_CONFIG_UNSUPPORTED: Fields,
  FORBIDDEN: Type.Union([
    Type.Object({ requiredScopes: Type.Array(Type.String()), grantedScopes: Type.Array(Type.String()) }),
    Type.Object({
      reason: Type.Literal('not_sender', { description: 'Only the sender verifies a test send' }),
    }),
  ]),
  NOT_FOUND: Type.Object({
    factoryId: Type.Optional(
      Type.Union([Type.String(), Type.Null()], { description: "The tenant's SMS connector factory, if any" }),
    ),
  }),
  CONFLICT: Type.Object({
    fields: Type.Optional(Type.Array(FieldErrorSchema)),
    tenantId: Type.Optional(Type.String()),
    /** A wrong code for a test send that was verified already still counts. */
    attemptsLeft: Type.Optional(attemptsLeft),
  }),
  TEMPLATE_NOT_FOUND: Type.Object({
    templateId: Type.Optional(Type.String()),
    usageType: Type.Optional(Type.String()),
    mode: Type.Optional(Type.String()),
    tencentCode: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    fix: Type.Optional(fix),
  }),
  TEMPLATE_LOCKED: Type.Object({
    templateId: Type.String(),
    status: Type.String({ description: "The template's review status" }),
    tencentCode: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    fix: Type.Optional(fix),
  }),
  TEMPLATE_IN_USE: Type.Object({
    templateId: Type.String(),
    usedBy: Type.Array(
      Type.Object({
        connectorId: Type.String(),
        connectorName: Type.String(),
        usageTypes: Type.Array(Type.String()),
      }),
    ),
  }),
  VERSION_CONFLICT: Type.Object({ currentVersion: Type.Integer(), etag: Type.String() }),
  CODE_MISMATCH: Type.Object({
    attemptsLeft,
    logtoCode: Type.Optional(Type.String()),
    logtoMessage: Type.Optional(Type.String()),
  }),
  CODE_EXPIRED: Type.Object({ expiredAt: Type.String({ format: 'date-time' }) }),
  CODE_ATTEMPTS_EXHAUSTED: Type.Object({ attemptsLeft: Type.Literal(0) }),
  RATE_LIMITED: Type.Object({
    limit: Type.Union([Type.Literal('user'), Type.Literal('phone'), Type.Literal('connector')]),
    max: Type.Integer(),
    windowSeconds: Type.Integer(),
  }),
  TENCENT_AUTH_FAILED: Tencent,
  TENCENT_REJECTED: Tencent,
  TENCENT_RATE_LIMITED: Tencent,
  TENCENT_UNAVAILABLE: Tencent,
  TENCENT_BAD_REPLY: Tencent,
  TENCENT_TIMEOUT: Tencent,
  LOGTO_UNAVAILABLE: LogtoCall,
  LOGTO_TIMEOUT: LogtoCall,
  LOGTO_AUTH_FAILED: Type.Object({ endpoint: Type.String(), logtoCode: Type.Optional(Type.String()), fix }),
  LOGTO_REJECTED: Type.Object({
    logtoStatus: Type.Integer(),
    logtoCode: Type.String(),
    logtoMessage: Type.String(),
    logtoDetails: Type.Optional(Type.Unknown()),
    fix,
  }),
  LOGTO_SMS_CONNECTOR_EXISTS: Type.Object({
    factoryId: Type.String(),
    logtoConnectorId: Type.String(),
    name: Type.String(),
    fix,
  }),
} satisfies Partial<Record<ErrorCode, TSchema>>;

type DetailsSchemas = typeof errorDetailsSchemas;

/** The details a code carries; `undefined` for a code without details. */
export type ErrorDetails<C extends ErrorCode> = C extends keyof DetailsSchemas
  ? Static<DetailsSchemas[C]>
  : undefined;

/** The one error shape of every smsdesk answer that is not a success. */
export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object({
      code: Type.Union(
        errorCodes.map((code) => Type.Literal(code)),
        { description: 'Stable SNAKE_CASE code; the README lists each with its status' },
      ),
      message: Type.String({ description: 'What went wrong, for a person' }),
      details: Type.Optional(
        Type.Unknown({ description: 'Machine-readable context of the code, e.g. the invalid fields' }),
      ),
    }),
  },
  { $id: 'ErrorBody' },
);

/** The body of one code: narrowing on `error.code` types `error.details`. */
export type ErrorBodyOf<C extends ErrorCode> = {
  error: { code: C; message: string; details?: ErrorDetails<C> };
};
export type ErrorBody = { [C in ErrorCode]: ErrorBodyOf<C> }[ErrorCode];
