import { Type, type Static } from 'typebox';
import { ROLES } from '../../../shared/permissions';
import { named } from '../../http/named-schemas';
import { ListPage } from '../../http/schemas';
import { sortQuery } from '../../common/list-sort';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/auth.service';

const RoleSchema = Type.Enum(ROLES);
const ProvinceCode = Type.String({ pattern: '^\\d{2}$' });
const Username = Type.String({ minLength: 3, maxLength: 50, pattern: '^[a-z0-9._-]+$' });
const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH });

export const UserAction = Type.Union([
  Type.Literal('edit'),
  Type.Literal('disable'),
  Type.Literal('enable'),
  Type.Literal('set_password'),
]);

export const UserView = named(
  'UserView',
  Type.Object({
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    role: RoleSchema,
    agency: Type.Object({ id: Type.Integer(), name: Type.String() }),
    nationalScope: Type.Boolean(),
    provinces: Type.Array(Type.String()),
    disabled: Type.Boolean(),
    createdAt: Type.String(),
    version: Type.Integer(),
    allowedActions: Type.Array(UserAction),
  }),
);
export type UserView = Static<typeof UserView>;
export const UserList = named('UserList', ListPage(UserView));
export type UserList = Static<typeof UserList>;

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
    password: Password,
    role: RoleSchema,
    agencyId: Type.Integer({ minimum: 1 }),
    nationalScope: Type.Boolean(),
    provinces: Type.Array(ProvinceCode, { maxItems: 34, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
    role: Type.Optional(RoleSchema),
    agencyId: Type.Optional(Type.Integer({ minimum: 1 })),
    nationalScope: Type.Optional(Type.Boolean()),
    provinces: Type.Optional(Type.Array(ProvinceCode, { maxItems: 34, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const SetPasswordBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), password: Password },
  { additionalProperties: false },
);
export type SetPasswordBody = Static<typeof SetPasswordBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }), newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

/** The users list's sortable columns. */
export const USER_SORT_KEYS = ['username', 'name', 'role'] as const;

export const ListUsersQuery = Type.Object({
  sort: sortQuery(USER_SORT_KEYS),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  role: Type.Optional(RoleSchema),
  province: Type.Optional(ProvinceCode),
  includeDisabled: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ListUsersQuery = Static<typeof ListUsersQuery>;
