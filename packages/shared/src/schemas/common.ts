import { type TSchema, Type } from '@sinclair/typebox';

export const IdSchema = Type.String({ format: 'uuid', description: 'A UUID' });
export const IdParamsSchema = Type.Object({ id: IdSchema });

export const TimestampSchema = Type.String({ format: 'date-time' });

export const CursorQuerySchema = {
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

/** A page of a newest-first list; `nextCursor` is null on the last page. */
export const PageSchema = <T extends TSchema>(item: T, $id?: string) =>
  Type.Object(
    { items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) },
    $id ? { $id } : {},
  );
