import { type Static, Type } from '@sinclair/typebox';
import { usageTypes } from '../usage-types.ts';

export const UsageTypeSchema = Type.Union(
  usageTypes.map((t) => Type.Literal(t)),
  { $id: 'UsageType', description: 'A Logto usage type' },
);
export type UsageTypeValue = Static<typeof UsageTypeSchema>;
