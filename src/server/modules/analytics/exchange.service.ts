// Data exchange with other national systems: aggregate values out as DHIS2 dataValueSets (JSON)
// or ADX (XML), computed by the pivot engine from live data; and the same formats in, stored as
// aggregate values of aggregate indicators (computed indicators are not importable: their values
// come from our records). Codes go through the code list. Import replaces values by key
// (dataElement, period, orgUnit, categoryOptionCombo), so importing a file twice changes nothing
// the second time, and a file we exported imports back to the same values.
import type { ServiceContext } from '../../access/actor';
import { AppError, badRequest, forbidden } from '../../http/errors';
import { inTransaction } from '../../db/transaction';
import type { Sex } from './derive-values';
import {
  comboCode,
  parseComboCode,
  type AggregateDefinition,
  type Disaggregation,
  type PeriodType,
  type PivotDimension,
} from '../../../shared/analytics';
import { indicatorMetas, listIndicators } from './indicators.repo';
import { resolveValue, resolver, writeValues, type ValueInput } from './indicator-values.service';
import { insertAudit } from '../audit/audit.service';
import { listCodes, loadCodeBook, setCode, theirCodeOwner, type CodeBook, type CodeKind } from './exchange-codes.repo';
import { runPivot } from './pivot.engine';
import { monthRanges, parsePivotParams } from './pivot.query';
import { pivotToday } from './pivot.service';

export type OrgUnitLevel = 'national' | 'province' | 'commune';

export interface ExportParams {
  indicator?: string;
  period?: string;
  year?: string;
  periodType?: PeriodType;
  orgUnitLevel?: OrgUnitLevel;
  disaggregate?: boolean;
}

/** One value in our own terms; the formats map it through the code list. */
export interface ExchangeValue {
  indicator: string;
  period: string;
  /** 'VN', a 2025 province or commune code. */
  orgUnit: string;
  dims: Partial<Record<Disaggregation, string>>;
  value: number;
}

const TIME_DIM: Record<PeriodType, PivotDimension> = {
  monthly: 'month',
  quarterly: 'quarter',
  sixmonthly: 'half',
  yearly: 'year',
};

/** A pivot member key of a geography dimension → the unit it is reported under. */
function orgUnitOf(level: OrgUnitLevel, key: string | undefined): string {
  if (level === 'national' || key === undefined || key === '' || key === '=' || key === '>') return 'VN';
  return /^\d+$/.test(key) ? key : key.slice(1);
}

export async function exportValues(ctx: ServiceContext, params: ExportParams): Promise<ExchangeValue[]> {
  const level = params.orgUnitLevel ?? 'province';
  if (level === 'national' && !ctx.actor.nationalScope)
    throw badRequest(
      'orgUnitLevel',
      'Số liệu toàn quốc chỉ dành cho người dùng phạm vi toàn quốc; chọn province hoặc commune',
    );
  monthRanges(params.period, params.year);
  const all = await listIndicators(ctx.db);
  const wanted = params.indicator
    ? params.indicator
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : all.map((i) => i.code);
  const metas = await indicatorMetas(ctx.db);
  const out = new Map<string, ExchangeValue>();
  for (const code of wanted) {
    const indicator = all.find((i) => i.code === code);
    if (!indicator) throw badRequest('indicator', `Không có chỉ số mã "${code}"`);
    const periodType =
      params.periodType ??
      (indicator.source === 'aggregate' ? (indicator.definition as AggregateDefinition).periodType : 'monthly');
    const disaggs = params.disaggregate === false ? [] : (indicator.disaggregations as Disaggregation[]);
    const geo: PivotDimension[] = level === 'national' ? [] : [level];
    const rows = [...geo, TIME_DIM[periodType], ...disaggs];
    const spec = parsePivotParams(
      { rows: rows.join(','), indicator: code, period: params.period, year: params.year },
      metas,
    );
    const result = await runPivot(ctx.db, ctx.actor, spec, { ...pivotToday(ctx), keysOnly: true });
    result.rows.forEach((member, r) => {
      const value = result.cells[r]![0];
      if (value === null || value === undefined) return;
      const [unitKey, period, ...dimKeys] = level === 'national' ? [undefined, ...member.key] : member.key;
      const dims: ExchangeValue['dims'] = {};
      disaggs.forEach((d, i) => {
        if (dimKeys[i]) dims[d] = dimKeys[i];
      });
      const item = { indicator: code, period: period!, orgUnit: orgUnitOf(level, unitKey), dims, value };
      // Values the lineage could not place in a commune are reported under their province.
      const key = `${item.orgUnit}|${item.period}|${comboCode(dims)}`;
      const found = out.get(`${code}|${key}`);
      if (found) found.value += value;
      else out.set(`${code}|${key}`, item);
    });
  }
  return [...out.values()];
}

const formatValue = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6));

export interface DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  value: string;
}

export interface DataValueSet {
  dataSet: string;
  /** Set when every value has the same period (each value still carries its own). */
  period?: string;
  /** Set when every value has the same org unit (each value still carries its own). */
  orgUnit?: string;
  dataValues: DataValue[];
}

/** The data set every value belongs to (DHIS2 `dataSet`, ADX `group@dataSet`). */
export const DATA_SET = 'PHOIHOP';

export function toDataValueSet(values: ExchangeValue[], codes: CodeBook): DataValueSet {
  const attributeOptionCombo = codes.theirs('category_option_combo', 'default');
  const dataValues = values.map((v) => ({
    dataElement: codes.theirs('indicator', v.indicator),
    period: v.period,
    orgUnit: codes.theirs('orgunit', v.orgUnit),
    categoryOptionCombo: codes.theirs('category_option_combo', comboCode(v.dims)),
    attributeOptionCombo,
    value: formatValue(v.value),
  }));
  const uniform = (key: 'period' | 'orgUnit') => {
    const first = dataValues[0]?.[key];
    return first !== undefined && dataValues.every((v) => v[key] === first) ? { [key]: first } : {};
  };
  return { dataSet: DATA_SET, ...uniform('period'), ...uniform('orgUnit'), dataValues };
}

export async function exportDataValueSet(ctx: ServiceContext, params: ExportParams) {
  return toDataValueSet(await exportValues(ctx, params), await loadCodeBook(ctx.db));
}

// ——— Import ———

/** One incoming value in the sender's codes; `field` names where it came from, for the report. */
export interface IncomingValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  /** Our disaggregation, already decoded from the format; null when it names what we do not have. */
  dims: Partial<Record<Disaggregation, string>> | null;
  /** The attribute of `dims` we do not have (ADX), for the conflict's field. */
  badDimension?: string;
  /** As sent (undefined: not sent, the default). */
  attributeOptionCombo?: string;
  /** ADX: each disaggregation is an attribute of its own, which a conflict names. */
  dimensionsAsAttributes?: boolean;
  value: string | number | null;
  field: string;
}

export interface ImportSummary {
  status: 'SUCCESS' | 'WARNING' | 'ERROR';
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  conflicts: { object: string; field: string; value: string }[];
}

function unitOf(orgUnit: string): ValueInput['unit'] {
  if (orgUnit === 'VN') return null;
  if (/^\d{2}$|^\d{5}$/.test(orgUnit)) return { generation: 2025, code: orgUnit };
  return { generation: 2025, code: '' };
}

class DryRun extends Error {}

/** Our names of a value's parts → the format's, for a conflict's field. */
const FORMAT_FIELD = { indicator: 'dataElement', period: 'period', unit: 'orgUnit', value: 'value' } as const;
const ATTRIBUTE_OF = {
  sex: 'sex',
  ethnicGroupId: 'ethnic_group',
  targetGroup: 'target_group',
  ageBand: 'age_band',
} as const satisfies Record<string, Disaggregation>;

/** The programme has no attribute categories: its only attribute option combo is the default. */
function knownAttributeCombo(theirs: string, codes: CodeBook): boolean {
  return theirs === '' || theirs === 'default' || codes.ours('category_option_combo', theirs) === 'default';
}

export async function importValues(
  ctx: ServiceContext,
  incoming: IncomingValue[],
  options: { dryRun?: boolean } = {},
): Promise<ImportSummary> {
  const conflicts: ImportSummary['conflicts'] = [];
  let importCount: ImportSummary['importCount'] = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
  const run = inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const codes = await loadCodeBook(tx);
    const r = await resolver(txCtx);
    const items = [];
    const seen = new Set<string>();
    for (const v of incoming) {
      const where = (name: string) => `${v.field}.${name}`;
      try {
        if (v.dims === null)
          throw badRequest(
            where(v.badDimension ?? 'categoryOptionCombo'),
            'Phân tổ (categoryOptionCombo) không hợp lệ',
          );
        if (v.attributeOptionCombo !== undefined && !knownAttributeCombo(v.attributeOptionCombo, codes))
          throw badRequest(
            where('attributeOptionCombo'),
            `attributeOptionCombo "${v.attributeOptionCombo}" không có: hệ thống chỉ có tổ hợp mặc định (${codes.theirs('category_option_combo', 'default')})`,
          );
        const value = v.value === null || v.value === '' ? null : Number(v.value);
        if (value !== null && !Number.isFinite(value))
          throw badRequest(where('value'), `Giá trị "${v.value}" không phải số`);
        const orgUnit = codes.ours('orgunit', v.orgUnit);
        const { key } = await resolveValue(
          txCtx,
          r,
          {
            indicator: codes.ours('indicator', v.dataElement),
            unit: unitOf(orgUnit),
            period: v.period,
            // Sex comes from the code list (female, male); the table's check refuses anything else.
            sex: (v.dims.sex ?? null) as Sex | null,
            ethnicGroupId: v.dims.ethnic_group ? Number(v.dims.ethnic_group) || -1 : null,
            targetGroup: v.dims.target_group ?? null,
            ageBand: v.dims.age_band ?? null,
            value,
          },
          (name) =>
            where(
              FORMAT_FIELD[name as keyof typeof FORMAT_FIELD] ??
                (v.dimensionsAsAttributes ? ATTRIBUTE_OF[name as keyof typeof ATTRIBUTE_OF] : undefined) ??
                'categoryOptionCombo',
            ),
        );
        const id = JSON.stringify(key);
        if (seen.has(id)) throw badRequest(v.field, 'Giá trị này trùng khóa với một giá trị trước trong tệp');
        seen.add(id);
        items.push({ key, value });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        conflicts.push({ object: v.dataElement, field: error.field ?? v.field, value: error.message });
      }
    }
    importCount = await writeValues(txCtx, items, 'import');
    if (options.dryRun) throw new DryRun();
  });
  try {
    await run;
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  const written = importCount.imported + importCount.updated + importCount.ignored + importCount.deleted;
  return {
    status: conflicts.length === 0 ? 'SUCCESS' : written > 0 ? 'WARNING' : 'ERROR',
    importCount,
    conflicts,
  };
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

export const MAX_IMPORT_VALUES = 100_000;

/** A dataValueSets document → incoming values (codes still theirs); shape errors are a 400. */
export function readDataValueSet(body: unknown, codes: CodeBook): IncomingValue[] {
  if (!isObject(body) || !Array.isArray(body.dataValues))
    throw badRequest('dataValues', 'Cần một tài liệu dataValueSets: { "dataValues": [ … ] }');
  if (body.dataValues.length > MAX_IMPORT_VALUES)
    throw badRequest('dataValues', `Tối đa ${MAX_IMPORT_VALUES} giá trị mỗi lần nhập`);
  const defaults = { period: str(body.period), orgUnit: str(body.orgUnit) };
  const setAttributeCombo = body.attributeOptionCombo === undefined ? undefined : str(body.attributeOptionCombo);
  return body.dataValues.map((raw, i): IncomingValue => {
    const field = `dataValues.${i}`;
    if (!isObject(raw)) throw badRequest(field, `Giá trị thứ ${i + 1} không phải một đối tượng`);
    const combo = str(raw.categoryOptionCombo) || 'default';
    const attributeOptionCombo =
      raw.attributeOptionCombo === undefined ? setAttributeCombo : str(raw.attributeOptionCombo);
    const value = raw.value === undefined || raw.value === null ? null : str(raw.value);
    const dims = decodeCombo(combo, codes);
    if (raw.deleted === true || raw.deleted === 'true')
      return { ...base(raw, defaults, field), dims, attributeOptionCombo, value: null };
    return { ...base(raw, defaults, field), dims, attributeOptionCombo, value };
  });
}

function base(raw: Raw, defaults: { period: string; orgUnit: string }, field: string) {
  return {
    dataElement: str(raw.dataElement),
    period: str(raw.period) || defaults.period,
    orgUnit: str(raw.orgUnit) || defaults.orgUnit,
    field,
  };
}

function decodeCombo(theirs: string, codes: CodeBook) {
  return parseComboCode(codes.ours('category_option_combo', theirs));
}

// ——— The code list ———

export async function setExchangeCodes(
  ctx: ServiceContext,
  items: { kind: CodeKind; ourValue: string; theirCode: string | null }[],
) {
  if (!ctx.actor.nationalScope) throw forbidden('Bảng mã trao đổi do cấp trung ương quản lý');
  await inTransaction(ctx.db, async (tx) => {
    for (const [i, item] of items.entries()) {
      if (item.theirCode !== null) {
        const owner = await theirCodeOwner(tx, item.kind, item.theirCode);
        if (owner !== undefined && owner !== item.ourValue)
          throw badRequest(`items.${i}.theirCode`, `Mã "${item.theirCode}" đã dùng cho "${owner}"`);
      }
      await setCode(tx, item.kind, item.ourValue, item.theirCode);
    }
    await insertAudit(
      tx,
      ctx.actor,
      { action: 'set_codes', entityType: 'exchange_code', entityId: null, after: items },
      ctx.clock.now(),
      ctx.ip,
    );
  });
  const rows = await listCodes(ctx.db);
  return rows.map((r) => ({ kind: r.kind, ourValue: r.our_value, theirCode: r.their_code }));
}
