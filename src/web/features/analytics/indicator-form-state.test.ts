import { describe, expect, it } from 'vitest';
import { definitionOf, emptyIndicator, indicatorFormState } from './indicator-form-state';
import type { IndicatorView } from './shared';

const view = (over: Partial<IndicatorView>): IndicatorView => ({
  id: 1,
  code: 'NL10',
  nameVi: 'Số lượt phụ nữ được tập huấn',
  nameEn: 'Women trained',
  unit: 'lượt người',
  section: '3',
  planId: null,
  source: 'records',
  definition: {},
  timeAggregation: 'sum',
  disaggregations: [],
  valueType: 'INTEGER_ZERO_OR_POSITIVE',
  isKey: false,
  position: 1,
  version: 1,
  allowedActions: ['edit'],
  ...over,
});

describe('the indicator form and the definition it sends', () => {
  it('sends back the definition it was given, for each source', () => {
    const cases: Partial<IndicatorView>[] = [
      {
        source: 'records',
        definition: {
          recordTypes: ['training'],
          measure: 'sum_participants',
          sex: 'female',
          targetGroups: ['union_member'],
        },
      },
      { source: 'records', definition: { recordTypes: ['broadcast'], measure: 'count_records', language: 'dan_toc' } },
      {
        source: 'registry',
        timeAggregation: 'last',
        definition: { modelTypes: ['to_truyen_thong'], measure: 'count_active_at_period_end', womenOwned: true },
      },
      { source: 'aggregate', definition: { periodType: 'yearly' } },
    ];
    for (const c of cases) expect(definitionOf(indicatorFormState(view(c)))).toEqual(c.definition);
  });

  it('leaves out filters that do not apply: sex and target groups only with the participant sum', () => {
    const state = { ...emptyIndicator(), recordTypes: ['training'], sex: 'female' as const, targetGroups: ['child'] };
    expect(definitionOf(state)).toEqual({ recordTypes: ['training'], measure: 'count_records' });
    expect(definitionOf({ ...state, source: 'aggregate' })).toEqual({ periodType: 'quarterly' });
  });
});
