// Every section of the app, in one list: the navigation, the home page links and the routes
// are all built from it. To add a section: add an entry here (with the permission it needs)
// and its label and description in i18n/vi.ts and en.ts. Pages load only when first opened.
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Permission } from '../shared/permissions';
import type { MessageKey } from './i18n/vi';
import { lazyPage } from './lib/lazy-page';

type Page = LazyExoticComponent<ComponentType>;

export type SectionGroup = 'catalog' | 'admin';

export interface Section {
  /** The address of the section's main page; the nav entry is active on it and below it. */
  path: string;
  group: SectionGroup;
  label: MessageKey;
  description: MessageKey;
  permission: Permission;
  /** A route may need more than the section (creating a user needs user:manage). */
  routes: { path: string; page: Page; permission?: Permission }[];
}

export const SECTION_GROUPS: { group: SectionGroup; label: MessageKey }[] = [
  { group: 'catalog', label: 'nav.group.catalog' },
  { group: 'admin', label: 'nav.group.admin' },
];

export const SECTIONS: Section[] = [
  {
    path: '/admin-units',
    group: 'catalog',
    label: 'nav.adminUnits',
    description: 'nav.adminUnits.description',
    permission: 'refdata:read',
    routes: [
      { path: '/admin-units', page: lazyPage(() => import('./features/admin-units/AdminUnitsPage'), 'AdminUnitsPage') },
      {
        path: '/admin-units/:generation/:code',
        page: lazyPage(() => import('./features/admin-units/AdminUnitDetailPage'), 'AdminUnitDetailPage'),
      },
    ],
  },
  {
    path: '/ethnic-groups',
    group: 'catalog',
    label: 'nav.ethnicGroups',
    description: 'nav.ethnicGroups.description',
    permission: 'refdata:read',
    routes: [
      {
        path: '/ethnic-groups',
        page: lazyPage(() => import('./features/ethnic-groups/EthnicGroupsPage'), 'EthnicGroupsPage'),
      },
    ],
  },
  {
    path: '/agencies',
    group: 'catalog',
    label: 'nav.agencies',
    description: 'nav.agencies.description',
    permission: 'refdata:read',
    routes: [{ path: '/agencies', page: lazyPage(() => import('./features/agencies/AgenciesPage'), 'AgenciesPage') }],
  },
  {
    path: '/users',
    group: 'admin',
    label: 'nav.users',
    description: 'nav.users.description',
    permission: 'user:read',
    routes: [
      { path: '/users', page: lazyPage(() => import('./features/users/UsersPage'), 'UsersPage') },
      {
        path: '/users/new',
        permission: 'user:manage',
        page: lazyPage(() => import('./features/users/UserCreatePage'), 'UserCreatePage'),
      },
      { path: '/users/:id', page: lazyPage(() => import('./features/users/UserEditPage'), 'UserEditPage') },
    ],
  },
  {
    path: '/audit',
    group: 'admin',
    label: 'nav.audit',
    description: 'nav.audit.description',
    permission: 'audit:read',
    routes: [{ path: '/audit', page: lazyPage(() => import('./features/audit/AuditPage'), 'AuditPage') }],
  },
];

export function visibleSections(permissions: readonly string[]): Section[] {
  return SECTIONS.filter((section) => permissions.includes(section.permission));
}
