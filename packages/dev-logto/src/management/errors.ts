import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';

/** Logto's English phrases for the error codes this subset answers with (packages/phrases, en). */
const phrases = {
  'auth.authorization_header_missing': 'Authorization header is missing.',
  'auth.authorization_token_type_not_supported': 'Authorization type is not supported.',
  'auth.unauthorized': 'Unauthorized. Please check credentials and its scope.',
  'auth.forbidden': 'Forbidden. Please check your user roles and permissions.',
  'guard.invalid_input': 'The request {{type}} is invalid.',
  'entity.not_found': 'The entity does not exist.',
  'entity.not_exists_with_id': 'The {{name}} with ID `{{id}}` does not exist.',
  'connector.general': 'Error occurred in connector: {{errorDescription}}',
  'connector.not_found': 'Cannot find any available connector for type: {{type}}.',
  'connector.unexpected_type': "The connector's type is unexpected.",
  'connector.invalid_config': "The connector's config is invalid.",
  'connector.invalid_response': "The connector's response is invalid.",
  'connector.template_not_found': 'Unable to find correct template in connector config.',
  'connector.not_found_with_connector_id': 'Can not find connector with given standard connector id.',
  'connector.multiple_instances_not_supported':
    'Can not create multiple instance with picked standard connector.',
  'connector.cannot_overwrite_metadata_for_non_standard_connector':
    "This connector's 'metadata' cannot be overwritten.",
  'verification_code.not_found': 'Passcode not found. Please send passcode first.',
  'verification_code.code_mismatch': 'Invalid verification code.',
  'verification_code.expired': 'Passcode has expired. Please send another passcode.',
  'verification_code.exceed_max_try':
    'Passcode verification attempts limit exceeded. Please send another passcode.',
} as const;
export type LogtoErrorCode = keyof typeof phrases;

/** Logto's error body: `{ message, code, data?, details? }`. */
export interface LogtoErrorBody {
  message: string;
  code: LogtoErrorCode;
  data?: unknown;
  details?: string;
}

/** Logto's RequestError: a code from its phrases, a status, interpolation values, and optional data. */
export class LogtoRequestError extends Error {
  readonly code: LogtoErrorCode;
  readonly status: number;
  readonly data: unknown;
  readonly details: string | undefined;

  constructor(
    input: { code: LogtoErrorCode; status?: number; details?: string } & Record<string, unknown>,
    data?: unknown,
  ) {
    const { code, status = 400, details, ...interpolation } = input;
    super(
      phrases[code].replaceAll(/\{\{(\w+)\}\}/g, (_, key: string) => {
        const value = interpolation[key];
        return value === undefined ? '' : String(value);
      }),
    );
    this.code = code;
    this.status = status;
    this.data = data;
    this.details = details;
  }

  get body(): LogtoErrorBody {
    return {
      message: this.message,
      code: this.code,
      ...(this.data === undefined ? {} : { data: this.data }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

interface ZodLikeIssue {
  path: (string | number)[];
  code: string;
  message: string;
  expected?: unknown;
  received?: unknown;
}

/** Logto's formatZodError: one line per issue, `Error in key path "a.b": (code) message`. */
export function formatIssues(issues: readonly ZodLikeIssue[]): string {
  return issues
    .map((issue) => {
      const base = `Error in key path "${issue.path.map(String).join('.')}": (${issue.code}) `;
      return issue.code === 'invalid_type'
        ? `${base}Expected ${String(issue.expected)} but received ${String(issue.received)}.`
        : base + issue.message;
    })
    .join('\n');
}

function issuesOf(data: unknown): ZodLikeIssue[] | undefined {
  const issues = (data as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as ZodLikeIssue[]) : undefined;
}

/**
 * Logto's koa-connector-error-handler for the errors an SMS connector throws. On the routes smsdesk uses,
 * every one of them reaches the caller as HTTP 400 (see DOMAIN.md).
 */
export function fromConnectorError(error: ConnectorError): LogtoRequestError {
  const { code, data } = error;
  const issues = issuesOf(data);
  const details = issues ? formatIssues(issues) : undefined;
  const description =
    (data as { errorDescription?: unknown; message?: unknown } | undefined)?.errorDescription ??
    (data as { message?: unknown } | undefined)?.message;
  switch (code) {
    case ConnectorErrorCodes.InvalidConfig:
      return new LogtoRequestError(
        { code: 'connector.invalid_config', ...(details ? { details } : {}) },
        issues ? { issues, name: 'ZodError' } : data,
      );
    case ConnectorErrorCodes.TemplateNotFound:
      return new LogtoRequestError({ code: 'connector.template_not_found' }, data);
    case ConnectorErrorCodes.InvalidResponse:
      return new LogtoRequestError({ code: 'connector.invalid_response' }, data);
    default:
      return new LogtoRequestError(
        { code: 'connector.general', errorDescription: description === undefined ? '' : String(description) },
        data,
      );
  }
}

export { ConnectorError };
