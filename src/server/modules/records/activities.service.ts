// Activity status across plans: each activity with its records (in the caller's scope), the
// status derived by the shared rule, and the lead agency's complete / reopen steps.
import type { ServiceContext } from '../../access/actor';
import { can } from '../../access/actor';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import type { ActivityStatus } from '../../../shared/activity-status';
import { insertAudit } from '../audit/audit.service';
import { agencyMap } from '../reference/reference.service';
import { activityActions, mayComplete, type ActivityFacts } from './record.policy';
import * as repo from './activities.repo';
import type { ActivityStatusView, CompleteActivityBody, ListActivitiesQuery } from './records.schemas';
import { today } from '../../common/today';
import { newTransaction } from '../../db/transaction';

function facts(r: repo.ActivityListRow): ActivityFacts {
  return {
    leadAgencyId: r.lead_agency_id,
    planKind: r.plan_kind,
    planProvinceCode: r.plan_province_code,
    done: r.completed_on !== null,
  };
}

async function toViews(ctx: ServiceContext, rows: repo.ActivityListRow[]): Promise<ActivityStatusView[]> {
  const agencies = await agencyMap(
    ctx.db,
    rows.flatMap((r) => (r.lead_agency_id ? [r.lead_agency_id] : [])),
    today(ctx),
  );
  return rows.map((r) => {
    const timeframe = r.timeframe_start && r.timeframe_end ? { start: r.timeframe_start, end: r.timeframe_end } : null;
    const recordCount = Number(r.record_count ?? 0);
    const lead = r.lead_agency_id ? agencies.get(r.lead_agency_id) : undefined;
    return {
      id: r.plan_activity_id,
      key: r.activity_key,
      number: `${r.section_number}.${r.position + 1}`,
      title: r.title,
      plan: {
        id: r.plan_id,
        kind: r.plan_kind,
        year: r.plan_year,
        number: r.plan_number,
        title: r.plan_title,
        status: r.plan_status,
        provinceCode: r.plan_province_code,
      },
      section: { key: r.section_key, number: r.section_number, title: r.section_title },
      timeframe,
      leadAgency: lead ? { id: lead.id, name: lead.name, shortName: lead.shortName } : null,
      level: r.level,
      recordCount,
      participants: Number(r.participants ?? 0),
      femaleParticipants: Number(r.female_participants ?? 0),
      completion: r.completed_on
        ? { completedOn: r.completed_on, completedBy: r.completed_by_name, note: r.completion_note }
        : null,
      status: r.status,
      allowedActions: activityActions(ctx.actor, facts(r)),
    };
  });
}

/**
 * A page of activities with their derived status (the rule of shared/activity-status.ts, in SQL:
 * it depends on today's date, so the status filter, the order, the page and the total are the
 * database's); the records are summed for the page's activities only.
 */
export async function listActivities(
  ctx: ServiceContext,
  query: ListActivitiesQuery,
): Promise<{ items: ActivityStatusView[]; total: number }> {
  const { limit = 100, offset = 0, sort, ...filter } = query;
  const { rows, total } = await repo.listActivities(ctx.db, ctx.actor, filter, today(ctx), { limit, offset, sort });
  return { items: await toViews(ctx, rows), total };
}

/**
 * Every activity matching the filter (a plan, a year), for the documents that show them all:
 * the plan review, a report's figures. The cost is that of the records of those activities only.
 */
export async function activitiesOf(
  ctx: ServiceContext,
  filter: Pick<repo.ActivityFilter, 'plan' | 'year'>,
): Promise<ActivityStatusView[]> {
  const { rows } = await repo.listActivities(ctx.db, ctx.actor, filter, today(ctx));
  return toViews(ctx, rows);
}

type StatusCounts = Record<ActivityStatus, number>;
export interface PlanProgress {
  id: number;
  number: string;
  title: string;
  kind: string;
  provinceCode: string | null;
  activities: StatusCounts;
  sections: { number: string; title: string; activities: StatusCounts; total: number }[];
}

/** Activities counted by status per plan and section, for the overview; one grouped query. */
export async function planProgress(
  ctx: ServiceContext,
  filter: Pick<repo.ActivityFilter, 'plan' | 'year' | 'province'>,
): Promise<PlanProgress[]> {
  const rows = await repo.activityStatusCounts(ctx.db, ctx.actor, filter, today(ctx));
  const plans = new Map<number, PlanProgress>();
  for (const r of rows) {
    let plan = plans.get(r.plan_id);
    if (!plan) {
      plan = {
        id: r.plan_id,
        number: r.plan_number,
        title: r.plan_title,
        kind: r.plan_kind,
        provinceCode: r.plan_province_code,
        activities: { not_started: 0, in_progress: 0, late: 0, done: 0 },
        sections: [],
      };
      plans.set(r.plan_id, plan);
    }
    const activities: StatusCounts = {
      not_started: Number(r.not_started),
      in_progress: Number(r.in_progress),
      late: Number(r.late),
      done: Number(r.done),
    };
    for (const status of Object.keys(activities) as ActivityStatus[]) plan.activities[status] += activities[status];
    const total = activities.not_started + activities.in_progress + activities.late + activities.done;
    plan.sections.push({ number: r.section_number, title: r.section_title, activities, total });
  }
  return [...plans.values()];
}

/** The activities the actor could record against (the import template), without their records. */
export async function activityChoices(ctx: ServiceContext) {
  return repo.activityChoices(ctx.db, ctx.actor, today(ctx));
}

/** One activity in the actor's scope with its status and records; undefined outside the scope. */
async function findOne(ctx: ServiceContext, activityId: number) {
  const { rows } = await repo.listActivities(ctx.db, ctx.actor, { id: activityId }, today(ctx));
  return rows[0];
}

export async function getActivity(ctx: ServiceContext, activityId: number): Promise<ActivityStatusView> {
  const row = await findOne(ctx, activityId);
  if (!row) throw notFound('Hoạt động');
  return (await toViews(ctx, [row]))[0]!;
}

async function loadForCompletion(ctx: ServiceContext, activityId: number) {
  const row = await findOne(ctx, activityId);
  if (!row) throw notFound('Hoạt động');
  if (!mayComplete(ctx.actor, facts(row))) {
    if (!can(ctx.actor, 'record:write')) throw forbidden();
    throw forbidden('Chỉ cơ quan chủ trì hoạt động mới đánh dấu hoàn thành hoặc mở lại hoạt động');
  }
  return row;
}

export async function completeActivity(
  ctx: ServiceContext,
  activityId: number,
  body: CompleteActivityBody,
): Promise<ActivityStatusView> {
  const completedOn = body.completedOn ?? today(ctx);
  if (completedOn > today(ctx)) throw badRequest('completedOn', 'Ngày hoàn thành không được sau hôm nay');
  await newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await loadForCompletion(txCtx, activityId);
    const note = body.note?.trim() || null;
    if (!(await repo.insertCompletion(tx, { activityId, completedOn, userId: ctx.actor.userId, note })))
      throw conflict('Hoạt động đã được đánh dấu hoàn thành');
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'complete',
        entityType: 'plan_activity',
        entityId: activityId,
        agencyId: row.lead_agency_id,
        provinceCode: row.plan_province_code,
        before: { completedOn: null },
        after: { completedOn, note },
      },
      ctx.clock.now(),
      ctx.ip,
    );
  });
  return getActivity(ctx, activityId);
}

export async function reopenActivity(ctx: ServiceContext, activityId: number): Promise<ActivityStatusView> {
  await newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await loadForCompletion(txCtx, activityId);
    if (!(await repo.deleteCompletion(tx, activityId))) throw conflict('Hoạt động chưa được đánh dấu hoàn thành');
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'reopen',
        entityType: 'plan_activity',
        entityId: activityId,
        agencyId: row.lead_agency_id,
        provinceCode: row.plan_province_code,
        before: { completedOn: row.completed_on, note: row.completion_note },
        after: { completedOn: null },
      },
      ctx.clock.now(),
      ctx.ip,
    );
  });
  return getActivity(ctx, activityId);
}

/** Search everywhere (modules/search): the plan activities in the actor's scope holding every folded word. */
export function searchActivities(ctx: ServiceContext, words: readonly string[], limit: number) {
  return repo.searchActivities(ctx.db, ctx.actor, words, limit);
}
