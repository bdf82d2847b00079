// Roles and their `resource:verb` permissions. Shared by server (checks) and web (labels).

export const ROLES = [
  'admin',
  'central_coordinator',
  'provincial_coordinator',
  'data_entry',
  'viewer',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'refdata:read',
  'refdata:manage',
  'user:read',
  'user:manage',
  'audit:read',
  'plan:read',
  'plan:edit',
  'plan:sign',
  'record:read',
  'record:write',
  'report:read',
  'report:write',
  'report:approve',
  'case:read',
  'case:write',
  'mission:write',
  'recommendation:respond',
  'policy:write',
  'budget:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Case-level data of trusted addresses: no role carries these, only a per-user grant (table user_grant). */
export const GRANT_PERMISSIONS: Record<string, readonly Permission[]> = { case_data: ['case:read', 'case:write'] };
const GRANT_ONLY: readonly Permission[] = Object.values(GRANT_PERMISSIONS).flat();

const READ: Permission[] = ['refdata:read', 'plan:read', 'record:read', 'report:read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS.filter((p) => !GRANT_ONLY.includes(p)),
  central_coordinator: [
    ...READ,
    'user:read',
    'plan:edit',
    'plan:sign',
    'record:write',
    'report:write',
    'report:approve',
    'mission:write',
    'recommendation:respond',
    'policy:write',
    'budget:write',
  ],
  provincial_coordinator: [
    ...READ,
    'user:read',
    'plan:edit',
    'plan:sign',
    'record:write',
    'report:write',
    'mission:write',
    'recommendation:respond',
    'policy:write',
    'budget:write',
  ],
  data_entry: [...READ, 'record:write', 'recommendation:respond'],
  viewer: READ,
  auditor: [...READ, 'audit:read', 'user:read'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  central_coordinator: { vi: 'Điều phối viên trung ương', en: 'Central coordinator' },
  provincial_coordinator: { vi: 'Điều phối viên cấp tỉnh', en: 'Provincial coordinator' },
  data_entry: { vi: 'Cán bộ nhập liệu', en: 'Data-entry officer' },
  viewer: { vi: 'Lãnh đạo / người xem', en: 'Leader / viewer' },
  auditor: { vi: 'Kiểm toán viên', en: 'Auditor' },
};
