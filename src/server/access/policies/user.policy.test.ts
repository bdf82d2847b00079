import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { userActions } from './user.policy';

const actor = (role: Actor['role'], userId = 1): Actor => ({
  userId,
  username: 'u',
  displayName: 'U',
  role,
  agencyId: 1,
  agencyIds: [1],
  nationalScope: true,
  provinces: [],
});

describe('user policy', () => {
  it('lets an administrator edit, reset and disable another account', () => {
    expect(userActions(actor('admin'), { id: 2, disabled: false })).toEqual(['edit', 'set_password', 'disable']);
  });
  it('offers enable, not disable, on a disabled account', () => {
    expect(userActions(actor('admin'), { id: 2, disabled: true })).toEqual(['edit', 'set_password', 'enable']);
  });
  it('never lets an administrator disable their own account', () => {
    expect(userActions(actor('admin', 7), { id: 7, disabled: false })).not.toContain('disable');
  });
  it('gives a coordinator who may only read users no action', () => {
    expect(userActions(actor('provincial_coordinator'), { id: 2, disabled: false })).toEqual([]);
  });
});
