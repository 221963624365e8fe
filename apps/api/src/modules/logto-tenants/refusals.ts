/** The refusals of the Logto tenant module, and the URL rule behind two of them. */
import { etagOf } from '@smsdesk/shared/etag';
import { createError } from '../../errors.ts';
import type { LogtoHttpError } from './management-client.ts';

export function notFound(id: string) {
  return createError('NOT_FOUND', `No Logto tenant ${id}`);
}

export function nameTaken(name: string) {
  return createError('CONFLICT', `A Logto tenant named "${name}" already exists`, {
    fields: [{ field: 'body.name', rule: 'unique', message: 'is already used by another Logto tenant' }],
  });
}

function endpointInvalid(field: string) {
  return createError('VALIDATION_FAILED', `${field} must be an absolute http(s) URL`, {
    fields: [{ field: `body.${field}`, rule: 'format', message: 'is not an absolute http(s) URL' }],
  });
}

/** An absolute http(s) URL without trailing slashes, or 400 naming `body.<field>`. */
export function checkUrl(value: string, field: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
  } catch {
    throw endpointInvalid(field);
  }
  return value.trim().replace(/\/+$/, '');
}

/** A refusal of the tenant's own rules, with Logto's message (and its guard's issues) kept. */
export function rejected(error: LogtoHttpError, what: string, fix: string) {
  const { message, code, details } = error.body;
  return createError('LOGTO_REJECTED', `Logto refused ${what}: ${message}${details ? ` ${details}` : ''}`, {
    logtoStatus: error.status,
    logtoCode: code,
    logtoMessage: message,
    ...(details ? { logtoDetails: details } : {}),
    fix,
  });
}

export function versionConflict(expected: number, current: number, what = 'Logto tenant') {
  return createError(
    'VERSION_CONFLICT',
    `The ${what} changed since you read it (you have version ${expected}, it is at ${current}): reload it and apply your change again`,
    { currentVersion: current, etag: etagOf(current) },
    { etag: etagOf(current) },
  );
}
