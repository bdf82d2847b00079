import { describe, expect, it } from 'vitest';
import {
  emptyParticipants,
  gridTotals,
  participantsFromView,
  participantsInput,
  participantsProblem,
  type GridRow,
} from './participants';

const row = (patch: Partial<GridRow>): GridRow => ({
  key: String(Math.random()),
  ethnicGroupId: 3,
  ethnicName: 'Thái',
  targetGroup: 'community_member',
  ageBand: 'unknown',
  female: '',
  male: '',
  ...patch,
});

describe('the participants grid', () => {
  const rows = [row({ female: '12', male: '3' }), row({ ethnicGroupId: 4, ethnicName: 'Mông', female: '8' })];

  it('adds up women, men and everyone', () => {
    expect(gridTotals(rows)).toEqual({ female: 20, male: 3, total: 23 });
  });

  it('sends one row per sex with a count, leaving empty cells out', () => {
    const input = participantsInput({ ...emptyParticipants(), rows });
    expect(input.rows).toEqual([
      { sex: 'female', ethnicGroupId: 3, targetGroup: 'community_member', ageBand: 'unknown', count: 12 },
      { sex: 'male', ethnicGroupId: 3, targetGroup: 'community_member', ageBand: 'unknown', count: 3 },
      { sex: 'female', ethnicGroupId: 4, targetGroup: 'community_member', ageBand: 'unknown', count: 8 },
    ]);
    expect(input.totalParticipants).toBeNull();
  });

  it('adds two grid rows of the same group together instead of sending a duplicate', () => {
    const input = participantsInput({ ...emptyParticipants(), rows: [row({ female: '2' }), row({ female: '5' })] });
    expect(input.rows).toEqual([expect.objectContaining({ sex: 'female', count: 7 })]);
  });

  it('flags totals from the attendance sheet that do not match the grid', () => {
    const state = { ...emptyParticipants(), rows, enteredTotal: '25' };
    expect(participantsProblem(state)).toEqual({ kind: 'totalMismatch', grid: 23, entered: 25 });
    expect(participantsProblem({ ...state, enteredTotal: '23', enteredFemale: '20' })).toBeNull();
  });

  it('needs the total when only totals are known', () => {
    const state = { ...emptyParticipants(), mode: 'totals_only' as const };
    expect(participantsProblem(state)).toEqual({ kind: 'totalRequired' });
    expect(participantsInput({ ...state, enteredTotal: '40' })).toEqual({
      mode: 'totals_only',
      totalParticipants: 40,
      femaleParticipants: null,
    });
  });

  it('reads a saved breakdown back into rows of women and men', () => {
    const input = participantsInput({ ...emptyParticipants(), rows });
    const state = participantsFromView(
      { mode: 'breakdown', breakdownKnown: true, totalParticipants: 23, femaleParticipants: 20, rows: input.rows! },
      (id) => (id === 3 ? 'Thái' : 'Mông'),
    );
    expect(state.rows.map((r) => [r.ethnicName, r.female, r.male])).toEqual([
      ['Thái', '12', '3'],
      ['Mông', '8', ''],
    ]);
  });
});
