import { Type } from '@sinclair/typebox';
import { usageTypes } from '../usage-types.ts';

// The type is `UsageType` of usage-types.ts (a plain list, for the SPA's bundle); this is its schema.
// No $id: the schema is embedded several times in one response schema, and Ajv refuses a repeated $id.
export const UsageTypeSchema = Type.Union(
  usageTypes.map((t) => Type.Literal(t)),
  { description: 'A Logto usage type' },
);
