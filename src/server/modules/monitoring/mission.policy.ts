// Who may do what to monitoring missions and their recommendations. Pure: (actor, facts) → allowed.
//  - A mission is planned and edited (members, places, checklist, findings, recommendations) by
//    mission writers of the lead agency or of a member agency (or the agencies above them), whose
//    scope covers every province visited. Reading is scoped in SQL.
//  - Only the addressee follows a recommendation up: users of the addressed agency itself, or, for
//    a recommendation addressed to a province, the provincial users of that province.
//  - "Overdue" is never stored: a recommendation not done whose due date has passed.
import type { Actor } from '../../access/actor';
import { can } from '../../access/actor';

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
/** What the lists show: the stored status, or "overdue" when it is past due and not done. */
export type FollowUpDisplay = FollowUpStatus | 'overdue';

export type MissionAction = 'edit' | 'export';
export type RecommendationAction = 'edit' | 'delete' | 'follow_up' | 'attach';

export interface MissionFacts {
  leadAgencyId: number;
  memberAgencyIds: number[];
  /** The 2025 provinces of the places visited. */
  provinceCodes: string[];
}

export interface RecommendationFacts {
  addresseeAgencyId: number | null;
  addresseeProvinceCode: string | null;
  status: FollowUpStatus;
  /** The addressee has already reported on it. */
  hasFollowUp: boolean;
}

/** A mission writer of one of its agencies, whose scope covers all its places. */
export function mayEditMission(actor: Actor, mission: MissionFacts): boolean {
  if (!can(actor, 'mission:write')) return false;
  if (!actor.nationalScope) {
    if (mission.provinceCodes.length === 0) return false;
    if (!mission.provinceCodes.every((p) => actor.provinces.includes(p))) return false;
  }
  if (actor.role === 'admin') return true;
  return [mission.leadAgencyId, ...mission.memberAgencyIds].some((id) => actor.agencyIds.includes(id));
}

export function missionActions(actor: Actor, mission: MissionFacts): MissionAction[] {
  return mayEditMission(actor, mission) ? ['edit', 'export'] : ['export'];
}

export function isAddressee(
  actor: Actor,
  recommendation: Pick<RecommendationFacts, 'addresseeAgencyId' | 'addresseeProvinceCode'>,
): boolean {
  if (recommendation.addresseeAgencyId !== null) return actor.agencyId === recommendation.addresseeAgencyId;
  const province = recommendation.addresseeProvinceCode;
  return !actor.nationalScope && province !== null && actor.provinces.includes(province);
}

export function mayFollowUp(actor: Actor, recommendation: RecommendationFacts): boolean {
  return can(actor, 'recommendation:respond') && isAddressee(actor, recommendation);
}

export function recommendationActions(
  actor: Actor,
  recommendation: RecommendationFacts,
  mission: MissionFacts,
): RecommendationAction[] {
  const actions: RecommendationAction[] = [];
  const editor = mayEditMission(actor, mission);
  // Once closed the wording is what the addressee answered to; it no longer changes.
  if (editor && recommendation.status !== 'done') actions.push('edit');
  if (editor && recommendation.status === 'open' && !recommendation.hasFollowUp) actions.push('delete');
  if (mayFollowUp(actor, recommendation)) actions.push('follow_up', 'attach');
  return actions;
}

/**
 * The recommendation scope (the same rule as the SQL in recommendations.repo): national actors,
 * or those it is addressed to — their agency or an agency under it, or one of their provinces.
 */
export function seesRecommendation(
  actor: Actor,
  recommendation: { addresseeAgencyId: number | null; scopeProvinceCode: string | null },
): boolean {
  if (actor.nationalScope) return true;
  if (recommendation.addresseeAgencyId !== null && actor.agencyIds.includes(recommendation.addresseeAgencyId))
    return true;
  return recommendation.scopeProvinceCode !== null && actor.provinces.includes(recommendation.scopeProvinceCode);
}

export function isOverdue(status: FollowUpStatus, dueDate: string, today: string): boolean {
  return status !== 'done' && dueDate < today;
}

export function followUpDisplay(status: FollowUpStatus, dueDate: string, today: string): FollowUpDisplay {
  return isOverdue(status, dueDate, today) ? 'overdue' : status;
}
