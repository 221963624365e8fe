import { type Static, Type } from '@sinclair/typebox';

export const MeSchema = Type.Object(
  {
    sub: Type.String({ description: 'The subject: a user id, or the client id of a machine-to-machine app' }),
    clientId: Type.Union([Type.String(), Type.Null()], {
      description: 'The application that obtained the token',
    }),
    scopes: Type.Array(Type.String()),
    authMethod: Type.Union([Type.Literal('bearer'), Type.Literal('session')]),
  },
  { $id: 'Me' },
);
export type Me = Static<typeof MeSchema>;
