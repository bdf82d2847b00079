// Every section of the app, in one list: the navigation, the home page links and the routes
// are all built from it. To add a section: add an entry here (with the permission it needs)
// and its label and description in i18n/vi.ts and en.ts. Pages load only when first opened.
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Permission } from '../shared/permissions';
import type { MessageKey } from './i18n/vi';
import { lazyPage } from './lib/lazy-page';

type Page = LazyExoticComponent<ComponentType>;

export type SectionGroup = 'programme' | 'catalog' | 'admin';

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

/** The signed-in user's own password page: every role, outside the sections, linked from the header. */
export const CHANGE_PASSWORD_PATH = '/account/password';

export const SECTION_GROUPS: { group: SectionGroup; label: MessageKey }[] = [
  { group: 'programme', label: 'nav.group.programme' },
  { group: 'catalog', label: 'nav.group.catalog' },
  { group: 'admin', label: 'nav.group.admin' },
];

export const SECTIONS: Section[] = [
  {
    path: '/plans',
    group: 'programme',
    label: 'nav.plans',
    description: 'nav.plans.description',
    permission: 'plan:read',
    routes: [
      { path: '/plans', page: lazyPage(() => import('./features/plans/PlansPage'), 'PlansPage') },
      {
        path: '/plans/new',
        permission: 'plan:edit',
        page: lazyPage(() => import('./features/plans/editor/PlanEditorPage'), 'PlanCreatePage'),
      },
      {
        path: '/plans/import',
        permission: 'plan:edit',
        page: lazyPage(() => import('./features/plans/import/PlanImportPage'), 'PlanImportPage'),
      },
      { path: '/plans/:id', page: lazyPage(() => import('./features/plans/PlanDetailPage'), 'PlanDetailPage') },
      {
        path: '/plans/:id/edit',
        permission: 'plan:edit',
        page: lazyPage(() => import('./features/plans/editor/PlanEditorPage'), 'PlanEditPage'),
      },
      {
        path: '/plans/:id/timeline',
        page: lazyPage(() => import('./features/plans/PlanTimelinePage'), 'PlanTimelinePage'),
      },
      {
        path: '/plans/:id/versions',
        page: lazyPage(() => import('./features/plans/PlanVersionsPage'), 'PlanVersionsPage'),
      },
      {
        path: '/plans/:id/provinces',
        page: lazyPage(() => import('./features/plans/PlanProvincesPage'), 'PlanProvincesPage'),
      },
    ],
  },
  {
    path: '/activities',
    group: 'programme',
    label: 'nav.activities',
    description: 'nav.activities.description',
    permission: 'record:read',
    routes: [
      {
        path: '/activities',
        page: lazyPage(() => import('./features/records/ActivitiesPage'), 'ActivitiesPage'),
      },
    ],
  },
  {
    path: '/records',
    group: 'programme',
    label: 'nav.records',
    description: 'nav.records.description',
    permission: 'record:read',
    routes: [
      { path: '/records', page: lazyPage(() => import('./features/records/RecordsPage'), 'RecordsPage') },
      {
        path: '/records/new',
        permission: 'record:write',
        page: lazyPage(() => import('./features/records/RecordCreatePage'), 'RecordCreatePage'),
      },
      {
        path: '/records/import',
        permission: 'record:write',
        page: lazyPage(() => import('./features/records/RecordImportPage'), 'RecordImportPage'),
      },
      {
        path: '/records/:id',
        page: lazyPage(() => import('./features/records/RecordDetailPage'), 'RecordDetailPage'),
      },
      {
        path: '/records/:id/edit',
        permission: 'record:write',
        page: lazyPage(() => import('./features/records/RecordEditPage'), 'RecordEditPage'),
      },
    ],
  },
  {
    // The device's outbox of records entered offline (lib/outbox/); the frame links here while items wait.
    path: '/outbox',
    group: 'programme',
    label: 'nav.outbox',
    description: 'nav.outbox.description',
    permission: 'record:write',
    routes: [{ path: '/outbox', page: lazyPage(() => import('./features/outbox/OutboxPage'), 'OutboxPage') }],
  },
  {
    path: '/models',
    group: 'programme',
    label: 'nav.registry',
    description: 'nav.registry.description',
    permission: 'record:read',
    routes: [
      { path: '/models', page: lazyPage(() => import('./features/registry/ModelsPage'), 'ModelsPage') },
      {
        path: '/models/new',
        permission: 'record:write',
        page: lazyPage(() => import('./features/registry/ModelFormPage'), 'ModelCreatePage'),
      },
      { path: '/models/stats', page: lazyPage(() => import('./features/registry/StatsPage'), 'StatsPage') },
      {
        path: '/models/targets',
        permission: 'plan:edit',
        page: lazyPage(() => import('./features/registry/TargetsPage'), 'TargetsPage'),
      },
      {
        path: '/models/import',
        permission: 'record:write',
        page: lazyPage(() => import('./features/registry/ModelImportPage'), 'ModelImportPage'),
      },
      { path: '/models/:id', page: lazyPage(() => import('./features/registry/ModelDetailPage'), 'ModelDetailPage') },
      {
        path: '/models/:id/edit',
        permission: 'record:write',
        page: lazyPage(() => import('./features/registry/ModelFormPage'), 'ModelEditPage'),
      },
    ],
  },
  {
    path: '/missions',
    group: 'programme',
    label: 'nav.missions',
    description: 'nav.missions.description',
    permission: 'plan:read',
    routes: [
      { path: '/missions', page: lazyPage(() => import('./features/missions/MissionsPage'), 'MissionsPage') },
      {
        path: '/missions/new',
        permission: 'mission:write',
        page: lazyPage(() => import('./features/missions/MissionFormPage'), 'MissionCreatePage'),
      },
      {
        path: '/missions/:id',
        page: lazyPage(() => import('./features/missions/MissionDetailPage'), 'MissionDetailPage'),
      },
      {
        path: '/missions/:id/edit',
        permission: 'mission:write',
        page: lazyPage(() => import('./features/missions/MissionFormPage'), 'MissionEditPage'),
      },
    ],
  },
  {
    path: '/reports',
    group: 'programme',
    label: 'nav.reports',
    description: 'nav.reports.description',
    permission: 'report:read',
    routes: [
      { path: '/reports', page: lazyPage(() => import('./features/reports/ReportsPage'), 'ReportsPage') },
      {
        path: '/reports/queue',
        permission: 'report:approve',
        page: lazyPage(() => import('./features/reports/ReportQueuePage'), 'ReportQueuePage'),
      },
      {
        path: '/reports/consolidation',
        page: lazyPage(() => import('./features/reports/ConsolidationPage'), 'ConsolidationPage'),
      },
      { path: '/reports/review', page: lazyPage(() => import('./features/reports/ReviewPage'), 'ReviewPage') },
      { path: '/reports/calendar', page: lazyPage(() => import('./features/reports/CalendarPage'), 'CalendarPage') },
      { path: '/reports/:id', page: lazyPage(() => import('./features/reports/ReportDetailPage'), 'ReportDetailPage') },
    ],
  },
  {
    path: '/recommendations',
    group: 'programme',
    label: 'nav.recommendations',
    description: 'nav.recommendations.description',
    permission: 'plan:read',
    routes: [
      {
        path: '/recommendations',
        page: lazyPage(() => import('./features/missions/RecommendationsPage'), 'RecommendationsPage'),
      },
    ],
  },
  {
    path: '/policy-reviews',
    group: 'programme',
    label: 'nav.policyReviews',
    description: 'nav.policyReviews.description',
    permission: 'plan:read',
    routes: [
      {
        path: '/policy-reviews',
        page: lazyPage(() => import('./features/policy-reviews/PolicyReviewsPage'), 'PolicyReviewsPage'),
      },
      {
        path: '/policy-reviews/new',
        permission: 'policy:write',
        page: lazyPage(() => import('./features/policy-reviews/PolicyReviewFormPage'), 'PolicyReviewCreatePage'),
      },
      {
        path: '/policy-reviews/:id',
        page: lazyPage(() => import('./features/policy-reviews/PolicyReviewDetailPage'), 'PolicyReviewDetailPage'),
      },
      {
        path: '/policy-reviews/:id/edit',
        permission: 'policy:write',
        page: lazyPage(() => import('./features/policy-reviews/PolicyReviewFormPage'), 'PolicyReviewEditPage'),
      },
    ],
  },
  {
    path: '/dashboard',
    group: 'programme',
    label: 'nav.dashboard',
    description: 'nav.dashboard.description',
    permission: 'report:read',
    routes: [
      { path: '/dashboard', page: lazyPage(() => import('./features/analytics/DashboardPage'), 'DashboardPage') },
    ],
  },
  {
    path: '/pivot',
    group: 'programme',
    label: 'nav.pivot',
    description: 'nav.pivot.description',
    permission: 'report:read',
    routes: [{ path: '/pivot', page: lazyPage(() => import('./features/analytics/PivotPage'), 'PivotPage') }],
  },
  {
    path: '/indicators',
    group: 'programme',
    label: 'nav.indicators',
    description: 'nav.indicators.description',
    permission: 'report:read',
    routes: [
      { path: '/indicators', page: lazyPage(() => import('./features/analytics/IndicatorsPage'), 'IndicatorsPage') },
      {
        path: '/indicators/new',
        page: lazyPage(() => import('./features/analytics/IndicatorFormPage'), 'IndicatorCreatePage'),
      },
      {
        path: '/indicators/:id/edit',
        page: lazyPage(() => import('./features/analytics/IndicatorFormPage'), 'IndicatorEditPage'),
      },
      {
        path: '/indicators/:id',
        page: lazyPage(() => import('./features/analytics/IndicatorDetailPage'), 'IndicatorDetailPage'),
      },
    ],
  },
  {
    path: '/budgets',
    group: 'programme',
    label: 'nav.budgets',
    description: 'nav.budgets.description',
    permission: 'plan:read',
    routes: [
      { path: '/budgets', page: lazyPage(() => import('./features/budgets/BudgetsPage'), 'BudgetsPage') },
      {
        path: '/budgets/plan',
        permission: 'budget:write',
        page: lazyPage(() => import('./features/budgets/BudgetPlanPage'), 'BudgetPlanPage'),
      },
    ],
  },
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
    path: '/checklist-templates',
    group: 'admin',
    label: 'nav.checklists',
    description: 'nav.checklists.description',
    permission: 'refdata:manage',
    routes: [
      {
        path: '/checklist-templates',
        page: lazyPage(() => import('./features/checklists/ChecklistTemplatesPage'), 'ChecklistTemplatesPage'),
      },
      {
        path: '/checklist-templates/new',
        page: lazyPage(() => import('./features/checklists/ChecklistTemplateFormPage'), 'ChecklistTemplateCreatePage'),
      },
      {
        path: '/checklist-templates/:id',
        page: lazyPage(() => import('./features/checklists/ChecklistTemplateFormPage'), 'ChecklistTemplateEditPage'),
      },
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
