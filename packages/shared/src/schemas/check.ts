import { type Static, Type } from '@sinclair/typebox';
import { UsageTypeSchema } from './usage-type.ts';

export const SeveritySchema = Type.Union([
  Type.Literal('error'),
  Type.Literal('warning'),
  Type.Literal('info'),
]);
export type Severity = Static<typeof SeveritySchema>;

export const FindingSchema = Type.Object({
  severity: SeveritySchema,
  code: Type.String({ description: 'Stable SNAKE_CASE finding code, e.g. TEMPLATE_UNDER_REVIEW' }),
  usageType: Type.Optional(UsageTypeSchema),
  templateCode: Type.Optional(Type.String()),
  message: Type.String(),
  fix: Type.String(),
});
export type Finding = Static<typeof FindingSchema>;

const Cell = Type.Union([
  Type.Literal('ok'),
  Type.Literal('warning'),
  Type.Literal('error'),
  Type.Literal('unknown'),
]);

/** One row of the health matrix: a usage type × (mapped, exists, approved, one {1}). */
export const UsageTypeHealthSchema = Type.Object({
  usageType: UsageTypeSchema,
  requiredByLogto: Type.Boolean(),
  templateCode: Type.Union([Type.String(), Type.Null()]),
  mapped: Cell,
  exists: Cell,
  approved: Cell,
  singleVariable: Cell,
  state: Type.Union([Type.Literal('ok'), Type.Literal('warning'), Type.Literal('error')]),
  blockedBy: Type.Optional(
    Type.String({
      description:
        'The code of the connector-wide error finding (sign, credentials, SDK app, region, international) that makes this row fail whatever its template',
    }),
  ),
});
export type UsageTypeHealth = Static<typeof UsageTypeHealthSchema>;

export const CheckResultSchema = Type.Object(
  {
    ok: Type.Boolean({ description: 'True only when there is no error finding' }),
    checkedAt: Type.String({ format: 'date-time' }),
    findings: Type.Array(FindingSchema),
    usageTypes: Type.Array(UsageTypeHealthSchema),
  },
  { $id: 'CheckResult' },
);
export type CheckResult = Static<typeof CheckResultSchema>;
