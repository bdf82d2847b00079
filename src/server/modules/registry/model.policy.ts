// Who may do what to a community model. Pure: (actor, grants, model) → allowed actions.
//  - Writes need record:write and the model's province in the actor's scope, and the model's owner
//    agency must be the actor's or one under it (access/policies/agency.policy.ts): everyone in the
//    province reads a model, its owner agency changes it (members, status, logs, cases).
//  - A merged or dissolved model is final: it keeps its logs open (late reports for past months)
//    but is edited again only after an explicit reopen.
//  - Case counts exist only for sensitive types (trusted addresses); case-level data also needs
//    the per-user case_data grant, which no role carries.
import type { Permission } from '../../../shared/permissions';
import { FINAL_STATUSES, type ModelStatus } from '../../../shared/model-types';
import type { Actor } from '../../access/actor';
import { can, inProvinceScope } from '../../access/actor';
import { AGENCY_REFUSAL, ownsRow } from '../../access/policies/agency.policy';

export type ModelAction =
  | 'edit'
  | 'change_status'
  | 'reopen'
  | 'edit_members'
  | 'log_activity'
  | 'edit_case_counts'
  | 'read_cases'
  | 'write_cases';

export interface ModelFacts {
  provinceCode: string;
  ownerAgencyId: number | null;
  status: ModelStatus;
  sensitive: boolean;
}

/** Permissions the actor holds through per-user grants (case:read, case:write). */
export type GrantedPermissions = readonly Permission[];

export function mayWriteIn(actor: Actor, provinceCode: string): boolean {
  return can(actor, 'record:write') && inProvinceScope(actor, provinceCode);
}

/** Why the actor may not change this model (a 403 message), or null when they may. */
export function modelRefusal(actor: Actor, model: Pick<ModelFacts, 'provinceCode' | 'ownerAgencyId'>): string | null {
  if (!mayWriteIn(actor, model.provinceCode)) return 'Bạn không có quyền sửa mô hình này';
  if (!ownsRow(actor, model.ownerAgencyId)) return AGENCY_REFUSAL;
  return null;
}

export function modelActions(actor: Actor, granted: GrantedPermissions, model: ModelFacts): ModelAction[] {
  const actions: ModelAction[] = [];
  const write = modelRefusal(actor, model) === null;
  const final = FINAL_STATUSES.includes(model.status);
  if (write) {
    if (final) actions.push('reopen');
    else actions.push('edit', 'change_status', 'edit_members');
    actions.push('log_activity');
    if (model.sensitive) actions.push('edit_case_counts');
  }
  if (model.sensitive && inProvinceScope(actor, model.provinceCode)) {
    if (granted.includes('case:read')) actions.push('read_cases');
    if (granted.includes('case:write') && write) actions.push('write_cases');
  }
  return actions;
}
