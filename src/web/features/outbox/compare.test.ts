import { describe, expect, it } from 'vitest';
import { compareVersions } from './compare';

describe('a refused edit beside the server version', () => {
  it('reads the same fields from the queued body and the record view, and marks what differs', () => {
    const mine = {
      title: 'Của tôi',
      startDate: '2026-03-20',
      participants: { mode: 'breakdown', totalParticipants: null, rows: [{ count: 5 }, { count: 7 }] },
      costs: [{ amount: '1000' }, { amount: '500' }],
    };
    const server = {
      title: 'Trên mạng',
      startDate: '2026-03-20',
      endDate: '2026-03-20',
      description: '',
      participants: { mode: 'breakdown', totalParticipants: 12 },
      costs: [{ amount: '1500' }],
    };
    const rows = compareVersions(mine, server);
    expect(rows.filter((r) => r.differs).map((r) => r.key)).toEqual(['title']);
    expect(rows.find((r) => r.key === 'participants')).toMatchObject({ mine: '12', server: '12' });
    expect(rows.find((r) => r.key === 'costs')).toMatchObject({ mine: '1500', server: '1500' });
  });
});
