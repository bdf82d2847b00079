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
import { analyticsRoutes } from './analytics/analytics.routes';
import { monitoringRoutes } from './monitoring/monitoring.routes';
import { policyReviewRoutes } from './policy-reviews/policy-reviews.routes';
import { budgetRoutes } from './budgets/budgets.routes';
import { reportRoutes } from './reports/reports.routes';

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
  await app.register(analyticsRoutes);
  await app.register(monitoringRoutes);
  await app.register(policyReviewRoutes);
  await app.register(budgetRoutes);
  await app.register(reportRoutes);
}
