import { Type, type Static } from 'typebox';
import { PERMISSIONS, ROLES } from '../../../shared/permissions';
import { named } from '../../http/named-schemas';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const MeView = named(
  'MeView',
  Type.Object({
    userId: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    role: Type.Enum(ROLES),
    agency: Type.Object({ id: Type.Integer(), name: Type.String(), shortName: Type.String() }),
    nationalScope: Type.Boolean(),
    provinces: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    permissions: Type.Array(Type.Enum(PERMISSIONS)),
    csrfToken: Type.String(),
  }),
);
export type MeView = Static<typeof MeView>;
