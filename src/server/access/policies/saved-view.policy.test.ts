import { describe, expect, it } from 'vitest';
import { savedViewActions } from './saved-view.policy';

describe('saved view policy', () => {
  it('lets only the owner edit or delete a view', () => {
    expect(savedViewActions({ userId: 7 }, { ownerUserId: 7 })).toEqual(['edit', 'delete']);
    expect(savedViewActions({ userId: 8 }, { ownerUserId: 7 })).toEqual([]);
  });
});
