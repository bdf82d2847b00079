// The indicator form's state: read from an indicator, and turned into the definition the API
// takes for the chosen source (filters that do not apply to it are left out). Pure.
import {
  RECORD_MEASURES,
  REGISTRY_MEASURES,
  type AggregatePeriodType,
  type Disaggregation,
  type IndicatorSource,
  type TimeAggregation,
  type ValueType,
} from '../../../shared/analytics';
import type { IndicatorView } from './shared';

export interface IndicatorFormState {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  section: string;
  isKey: boolean;
  source: IndicatorSource;
  recordTypes: string[];
  recordMeasure: (typeof RECORD_MEASURES)[number];
  sex: '' | 'female' | 'male';
  targetGroups: string[];
  language: '' | 'pho_thong' | 'dan_toc';
  modelTypes: string[];
  registryMeasure: (typeof REGISTRY_MEASURES)[number];
  womenOwned: boolean;
  tech40: boolean;
  periodType: AggregatePeriodType;
  timeAggregation: TimeAggregation;
  disaggregations: Disaggregation[];
  valueType: ValueType;
}

export interface IndicatorBody {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  section: string | null;
  isKey: boolean;
  source: IndicatorSource;
  definition: Record<string, unknown>;
  timeAggregation: TimeAggregation;
  disaggregations: Disaggregation[];
  valueType: ValueType;
}

export const emptyIndicator = (): IndicatorFormState => ({
  code: '',
  nameVi: '',
  nameEn: '',
  unit: '',
  section: '',
  isKey: false,
  source: 'records',
  recordTypes: [],
  recordMeasure: 'count_records',
  sex: '',
  targetGroups: [],
  language: '',
  modelTypes: [],
  registryMeasure: 'count_active_at_period_end',
  womenOwned: false,
  tech40: false,
  periodType: 'quarterly',
  timeAggregation: 'sum',
  disaggregations: [],
  valueType: 'INTEGER_ZERO_OR_POSITIVE',
});

/** The form's state for an indicator read from the API. */
export function indicatorFormState(i: IndicatorView): IndicatorFormState {
  const d = i.definition as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const base = emptyIndicator();
  return {
    ...base,
    code: i.code,
    nameVi: i.nameVi,
    nameEn: i.nameEn,
    unit: i.unit,
    section: i.section ?? '',
    isKey: i.isKey,
    source: i.source,
    recordTypes: strings(d.recordTypes),
    recordMeasure: i.source === 'records' ? (d.measure as IndicatorFormState['recordMeasure']) : base.recordMeasure,
    sex: d.sex === 'female' || d.sex === 'male' ? d.sex : '',
    targetGroups: strings(d.targetGroups),
    language: d.language === 'pho_thong' || d.language === 'dan_toc' ? d.language : '',
    modelTypes: strings(d.modelTypes),
    registryMeasure:
      i.source === 'registry' ? (d.measure as IndicatorFormState['registryMeasure']) : base.registryMeasure,
    womenOwned: d.womenOwned === true,
    tech40: d.tech40 === true,
    periodType: i.source === 'aggregate' ? (d.periodType as AggregatePeriodType) : base.periodType,
    timeAggregation: i.timeAggregation,
    disaggregations: [...i.disaggregations],
    valueType: i.valueType,
  };
}

export function definitionOf(s: IndicatorFormState): Record<string, unknown> {
  if (s.source === 'aggregate') return { periodType: s.periodType };
  if (s.source === 'registry')
    return {
      modelTypes: s.modelTypes,
      measure: s.registryMeasure,
      ...(s.womenOwned ? { womenOwned: true } : {}),
      ...(s.tech40 ? { tech40: true } : {}),
    };
  const participants = s.recordMeasure === 'sum_participants';
  return {
    recordTypes: s.recordTypes,
    measure: s.recordMeasure,
    ...(participants && s.targetGroups.length ? { targetGroups: s.targetGroups } : {}),
    ...(participants && s.sex ? { sex: s.sex } : {}),
    ...(s.language ? { language: s.language } : {}),
  };
}
