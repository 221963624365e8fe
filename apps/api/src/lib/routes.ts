/**
 * What the routes of every module share: error responses, the security scheme, If-Match, and the answer
 * with a resource's ETag (the `{ connector, etag }` of a read, a change and a create).
 */
import { Type } from '@sinclair/typebox';
import { etagOf, versionFromEtag } from '@smsdesk/shared/etag';
import type { FastifyReply } from 'fastify';
import { ErrorBodySchema } from '@smsdesk/shared/schemas/errors';
import { createError } from '../errors.ts';

/** `response` entries for these statuses, each the shared error body. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ErrorBodySchema]));

/** A bearer token (or the session cookie, which the auth plugin treats alike). */
export const security = [{ bearer: [] }];

export const IfMatchSchema = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });

/** The version an If-Match names; required on every change of something with a version (428 without). */
export function versionOf(header: string | undefined, what: string): number {
  if (!header) {
    throw createError(
      'PRECONDITION_REQUIRED',
      `Send If-Match with the ETag of the ${what} you read, so no update is lost`,
      { fields: [{ field: 'headers.if-match', rule: 'required', message: 'is required' }] },
    );
  }
  const version = versionFromEtag(header);
  if (version === null) {
    throw createError('VALIDATION_FAILED', 'If-Match must be an ETag this API returned, e.g. W/"3"', {
      fields: [{ field: 'headers.if-match', rule: 'etag', message: `is not an ETag of a ${what}` }],
    });
  }
  return version;
}

/** The resource with `ETag: W/"<version>"`. */
export function sendVersioned<T extends { version: number }>(reply: FastifyReply, resource: T) {
  return reply.header('etag', etagOf(resource.version)).send(resource);
}

/** 201 with `Location` and the new resource's ETag. */
export function sendCreated<T extends { version: number }>(
  reply: FastifyReply,
  location: string,
  resource: T,
) {
  return sendVersioned(reply.status(201).header('location', location), resource);
}
