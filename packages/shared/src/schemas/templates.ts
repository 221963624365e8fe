import { type Static, Type } from '@sinclair/typebox';
import { UsageTypeSchema } from './usage-type.ts';

export const TemplateStatusSchema = Type.Union(
  [
    Type.Literal('approved'),
    Type.Literal('reviewing'),
    Type.Literal('approved_pending'),
    Type.Literal('rejected'),
  ],
  {
    description:
      'approved = approved and in effect (the only usable state); approved_pending = approved, not yet in effect',
  },
);
export type TemplateStatus = Static<typeof TemplateStatusSchema>;

export const SmsTypeSchema = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], {
  description: '1 marketing, 2 notification, 3 verification code',
});

export const TemplateSchema = Type.Object(
  {
    templateId: Type.String(),
    name: Type.String(),
    content: Type.String(),
    status: TemplateStatusSchema,
    reviewReply: Type.Union([Type.String(), Type.Null()]),
    smsType: Type.Union([SmsTypeSchema, Type.Null()], {
      description: 'Known when the template was made here',
    }),
    variableCount: Type.Integer({ minimum: 0 }),
    international: Type.Boolean(),
    createdAt: Type.Union([Type.String(), Type.Null()]),
    usageTypes: Type.Array(UsageTypeSchema, { description: "This connector's usage types mapped to it" }),
  },
  { $id: 'Template' },
);
export type Template = Static<typeof TemplateSchema>;

export const TemplateListSchema = Type.Object({ items: Type.Array(TemplateSchema) }, { $id: 'TemplateList' });
export type TemplateList = Static<typeof TemplateListSchema>;

export const TemplateInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 30, pattern: '\\S' }),
    content: Type.String({ minLength: 1, maxLength: 500 }),
    smsType: Type.Optional(SmsTypeSchema),
    remark: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false, $id: 'TemplateInput' },
);
export type TemplateInput = Static<typeof TemplateInputSchema>;

export const TemplateParamsSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  templateId: Type.String({ pattern: '^[0-9]{1,20}$' }),
});

export const DeleteTemplateQuerySchema = Type.Object(
  { force: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);

export const SignSchema = Type.Object(
  {
    signId: Type.String(),
    signName: Type.String(),
    status: TemplateStatusSchema,
    reviewReply: Type.Union([Type.String(), Type.Null()]),
    international: Type.Boolean(),
    createdAt: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Sign' },
);
export type Sign = Static<typeof SignSchema>;
export const SignListSchema = Type.Object({ items: Type.Array(SignSchema) }, { $id: 'SignList' });
export type SignList = Static<typeof SignListSchema>;
