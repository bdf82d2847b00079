// Demo accounts created on an empty database, one per role, so a newcomer can log in at once.
import type { Role } from '../../../shared/permissions';
import type { Queryable } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { hashPassword } from '../auth/auth.service';
import { insertSystemAccount } from '../users/users.service';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  agency: string;
  provinces: string[];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', agency: 'HLHPN', provinces: [] },
  {
    username: 'tw.hoiphunu',
    displayName: 'Nguyễn Thị Lan (TW Hội LHPN)',
    role: 'central_coordinator',
    agency: 'HLHPN',
    provinces: [],
  },
  {
    username: 'tw.dantoc',
    displayName: 'Trần Văn Minh (Bộ DT&TG)',
    role: 'central_coordinator',
    agency: 'UBDT',
    provinces: [],
  },
  {
    username: 'laocai.hoiphunu',
    displayName: 'Lò Thị Mai (Hội LHPN Lào Cai)',
    role: 'provincial_coordinator',
    agency: 'HLHPN-2025-15',
    provinces: ['15'],
  },
  {
    username: 'laocai.dantoc',
    displayName: 'Vàng A Sử (Sở DT&TG Lào Cai)',
    role: 'provincial_coordinator',
    agency: 'UBDT-2025-15',
    provinces: ['15'],
  },
  {
    username: 'dienbien.hoiphunu',
    displayName: 'Lò Thị Hoa (Hội LHPN Điện Biên)',
    role: 'provincial_coordinator',
    agency: 'HLHPN-2025-11',
    provinces: ['11'],
  },
  {
    username: 'dienbien.nhaplieu',
    displayName: 'Quàng Văn Dũng (nhập liệu Điện Biên)',
    role: 'data_entry',
    agency: 'HLHPN-2025-11',
    provinces: ['11'],
  },
  { username: 'lanhdao', displayName: 'Hoàng Thị Thu (lãnh đạo)', role: 'viewer', agency: 'UBDT', provinces: [] },
  { username: 'kiemtoan', displayName: 'Phạm Văn Kiên (kiểm toán)', role: 'auditor', agency: 'HLHPN', provinces: [] },
];

/** Creates the demo users when the database has no user at all (in the caller's transaction, if any). Returns true if it did. */
export async function ensureDemoUsers(db: Queryable, password: string, now: Date): Promise<boolean> {
  const any = await db.selectFrom('app_user').select('user_id').limit(1).executeTakeFirst();
  if (any) return false;
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    for (const user of DEMO_USERS) {
      const agency = await tx
        .selectFrom('agency')
        .select('agency_id')
        .where('code', '=', user.agency)
        .executeTakeFirstOrThrow();
      await insertSystemAccount(
        tx,
        {
          username: user.username,
          displayName: user.displayName,
          email: null,
          passwordHash,
          role: user.role,
          agencyId: agency.agency_id,
          nationalScope: user.provinces.length === 0,
        },
        user.provinces,
        { after: { username: user.username, role: user.role, demo: true } },
        now,
      );
    }
  });
  return true;
}
