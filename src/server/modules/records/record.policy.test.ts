import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { activityActions, recordActions, type ActivityFacts } from './record.policy';

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
    expect(recordActions(actor(), { provinceCode: '11' })).toEqual(['edit', 'delete', 'attach']);
    expect(recordActions(actor(), { provinceCode: '15' })).toEqual([]);
  });

  it('keeps central records (no province) for national-scope writers', () => {
    expect(recordActions(actor(), { provinceCode: null })).toEqual([]);
    expect(recordActions(actor({ nationalScope: true, provinces: [] }), { provinceCode: null })).toEqual([
      'edit',
      'delete',
      'attach',
    ]);
  });

  it('gives a viewer nothing, even in their province', () => {
    expect(recordActions(actor({ role: 'viewer' }), { provinceCode: '11' })).toEqual([]);
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
