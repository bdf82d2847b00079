// How an indicator is computed: checked against its source, with errors that name the field.
// Pure: the code lists (record types, model types, target groups) are passed in.
import {
  AGGREGATE_PERIOD_TYPES,
  ALLOWED_TIME_AGGREGATIONS,
  RECORD_MEASURES,
  REGISTRY_MEASURES,
  SOURCE_DISAGGREGATIONS,
  type AggregateDefinition,
  type Disaggregation,
  type IndicatorDefinition,
  type IndicatorSource,
  type RecordsDefinition,
  type RegistryDefinition,
  type TimeAggregation,
} from '../../../shared/analytics';
import { badRequest } from '../../http/errors';

export interface CodeLists {
  recordTypes: readonly string[];
  modelTypes: readonly string[];
  targetGroups: readonly string[];
}

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringList(raw: Raw, key: string, allowed: readonly string[], required: boolean): string[] | undefined {
  const value = raw[key];
  const field = `definition.${key}`;
  if (value === undefined) {
    if (required) throw badRequest(field, `Thiếu trường bắt buộc "${field}"`);
    return undefined;
  }
  if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string'))
    throw badRequest(field, `Trường "${field}" phải là danh sách mã (ít nhất một mã)`);
  const unknown = (value as string[]).filter((v) => !allowed.includes(v));
  if (unknown.length) throw badRequest(field, `Mã không có trong danh mục (${field}): ${unknown.join(', ')}`);
  return [...new Set(value as string[])];
}

function oneOf<T extends string>(raw: Raw, key: string, allowed: readonly T[], required: boolean): T | undefined {
  const value = raw[key];
  const field = `definition.${key}`;
  if (value === undefined) {
    if (required) throw badRequest(field, `Thiếu trường bắt buộc "${field}"`);
    return undefined;
  }
  if (typeof value !== 'string' || !allowed.includes(value as T))
    throw badRequest(field, `Giá trị của trường "${field}" phải là một trong: ${allowed.join(', ')}`);
  return value as T;
}

function flag(raw: Raw, key: string): boolean | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean')
    throw badRequest(`definition.${key}`, `Trường "definition.${key}" phải là true/false`);
  return value || undefined;
}

function onlyKeys(raw: Raw, keys: string[]) {
  const extra = Object.keys(raw).find((k) => !keys.includes(k));
  if (extra) throw badRequest(`definition.${extra}`, `Trường "definition.${extra}" không dùng cho nguồn dữ liệu này`);
}

export function checkDefinition(source: IndicatorSource, raw: unknown, lists: CodeLists): IndicatorDefinition {
  if (!isObject(raw)) throw badRequest('definition', 'Cần mô tả cách tính chỉ số (definition)');
  if (source === 'records') {
    onlyKeys(raw, ['recordTypes', 'measure', 'targetGroups', 'sex', 'language']);
    const def: RecordsDefinition = {
      recordTypes: stringList(raw, 'recordTypes', lists.recordTypes, true)!,
      measure: oneOf(raw, 'measure', RECORD_MEASURES, true)!,
    };
    const targetGroups = stringList(raw, 'targetGroups', lists.targetGroups, false);
    const sex = oneOf(raw, 'sex', ['female', 'male'] as const, false);
    const language = oneOf(raw, 'language', ['pho_thong', 'dan_toc'] as const, false);
    if ((targetGroups || sex) && def.measure !== 'sum_participants')
      throw badRequest(
        'definition.measure',
        'Lọc theo đối tượng hoặc giới tính chỉ dùng với phép tính tổng số người tham gia',
      );
    if (targetGroups) def.targetGroups = targetGroups;
    if (sex) def.sex = sex;
    if (language) def.language = language;
    return def;
  }
  if (source === 'registry') {
    onlyKeys(raw, ['modelTypes', 'measure', 'womenOwned', 'tech40']);
    const def: RegistryDefinition = {
      modelTypes: stringList(raw, 'modelTypes', lists.modelTypes, true)!,
      measure: oneOf(raw, 'measure', REGISTRY_MEASURES, true)!,
    };
    const womenOwned = flag(raw, 'womenOwned');
    const tech40 = flag(raw, 'tech40');
    if (womenOwned) def.womenOwned = true;
    if (tech40) def.tech40 = true;
    return def;
  }
  onlyKeys(raw, ['periodType']);
  const def: AggregateDefinition = { periodType: oneOf(raw, 'periodType', AGGREGATE_PERIOD_TYPES, true)! };
  return def;
}

export function checkTimeAggregation(source: IndicatorSource, time: TimeAggregation): void {
  const allowed = ALLOWED_TIME_AGGREGATIONS[source];
  if (!allowed.includes(time))
    throw badRequest(
      'timeAggregation',
      `Chỉ số lấy từ nguồn "${source}" chỉ tổng hợp theo thời gian bằng: ${allowed.join(', ')}`,
    );
}

export function checkDisaggregations(
  source: IndicatorSource,
  definition: IndicatorDefinition,
  wanted: Disaggregation[],
): Disaggregation[] {
  const possible = [...SOURCE_DISAGGREGATIONS[source]];
  if (source === 'records' && (definition as RecordsDefinition).measure === 'count_records') possible.length = 0;
  if (source === 'registry' && (definition as RegistryDefinition).measure !== 'sum_members') possible.length = 0;
  const bad = wanted.find((d) => !possible.includes(d));
  if (bad)
    throw badRequest(
      'disaggregations',
      possible.length
        ? `Chỉ số này chỉ phân tổ được theo: ${possible.join(', ')} (không theo "${bad}")`
        : `Chỉ số này (đếm số bản ghi / số mô hình) không phân tổ theo "${bad}"`,
    );
  return [...new Set(wanted)];
}
