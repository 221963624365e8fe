import { randomUUID } from 'node:crypto';

// Tencent answers every API outcome with HTTP 200 and a `Response` envelope; the SDK throws only when
// `Response.Error` is present, so errors must never change the HTTP status.

/** A top-level Tencent API error: handlers throw it, the server turns it into the error envelope. */
export class TencentError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'TencentError';
    this.code = code;
  }
}

export interface SuccessEnvelope {
  Response: Record<string, unknown> & { RequestId: string };
}

export interface ErrorEnvelope {
  Response: { Error: { Code: string; Message: string }; RequestId: string };
}

export function successEnvelope(fields: Record<string, unknown>, requestId = randomUUID()): SuccessEnvelope {
  return { Response: { ...fields, RequestId: requestId } };
}

export function errorEnvelope(code: string, message: string, requestId = randomUUID()): ErrorEnvelope {
  return { Response: { Error: { Code: code, Message: message }, RequestId: requestId } };
}

// Message wording follows Tencent's common error messages so logs read like production ones.
export const missingParameter = (name: string): TencentError =>
  new TencentError('MissingParameter', `The request is missing a required parameter \`${name}\`.`);

export const invalidParameter = (name: string, expected: string): TencentError =>
  new TencentError(
    'InvalidParameter',
    `The value type of parameter \`${name}\` is not valid: expected ${expected}.`,
  );

export const invalidParameterValue = (name: string, value: unknown, why: string): TencentError =>
  new TencentError(
    'InvalidParameterValue',
    `The value \`${JSON.stringify(value)}\` of parameter \`${name}\` is not valid: ${why}.`,
  );
