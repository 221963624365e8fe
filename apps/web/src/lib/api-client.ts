import { type ErrorBody, isErrorBody } from '@smsdesk/shared/error-body';
import { env } from '../config/env.ts';

/** An API answer that was not a success, with the shared error body's code, message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Headers,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field errors of a refusal (`details.fields[]`), each field without its `body.` prefix. */
  fieldIssues(): { field: string; rule: string; message: string }[] {
    const fields = (this.details as { fields?: unknown } | undefined)?.fields;
    if (!Array.isArray(fields)) return [];
    return fields
      .filter((f): f is { field: string; rule?: string; message: string } => typeof f?.field === 'string')
      .map((f) => ({ field: f.field.replace(/^body\./, ''), rule: f.rule ?? 'invalid', message: f.message }));
  }

  /** The API's own words per field, keyed by the field without its `body.` prefix. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.fieldIssues().map((f) => [f.field, f.message]));
  }
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
        ? toApiError(response, payload)
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

function toApiError(response: Response, body: ErrorBody): ApiError {
  return new ApiError(
    response.status,
    body.error.code,
    body.error.message,
    body.error.details,
    response.headers,
  );
}
