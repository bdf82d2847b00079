// The first administrator of a server that starts without demo accounts (PostgreSQL, or
// PHOIHOP_DEMO=0): made by `npm run create-admin` (scripts/create-admin.ts), on the command line of
// the machine, never over HTTP. Once any active administrator exists it refuses: further accounts are
// made in the web app's user administration, by an administrator, with scope and audit.
import { Value } from 'typebox/value';
import type { Queryable } from '../../db/database';
import { newTransaction } from '../../db/transaction';
import { hashPassword, passwordProblem } from '../auth/auth.service';
import { CreateUserBody } from './users.schemas';
import { usernameTaken } from './users.repo';
import { insertSystemAccount } from './users.service';

export interface FirstAdminInput {
  username: string;
  displayName: string;
  password: string;
  /** The agency's code in the registry (e.g. HLHPN, UBDT). */
  agencyCode: string;
}

export class FirstAdminError extends Error {
  constructor(
    readonly field: keyof FirstAdminInput | null,
    message: string,
  ) {
    super(message);
  }
}

function check(field: 'username' | 'displayName' | 'password', value: string, message: string) {
  if (!Value.Check(CreateUserBody.properties[field], value)) throw new FirstAdminError(field, message);
}

/** The input as it will be stored, or a FirstAdminError naming the field: checked before any database is opened. */
export function checkFirstAdmin(input: FirstAdminInput): FirstAdminInput {
  const checked = { ...input, username: input.username.trim().toLowerCase(), displayName: input.displayName.trim() };
  check('username', checked.username, 'Tên đăng nhập: 3–50 ký tự a–z, 0–9, dấu chấm, gạch ngang, gạch dưới.');
  check('displayName', checked.displayName, 'Họ tên: 1–200 ký tự.');
  check('password', checked.password, 'Mật khẩu: ít nhất 8 ký tự (tối đa 200).');
  // The same rules as every other password (auth/password-policy.ts): not common, not the user's name.
  const problem = passwordProblem(checked.password, checked);
  if (problem) throw new FirstAdminError('password', problem);
  return checked;
}

/** Creates the first administrator (national scope) and its audit entry, in one transaction. */
export async function createFirstAdmin(db: Queryable, raw: FirstAdminInput, now: Date): Promise<number> {
  const input = checkFirstAdmin(raw);
  const { username } = input;
  const passwordHash = await hashPassword(input.password);
  return newTransaction(db, async (tx) => {
    const admin = await tx
      .selectFrom('app_user')
      .select('username')
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (admin)
      throw new FirstAdminError(
        null,
        `Đã có quản trị viên (${admin.username}): tài khoản mới được tạo trong trang Quản trị người dùng.`,
      );
    if (await usernameTaken(tx, username)) throw new FirstAdminError('username', 'Tên đăng nhập đã được dùng.');
    const agency = await tx
      .selectFrom('agency')
      .select('agency_id')
      .where('code', '=', input.agencyCode.trim())
      .executeTakeFirst();
    if (!agency) throw new FirstAdminError('agencyCode', `Không có cơ quan mã "${input.agencyCode}" trong danh mục.`);
    return insertSystemAccount(
      tx,
      {
        username,
        displayName: input.displayName,
        email: null,
        passwordHash,
        role: 'admin',
        agencyId: agency.agency_id,
        nationalScope: true,
      },
      [],
      { agencyId: agency.agency_id, after: { username, role: 'admin', firstAdmin: true } },
      now,
    );
  });
}
