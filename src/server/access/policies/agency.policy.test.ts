import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { inAgencyScope, ownsRow } from './agency.policy';

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 1,
  username: 'u',
  displayName: 'U',
  role: 'provincial_coordinator',
  agencyId: 15,
  agencyIds: [15],
  nationalScope: false,
  provinces: ['15'],
  ...over,
});

describe('agency scope on writes', () => {
  it('gives a branch its own rows only, and the agency above it its branches’ rows', () => {
    expect(ownsRow(actor(), 15)).toBe(true);
    expect(ownsRow(actor(), 1)).toBe(false);
    expect(ownsRow(actor(), 16)).toBe(false);
    const central = actor({ role: 'central_coordinator', agencyId: 1, agencyIds: [1, 15, 11], nationalScope: true });
    expect(ownsRow(central, 15)).toBe(true);
    expect(ownsRow(central, 16)).toBe(false);
  });

  it('matches any of several owners, never a row without one, except for administrators', () => {
    expect(inAgencyScope(actor(), [2, 15])).toBe(true);
    expect(inAgencyScope(actor(), [])).toBe(false);
    expect(ownsRow(actor(), null)).toBe(false);
    expect(ownsRow(actor({ role: 'admin', agencyIds: [1] }), null)).toBe(true);
    expect(inAgencyScope(actor({ role: 'admin', agencyIds: [1] }), [16])).toBe(true);
  });
});
