// Every feature's routes, registered under /api. Listed explicitly (no autoload).
import type { App } from '../http/context';
import { healthRoutes } from './health/health.routes';
import { authRoutes } from './auth/auth.routes';
import { userRoutes } from './users/users.routes';
import { auditRoutes } from './audit/audit.routes';
import { referenceRoutes } from './reference/reference.routes';
import { planRoutes } from './plans/plans.routes';
import { planImportRoutes } from './plan-import/plan-import.routes';
import { planExportRoutes } from './plan-export/plan-export.routes';
import { recordRoutes } from './records/records.routes';
import { registryRoutes } from './registry/registry.routes';
import { exchangeRoutes } from './analytics/exchange.routes';
import { indicatorRoutes } from './analytics/indicators.routes';
import { pivotRoutes } from './analytics/pivot.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { monitoringRoutes } from './monitoring/monitoring.routes';
import { policyReviewRoutes } from './policy-reviews/policy-reviews.routes';
import { budgetRoutes } from './budgets/budgets.routes';
import { reportRoutes } from './reports/reports.routes';
import { notificationRoutes } from './notifications/notifications.routes';
import { homeRoutes } from './home/home.routes';
import { searchRoutes } from './search/search.routes';
import { savedViewRoutes } from './saved-views/saved-views.routes';

export async function registerModules(app: App): Promise<void> {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(referenceRoutes);
  await app.register(planImportRoutes);
  await app.register(planRoutes);
  await app.register(planExportRoutes);
  await app.register(recordRoutes);
  await app.register(registryRoutes);
  await app.register(indicatorRoutes);
  await app.register(pivotRoutes);
  await app.register(dashboardRoutes);
  await app.register(exchangeRoutes);
  await app.register(monitoringRoutes);
  await app.register(policyReviewRoutes);
  await app.register(budgetRoutes);
  await app.register(reportRoutes);
  await app.register(notificationRoutes);
  await app.register(homeRoutes);
  await app.register(searchRoutes);
  await app.register(savedViewRoutes);
}
