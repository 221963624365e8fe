import { type Static, Type } from '@sinclair/typebox';

export const HealthSchema = Type.Object({ status: Type.Literal('ok') }, { $id: 'Health' });
export type Health = Static<typeof HealthSchema>;

export const DependencyStatusSchema = Type.Object({
  name: Type.String(),
  status: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  latencyMs: Type.Optional(Type.Number()),
  message: Type.Optional(Type.String()),
});

export const ReadinessSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
    dependencies: Type.Array(DependencyStatusSchema),
  },
  { $id: 'Readiness' },
);
export type Readiness = Static<typeof ReadinessSchema>;
