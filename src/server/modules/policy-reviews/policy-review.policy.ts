// Who may do what to the policy-review register, and the deadline state. Pure.
//  - An entry belongs to the agency that received the document. It is registered, edited and
//    answered by policy writers of that agency (or of an agency above it, e.g. the central union
//    for a provincial union), and answered by its assignee. Reading is scoped in SQL.
//  - "Late" is never stored: the deadline has passed and no response was sent.
import type { Actor } from '../../access/actor';
import { can, inProvinceScope } from '../../access/actor';

export type ReviewAction = 'edit' | 'respond' | 'attach' | 'delete';
export type ReviewState = 'pending' | 'late' | 'sent' | 'sent_late';

export interface ReviewFacts {
  agencyId: number;
  provinceCode: string | null;
  assigneeUserId: number | null;
  sent: boolean;
}

export function mayManageReview(actor: Actor, review: Pick<ReviewFacts, 'agencyId' | 'provinceCode'>): boolean {
  if (!can(actor, 'policy:write')) return false;
  if (review.provinceCode === null ? !actor.nationalScope : !inProvinceScope(actor, review.provinceCode)) return false;
  return actor.role === 'admin' || actor.agencyIds.includes(review.agencyId);
}

export function mayRespond(actor: Actor, review: ReviewFacts): boolean {
  if (!can(actor, 'policy:write')) return false;
  return mayManageReview(actor, review) || actor.userId === review.assigneeUserId;
}

export function reviewActions(actor: Actor, review: ReviewFacts): ReviewAction[] {
  const actions: ReviewAction[] = [];
  if (mayManageReview(actor, review)) actions.push('edit');
  if (mayRespond(actor, review)) actions.push('respond', 'attach');
  // A sent response counts in the indicators: the entry stays; unsend it first.
  if (mayManageReview(actor, review) && !review.sent) actions.push('delete');
  return actions;
}

export function reviewState(deadline: string, sentOn: string | null, today: string): ReviewState {
  if (sentOn !== null) return sentOn <= deadline ? 'sent' : 'sent_late';
  return today > deadline ? 'late' : 'pending';
}

/** Whole days from today to the deadline (negative once past), from YYYY-MM-DD strings. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
