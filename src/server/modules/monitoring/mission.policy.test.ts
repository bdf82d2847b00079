import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import {
  followUpDisplay,
  isAddressee,
  mayEditMission,
  recommendationActions,
  seesRecommendation,
  type MissionFacts,
  type RecommendationFacts,
} from './mission.policy';

const HLHPN = 1;
const UBDT = 2;
const HLHPN_DIEN_BIEN = 11;
const HLHPN_LAO_CAI = 15;

const central = (over: Partial<Actor> = {}): Actor => ({
  userId: 1,
  username: 'tw',
  displayName: 'TW',
  role: 'central_coordinator',
  agencyId: HLHPN,
  agencyIds: [HLHPN, HLHPN_DIEN_BIEN, HLHPN_LAO_CAI],
  nationalScope: true,
  provinces: [],
  ...over,
});
const dienBien = (over: Partial<Actor> = {}): Actor =>
  central({
    agencyId: HLHPN_DIEN_BIEN,
    agencyIds: [HLHPN_DIEN_BIEN],
    nationalScope: false,
    provinces: ['11'],
    role: 'provincial_coordinator',
    ...over,
  });
const mission = (over: Partial<MissionFacts> = {}): MissionFacts => ({
  leadAgencyId: HLHPN,
  memberAgencyIds: [HLHPN, UBDT],
  provinceCodes: ['11', '15'],
  ...over,
});
const toProvince = (over: Partial<RecommendationFacts> = {}): RecommendationFacts => ({
  addresseeAgencyId: null,
  addresseeProvinceCode: '11',
  status: 'open',
  hasFollowUp: false,
  ...over,
});

describe('mission policy', () => {
  it('lets the lead and member agencies edit, within the scope of every place', () => {
    expect(mayEditMission(central(), mission())).toBe(true);
    expect(mayEditMission(central({ agencyId: UBDT, agencyIds: [UBDT] }), mission())).toBe(true);
    expect(mayEditMission(central({ agencyId: 9, agencyIds: [9] }), mission())).toBe(false);
    expect(mayEditMission(dienBien(), mission({ memberAgencyIds: [HLHPN_DIEN_BIEN] }))).toBe(false);
    expect(mayEditMission(dienBien(), mission({ memberAgencyIds: [HLHPN_DIEN_BIEN], provinceCodes: ['11'] }))).toBe(
      true,
    );
    expect(mayEditMission(dienBien(), mission({ provinceCodes: [] }))).toBe(false);
    expect(mayEditMission(central({ role: 'viewer' }), mission())).toBe(false);
  });

  it('lets only the addressee follow a recommendation up', () => {
    expect(isAddressee(dienBien(), toProvince())).toBe(true);
    expect(isAddressee(dienBien({ provinces: ['15'] }), toProvince())).toBe(false);
    // A national user is not "the province".
    expect(isAddressee(central(), toProvince())).toBe(false);
    const toAgency = toProvince({ addresseeAgencyId: HLHPN_DIEN_BIEN, addresseeProvinceCode: null });
    expect(isAddressee(dienBien(), toAgency)).toBe(true);
    // The agency above it is not the addressee either.
    expect(isAddressee(central(), toAgency)).toBe(false);
    expect(recommendationActions(dienBien(), toProvince(), mission())).toEqual(['follow_up', 'attach']);
    expect(recommendationActions(dienBien({ role: 'viewer' }), toProvince(), mission())).toEqual([]);
    expect(recommendationActions(central(), toProvince(), mission())).toEqual(['edit', 'delete']);
    expect(
      recommendationActions(central(), toProvince({ hasFollowUp: true, status: 'in_progress' }), mission()),
    ).toEqual(['edit']);
    expect(recommendationActions(central(), toProvince({ status: 'done', hasFollowUp: true }), mission())).toEqual([]);
  });

  it('computes overdue from the due date, for what is not done', () => {
    expect(followUpDisplay('open', '2026-12-31', '2026-12-31')).toBe('open');
    expect(followUpDisplay('open', '2026-12-31', '2027-01-01')).toBe('overdue');
    expect(followUpDisplay('in_progress', '2026-12-31', '2027-01-01')).toBe('overdue');
    expect(followUpDisplay('done', '2026-12-31', '2027-01-01')).toBe('done');
  });

  it('shows a recommendation to its addressee, its province and the agencies above it', () => {
    const rec = { addresseeAgencyId: HLHPN_DIEN_BIEN, scopeProvinceCode: '11' };
    expect(seesRecommendation(dienBien(), rec)).toBe(true);
    expect(seesRecommendation(dienBien({ agencyId: 99, agencyIds: [99] }), rec)).toBe(true);
    expect(seesRecommendation(dienBien({ agencyId: 99, agencyIds: [99], provinces: ['15'] }), rec)).toBe(false);
    expect(seesRecommendation(central({ nationalScope: false, provinces: [] }), rec)).toBe(true);
  });
});
