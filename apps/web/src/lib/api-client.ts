import { isErrorBody } from '@smsdesk/shared/error-body';
import { type ErrorCode, isErrorCode } from '@smsdesk/shared/error-codes';
import type { ErrorDetails } from '@smsdesk/shared/schemas/errors';
import { env } from '../config/env.ts';

/** Every code an `ApiError` can carry: the API's own list, plus the two the client makes itself. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'HTTP_ERROR';

/** A code's details as the shared contract types them (`undefined` for codes without details). */
export type DetailsOf<C extends ClientErrorCode> = C extends ErrorCode ? ErrorDetails<C> : undefined;

/**
 * An API answer that was not a success, with the shared error body's code, message and details. Narrow on
 * the code with `isApiError(error, 'CODE', …)`: the details are then that code's, with no cast.
 */
export class ApiError<C extends ClientErrorCode = ClientErrorCode> extends Error {
  constructor(
    readonly status: number,
    readonly code: C,
    message: string,
    readonly details?: DetailsOf<C>,
    readonly headers?: Headers,
    /** The code as the API sent it: differs from `code` only for one this build does not know. */
    readonly reportedCode: string = code,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field errors of a refusal (`details.fields[]`), each field without its `body.` prefix. */
  fieldIssues(): { field: string; rule: string; message: string }[] {
    const details: unknown = this.details;
    const fields: unknown[] =
      typeof details === 'object' && details !== null && 'fields' in details && Array.isArray(details.fields)
        ? details.fields
        : [];
    return fields.flatMap((f) =>
      typeof f === 'object' && f !== null && 'field' in f && typeof f.field === 'string'
        ? [
            {
              field: f.field.replace(/^body\./, ''),
              rule: 'rule' in f && typeof f.rule === 'string' ? f.rule : 'invalid',
              message: 'message' in f && typeof f.message === 'string' ? f.message : '',
            },
          ]
        : [],
    );
  }

  /** The API's own words per field, keyed by the field without its `body.` prefix. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.fieldIssues().map((f) => [f.field, f.message]));
  }
}

/** The error is an `ApiError` with one of these codes; its `details` are then typed for them. */
export function isApiError<K extends ClientErrorCode>(error: unknown, ...codes: K[]): error is ApiError<K> {
  const wanted: readonly ClientErrorCode[] = codes;
  return error instanceof ApiError && wanted.includes(error.code);
}

/**
 * The `ApiError` of a refusal's body. A code this build does not know (a newer API) keeps the API's message
 * and its code for support, as `HTTP_ERROR`.
 */
export function apiErrorOf(status: number, body: unknown, headers?: Headers): ApiError {
  if (!isErrorBody(body)) {
    return new ApiError(status, 'HTTP_ERROR', `The API answered ${status}`, undefined, headers);
  }
  const { code, message, details } = body.error;
  if (!isErrorCode(code)) return new ApiError(status, 'HTTP_ERROR', message, undefined, headers, code);
  return new ApiError(status, code, message, details, headers);
}

export interface ApiClientOptions {
  baseUrl?: string;
  /** Returns a fresh access token for the API resource, or null when signed out. */
  getAccessToken: () => Promise<string | null>;
  /** Called once on a 401, so the app can send the user to sign in again. */
  onUnauthorized?: (error: ApiError) => void;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(options: ApiClientOptions) {
  const baseUrl = options.baseUrl ?? env.apiUrl;
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function request<T>(path: string, init: RequestOptions = {}): Promise<ApiResponse<T>> {
    const token = await options.getAccessToken();
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
      });
    } catch (cause) {
      if ((cause as Error).name === 'AbortError') throw cause;
      throw new ApiError(0, 'NETWORK_ERROR', 'The API cannot be reached. Is it running?');
    }
    const text = await response.text();
    let payload: unknown = null;
    if (text) {
      try {
        payload = JSON.parse(text);
      } catch {
        payload = null;
      }
    }
    if (!response.ok) {
      const error = isErrorBody(payload)
        ? apiErrorOf(response.status, payload, response.headers)
        : new ApiError(
            response.status,
            'HTTP_ERROR',
            `The API answered ${response.status} ${response.statusText}`,
          );
      if (response.status === 401) options.onUnauthorized?.(error);
      throw error;
    }
    return { data: payload as T, headers: response.headers, status: response.status };
  }

  return {
    request,
    get: <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal }).then((r) => r.data),
  };
}
