// The home page's "what waits for me": one answer gathered from the services of the modules that own
// the work (plans, reports, monitoring, notifications), each already scoped to the caller. Nothing
// here reads a table; each list is bounded (its count and its first `limit`).
import type { ServiceContext } from '../../access/actor';
import { can } from '../../access/actor';
import { today } from '../../common/today';
import { listRecommendations } from '../monitoring/recommendations.service';
import { listNotifications } from '../notifications/notifications.service';
import { plansToActOn } from '../plans/plan-work.service';
import { latePeriods, lockedPeriods, reportsToApprove, reportsToWrite } from '../reports/report-work.service';
import type { MyWork } from './home.schemas';

const RECOMMENDATIONS_LINK = '/recommendations?mine=1&status=not_done';

async function myRecommendations(ctx: ServiceContext, limit: number): Promise<MyWork['recommendations']> {
  if (!can(ctx.actor, 'recommendation:respond')) return { total: 0, overdue: 0, items: [], link: RECOMMENDATIONS_LINK };
  const [open, overdue] = await Promise.all([
    listRecommendations(ctx, { mine: true, status: 'not_done', limit }),
    listRecommendations(ctx, { mine: true, status: 'overdue', limit: 1 }),
  ]);
  return {
    total: open.total,
    overdue: overdue.total,
    link: RECOMMENDATIONS_LINK,
    items: open.items.map((r) => ({
      id: r.id,
      text: r.text,
      mission: r.mission.title,
      dueDate: r.dueDate,
      overdue: r.overdue,
      status: r.displayStatus,
      link: r.overdue ? '/recommendations?mine=1&status=overdue' : RECOMMENDATIONS_LINK,
    })),
  };
}

export async function myWork(ctx: ServiceContext, limit = 5): Promise<MyWork> {
  const day = today(ctx);
  // One after another: PGlite has one connection, and each list is a handful of queries.
  const plans = await plansToActOn(ctx, limit);
  const toWrite = await reportsToWrite(ctx, limit);
  const toApprove = await reportsToApprove(ctx, limit);
  const late = await latePeriods(ctx, limit);
  const recommendations = await myRecommendations(ctx, limit);
  const locked = await lockedPeriods(ctx, limit);
  const notifications = await listNotifications(ctx, true, limit);
  return {
    today: day,
    limit,
    plans: {
      total: plans.total,
      items: plans.items.map((p) => ({ ...p, link: `/plans/${p.id}` })),
    },
    reportsToWrite: {
      total: toWrite.total,
      items: toWrite.items.map((r) => ({
        ...r,
        link: r.reportId ? `/reports/${r.reportId}` : `/reports?year=${r.period.code.slice(0, 4)}`,
      })),
    },
    reportsToApprove: {
      total: toApprove.total,
      items: toApprove.items.map((r) => ({
        id: r.id,
        type: r.type,
        period: { code: r.period.code, label: r.period.label },
        dueDate: r.dueDate,
        agency: r.agency.name,
        province: r.province?.name ?? null,
        submittedAt: r.submittedAt,
        link: `/reports/${r.id}`,
      })),
    },
    latePeriods: {
      total: late.total,
      items: late.items.map((p) => ({
        ...p,
        link: `/reports/consolidation?${new URLSearchParams({
          year: p.dueDate.slice(0, 4),
          key: `${p.type.code}:${p.period.code}`,
          late: '1',
        }).toString()}`,
      })),
    },
    recommendations,
    lockedPeriods: {
      total: locked.total,
      items: locked.items.map((l) => ({ ...l, link: `/reports/${l.reportId}` })),
    },
    notifications,
  };
}
