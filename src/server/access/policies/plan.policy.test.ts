import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { planActions, sendRefusal, type PlanFacts } from './plan.policy';

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 1,
  username: 'u',
  displayName: 'U',
  role: 'central_coordinator',
  agencyId: 1,
  agencyIds: [1],
  nationalScope: true,
  provinces: [],
  ...over,
});
const plan = (over: Partial<PlanFacts> = {}): PlanFacts => ({
  kind: 'central',
  status: 'draft',
  provinceCode: null,
  issuers: [
    { agencyId: 1, signed: false },
    { agencyId: 2, signed: false },
  ],
  ...over,
});

describe('plan policy', () => {
  it('lets an issuing agency edit and submit a draft, and nobody else', () => {
    expect(planActions(actor(), plan())).toEqual(['edit', 'submit']);
    expect(planActions(actor({ agencyId: 3 }), plan())).toEqual([]);
    expect(planActions(actor({ role: 'viewer' }), plan())).toEqual([]);
  });

  it('offers sign only to an issuing agency that has not signed yet', () => {
    const review = plan({
      status: 'under_review',
      issuers: [
        { agencyId: 1, signed: true },
        { agencyId: 2, signed: false },
      ],
    });
    expect(planActions(actor(), review)).toEqual(['return']);
    expect(planActions(actor({ agencyId: 2 }), review)).toEqual(['sign', 'return']);
  });

  it('never offers edit on an issued plan, only a revision', () => {
    const actions = planActions(actor(), plan({ status: 'issued' }));
    expect(actions).not.toContain('edit');
    expect(actions).toContain('revise');
  });

  it('lets a provincial coordinator cascade an issued central plan but not edit it', () => {
    const provincial = actor({ role: 'provincial_coordinator', agencyId: 50, nationalScope: false, provinces: ['15'] });
    expect(planActions(provincial, plan({ status: 'issued' }))).toEqual(['cascade']);
  });

  it('refuses a provincial plan to a coordinator of another province even of the same agency', () => {
    const provincialPlan = plan({ kind: 'provincial', provinceCode: '11', issuers: [{ agencyId: 50, signed: false }] });
    const other = actor({ role: 'provincial_coordinator', agencyId: 50, nationalScope: false, provinces: ['15'] });
    expect(planActions(other, provincialPlan)).toEqual([]);
    expect(planActions({ ...other, provinces: ['11'] }, provincialPlan)).toEqual(['edit', 'submit']);
  });

  it('lets only a central coordinator of an issuing agency send an issued central plan to the provinces', () => {
    const issued = plan({ status: 'issued' });
    expect(sendRefusal(actor(), issued)).toBeNull();
    expect(planActions(actor({ agencyId: 2 }), issued)).toContain('send_to_provinces');
    expect(sendRefusal(actor({ role: 'admin', agencyId: 9 }), issued)).toBeNull();
    expect(sendRefusal(actor({ agencyId: 3 }), issued)?.status).toBe(403);
    expect(sendRefusal(actor({ role: 'viewer' }), issued)?.status).toBe(403);
    const provincial = actor({ role: 'provincial_coordinator', agencyId: 1, nationalScope: false, provinces: ['15'] });
    expect(sendRefusal(provincial, issued)?.status).toBe(403);
    expect(planActions(provincial, issued)).not.toContain('send_to_provinces');
    for (const status of ['draft', 'under_review', 'signed', 'closed'] as const)
      expect(sendRefusal(actor(), plan({ status }))?.status).toBe(409);
    expect(sendRefusal(actor(), plan({ status: 'issued', kind: 'provincial', provinceCode: '15' }))?.status).toBe(409);
  });
});
