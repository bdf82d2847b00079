// A mission counts as held once its report is issued (report date set): from then on it keeps
// exactly one implementation record of type monitoring_mission on its plan activity, dated with
// the mission, which is what indicator GS01 counts, live, like every other record. The record
// follows every change of the mission in the same transaction and is soft-deleted when the report
// date is cleared or the mission leaves its plan activity; the same rule as a sent policy review.
// A record in a period whose report has been approved is locked: changing it is refused (423), and
// a mission change that leaves the record as it is does not touch it.
import type { ServiceContext } from '../../access/actor';
import { insertAudit } from '../audit/audit.repo';
import { syncRecordValues } from '../analytics/sync-values';
import * as records from '../records/records.repo';
import { assertPeriodOpen } from '../reports/period-lock';
import * as repo from './missions.repo';

/** The record's province: the provincial plan's, else a provincial lead agency's; null: central. */
function recordProvince(m: repo.RecordSourceRow): string | null {
  if (m.plan_kind === 'provincial') return m.plan_province_code;
  return m.agency_level === 'provincial' && m.agency_generation === 2025 ? m.agency_province_code : null;
}

function recordValues(m: repo.RecordSourceRow, activityId: number, reportDate: string): records.RecordValues {
  const report = m.report_number ? `Báo cáo số ${m.report_number}` : 'Báo cáo';
  return {
    plan_activity_id: activityId,
    type: 'monitoring_mission',
    title: m.title.slice(0, 500),
    start_date: m.start_date,
    end_date: m.end_date,
    place_generation: null,
    place_code: null,
    province_code: recordProvince(m),
    village: null,
    organiser_agency_id: m.lead_agency_id,
    description: (m.conclusion || m.purpose).slice(0, 10000),
    outputs: { note: `${report} ngày ${reportDate.split('-').reverse().join('/')}` },
    participants_mode: 'totals_only',
    total_participants: 0,
    female_participants: null,
  };
}

type RecordFacts = Pick<
  records.RecordValues,
  | 'plan_activity_id'
  | 'type'
  | 'title'
  | 'start_date'
  | 'end_date'
  | 'province_code'
  | 'organiser_agency_id'
  | 'description'
  | 'outputs'
>;

/** True when saving `values` would change what the record holds (the fields a generated record sets). */
export function recordDiffers(current: RecordFacts | { outputs: unknown }, values: records.RecordValues): boolean {
  const c = current as RecordFacts;
  return (
    c.plan_activity_id !== values.plan_activity_id ||
    c.type !== values.type ||
    c.title !== values.title ||
    c.start_date !== values.start_date ||
    c.end_date !== values.end_date ||
    c.province_code !== values.province_code ||
    c.organiser_agency_id !== values.organiser_agency_id ||
    c.description !== values.description ||
    JSON.stringify(c.outputs ?? {}) !== JSON.stringify(values.outputs)
  );
}

/** Refuses (423) to change a record in a period an approved report has locked. */
export function assertRecordOpen(
  ctx: ServiceContext,
  r: { province_code: string | null; start_date: string; end_date: string },
): Promise<void> {
  return assertPeriodOpen(ctx, { province: r.province_code, from: r.start_date, to: r.end_date });
}

/** Brings the mission's record in step with the mission; call inside the mission's transaction. */
export async function syncMissionRecord(ctx: ServiceContext, missionId: number): Promise<void> {
  const m = await repo.recordSource(ctx.db, missionId);
  const now = ctx.clock.now();
  const existing = m.record_id ? await repo.liveRecord(ctx.db, m.record_id) : undefined;
  const entry = (action: string, recordId: number, provinceCode: string | null, after?: unknown) =>
    insertAudit(
      ctx.db,
      ctx.actor,
      {
        action,
        entityType: 'record',
        entityId: recordId,
        agencyId: m.lead_agency_id,
        provinceCode,
        ...(after ? { after } : {}),
      },
      now,
      ctx.ip,
    );
  if (m.report_date === null || m.plan_activity_id === null) {
    if (existing) {
      await assertRecordOpen(ctx, existing);
      await records.softDeleteRecord(ctx.db, existing.record_id, ctx.actor.userId, now);
      await entry('delete', existing.record_id, recordProvince(m));
      await syncRecordValues(ctx.db, existing.record_id);
    }
    if (m.record_id !== null) await repo.setRecord(ctx.db, missionId, null);
    return;
  }
  const values = recordValues(m, m.plan_activity_id, m.report_date);
  const shape = { ...values, missionId };
  if (existing) {
    if (!recordDiffers(existing, values)) return;
    await assertRecordOpen(ctx, existing);
    await assertRecordOpen(ctx, values);
    await records.updateRecord(ctx.db, existing.record_id, existing.version, values, now);
    await entry('update', existing.record_id, values.province_code, shape);
    await syncRecordValues(ctx.db, existing.record_id);
    return;
  }
  await assertRecordOpen(ctx, values);
  const recordId = await records.insertRecord(ctx.db, values, ctx.actor.userId, now);
  await entry('create', recordId, values.province_code, shape);
  await syncRecordValues(ctx.db, recordId);
  await repo.setRecord(ctx.db, missionId, recordId);
}
