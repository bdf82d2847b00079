import { describe, expect, it } from 'vitest';
import {
  activeChanges,
  aggregateValues,
  modelValues,
  recordValues,
  type IndicatorRule,
  type RecordFacts,
} from './derive-values';

const people = (
  id: number,
  definition: Record<string, unknown>,
  disaggregations: IndicatorRule['disaggregations'] = ['sex', 'ethnic_group'],
): IndicatorRule => ({
  id,
  source: 'records',
  definition,
  timeAggregation: 'sum',
  disaggregations,
});

const training: RecordFacts = {
  type: 'training',
  startDate: '2022-05-12',
  language: null,
  participantsMode: 'breakdown',
  total: 50,
  female: 35,
  participants: [
    { sex: 'female', ethnic_group_id: 3, target_group: 'union_cadre', age_band: '31_60', count: 20 },
    { sex: 'female', ethnic_group_id: 3, target_group: 'community_member', age_band: '16_30', count: 15 },
    { sex: 'male', ethnic_group_id: 8, target_group: 'ethnic_affairs_cadre', age_band: 'over_60', count: 15 },
  ],
};

describe('values from a record', () => {
  it('counts the record once and sums participants by the allowed dimensions only', () => {
    const values = recordValues(
      [
        people(1, { recordTypes: ['training'], measure: 'count_records' }, []),
        people(2, { recordTypes: ['training'], measure: 'sum_participants' }),
      ],
      training,
    );
    expect(values).toEqual([
      {
        indicator_id: 1,
        month: 202205,
        value: 1,
        sex: null,
        ethnic_group_id: null,
        target_group: null,
        age_band: null,
      },
      {
        indicator_id: 2,
        month: 202205,
        value: 35,
        sex: 'female',
        ethnic_group_id: 3,
        target_group: null,
        age_band: null,
      },
      {
        indicator_id: 2,
        month: 202205,
        value: 15,
        sex: 'male',
        ethnic_group_id: 8,
        target_group: null,
        age_band: null,
      },
    ]);
  });

  it('applies target-group and sex filters, and skips other types and languages', () => {
    const cadres = people(
      3,
      { recordTypes: ['training'], measure: 'sum_participants', targetGroups: ['union_cadre', 'ethnic_affairs_cadre'] },
      [],
    );
    expect(recordValues([cadres], training).map((v) => v.value)).toEqual([35]);
    const women = people(4, { recordTypes: ['training'], measure: 'sum_participants', sex: 'female' }, []);
    expect(recordValues([women], training).map((v) => v.value)).toEqual([35]);
    expect(recordValues([people(5, { recordTypes: ['conference'], measure: 'count_records' })], training)).toEqual([]);
    const tv = people(6, { recordTypes: ['broadcast'], measure: 'count_records', language: 'dan_toc' }, []);
    expect(recordValues([tv], { ...training, type: 'broadcast', language: 'pho_thong' })).toEqual([]);
    expect(recordValues([tv], { ...training, type: 'broadcast', language: 'dan_toc' })).toHaveLength(1);
  });

  it('uses totals when the breakdown is unknown, but never guesses target groups', () => {
    const totals: RecordFacts = {
      ...training,
      participantsMode: 'totals_only',
      total: 300,
      female: 180,
      participants: [],
    };
    const all = people(7, { recordTypes: ['training'], measure: 'sum_participants' });
    expect(recordValues([all], totals).map((v) => [v.sex, v.value])).toEqual([
      ['female', 180],
      ['male', 120],
    ]);
    expect(recordValues([all], { ...totals, female: null }).map((v) => [v.sex, v.value])).toEqual([[null, 300]]);
    const cadres = people(8, { recordTypes: ['training'], measure: 'sum_participants', targetGroups: ['union_cadre'] });
    expect(recordValues([cadres], totals)).toEqual([]);
  });
});

describe('values from a model', () => {
  const active: IndicatorRule = {
    id: 9,
    source: 'registry',
    definition: { modelTypes: ['tkvvtb'], measure: 'count_active_at_period_end' },
    timeAggregation: 'last',
    disaggregations: [],
  };
  const history = [
    { status: 'active', effectiveOn: '2022-03-15' },
    { status: 'inactive', effectiveOn: '2023-02-01' },
    { status: 'active', effectiveOn: '2023-06-10' },
    { status: 'dissolved', effectiveOn: '2024-01-20' },
  ];

  it('turns a status history into starts and stops by month', () => {
    expect(activeChanges(history)).toEqual([
      { month: 202203, sign: 1 },
      { month: 202302, sign: -1 },
      { month: 202306, sign: 1 },
      { month: 202401, sign: -1 },
    ]);
  });

  it('stores members as changes and filters women-led and technology models', () => {
    const members: IndicatorRule = {
      ...active,
      id: 10,
      definition: { modelTypes: ['tkvvtb'], measure: 'sum_members' },
      disaggregations: ['sex'],
    };
    const facts: Parameters<typeof modelValues>[1] = {
      modelType: 'tkvvtb',
      womenOwned: false,
      tech40: false,
      history: history.slice(0, 2),
      members: [
        { sex: 'female', ethnic_group_id: 3, count: 8 },
        { sex: 'female', ethnic_group_id: 8, count: 2 },
      ],
    };
    expect(modelValues([active, members], facts).map((v) => [v.indicator_id, v.month, v.sex, v.value])).toEqual([
      [9, 202203, null, 1],
      [9, 202302, null, -1],
      [10, 202203, 'female', 10],
      [10, 202302, 'female', -10],
    ]);
    const women = {
      ...active,
      definition: { modelTypes: ['tkvvtb'], measure: 'count_active_at_period_end', womenOwned: true },
    };
    expect(modelValues([women], facts)).toEqual([]);
    expect(modelValues([women], { ...facts, womenOwned: true })).toHaveLength(2);
  });

  it('leaves nothing for a model opened and closed in the same month', () => {
    const same = [
      { status: 'active', effectiveOn: '2022-03-01' },
      { status: 'dissolved', effectiveOn: '2022-03-20' },
    ];
    expect(
      modelValues([active], { modelType: 'tkvvtb', womenOwned: false, tech40: false, history: same, members: [] }),
    ).toEqual([]);
  });
});

describe('values entered directly', () => {
  const dims = { sex: null, ethnic_group_id: null, target_group: null, age_band: null };
  const rule = (timeAggregation: IndicatorRule['timeAggregation']): IndicatorRule => ({
    id: 11,
    source: 'aggregate',
    definition: { periodType: 'quarterly' },
    timeAggregation,
    disaggregations: [],
  });
  const entries = [
    { id: 2, period: '2022Q3', value: 12 },
    { id: 1, period: '2022Q1', value: 10 },
  ];

  it('places each value in the last month of its period', () => {
    expect(aggregateValues(rule('sum'), dims, entries).map((v) => [v.month, v.value, v.source_id])).toEqual([
      [202203, 10, 1],
      [202209, 12, 2],
    ]);
  });

  it('stores a stock as its changes, so sums up to a month give the latest value', () => {
    expect(aggregateValues(rule('last'), dims, entries).map((v) => [v.month, v.value])).toEqual([
      [202203, 10],
      [202209, 2],
    ]);
  });
});
