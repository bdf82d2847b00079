// The data values an indicator takes from one record, one model or one series of entered values.
// Pure: the facts are loaded by sync-values.ts. Values keep only the disaggregations the indicator
// allows (the others are summed away). Stocks (registry counts, 'last' aggregate values) are stored
// as changes: +n the month something starts, -n the month it stops, so "the value at the end of a
// period" is the sum of every change up to that month, additive across units and rollups.
import type { DB } from '../../db/schema';
import {
  monthOf,
  parsePeriod,
  type AggregateDefinition,
  type Disaggregation,
  type RecordsDefinition,
  type RegistryDefinition,
  type TimeAggregation,
} from '../../../shared/analytics';
import type { UnitGeography } from './unit-geography';

export interface IndicatorRule {
  id: number;
  source: 'records' | 'registry' | 'aggregate';
  definition: unknown;
  timeAggregation: TimeAggregation;
  disaggregations: Disaggregation[];
}

/** Sex as participants and members record it. */
export type Sex = DB['record_participant']['sex'];

export interface Dims {
  sex: Sex | null;
  ethnic_group_id: number | null;
  target_group: string | null;
  age_band: string | null;
}

export interface DerivedValue extends Dims {
  indicator_id: number;
  month: number;
  value: number;
}

export interface RecordFacts {
  type: string;
  startDate: string;
  language: string | null;
  participantsMode: 'breakdown' | 'totals_only';
  total: number;
  female: number | null;
  participants: { sex: Sex; ethnic_group_id: number; target_group: string; age_band: string; count: number }[];
}

export interface ModelFacts {
  modelType: string;
  womenOwned: boolean;
  tech40: boolean;
  /** Status changes in order (the first is the founding). */
  history: { status: string; effectiveOn: string }[];
  members: { sex: Sex; ethnic_group_id: number; count: number }[];
}

const NONE: Dims = { sex: null, ethnic_group_id: null, target_group: null, age_band: null };

/** Keeps the allowed dimensions and sums the rows that become equal. */
function collapse(
  rows: (Partial<Dims> & { count: number })[],
  allowed: Disaggregation[],
): (Dims & { count: number })[] {
  const out = new Map<string, Dims & { count: number }>();
  for (const row of rows) {
    const dims: Dims = {
      sex: allowed.includes('sex') ? (row.sex ?? null) : null,
      ethnic_group_id: allowed.includes('ethnic_group') ? (row.ethnic_group_id ?? null) : null,
      target_group: allowed.includes('target_group') ? (row.target_group ?? null) : null,
      age_band: allowed.includes('age_band') ? (row.age_band ?? null) : null,
    };
    const key = `${dims.sex}|${dims.ethnic_group_id}|${dims.target_group}|${dims.age_band}`;
    const found = out.get(key);
    if (found) found.count += row.count;
    else out.set(key, { ...dims, count: row.count });
  }
  return [...out.values()].filter((r) => r.count !== 0);
}

function participantRows(def: RecordsDefinition, facts: RecordFacts, allowed: Disaggregation[]) {
  if (facts.participantsMode === 'breakdown') {
    return collapse(
      facts.participants.filter(
        (p) => (!def.targetGroups || def.targetGroups.includes(p.target_group)) && (!def.sex || p.sex === def.sex),
      ),
      allowed,
    );
  }
  // Totals only: the target groups are unknown, so a target-group filter cannot count them.
  if (def.targetGroups) return [];
  const female = facts.female;
  if (def.sex) {
    if (female === null) return [];
    return collapse([{ sex: def.sex, count: def.sex === 'female' ? female : facts.total - female }], allowed);
  }
  if (female === null) return collapse([{ count: facts.total }], allowed);
  return collapse(
    [
      { sex: 'female', count: female },
      { sex: 'male', count: facts.total - female },
    ],
    allowed,
  );
}

export function recordValues(indicators: IndicatorRule[], facts: RecordFacts): DerivedValue[] {
  const month = monthOf(facts.startDate);
  const out: DerivedValue[] = [];
  for (const indicator of indicators) {
    if (indicator.source !== 'records') continue;
    const def = indicator.definition as RecordsDefinition;
    if (!def.recordTypes.includes(facts.type)) continue;
    if (def.language && facts.language !== def.language) continue;
    if (def.measure === 'count_records') {
      out.push({ indicator_id: indicator.id, month, value: 1, ...NONE });
      continue;
    }
    for (const row of participantRows(def, facts, indicator.disaggregations)) {
      const { count, ...dims } = row;
      out.push({ indicator_id: indicator.id, month, value: count, ...dims });
    }
  }
  return out;
}

/** Months a model starts (+1) and stops (-1) being active, from its status history. */
export function activeChanges(history: ModelFacts['history']): { month: number; sign: 1 | -1 }[] {
  const out: { month: number; sign: 1 | -1 }[] = [];
  let active = false;
  for (const change of history) {
    const now = change.status === 'active';
    if (now !== active) out.push({ month: monthOf(change.effectiveOn), sign: now ? 1 : -1 });
    active = now;
  }
  return out;
}

export function modelValues(indicators: IndicatorRule[], facts: ModelFacts): DerivedValue[] {
  const changes = activeChanges(facts.history);
  const out: DerivedValue[] = [];
  for (const indicator of indicators) {
    if (indicator.source !== 'registry') continue;
    const def = indicator.definition as RegistryDefinition;
    if (!def.modelTypes.includes(facts.modelType)) continue;
    if ((def.womenOwned && !facts.womenOwned) || (def.tech40 && !facts.tech40)) continue;
    const rows =
      def.measure === 'count_active_at_period_end'
        ? [{ ...NONE, count: 1 }]
        : collapse(facts.members, indicator.disaggregations);
    for (const { month, sign } of changes) {
      for (const { count, ...dims } of rows)
        out.push({ indicator_id: indicator.id, month, value: sign * count, ...dims });
    }
  }
  return mergeSameMonth(out);
}

/** A start and a stop in the same month cancel out: keep the table free of zero rows. */
function mergeSameMonth(values: DerivedValue[]): DerivedValue[] {
  const out = new Map<string, DerivedValue>();
  for (const v of values) {
    const key = `${v.indicator_id}|${v.month}|${v.sex}|${v.ethnic_group_id}|${v.target_group}|${v.age_band}`;
    const found = out.get(key);
    if (found) found.value += v.value;
    else out.set(key, { ...v });
  }
  return [...out.values()].filter((v) => v.value !== 0);
}

export interface EnteredValue {
  id: number;
  period: string;
  value: number;
}

/**
 * Values entered for one series (indicator, unit, disaggregation), each placed in the last month of
 * its period. A 'last' indicator stores each value's change from the previous one in the series.
 */
export function aggregateValues(
  indicator: IndicatorRule,
  dims: Dims,
  entries: EnteredValue[],
): (DerivedValue & { source_id: number })[] {
  const def = indicator.definition as AggregateDefinition;
  const placed = entries
    .map((e) => ({ ...e, month: parsePeriod(e.period)?.end ?? 0 }))
    .filter((e) => e.month > 0 && parsePeriod(e.period)?.type === def.periodType)
    .sort((a, b) => a.month - b.month);
  let previous = 0;
  const out: (DerivedValue & { source_id: number })[] = [];
  for (const e of placed) {
    const value = indicator.timeAggregation === 'last' ? e.value - previous : e.value;
    previous = e.value;
    out.push({ indicator_id: indicator.id, month: e.month, value, source_id: e.id, ...dims });
  }
  return out;
}

/** The columns every derived value of one source shares. */
export function placeColumns(geo: UnitGeography) {
  return {
    province_code: geo.provinceCode,
    province_2024: geo.province2024,
    commune_code: geo.communeCode,
    commune_2024: geo.commune2024,
    source_unit_generation: geo.sourceGeneration,
    source_unit_code: geo.sourceCode,
    lineage_partial: geo.lineagePartial,
  };
}
