import { type Static, Type } from '@sinclair/typebox';
import { CursorQuerySchema, IdSchema, PageSchema, TimestampSchema } from './common.ts';

export const auditActions = [
  'connector.created',
  'connector.imported',
  'connector.updated',
  'connector.deleted',
  'connector.exported',
  'template.created',
  'template.modified',
  'template.deleted',
  'test_send.sent',
  'test_send.verified',
  'test_send.verify_failed',
  'connector.pushed',
  'logto_tenant.created',
  'logto_tenant.updated',
  'logto_tenant.deleted',
  'connector.callback_created',
  'connector.callback_rotated',
] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * A change made at Tencent (or Logto) is recorded before it is made ('pending') and marked after: an event
 * still 'pending' means smsdesk cannot say whether the remote change happened — check there.
 */
export const auditOutcomes = ['pending', 'succeeded', 'failed'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export const AuditEventSchema = Type.Object(
  {
    id: IdSchema,
    connectorId: Type.Union([IdSchema, Type.Null()]),
    connectorName: Type.Union([Type.String(), Type.Null()]),
    actor: Type.String({ description: 'The `sub` of the caller' }),
    action: Type.Union(auditActions.map((a) => Type.Literal(a))),
    changes: Type.Array(Type.String(), {
      description:
        'Which fields changed, e.g. "signName", "templates"; a secret change says only "secret changed"',
    }),
    detail: Type.Optional(Type.String()),
    outcome: Type.Union(
      auditOutcomes.map((o) => Type.Literal(o)),
      {
        description:
          "'pending': smsdesk recorded the intent but could not confirm the change (check at Tencent/Logto); 'failed': the change was refused",
      },
    ),
    createdAt: TimestampSchema,
  },
  { $id: 'AuditEvent' },
);
export type AuditEvent = Static<typeof AuditEventSchema>;

export const AuditQuerySchema = Type.Object(
  { connectorId: Type.Optional(IdSchema), ...CursorQuerySchema },
  { additionalProperties: false },
);

export const AuditPageSchema = PageSchema(AuditEventSchema, 'AuditPage');
export type AuditPage = Static<typeof AuditPageSchema>;
