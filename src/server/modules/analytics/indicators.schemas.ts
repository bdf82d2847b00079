import { Type, type Static } from 'typebox';
import { DataErrors } from '../../http/schemas';
import {
  AGGREGATE_PERIOD_TYPES,
  DISAGGREGATIONS,
  INDICATOR_SOURCES,
  TIME_AGGREGATIONS,
  VALUE_TYPES,
} from '../../../shared/analytics';
import { AGE_BANDS, SEXES, TARGET_GROUPS } from '../../../shared/record-codes';
import { named } from '../../http/named-schemas';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Code = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$', description: 'Mã chỉ số (chữ, số, _ . -)' });
const ProvinceCode = Type.String({ pattern: '^\\d{2}$', description: 'Mã tỉnh (từ 1/7/2025)' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const PeriodCode = Type.String({
  pattern: '^\\d{4}(S[12]|Q[1-4]|0[1-9]|1[0-2])?$',
  description: 'Kỳ theo mã DHIS2: 2022, 2022S1, 2022Q1, 202201',
});

export const Definition = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'Cách tính. records: { recordTypes, measure: count_records | sum_participants, targetGroups?, sex?, language? }; ' +
    'registry: { modelTypes, measure: count_active_at_period_end | sum_members, womenOwned?, tech40? }; ' +
    `aggregate: { periodType: ${AGGREGATE_PERIOD_TYPES.join(' | ')} }`,
});

export const IndicatorView = named(
  'IndicatorView',
  Type.Object({
    id: Type.Integer(),
    code: Type.String(),
    nameVi: Type.String(),
    nameEn: Type.String(),
    unit: Type.String(),
    section: Nullable(Type.String()),
    planId: Nullable(Type.Integer()),
    source: Type.Enum(INDICATOR_SOURCES),
    definition: Definition,
    timeAggregation: Type.Enum(TIME_AGGREGATIONS),
    disaggregations: Type.Array(Type.Enum(DISAGGREGATIONS)),
    valueType: Type.Enum(VALUE_TYPES),
    isKey: Type.Boolean(),
    position: Type.Integer(),
    version: Type.Integer(),
    allowedActions: Type.Array(Type.String()),
  }),
);
export type IndicatorView = Static<typeof IndicatorView>;

const indicatorFields = {
  nameVi: Type.String({ minLength: 1, maxLength: 500 }),
  nameEn: Type.String({ minLength: 1, maxLength: 500 }),
  unit: Type.String({ minLength: 1, maxLength: 100 }),
  section: Type.Optional(
    Nullable(Type.String({ maxLength: 20, description: 'Số mục nội dung của kế hoạch (1, 2, 3…)' })),
  ),
  planId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  source: Type.Enum(INDICATOR_SOURCES),
  definition: Definition,
  timeAggregation: Type.Enum(TIME_AGGREGATIONS),
  disaggregations: Type.Optional(Type.Array(Type.Enum(DISAGGREGATIONS), { maxItems: 4, uniqueItems: true })),
  valueType: Type.Optional(
    Type.Enum(VALUE_TYPES, {
      description:
        'Giá trị nhận được (theo DHIS2): INTEGER_ZERO_OR_POSITIVE số đếm (mặc định), NUMBER số, PERCENTAGE 0–100',
    }),
  ),
  isKey: Type.Optional(Type.Boolean()),
  position: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
};

export const CreateIndicatorBody = Type.Object({ code: Code, ...indicatorFields }, { additionalProperties: false });
export type CreateIndicatorBody = Static<typeof CreateIndicatorBody>;

export const UpdateIndicatorBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    nameVi: Type.Optional(indicatorFields.nameVi),
    nameEn: Type.Optional(indicatorFields.nameEn),
    unit: Type.Optional(indicatorFields.unit),
    section: indicatorFields.section,
    planId: indicatorFields.planId,
    source: Type.Optional(indicatorFields.source),
    definition: Type.Optional(Definition),
    timeAggregation: Type.Optional(indicatorFields.timeAggregation),
    disaggregations: indicatorFields.disaggregations,
    valueType: indicatorFields.valueType,
    isKey: indicatorFields.isKey,
    position: indicatorFields.position,
  },
  { additionalProperties: false },
);
export type UpdateIndicatorBody = Static<typeof UpdateIndicatorBody>;

export const ListIndicatorsQuery = Type.Object({
  source: Type.Optional(Type.Enum(INDICATOR_SOURCES)),
  section: Type.Optional(Type.String({ maxLength: 20 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  key: Type.Optional(Type.Boolean()),
});
export type ListIndicatorsQuery = Static<typeof ListIndicatorsQuery>;

// ——— Targets ———

export const TargetView = named(
  'IndicatorTargetView',
  Type.Object({
    indicator: Type.String(),
    indicatorId: Type.Integer(),
    year: Type.Integer(),
    province: Nullable(Type.String()),
    target: Type.Number(),
  }),
);
export type TargetView = Static<typeof TargetView>;

export const TargetItem = Type.Object(
  {
    indicator: Code,
    year: Year,
    province: Nullable(ProvinceCode),
    target: Nullable(Type.Number({ minimum: 0, maximum: 1e12, description: 'null: xóa chỉ tiêu' })),
  },
  { additionalProperties: false },
);
export type TargetItem = Static<typeof TargetItem>;

export const SetTargetsBody = Type.Object(
  { items: Type.Array(TargetItem, { minItems: 1, maxItems: 5000 }) },
  { additionalProperties: false },
);
export type SetTargetsBody = Static<typeof SetTargetsBody>;

export const ListTargetsQuery = Type.Object({
  indicator: Type.Optional(Code),
  year: Type.Optional(Year),
  province: Type.Optional(Type.String({ pattern: '^(\\d{2}|national)$', description: 'Mã tỉnh, hoặc "national"' })),
});
export type ListTargetsQuery = Static<typeof ListTargetsQuery>;

export const TargetImportReport = named(
  'TargetImportReport',
  Type.Object({
    accepted: Type.Integer(),
    rejected: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() })),
  }),
);
export type TargetImportReport = Static<typeof TargetImportReport>;

// ——— Aggregate values entered directly ———

export const UnitRef = Type.Object(
  {
    generation: Type.Union([Type.Literal(2024), Type.Literal(2025)]),
    code: Type.String({ pattern: '^\\d{2,5}$', description: 'Mã tỉnh hoặc xã' }),
  },
  { additionalProperties: false },
);

export const ValueCell = Type.Object(
  {
    sex: Type.Optional(Type.Enum(SEXES)),
    ethnicGroupId: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
    targetGroup: Type.Optional(Type.Enum(TARGET_GROUPS)),
    ageBand: Type.Optional(Type.Enum(AGE_BANDS)),
    value: Nullable(Type.Number({ minimum: -1e12, maximum: 1e12, description: 'null: xóa giá trị' })),
  },
  { additionalProperties: false },
);
export type ValueCell = Static<typeof ValueCell>;

export const SetValuesBody = Type.Object(
  {
    indicator: Code,
    unit: Nullable(UnitRef),
    period: PeriodCode,
    values: Type.Array(ValueCell, { minItems: 1, maxItems: 2000 }),
  },
  { additionalProperties: false },
);
export type SetValuesBody = Static<typeof SetValuesBody>;

export const ValueView = named(
  'IndicatorValueView',
  Type.Object({
    indicator: Type.String(),
    unit: Nullable(Type.Object({ generation: Type.Integer(), code: Type.String(), name: Type.String() })),
    period: Type.String(),
    sex: Nullable(Type.String()),
    ethnicGroupId: Nullable(Type.Integer()),
    targetGroup: Nullable(Type.String()),
    ageBand: Nullable(Type.String()),
    value: Type.Number(),
    source: Type.String(),
    updatedAt: Type.String(),
  }),
);
export type ValueView = Static<typeof ValueView>;

export const ListValuesQuery = Type.Object({
  indicator: Code,
  period: Type.Optional(PeriodCode),
  province: Type.Optional(ProvinceCode),
});
export type ListValuesQuery = Static<typeof ListValuesQuery>;

export const errors = DataErrors;
