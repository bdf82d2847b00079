import { describe, expect, it } from 'vitest';
import type { PlanContent } from './plan';
import { diffPlanContent } from './plan-diff';

const base = (): PlanContent => ({
  number: '16/KH-HLHPNVN-UBĐT',
  issuedOn: '2022-07-18',
  place: 'Hà Nội',
  title: 'Kế hoạch năm 2022',
  preamble: '',
  purposes: ['Mục đích 1'],
  requirements: [],
  programme: null,
  sections: [
    {
      key: 's1',
      number: '1',
      title: 'Tuyên truyền',
      description: '',
      timeframe: null,
      activities: [
        {
          key: 'a1',
          title: 'Thành lập tổ truyền thông',
          timeframe: { start: '2022-Q1', end: '2022-Q4' },
          leadAgencyId: 1,
          partnerAgencyIds: [],
          level: null,
          outputs: [],
        },
        {
          key: 'a2',
          title: 'Sự kiện truyền thông',
          timeframe: null,
          leadAgencyId: null,
          partnerAgencyIds: [],
          level: null,
          outputs: [],
        },
      ],
    },
  ],
  responsibilities: [],
  funding: { text: 'Ngân sách', sources: [] },
  signatures: [],
  recipients: [],
});

describe('diffPlanContent', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffPlanContent(base(), base())).toEqual([]);
  });

  it('names a changed timeframe of an activity in words', () => {
    const after = base();
    after.sections[0]!.activities[0]!.timeframe = { start: '2022-Q2', end: '2022-Q4' };
    expect(diffPlanContent(base(), after)).toEqual([
      {
        kind: 'changed',
        where: 'Nội dung 1 › Hoạt động 1 › Thời gian',
        before: 'Từ quý I đến quý IV/2022',
        after: 'Từ quý II đến quý IV/2022',
      },
    ]);
  });

  it('reports an added and a removed activity, matched by key not position', () => {
    const after = base();
    after.sections[0]!.activities = [
      after.sections[0]!.activities[1]!,
      {
        key: 'a3',
        title: 'Tập huấn',
        timeframe: null,
        leadAgencyId: null,
        partnerAgencyIds: [],
        level: null,
        outputs: [],
      },
    ];
    const changes = diffPlanContent(base(), after);
    expect(changes).toContainEqual({
      kind: 'moved',
      where: 'Nội dung 1 › Hoạt động 1',
      before: 'Hoạt động 2',
      after: 'Hoạt động 1',
    });
    expect(changes).toContainEqual({ kind: 'added', where: 'Nội dung 1 › Hoạt động 2', after: 'Tập huấn' });
    expect(changes).toContainEqual({
      kind: 'removed',
      where: 'Nội dung 1 › Hoạt động 1 (cũ)',
      before: 'Thành lập tổ truyền thông',
    });
  });
});
