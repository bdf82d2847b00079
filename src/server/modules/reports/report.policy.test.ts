import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { refusal, reportActions, type ReportFacts } from './report.policy';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 1,
  username: 'u',
  displayName: 'U',
  role: 'provincial_coordinator',
  agencyId: 115,
  agencyIds: [115],
  nationalScope: false,
  provinces: ['15'],
  ...over,
});
const central = actor({
  userId: 2,
  role: 'central_coordinator',
  agencyId: 1,
  agencyIds: [1, 115],
  nationalScope: true,
  provinces: [],
});
const report = (over: Partial<ReportFacts> = {}): ReportFacts => ({
  agencyId: 115,
  recipientAgencyId: 1,
  provinceCode: '15',
  status: 'draft',
  authorIds: [1],
  ...over,
});

describe('report policy', () => {
  it('lets the reporting agency edit, refresh and submit a draft or returned report', () => {
    expect(reportActions(actor({}), report())).toEqual(['edit', 'refresh', 'submit']);
    expect(reportActions(actor({}), report({ status: 'returned' }))).toEqual(['edit', 'refresh', 'submit']);
    expect(reportActions(actor({}), report({ status: 'submitted' }))).toEqual([]);
  });

  it('lets the recipient agency approve or return a submitted report and reopen an approved one', () => {
    expect(reportActions(central, report({ status: 'submitted' }))).toEqual(['approve', 'return']);
    expect(reportActions(central, report({ status: 'approved' }))).toEqual(['reopen']);
    // A central agency above the branch does not write the branch's report.
    expect(reportActions(central, report())).toEqual([]);
  });

  it('never lets the author decide on their own report', () => {
    const self = report({ agencyId: 1, recipientAgencyId: 1, provinceCode: null, status: 'submitted', authorIds: [2] });
    expect(reportActions(central, self)).toEqual([]);
    expect(refusal(central, self, 'approve')).toMatchObject({
      status: 403,
      message: expect.stringContaining('tự duyệt'),
    });
  });

  it('refuses another province, another agency kind and out-of-state steps with a reason', () => {
    expect(reportActions(actor({ provinces: ['11'] }), report())).toEqual([]);
    const ethnicCentral = { ...central, agencyId: 2, agencyIds: [2] };
    expect(refusal(ethnicCentral, report({ status: 'submitted' }), 'approve')?.status).toBe(403);
    expect(refusal(central, report({ status: 'draft' }), 'approve')?.status).toBe(409);
    expect(refusal(actor({}), report({ status: 'approved' }), 'edit')?.status).toBe(409);
  });
});
