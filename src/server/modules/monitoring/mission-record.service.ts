// A mission counts as held once its report is issued (report date set): from then on it keeps
// exactly one implementation record of type monitoring_mission on its plan activity, dated with
// the mission, which is what indicator GS01 counts, live, like every other record. The record
// follows every change of the mission in the same transaction and is soft-deleted when the report
// date is cleared or the mission leaves its plan activity; the same rule as a sent policy review.
// The lock, "differs" and audit rules of that record are records' (syncDerivedRecord).
import type { ServiceContext } from '../../access/actor';
import { syncDerivedRecord, type DerivedRecordValues } from '../records/derived-records.service';
import * as repo from './missions.repo';
import { formatDateVi } from '../../common/format-vi';

/** The record's province: the provincial plan's, else a provincial lead agency's; null: central. */
function recordProvince(m: repo.RecordSourceRow): string | null {
  if (m.plan_kind === 'provincial') return m.plan_province_code;
  return m.agency_level === 'provincial' && m.agency_generation === 2025 ? m.agency_province_code : null;
}

function recordValues(m: repo.RecordSourceRow, activityId: number, reportDate: string): DerivedRecordValues {
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
    outputs: { note: `${report} ngày ${formatDateVi(reportDate)}` },
    participants_mode: 'totals_only',
    total_participants: 0,
    female_participants: null,
  };
}

/** Brings the mission's record in step with the mission; call inside the mission's transaction. */
export async function syncMissionRecord(ctx: ServiceContext, missionId: number): Promise<void> {
  const m = await repo.recordSource(ctx.db, missionId);
  const held = m.report_date !== null && m.plan_activity_id !== null;
  const recordId = await syncDerivedRecord(ctx, {
    recordId: m.record_id,
    values: held ? recordValues(m, m.plan_activity_id!, m.report_date!) : null,
    agencyId: m.lead_agency_id,
    provinceCode: recordProvince(m),
    source: { missionId },
  });
  if (recordId !== m.record_id) await repo.setRecord(ctx.db, missionId, recordId);
}
