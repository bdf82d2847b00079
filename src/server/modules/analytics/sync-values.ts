// Keeps data_value in step with its sources. Each function (re)derives the values of one record,
// one model or one series of entered values, and is called in the same transaction as the write
// that changed the source, so the triggers on data_value bring every rollup up to date before the
// commit: a record saved now is in every pivot at the next click, with no analytics job.
import { sql } from 'kysely';
import type { Queryable } from '../../db/database';
import { parsePeriod, type Disaggregation } from '../../../shared/analytics';
import {
  aggregateValues,
  modelValues,
  placeColumns,
  recordValues,
  type DerivedValue,
  type Dims,
  type IndicatorRule,
  type RecordFacts,
} from './derive-values';
import { unitGeography, type UnitGeography } from './unit-geography';
import type { ValueKey } from './indicator-values.repo';

type Source = 'record' | 'model' | 'aggregate';

export async function indicatorRules(db: Queryable, source?: IndicatorRule['source'], ids?: number[]) {
  let query = db
    .selectFrom('indicator')
    .select(['indicator_id', 'source', 'definition', 'time_aggregation', 'disaggregations'])
    .orderBy('indicator_id');
  if (source) query = query.where('source', '=', source);
  if (ids) query = query.where('indicator_id', 'in', ids.length ? ids : [0]);
  const rows = await query.execute();
  return rows.map((r): IndicatorRule => ({
    id: r.indicator_id,
    source: r.source,
    definition: r.definition,
    timeAggregation: r.time_aggregation,
    disaggregations: r.disaggregations as Disaggregation[],
  }));
}

async function writeValues(
  db: Queryable,
  kind: Source,
  rows: (DerivedValue & { source_id: number })[],
  place: Record<number, { geo: UnitGeography; agency: number | null; plan: number | null }>,
) {
  const values = rows.map((r) => {
    const { geo, agency, plan } = place[r.source_id]!;
    return {
      ...r,
      ...placeColumns(geo),
      agency_id: agency,
      plan_id: plan,
      source_kind: kind,
      value: String(r.value),
    };
  });
  for (let i = 0; i < values.length; i += 1000) {
    await db
      .insertInto('data_value')
      .values(values.slice(i, i + 1000))
      .execute();
  }
}

async function clear(db: Queryable, kind: Source, ids: number[], indicatorIds?: number[]) {
  if (ids.length === 0) return;
  let query = db.deleteFrom('data_value').where('source_kind', '=', kind).where('source_id', 'in', ids);
  if (indicatorIds) query = query.where('indicator_id', 'in', indicatorIds);
  await query.execute();
}

// ——— Implementation records ———

async function deriveRecords(db: Queryable, recordIds: number[], indicators: IndicatorRule[]) {
  if (recordIds.length === 0 || indicators.length === 0) return;
  const records = await db
    .selectFrom('implementation_record as r')
    .innerJoin('plan_activity as a', 'a.plan_activity_id', 'r.plan_activity_id')
    .innerJoin('plan as p', 'p.plan_id', 'a.plan_id')
    .select([
      'r.record_id',
      'r.type',
      'r.start_date',
      'r.place_generation',
      'r.place_code',
      'r.province_code',
      'r.organiser_agency_id',
      'r.participants_mode',
      'r.total_participants',
      'r.female_participants',
      sql<string | null>`r.outputs->>'language'`.as('language'),
      sql<number>`coalesce(p.parent_plan_id, p.plan_id)`.as('root_plan_id'),
    ])
    .where('r.record_id', 'in', recordIds)
    .where('r.deleted_at', 'is', null)
    .orderBy('r.record_id')
    .execute();
  if (records.length === 0) return;
  const participants = await db
    .selectFrom('record_participant')
    .select(['record_id', 'sex', 'ethnic_group_id', 'target_group', 'age_band', 'count'])
    .where(
      'record_id',
      'in',
      records.map((r) => r.record_id),
    )
    .orderBy('record_id')
    .execute();
  const cache = new Map<string, UnitGeography>();
  const rows: (DerivedValue & { source_id: number })[] = [];
  const place: Parameters<typeof writeValues>[3] = {};
  for (const r of records) {
    const derived = recordValues(indicators, {
      type: r.type,
      startDate: r.start_date,
      language: r.language,
      participantsMode: r.participants_mode,
      total: r.total_participants,
      female: r.female_participants,
      participants: participants.filter((p) => p.record_id === r.record_id),
    });
    if (derived.length === 0) continue;
    const geo = await unitGeography(db, r.place_generation, r.place_code, cache);
    // The record's own province is authoritative (it is what record scope uses).
    place[r.record_id] = {
      geo: { ...geo, provinceCode: r.province_code },
      agency: r.organiser_agency_id,
      plan: r.root_plan_id,
    };
    rows.push(...derived.map((d) => ({ ...d, source_id: r.record_id })));
  }
  await writeValues(db, 'record', rows, place);
}

/** A record's facts as its writer holds them, with where it lies and whose it is. */
export interface RecordWrite extends RecordFacts {
  placeGeneration: number | null;
  placeCode: string | null;
  provinceCode: string | null;
  organiserAgencyId: number | null;
  /** The plan the record counts for: the central plan of a derived provincial plan, else its own. */
  rootPlanId: number;
}

/**
 * Writes the values of a record its writer has just inserted or changed (`replace`: its old values go
 * first), from the facts the writer holds — the same values `syncRecordValues` derives by reading the
 * record back, without reading it back: the indicators' rules and one insert. Call it inside the
 * write's transaction.
 */
export async function writeRecordValues(
  db: Queryable,
  recordId: number,
  facts: RecordWrite,
  replace = false,
): Promise<void> {
  if (replace) await clear(db, 'record', [recordId]);
  const indicators = await indicatorRules(db, 'records');
  const derived = recordValues(indicators, facts);
  if (derived.length === 0) return;
  const geo = await unitGeography(db, facts.placeGeneration, facts.placeCode);
  await writeValues(
    db,
    'record',
    derived.map((d) => ({ ...d, source_id: recordId })),
    {
      [recordId]: {
        geo: { ...geo, provinceCode: facts.provinceCode },
        agency: facts.organiserAgencyId,
        plan: facts.rootPlanId,
      },
    },
  );
}

/** Re-derives one record's values (none once it is deleted). Call it inside the write's transaction.
 * `created`: the record was inserted in this transaction, so it has no values to clear yet. */
export async function syncRecordValues(db: Queryable, recordId: number, created = false): Promise<void> {
  if (!created) await clear(db, 'record', [recordId]);
  await deriveRecords(db, [recordId], await indicatorRules(db, 'records'));
}

// ——— Community models ———

async function deriveModels(db: Queryable, modelIds: number[], indicators: IndicatorRule[]) {
  if (modelIds.length === 0 || indicators.length === 0) return;
  const models = await db
    .selectFrom('community_model as m')
    .leftJoin('implementation_record as r', 'r.record_id', 'm.source_record_id')
    .leftJoin('plan_activity as a', 'a.plan_activity_id', 'r.plan_activity_id')
    .leftJoin('plan as p', 'p.plan_id', 'a.plan_id')
    .select([
      'm.community_model_id',
      'm.model_type',
      'm.commune_generation',
      'm.commune_code',
      'm.province_code',
      'm.status',
      'm.status_since',
      'm.women_ownership',
      sql<boolean>`m.tech_ecommerce OR m.tech_traceability OR m.tech_quality_management OR m.tech_digital_payments`.as(
        'tech40',
      ),
      sql<number | null>`coalesce(p.parent_plan_id, p.plan_id)`.as('root_plan_id'),
    ])
    .where('m.community_model_id', 'in', modelIds)
    .orderBy('m.community_model_id')
    .execute();
  if (models.length === 0) return;
  const ids = models.map((m) => m.community_model_id);
  const [history, members] = await Promise.all([
    db
      .selectFrom('model_status_history')
      .select(['community_model_id', 'status', 'effective_on'])
      .where('community_model_id', 'in', ids)
      .orderBy('community_model_id')
      .orderBy('effective_on')
      .orderBy('model_status_history_id')
      .execute(),
    db
      .selectFrom('model_member')
      .select(['community_model_id', 'sex', 'ethnic_group_id', 'count'])
      .where('community_model_id', 'in', ids)
      .orderBy('community_model_id')
      .execute(),
  ]);
  const cache = new Map<string, UnitGeography>();
  const rows: (DerivedValue & { source_id: number })[] = [];
  const place: Parameters<typeof writeValues>[3] = {};
  for (const m of models) {
    const own = history.filter((h) => h.community_model_id === m.community_model_id);
    const derived = modelValues(indicators, {
      modelType: m.model_type,
      womenOwned: m.women_ownership !== null,
      tech40: m.tech40,
      history: own.length
        ? own.map((h) => ({ status: h.status, effectiveOn: h.effective_on }))
        : [{ status: m.status, effectiveOn: m.status_since }],
      members: members.filter((x) => x.community_model_id === m.community_model_id),
    });
    if (derived.length === 0) continue;
    const geo = await unitGeography(db, m.commune_generation, m.commune_code, cache);
    place[m.community_model_id] = {
      geo: { ...geo, provinceCode: m.province_code },
      agency: null,
      plan: m.root_plan_id,
    };
    rows.push(...derived.map((d) => ({ ...d, source_id: m.community_model_id })));
  }
  await writeValues(db, 'model', rows, place);
}

/** Re-derives one model's values from its type, flags, members and status history. */
export async function syncModelValues(db: Queryable, modelId: number): Promise<void> {
  await clear(db, 'model', [modelId]);
  await deriveModels(db, [modelId], await indicatorRules(db, 'registry'));
}

// ——— Aggregate values entered directly ———

export interface SeriesKey extends Dims {
  indicatorId: number;
  unitGeneration: number | null;
  unitCode: string | null;
}

async function seriesEntries(db: Queryable, s: SeriesKey) {
  let query = db
    .selectFrom('aggregate_value')
    .select(['aggregate_value_id', 'period', 'value'])
    .where('indicator_id', '=', s.indicatorId)
    .where('sex', '=', s.sex ?? '')
    .where('ethnic_group_id', '=', s.ethnic_group_id ?? 0)
    .where('target_group', '=', s.target_group ?? '')
    .where('age_band', '=', s.age_band ?? '');
  query =
    s.unitCode === null
      ? query.where('unit_code', 'is', null)
      : query.where('unit_generation', '=', s.unitGeneration).where('unit_code', '=', s.unitCode);
  return query.orderBy('period').execute();
}

/** Re-derives the values of one series (indicator, unit, disaggregation) of entered values. */
export async function syncAggregateSeries(db: Queryable, series: SeriesKey, removedIds: number[] = []): Promise<void> {
  const [indicator] = await indicatorRules(db, 'aggregate', [series.indicatorId]);
  const entries = await seriesEntries(db, series);
  await clear(db, 'aggregate', [...entries.map((e) => e.aggregate_value_id), ...removedIds]);
  if (!indicator || entries.length === 0) return;
  const dims: Dims = {
    sex: series.sex,
    ethnic_group_id: series.ethnic_group_id,
    target_group: series.target_group,
    age_band: series.age_band,
  };
  const rows = aggregateValues(
    indicator,
    dims,
    entries.map((e) => ({ id: e.aggregate_value_id, period: e.period, value: Number(e.value) })),
  );
  const geo = await unitGeography(db, series.unitGeneration, series.unitCode);
  const place: Parameters<typeof writeValues>[3] = {};
  for (const e of entries) place[e.aggregate_value_id] = { geo, agency: null, plan: null };
  await writeValues(db, 'aggregate', rows, place);
}

/** The series an entered value belongs to ('' and 0 in the key: not disaggregated that way). */
export const seriesOf = (k: Omit<ValueKey, 'period'>): SeriesKey => ({
  indicatorId: k.indicatorId,
  unitGeneration: k.unitGeneration,
  unitCode: k.unitCode,
  sex: k.sex || null,
  ethnic_group_id: k.ethnicGroupId || null,
  target_group: k.targetGroup || null,
  age_band: k.ageBand || null,
});

/** An entered value a request inserted, updated or deleted. */
export interface EntryChange {
  series: SeriesKey;
  id: number;
  period: string;
  /** The new value; null when the entry was deleted. */
  value: number | null;
}

const seriesId = (s: SeriesKey) =>
  JSON.stringify([s.indicatorId, s.unitGeneration, s.unitCode, s.sex, s.ethnic_group_id, s.target_group, s.age_band]);
const endMonth = (period: string) => parsePeriod(period)?.end ?? 0;

/** The entries of several series of one indicator each, in one statement. */
async function entriesOf(db: Queryable, series: SeriesKey[]) {
  if (series.length === 0) return [];
  return db
    .selectFrom('aggregate_value')
    .select([
      'aggregate_value_id',
      'indicator_id as indicatorId',
      'unit_generation as unitGeneration',
      'unit_code as unitCode',
      'sex',
      'ethnic_group_id as ethnicGroupId',
      'target_group as targetGroup',
      'age_band as ageBand',
      'period',
      'value',
    ])
    .where((eb) =>
      eb.or(
        series.map((s) =>
          eb.and([
            eb('indicator_id', '=', s.indicatorId),
            eb('sex', '=', s.sex ?? ''),
            eb('ethnic_group_id', '=', s.ethnic_group_id ?? 0),
            eb('target_group', '=', s.target_group ?? ''),
            eb('age_band', '=', s.age_band ?? ''),
            s.unitCode === null
              ? eb('unit_code', 'is', null)
              : eb.and([eb('unit_generation', '=', s.unitGeneration), eb('unit_code', '=', s.unitCode)]),
          ]),
        ),
      ),
    )
    .orderBy('aggregate_value_id')
    .execute();
}

/**
 * Brings data_value up to date with the entered values one request changed, in a fixed number of
 * statements whatever the number of cells: one delete and one insert of derived rows (plus, for
 * stock indicators only, one read of the changed series). A flow ('sum') entry derives from itself
 * alone; a stock ('last') entry is stored as its change from the period before, so a change there
 * also re-derives the entry that follows it in its series.
 */
export async function syncAggregateChanges(db: Queryable, changes: EntryChange[]): Promise<void> {
  if (changes.length === 0) return;
  const rules = new Map(
    (await indicatorRules(db, 'aggregate', [...new Set(changes.map((c) => c.series.indicatorId))])).map((r) => [
      r.id,
      r,
    ]),
  );
  const bySeries = new Map<string, { series: SeriesKey; changes: EntryChange[] }>();
  for (const c of changes) {
    const id = seriesId(c.series);
    const group = bySeries.get(id) ?? { series: c.series, changes: [] };
    group.changes.push(c);
    bySeries.set(id, group);
  }
  const stockSeries = [...bySeries.values()].filter((g) => rules.get(g.series.indicatorId)?.timeAggregation === 'last');
  const stored = await entriesOf(
    db,
    stockSeries.map((g) => g.series),
  );
  const storedBySeries = new Map<string, { id: number; period: string; value: number }[]>();
  for (const e of stored) {
    const id = seriesId(seriesOf(e));
    const list = storedBySeries.get(id) ?? [];
    list.push({ id: e.aggregate_value_id, period: e.period, value: Number(e.value) });
    storedBySeries.set(id, list);
  }

  const clearIds: number[] = [];
  const rows: (DerivedValue & { source_id: number })[] = [];
  const place: Parameters<typeof writeValues>[3] = {};
  for (const [id, { series, changes: own }] of bySeries) {
    clearIds.push(...own.map((c) => c.id));
    const indicator = rules.get(series.indicatorId);
    if (!indicator) continue;
    const dims: Dims = {
      sex: series.sex,
      ethnic_group_id: series.ethnic_group_id,
      target_group: series.target_group,
      age_band: series.age_band,
    };
    let derived: (DerivedValue & { source_id: number })[];
    if (indicator.timeAggregation === 'last') {
      const entries = storedBySeries.get(id) ?? [];
      const all = aggregateValues(indicator, dims, entries);
      // The changed entries and, for each change, the first entry after it.
      const months = all.map((d) => d.month);
      const affected = new Set(own.filter((c) => c.value !== null).map((c) => c.id));
      for (const c of own) {
        const next = all[months.findIndex((m) => m > endMonth(c.period))];
        if (next) affected.add(next.source_id);
      }
      clearIds.push(...affected);
      derived = all.filter((d) => affected.has(d.source_id));
    } else {
      derived = aggregateValues(
        indicator,
        dims,
        own.filter((c) => c.value !== null).map((c) => ({ id: c.id, period: c.period, value: c.value! })),
      );
    }
    if (derived.length === 0) continue;
    const geo = await unitGeography(db, series.unitGeneration, series.unitCode);
    for (const d of derived) place[d.source_id] = { geo, agency: null, plan: null };
    rows.push(...derived);
  }
  await clear(db, 'aggregate', [...new Set(clearIds)]);
  await writeValues(db, 'aggregate', rows, place);
}

/** Every series of an indicator's entered values. */
async function allSeries(db: Queryable, indicatorId: number): Promise<SeriesKey[]> {
  const rows = await db
    .selectFrom('aggregate_value')
    .select(['unit_generation', 'unit_code', 'sex', 'ethnic_group_id', 'target_group', 'age_band'])
    .distinct()
    .where('indicator_id', '=', indicatorId)
    .orderBy('unit_generation')
    .orderBy('unit_code')
    .orderBy('sex')
    .orderBy('ethnic_group_id')
    .orderBy('target_group')
    .orderBy('age_band')
    .execute();
  return rows.map((r) => ({
    indicatorId,
    unitGeneration: r.unit_generation,
    unitCode: r.unit_code,
    sex: r.sex || null,
    ethnic_group_id: r.ethnic_group_id || null,
    target_group: r.target_group || null,
    age_band: r.age_band || null,
  }));
}

// ——— A changed indicator ———

const BATCH = 500;

/** Re-derives every value of one indicator (after its definition changed), in the caller's transaction. */
export async function rederiveIndicator(db: Queryable, indicatorId: number): Promise<void> {
  await db.deleteFrom('data_value').where('indicator_id', '=', indicatorId).execute();
  const [indicator] = await indicatorRules(db, undefined, [indicatorId]);
  if (!indicator) return;
  if (indicator.source === 'aggregate') {
    for (const series of await allSeries(db, indicatorId)) await syncAggregateSeries(db, series);
    return;
  }
  const ids =
    indicator.source === 'records'
      ? (
          await db
            .selectFrom('implementation_record')
            .select('record_id as id')
            .where('deleted_at', 'is', null)
            .orderBy('record_id')
            .execute()
        ).map((r) => r.id)
      : (
          await db
            .selectFrom('community_model')
            .select('community_model_id as id')
            .orderBy('community_model_id')
            .execute()
        ).map((r) => r.id);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    if (indicator.source === 'records') await deriveRecords(db, batch, [indicator]);
    else await deriveModels(db, batch, [indicator]);
  }
}

/** Derives every source from scratch: for a database whose records predate the analytics tables. */
export async function rederiveAll(db: Queryable): Promise<void> {
  for (const indicator of await indicatorRules(db)) await rederiveIndicator(db, indicator.id);
}
