import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { daysUntil, reviewActions, reviewState } from './policy-review.policy';

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 5,
  username: 'u',
  displayName: 'U',
  role: 'provincial_coordinator',
  agencyId: 11,
  agencyIds: [11],
  nationalScope: false,
  provinces: ['11'],
  ...over,
});
const review = { agencyId: 11, provinceCode: '11', assigneeUserId: null, sent: false };

describe('policy-review policy', () => {
  it('flags late only when the deadline has passed and nothing was sent', () => {
    expect(reviewState('2026-12-10', null, '2026-12-10')).toBe('pending');
    expect(reviewState('2026-12-10', null, '2026-12-11')).toBe('late');
    expect(reviewState('2026-12-10', '2026-12-10', '2027-01-01')).toBe('sent');
    expect(reviewState('2026-12-10', '2026-12-11', '2027-01-01')).toBe('sent_late');
    expect(daysUntil('2026-12-10', '2026-11-28')).toBe(12);
    expect(daysUntil('2026-11-20', '2026-11-28')).toBe(-8);
  });

  it('lets the receiving agency manage the entry and the assignee answer it', () => {
    expect(reviewActions(actor(), review)).toEqual(['edit', 'respond', 'attach', 'delete']);
    expect(reviewActions(actor(), { ...review, sent: true })).toEqual(['edit', 'respond', 'attach']);
    expect(reviewActions(actor({ agencyId: 12, agencyIds: [12] }), review)).toEqual([]);
    expect(reviewActions(actor({ agencyId: 12, agencyIds: [12] }), { ...review, assigneeUserId: 5 })).toEqual([
      'respond',
      'attach',
    ]);
    expect(reviewActions(actor({ provinces: ['15'] }), review)).toEqual([]);
    expect(reviewActions(actor({ role: 'viewer' }), review)).toEqual([]);
    expect(reviewActions(actor(), { ...review, provinceCode: null })).toEqual([]);
  });
});
