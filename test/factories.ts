// Factories that build each test's own data. Reference data (units, agencies) is in the template.
import crypto from 'node:crypto';
import type { Role } from '../src/shared/permissions';
import type { Queryable } from '../src/server/db/database';
import { hashPassword } from '../src/server/modules/auth/auth.service';
import { userSearchText } from '../src/server/modules/users/users.service';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';
let passwordHash: Promise<string> | null = null;
const testHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

/** Agency id by code: 'HLHPN', 'UBDT', or a branch such as 'HLHPN-2025-15'. */
export async function agencyId(db: Queryable, code: string): Promise<number> {
  const row = await db.selectFrom('agency').select('agency_id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.agency_id;
}

export interface UserSpec {
  username?: string;
  displayName?: string;
  role: Role;
  agency?: string;
  provinces?: string[];
  national?: boolean;
}

export async function createUser(db: Queryable, spec: UserSpec) {
  const username = spec.username ?? `${spec.role}-${crypto.randomBytes(4).toString('hex')}`;
  const national = spec.national ?? (spec.provinces === undefined || spec.provinces.length === 0);
  const displayName = spec.displayName ?? `Người dùng ${username}`;
  const row = await db
    .insertInto('app_user')
    .values({
      username,
      display_name: displayName,
      search_text: userSearchText(username, displayName, null),
      password_hash: await testHash(),
      role: spec.role,
      agency_id: await agencyId(db, spec.agency ?? 'HLHPN'),
      national_scope: national,
    })
    .returning(['user_id', 'username'])
    .executeTakeFirstOrThrow();
  if (spec.provinces?.length) {
    await db
      .insertInto('user_province')
      .values(spec.provinces.map((p) => ({ user_id: row.user_id, province_code: p })))
      .execute();
  }
  return { id: row.user_id, username: row.username, password: TEST_PASSWORD };
}
