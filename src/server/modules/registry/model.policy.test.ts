import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { modelActions, type ModelFacts } from './model.policy';
import { statusTransitionAllowed } from '../../../shared/model-types';

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 1,
  username: 'u',
  displayName: 'U',
  role: 'data_entry',
  agencyId: 1,
  agencyIds: [1],
  nationalScope: false,
  provinces: ['11'],
  ...over,
});
const model = (over: Partial<ModelFacts> = {}): ModelFacts => ({
  provinceCode: '11',
  ownerAgencyId: 1,
  status: 'active',
  sensitive: false,
  ...over,
});

describe('community model policy', () => {
  it('lets a data-entry officer of the province edit, change status, and log activity', () => {
    expect(modelActions(actor(), [], model())).toEqual(['edit', 'change_status', 'edit_members', 'log_activity']);
  });

  it('gives nothing to an officer of another province or to a viewer', () => {
    expect(modelActions(actor({ provinces: ['15'] }), [], model())).toEqual([]);
    expect(modelActions(actor({ role: 'viewer' }), [], model())).toEqual([]);
  });

  it('gives nothing to another agency in the province, but all to the agency above the owner', () => {
    const ethnicOffice = actor({ agencyId: 7, agencyIds: [7] });
    expect(modelActions(ethnicOffice, [], model())).toEqual([]);
    const centralUnion = actor({ agencyId: 2, agencyIds: [2, 1], nationalScope: true, provinces: [] });
    expect(modelActions(centralUnion, [], model())).toEqual(['edit', 'change_status', 'edit_members', 'log_activity']);
    // The owner agency does not reach up: a provincial union does not change its central union's model.
    expect(modelActions(actor(), [], model({ ownerAgencyId: 2 }))).toEqual([]);
  });

  it('keeps a model without an owner agency for administrators', () => {
    expect(modelActions(actor(), [], model({ ownerAgencyId: null }))).toEqual([]);
    const admin = actor({ role: 'admin', agencyId: 9, agencyIds: [9], nationalScope: true, provinces: [] });
    expect(modelActions(admin, [], model({ ownerAgencyId: null }))).toContain('edit');
  });

  it('offers only reopen and the logs on a dissolved model', () => {
    expect(modelActions(actor(), [], model({ status: 'dissolved' }))).toEqual(['reopen', 'log_activity']);
  });

  it('offers case-level data on a trusted address only with the grant, even to an administrator', () => {
    const admin = actor({ role: 'admin', nationalScope: true, provinces: [] });
    const trusted = model({ sensitive: true });
    expect(modelActions(admin, [], trusted)).not.toContain('read_cases');
    expect(modelActions(admin, ['case:read', 'case:write'], trusted)).toEqual(
      expect.arrayContaining(['edit_case_counts', 'read_cases', 'write_cases']),
    );
    expect(modelActions(admin, ['case:read', 'case:write'], model())).not.toContain('read_cases');
  });

  it('lets a merged or dissolved model become active again only by an explicit reopen', () => {
    expect(statusTransitionAllowed('active', 'inactive', false)).toBe(true);
    expect(statusTransitionAllowed('inactive', 'active', false)).toBe(true);
    expect(statusTransitionAllowed('dissolved', 'active', false)).toBe(false);
    expect(statusTransitionAllowed('dissolved', 'active', true)).toBe(true);
    expect(statusTransitionAllowed('merged', 'inactive', true)).toBe(false);
    expect(statusTransitionAllowed('active', 'active', false)).toBe(false);
    expect(statusTransitionAllowed('active', 'inactive', true)).toBe(false);
  });
});
