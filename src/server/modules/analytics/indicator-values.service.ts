// Aggregate values entered directly (the data-entry form, and data imported from other systems):
// per indicator, unit (province or commune, either generation; null = national), DHIS2 period and
// disaggregation. The writer's scope applies to the unit's 2025 province. Each change re-derives its
// series in the same transaction, so pivots see it at once. A value in a period whose report for
// its province has been approved is locked (reports/period-lock.ts).
import type { ServiceContext } from '../../access/actor';
import { inProvinceScope } from '../../access/actor';
import { badRequest, forbidden, notFound } from '../../http/errors';
import { inTransaction } from '../../db/transaction';
import {
  parsePeriod,
  valueTypeProblem,
  type AggregateDefinition,
  type Disaggregation,
} from '../../../shared/analytics';
import { AGE_BANDS, SEXES, TARGET_GROUPS } from '../../../shared/record-codes';
import { insertAudit } from '../audit/audit.service';
import { assertPeriodOpen } from '../../common/period-lock';
import * as repo from './indicator-values.repo';
import { listIndicators, type IndicatorRow } from './indicators.repo';
import type { ListValuesQuery, SetValuesBody, ValueView } from './indicators.schemas';
import type { Sex } from './derive-values';
import { seriesOf, syncAggregateChanges } from './sync-values';
import { unitGeography, type UnitGeography } from './unit-geography';

export interface ValueInput {
  indicator: string;
  unit: { generation: number; code: string } | null;
  period: string;
  sex?: Sex | null;
  ethnicGroupId?: number | null;
  targetGroup?: string | null;
  ageBand?: string | null;
  value: number | null;
}

export interface Resolver {
  indicators: Map<string, IndicatorRow>;
  units: Map<string, UnitGeography>;
  ethnicGroups: Set<number>;
}

export async function resolver(ctx: ServiceContext): Promise<Resolver> {
  const groups = await ctx.db.selectFrom('ethnic_group').select('ethnic_group_id').execute();
  return {
    indicators: new Map((await listIndicators(ctx.db)).map((i) => [i.code, i])),
    units: new Map(),
    ethnicGroups: new Set(groups.map((g) => g.ethnic_group_id)),
  };
}

export type ValueField =
  'indicator' | 'period' | 'unit' | 'sex' | 'ethnicGroupId' | 'targetGroup' | 'ageBand' | 'value';

/** The options of each disaggregation a value may carry (the form's schema says the same; imports bypass it). */
const OPTIONS: [ValueField, 'sex' | 'targetGroup' | 'ageBand', readonly string[]][] = [
  ['sex', 'sex', SEXES],
  ['targetGroup', 'targetGroup', TARGET_GROUPS],
  ['ageBand', 'ageBand', AGE_BANDS],
];

/** Checks one value against its indicator, period, unit, disaggregation and the writer's scope. */
export async function resolveValue(
  ctx: ServiceContext,
  r: Resolver,
  input: ValueInput,
  fieldOf: (name: ValueField) => string,
) {
  const indicator = r.indicators.get(input.indicator);
  if (!indicator) throw badRequest(fieldOf('indicator'), `Không có chỉ số mã "${input.indicator}"`);
  if (indicator.source !== 'aggregate')
    throw badRequest(
      fieldOf('indicator'),
      `Chỉ số ${indicator.code} được tính từ ${indicator.source === 'records' ? 'bản ghi triển khai' : 'sổ mô hình'}, không nhập trực tiếp`,
    );
  const period = parsePeriod(input.period);
  const periodType = (indicator.definition as AggregateDefinition).periodType;
  if (!period || period.type !== periodType)
    throw badRequest(
      fieldOf('period'),
      `Chỉ số ${indicator.code} nhập theo kỳ ${periodType}; kỳ "${input.period}" không phù hợp`,
    );
  let provinceCode: string | null = null;
  if (input.unit) {
    const geo = await unitGeography(ctx.db, input.unit.generation, input.unit.code, r.units);
    if (!geo.provinceCode)
      throw badRequest(
        fieldOf('unit'),
        `Không có đơn vị hành chính mã ${input.unit.code} (thế hệ ${input.unit.generation})`,
      );
    provinceCode = geo.provinceCode;
  }
  if (!ctx.actor.nationalScope && !inProvinceScope(ctx.actor, provinceCode))
    throw forbidden(
      provinceCode ? 'Địa bàn này nằm ngoài phạm vi của bạn' : 'Số liệu toàn quốc do cấp trung ương nhập',
    );
  const allowed = indicator.disaggregations as Disaggregation[];
  const dims: [Disaggregation, ValueField, unknown][] = [
    ['sex', 'sex', input.sex],
    ['ethnic_group', 'ethnicGroupId', input.ethnicGroupId],
    ['target_group', 'targetGroup', input.targetGroup],
    ['age_band', 'ageBand', input.ageBand],
  ];
  for (const [dim, field, value] of dims) {
    if (value != null && value !== '' && !allowed.includes(dim))
      throw badRequest(fieldOf(field), `Chỉ số ${indicator.code} không phân tổ theo "${dim}"`);
  }
  if (input.ethnicGroupId != null && !r.ethnicGroups.has(input.ethnicGroupId))
    throw badRequest(fieldOf('ethnicGroupId'), `Mã dân tộc ${input.ethnicGroupId} không có trong danh mục 54 dân tộc`);
  for (const [field, name, options] of OPTIONS) {
    const value = input[name];
    if (value != null && value !== '' && !options.includes(value))
      throw badRequest(fieldOf(field), `Phân tổ "${value}" không có; chọn một trong: ${options.join(', ')}`);
  }
  if (input.value !== null) {
    const problem = valueTypeProblem(indicator.value_type, input.value);
    if (problem) throw badRequest(fieldOf('value'), `Chỉ số ${indicator.code}: ${problem}`);
  }
  const key: repo.ValueKey & { provinceCode: string | null } = {
    indicatorId: indicator.indicator_id,
    unitGeneration: input.unit?.generation ?? null,
    unitCode: input.unit?.code ?? null,
    provinceCode,
    period: period.code,
    sex: input.sex ?? '',
    ethnicGroupId: input.ethnicGroupId ?? 0,
    targetGroup: input.targetGroup ?? '',
    ageBand: input.ageBand ?? '',
  };
  return { indicator, key };
}

/** The last day of a DHIS2 period ("2022Q3" → "2022-09-30"): where the pivot places its value. */
function lastDayOf(code: string): string {
  const end = parsePeriod(code)!.end;
  const year = Math.floor(end / 100);
  const month = end % 100;
  return `${year}-${String(month).padStart(2, '0')}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}`;
}

/**
 * Writes resolved values and re-derives what they change; returns the counts of what changed.
 * Set-based: one period-lock check per (province, period), one upsert for the values and one
 * delete for the cleared ones, one derivation for all (sync-values.ts `syncAggregateChanges`) —
 * the same number of statements for one cell as for a whole grid. The keys must be distinct.
 */
export async function writeValues(
  ctx: ServiceContext,
  items: { key: repo.ValueKey & { provinceCode: string | null }; value: number | null }[],
  source: 'entry' | 'import',
) {
  const checked = new Set<string>();
  for (const { key } of items) {
    const scope = { province: key.provinceCode, from: lastDayOf(key.period) };
    const id = `${scope.province}:${scope.from}`;
    if (checked.has(id)) continue;
    checked.add(id);
    await assertPeriodOpen(ctx, scope);
  }
  const puts = items.filter((i) => i.value !== null).map((i) => ({ key: i.key, value: String(i.value) }));
  const clears = items.filter((i) => i.value === null).map((i) => i.key);
  const changed = await repo.upsertValues(ctx.db, puts, source, ctx.actor.userId, ctx.clock.now());
  const removed = await repo.deleteValues(ctx.db, clears);
  await syncAggregateChanges(ctx.db, [
    ...changed.map((c) => ({ series: seriesOf(c), id: c.id, period: c.period, value: Number(c.value) })),
    ...removed.map((c) => ({ series: seriesOf(c), id: c.id, period: c.period, value: null })),
  ]);
  const inserted = changed.filter((c) => c.inserted).length;
  return {
    imported: inserted,
    updated: changed.length - inserted,
    ignored: puts.length - changed.length + clears.length - removed.length,
    deleted: removed.length,
  };
}

export async function setValues(ctx: ServiceContext, body: SetValuesBody): Promise<ValueView[]> {
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const r = await resolver(txCtx);
    const items = [];
    const seen = new Set<string>();
    for (const [i, cell] of body.values.entries()) {
      const { key } = await resolveValue(
        txCtx,
        r,
        { indicator: body.indicator, unit: body.unit, period: body.period, ...cell },
        (name) =>
          name === 'indicator' || name === 'period' ? name : name === 'unit' ? 'unit.code' : `values.${i}.${name}`,
      );
      const id = JSON.stringify(key);
      if (seen.has(id)) throw badRequest(`values.${i}`, `Dòng ${i + 1} trùng phân tổ với một dòng trước`);
      seen.add(id);
      items.push({ key, value: cell.value });
    }
    await writeValues(txCtx, items, 'entry');
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'set_values',
        entityType: 'aggregate_value',
        entityId: body.indicator,
        provinceCode: items[0]?.key.provinceCode ?? null,
        after: body,
      },
      ctx.clock.now(),
      ctx.ip,
    );
  });
  const all = await listValues(ctx, { indicator: body.indicator, period: body.period });
  return all.filter(
    (v) =>
      (v.unit?.code ?? null) === (body.unit?.code ?? null) &&
      (v.unit?.generation ?? null) === (body.unit?.generation ?? null),
  );
}

export async function listValues(ctx: ServiceContext, query: ListValuesQuery): Promise<ValueView[]> {
  const [indicator] = await listIndicators(ctx.db, { codes: [query.indicator] });
  if (!indicator) throw notFound('Chỉ số');
  const rows = await repo.listValues(ctx.db, ctx.actor, {
    indicatorId: indicator.indicator_id,
    period: query.period,
    province: query.province,
  });
  return rows.map((r) => ({
    indicator: indicator.code,
    unit:
      r.unit_code === null
        ? null
        : { generation: r.unit_generation!, code: r.unit_code, name: r.unit_name ?? r.unit_code },
    period: r.period,
    sex: r.sex || null,
    ethnicGroupId: r.ethnic_group_id || null,
    targetGroup: r.target_group || null,
    ageBand: r.age_band || null,
    value: Number(r.value),
    source: r.source,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}
