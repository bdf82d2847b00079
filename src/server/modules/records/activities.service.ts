// Activity status across plans: each activity with its records (in the caller's scope), the
// status derived by the shared rule, and the lead agency's complete / reopen steps.
import type { ServiceContext } from '../../access/actor';
import { can } from '../../access/actor';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { deriveActivityStatus } from '../../../shared/activity-status';
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
      status: deriveActivityStatus({ timeframe, recordCount, completedOn: r.completed_on }, today(ctx)),
      allowedActions: activityActions(ctx.actor, facts(r)),
    };
  });
}

/**
 * Activities with their derived status. The status depends on today's date, so it is filtered
 * and paged here rather than in SQL; the other filters narrow the rows in SQL first.
 */
export async function listActivities(
  ctx: ServiceContext,
  query: ListActivitiesQuery,
): Promise<{ items: ActivityStatusView[]; total: number }> {
  const rows = await repo.listActivities(ctx.db, ctx.actor, query);
  let views = await toViews(ctx, rows);
  if (query.status) views = views.filter((v) => v.status === query.status);
  const offset = query.offset ?? 0;
  return { items: views.slice(offset, offset + (query.limit ?? 100)), total: views.length };
}

export async function getActivity(ctx: ServiceContext, activityId: number): Promise<ActivityStatusView> {
  const rows = await repo.listActivities(ctx.db, ctx.actor, { id: activityId });
  if (rows.length === 0) throw notFound('Hoạt động');
  return (await toViews(ctx, rows))[0]!;
}

async function loadForCompletion(ctx: ServiceContext, activityId: number) {
  const [row] = await repo.listActivities(ctx.db, ctx.actor, { id: activityId });
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
