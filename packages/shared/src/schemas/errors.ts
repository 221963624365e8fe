import { type Static, Type } from '@sinclair/typebox';

/** The one error shape of every smsdesk answer that is not a success. */
export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$', description: 'Stable SNAKE_CASE code' }),
      message: Type.String({ description: 'What went wrong, for a person' }),
      details: Type.Optional(
        Type.Unknown({ description: 'Machine-readable context, e.g. the invalid fields' }),
      ),
    }),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBodySchema>;

/** One invalid field of a request, as `VALIDATION_FAILED` details list them. */
export const FieldErrorSchema = Type.Object({
  field: Type.String({
    description: 'Where: `body.name`, `querystring.limit`, `params.id`, `headers.if-match`',
  }),
  rule: Type.String({ description: 'The rule that failed, e.g. `required`, `pattern`, `maxLength`' }),
  message: Type.String(),
});
export type FieldError = Static<typeof FieldErrorSchema>;
