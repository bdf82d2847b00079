import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors';
import { checkParticipants } from './record-participants';
import type { ParticipantRow } from './records.schemas';

const row = (over: Partial<ParticipantRow> = {}): ParticipantRow => ({
  sex: 'female',
  ethnicGroupId: 5,
  targetGroup: 'community_member',
  ageBand: '16_30',
  count: 10,
  ...over,
});

function fieldOf(fn: () => unknown): { field?: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { field: e.field, message: e.message };
  }
  throw new Error('no AppError');
}

describe('participants', () => {
  it('sums a breakdown into its totals', () => {
    const p = checkParticipants({ mode: 'breakdown', rows: [row(), row({ sex: 'male', count: 4 })] });
    expect(p).toMatchObject({ mode: 'breakdown', total: 14, female: 10 });
  });

  it('refuses totals that do not add up, naming the field and both numbers', () => {
    const err = fieldOf(() =>
      checkParticipants({ mode: 'breakdown', totalParticipants: 120, rows: [row({ count: 118 })] }),
    );
    expect(err).toEqual({
      field: 'participants.totalParticipants',
      message: 'Tổng số người tham gia (120) không khớp tổng các dòng (118)',
    });
    expect(
      fieldOf(() => checkParticipants({ mode: 'breakdown', femaleParticipants: 3, rows: [row({ count: 2 })] })).field,
    ).toBe('participants.femaleParticipants');
  });

  it('refuses the same group twice rather than guessing', () => {
    expect(fieldOf(() => checkParticipants({ mode: 'breakdown', rows: [row(), row({ count: 3 })] })).field).toBe(
      'participants.rows.1',
    );
  });

  it('keeps only totals when the breakdown is unknown, and needs the total', () => {
    expect(checkParticipants({ mode: 'totals_only', totalParticipants: 50 })).toEqual({
      mode: 'totals_only',
      total: 50,
      female: null,
      rows: [],
    });
    expect(fieldOf(() => checkParticipants({ mode: 'totals_only' })).field).toBe('participants.totalParticipants');
    expect(
      fieldOf(() => checkParticipants({ mode: 'totals_only', totalParticipants: 5, femaleParticipants: 6 })).field,
    ).toBe('participants.femaleParticipants');
    expect(fieldOf(() => checkParticipants({ mode: 'totals_only', totalParticipants: 5, rows: [row()] })).field).toBe(
      'participants.rows',
    );
  });

  it('counts no participants when none are given', () => {
    expect(checkParticipants(undefined)).toEqual({ mode: 'breakdown', total: 0, female: 0, rows: [] });
  });
});
