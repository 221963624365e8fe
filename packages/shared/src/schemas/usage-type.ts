import { type Static, Type } from '@sinclair/typebox';
import { usageTypes } from '../usage-types.ts';

// No $id: the schema is embedded several times in one response schema, and Ajv refuses a repeated $id.
export const UsageTypeSchema = Type.Union(
  usageTypes.map((t) => Type.Literal(t)),
  { description: 'A Logto usage type' },
);
export type UsageTypeValue = Static<typeof UsageTypeSchema>;
