// Who may do what to implementation records and activities. Pure: (actor, facts) → allowed actions.
//  - A record with a province is written by record writers whose scope includes that province;
//    a central record (no province) only by national-scope writers. Reading is scoped in SQL.
//  - A record, and its attachments, is changed only by its organiser agency or the agency above
//    it (access/policies/agency.policy.ts); other agencies read it.
//  - An activity is marked complete (or reopened) only by users of its lead agency — for a
//    provincial plan's activity that is the provincial branch that leads it — within scope.
import type { Actor } from '../../access/actor';
import { can, inProvinceScope } from '../../access/actor';
import { AGENCY_REFUSAL, ownsRow } from '../../access/policies/agency.policy';

export type RecordAction = 'edit' | 'delete' | 'attach';
export type ActivityAction = 'record' | 'complete' | 'reopen';

export function mayWriteIn(actor: Actor, provinceCode: string | null): boolean {
  if (!can(actor, 'record:write')) return false;
  return provinceCode === null ? actor.nationalScope : inProvinceScope(actor, provinceCode);
}

export interface RecordFacts {
  provinceCode: string | null;
  organiserAgencyId: number | null;
}

/** Why the actor may not change this record (a 403 message), or null when they may. */
export function recordRefusal(actor: Actor, record: RecordFacts): string | null {
  if (!mayWriteIn(actor, record.provinceCode)) return 'Bạn không có quyền sửa bản ghi này';
  if (!ownsRow(actor, record.organiserAgencyId)) return AGENCY_REFUSAL;
  return null;
}

export function recordActions(actor: Actor, record: RecordFacts): RecordAction[] {
  return recordRefusal(actor, record) === null ? ['edit', 'delete', 'attach'] : [];
}

export interface ActivityFacts {
  leadAgencyId: number | null;
  planKind: 'central' | 'provincial';
  planProvinceCode: string | null;
  done: boolean;
}

export function mayComplete(actor: Actor, activity: ActivityFacts): boolean {
  if (!can(actor, 'record:write') || activity.leadAgencyId === null) return false;
  if (activity.planKind === 'provincial' && !inProvinceScope(actor, activity.planProvinceCode)) return false;
  return actor.agencyId === activity.leadAgencyId;
}

export function activityActions(actor: Actor, activity: ActivityFacts): ActivityAction[] {
  const actions: ActivityAction[] = [];
  // A central activity is recorded in any province the writer covers; a provincial one in its province.
  const recordable =
    activity.planKind === 'central'
      ? can(actor, 'record:write') && (actor.nationalScope || actor.provinces.length > 0)
      : mayWriteIn(actor, activity.planProvinceCode);
  // Records may still come in after completion (late data entry), so 'record' stays offered.
  if (recordable) actions.push('record');
  if (mayComplete(actor, activity)) actions.push(activity.done ? 'reopen' : 'complete');
  return actions;
}
