import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { activityActions, recordActions, recordRefusal, type ActivityFacts } from './record.policy';

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 1,
  username: 'u',
  displayName: 'U',
  role: 'data_entry',
  agencyId: 50,
  agencyIds: [50],
  nationalScope: false,
  provinces: ['11'],
  ...over,
});
const activity = (over: Partial<ActivityFacts> = {}): ActivityFacts => ({
  leadAgencyId: 50,
  planKind: 'provincial',
  planProvinceCode: '11',
  done: false,
  ...over,
});

describe('record policy', () => {
  it('lets a provincial writer change records of their province only', () => {
    expect(recordActions(actor(), { provinceCode: '11', organiserAgencyId: 50 })).toEqual(['edit', 'delete', 'attach']);
    expect(recordActions(actor(), { provinceCode: '15', organiserAgencyId: 50 })).toEqual([]);
  });

  it('keeps central records (no province) for national-scope writers', () => {
    expect(recordActions(actor(), { provinceCode: null, organiserAgencyId: 50 })).toEqual([]);
    expect(
      recordActions(actor({ nationalScope: true, provinces: [] }), { provinceCode: null, organiserAgencyId: 50 }),
    ).toEqual(['edit', 'delete', 'attach']);
  });

  it('lets only the organiser agency, or the agency above it, change a record', () => {
    const ethnicOffice = actor({ agencyId: 60, agencyIds: [60] });
    expect(recordActions(ethnicOffice, { provinceCode: '11', organiserAgencyId: 50 })).toEqual([]);
    expect(recordRefusal(ethnicOffice, { provinceCode: '11', organiserAgencyId: 50 })).toMatch(/cơ quan khác/);
    const ministry = actor({ agencyId: 6, agencyIds: [6, 60], nationalScope: true, provinces: [] });
    expect(recordActions(ministry, { provinceCode: '11', organiserAgencyId: 50 })).toEqual([]);
    expect(recordActions(ministry, { provinceCode: '11', organiserAgencyId: 60 })).toEqual([
      'edit',
      'delete',
      'attach',
    ]);
    // Not upwards: a provincial office does not change its ministry's record.
    expect(recordActions(ethnicOffice, { provinceCode: '11', organiserAgencyId: 6 })).toEqual([]);
  });

  it('keeps a record without an organiser for administrators', () => {
    expect(recordActions(actor(), { provinceCode: '11', organiserAgencyId: null })).toEqual([]);
    const admin = actor({ role: 'admin', agencyId: 1, agencyIds: [1], nationalScope: true, provinces: [] });
    expect(recordActions(admin, { provinceCode: '11', organiserAgencyId: 60 })).toEqual(['edit', 'delete', 'attach']);
  });

  it('gives a viewer nothing, even in their province', () => {
    expect(recordActions(actor({ role: 'viewer' }), { provinceCode: '11', organiserAgencyId: 50 })).toEqual([]);
  });
});

describe('activity policy', () => {
  it('lets the lead agency complete an open activity and reopen a done one', () => {
    expect(activityActions(actor(), activity())).toEqual(['record', 'complete']);
    expect(activityActions(actor(), activity({ done: true }))).toEqual(['record', 'reopen']);
  });

  it('refuses completion to a partner agency that may still record', () => {
    expect(activityActions(actor({ agencyId: 51, agencyIds: [51] }), activity())).toEqual(['record']);
  });

  it('refuses a provincial activity to the same agency code in another province', () => {
    expect(activityActions(actor({ provinces: ['15'] }), activity())).toEqual([]);
  });

  it('lets any writer record a central activity, but only its lead agency complete it', () => {
    const central = activity({ planKind: 'central', planProvinceCode: null, leadAgencyId: 1 });
    expect(activityActions(actor(), central)).toEqual(['record']);
    expect(activityActions(actor({ agencyId: 1, nationalScope: true, provinces: [] }), central)).toEqual([
      'record',
      'complete',
    ]);
  });
});
