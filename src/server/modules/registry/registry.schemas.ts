// Request and response schemas of the community-model registry.
import { Type, type Static, type TSchema } from 'typebox';
import {
  ACTIVITY_KINDS,
  CASE_TYPES,
  MODEL_STATUSES,
  MONTH_PATTERN,
  SEXES,
  TECH_FLAGS,
  WOMEN_OWNERSHIP,
} from '../../../shared/model-types';
import { ListPage, IsoDate } from '../../http/schemas';
import { named } from '../../http/named-schemas';
import { sortQuery } from '../../common/list-sort';
import { SMALLINT_MAX } from '../../http/input-limits';

const Text = (max: number) => Type.String({ maxLength: max });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/**
 * A nullable integer for request bodies. Not `Nullable(Type.Integer())`: with the app's Ajv
 * `coerceTypes`, anyOf tries the integer branch first and turns null into 0.
 */
const NullableInt = (limits: { minimum: number; maximum?: number }) =>
  Type.Unsafe<number | null>({ type: ['integer', 'null'], ...limits });
const Month = Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM' });
const ProvinceCode = Type.String({ pattern: '^\\d{2}$' });
const TypeCode = Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z0-9_]+$' });
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });

export const ModelTypeView = named(
  'ModelTypeView',
  Type.Object({
    code: Type.String(),
    name: Type.String(),
    aliases: Type.Array(Type.String()),
    sensitive: Type.Boolean(),
    hostKind: Nullable(Type.String()),
    livelihood: Type.Boolean(),
    position: Type.Integer(),
  }),
);
export type ModelTypeView = Static<typeof ModelTypeView>;

export const MemberInput = Type.Object(
  { sex: Type.Enum(SEXES), ethnicGroupId: Type.Integer({ minimum: 1, maximum: SMALLINT_MAX }), count: Count },
  { additionalProperties: false },
);
export type MemberInput = Static<typeof MemberInput>;

export const TechInput = Type.Object(
  {
    ecommerce: Type.Optional(Type.Boolean()),
    traceability: Type.Optional(Type.Boolean()),
    quality_management: Type.Optional(Type.Boolean()),
    digital_payments: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const modelFields = {
  name: Type.String({ minLength: 1, maxLength: 300 }),
  modelType: TypeCode,
  communeCode: Type.String({ pattern: '^\\d{5}$', description: 'Mã xã/phường (5 chữ số)' }),
  communeGeneration: Type.Optional(
    Type.Union([Type.Literal(2025), Type.Literal(2024)], { description: 'Thế hệ đơn vị hành chính; mặc định 2025' }),
  ),
  village: Type.Optional(Nullable(Text(200))),
  host: Type.Optional(Nullable(Text(300))),
  foundedOn: Type.Optional(Nullable(IsoDate)),
  leaderName: Type.Optional(Nullable(Text(200))),
  womenOwnership: Type.Optional(Nullable(Type.Enum(WOMEN_OWNERSHIP))),
  tech: Type.Optional(TechInput),
  members: Type.Optional(Type.Array(MemberInput, { maxItems: 220 })),
};

export const CreateModelBody = Type.Object(modelFields, { additionalProperties: false });
export type CreateModelBody = Static<typeof CreateModelBody>;

/**
 * The model a "model established" implementation record registers. Name, commune, village and
 * founding date default to the record's title, place (when it is a commune), village and start date.
 */
export const RecordModelInput = named(
  'RecordModelInput',
  Type.Object(
    {
      ...modelFields,
      name: Type.Optional(modelFields.name),
      communeCode: Type.Optional(modelFields.communeCode),
    },
    {
      additionalProperties: false,
      description:
        'Chỉ với bản ghi loại `model_established`: đăng ký mô hình vào sổ mô hình cùng lúc với bản ghi (tên, xã, thôn, ngày thành lập mặc định lấy từ bản ghi). Khi sửa bản ghi: chỉ tạo khi bản ghi chưa có mô hình.',
    },
  ),
);
export type RecordModelInput = Static<typeof RecordModelInput>;

/** A model registered through a record, as the record shows it. */
export const RecordModelRef = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  typeName: Type.String(),
  status: Type.String(),
});
export type RecordModelRef = Static<typeof RecordModelRef>;

export const UpdateModelBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), ...modelFields },
  { additionalProperties: false },
);
export type UpdateModelBody = Static<typeof UpdateModelBody>;

export const StatusBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    status: Type.Enum(MODEL_STATUSES),
    effectiveOn: IsoDate,
    note: Type.Optional(Nullable(Text(2000))),
    mergedIntoId: Type.Optional(NullableInt({ minimum: 1 })),
    reopen: Type.Optional(Type.Boolean({ description: 'Mở lại mô hình đã sáp nhập/giải thể (cần ghi chú)' })),
  },
  { additionalProperties: false },
);
export type StatusBody = Static<typeof StatusBody>;

export const MembersBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), members: Type.Array(MemberInput, { maxItems: 220 }) },
  { additionalProperties: false },
);
export type MembersBody = Static<typeof MembersBody>;

export const ActivityBody = Type.Object(
  {
    entries: Type.Array(
      Type.Object({ month: Month, kind: Type.Enum(ACTIVITY_KINDS), count: Count }, { additionalProperties: false }),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type ActivityBody = Static<typeof ActivityBody>;

export const CaseCountsBody = Type.Object(
  {
    entries: Type.Array(
      Type.Object({ month: Month, caseType: Type.Enum(CASE_TYPES), count: Count }, { additionalProperties: false }),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type CaseCountsBody = Static<typeof CaseCountsBody>;

const UnitRef = Type.Object({ generation: Type.Integer(), code: Type.String(), name: Type.String() });
const MemberTotals = Type.Object({ female: Type.Integer(), male: Type.Integer(), total: Type.Integer() });
const Tech = Type.Object({
  ecommerce: Type.Boolean(),
  traceability: Type.Boolean(),
  quality_management: Type.Boolean(),
  digital_payments: Type.Boolean(),
});

export const ModelSummary = named(
  'ModelSummary',
  Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    type: Type.Object({ code: Type.String(), name: Type.String(), sensitive: Type.Boolean() }),
    provinceCode: Type.String(),
    provinceName: Type.String(),
    commune: UnitRef,
    village: Nullable(Type.String()),
    host: Nullable(Type.String()),
    foundedOn: Nullable(Type.String()),
    status: Type.Enum(MODEL_STATUSES),
    statusSince: Type.String(),
    leaderName: Nullable(Type.String()),
    womenOwnership: Nullable(Type.Enum(WOMEN_OWNERSHIP)),
    tech: Tech,
    members: MemberTotals,
    version: Type.Integer(),
    updatedAt: Type.String(),
  }),
);
export type ModelSummary = Static<typeof ModelSummary>;
export const ModelList = named('ModelList', ListPage(ModelSummary));
export type ModelList = Static<typeof ModelList>;

const ModelRef = Type.Object({ id: Type.Integer(), name: Type.String() });

export const ModelView = named(
  'ModelView',
  Type.Intersect([
    ModelSummary,
    Type.Object({
      mergedInto: Nullable(ModelRef),
      mergedFrom: Type.Array(ModelRef),
      sourceRecordId: Nullable(Type.Integer()),
      /** The agency the model belongs to: it (and the agency above it) changes the model. */
      ownerAgency: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
      memberGrid: Type.Array(
        Type.Object({
          sex: Type.Enum(SEXES),
          ethnicGroupId: Type.Integer(),
          ethnicGroup: Type.String(),
          count: Type.Integer(),
        }),
      ),
      history: Type.Array(
        Type.Object({
          status: Type.Enum(MODEL_STATUSES),
          effectiveOn: Type.String(),
          mergedInto: Nullable(ModelRef),
          note: Nullable(Type.String()),
          by: Nullable(Type.String()),
          at: Type.String(),
        }),
      ),
      activity: Type.Array(
        Type.Object({ month: Type.String(), kind: Type.Enum(ACTIVITY_KINDS), count: Type.Integer() }),
      ),
      caseCounts: Type.Array(
        Type.Object({ month: Type.String(), caseType: Type.Enum(CASE_TYPES), count: Type.Integer() }),
      ),
      createdBy: Nullable(Type.String()),
      createdAt: Type.String(),
      allowedActions: Type.Array(Type.String()),
    }),
  ]),
);
export type ModelView = Static<typeof ModelView>;

/** The models list's sortable columns. */
export const MODEL_SORT_KEYS = ['name', 'status', 'founded', 'created'] as const;

export const ListModelsQuery = Type.Object({
  sort: sortQuery(MODEL_SORT_KEYS),
  type: Type.Optional(TypeCode),
  province: Type.Optional(ProvinceCode),
  commune: Type.Optional(Type.String({ pattern: '^\\d{5}$' })),
  communeGeneration: Type.Optional(Type.Union([Type.Literal(2025), Type.Literal(2024)])),
  status: Type.Optional(Type.Enum(MODEL_STATUSES)),
  womenOwned: Type.Optional(Type.Union([Type.Enum(WOMEN_OWNERSHIP), Type.Literal('any')])),
  tech: Type.Optional(Type.Enum(TECH_FLAGS)),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ListModelsQuery = Static<typeof ListModelsQuery>;

export const CaseCountsView = named(
  'CaseCountsView',
  Type.Object({
    modelId: Type.Integer(),
    items: Type.Array(Type.Object({ month: Type.String(), caseType: Type.Enum(CASE_TYPES), count: Type.Integer() })),
    totals: Type.Array(Type.Object({ caseType: Type.Enum(CASE_TYPES), count: Type.Integer() })),
  }),
);
export type CaseCountsView = Static<typeof CaseCountsView>;

export const CaseInput = Type.Object(
  {
    receivedOn: IsoDate,
    caseType: Type.Enum(CASE_TYPES),
    personInitials: Type.Optional(Nullable(Type.String({ maxLength: 10, pattern: '^[^0-9@]*$' }))),
    age: Type.Optional(NullableInt({ minimum: 0, maximum: 120 })),
    sex: Type.Optional(Nullable(Type.Enum(SEXES))),
    ethnicGroupId: Type.Optional(NullableInt({ minimum: 1, maximum: SMALLINT_MAX })),
    referral: Type.Optional(Nullable(Text(500))),
    notes: Type.Optional(Nullable(Text(4000))),
  },
  { additionalProperties: false },
);
export type CaseInput = Static<typeof CaseInput>;

export const CaseView = named(
  'CaseView',
  Type.Object({
    id: Type.Integer(),
    modelId: Type.Integer(),
    receivedOn: Type.String(),
    caseType: Type.Enum(CASE_TYPES),
    personInitials: Nullable(Type.String()),
    age: Nullable(Type.Integer()),
    sex: Nullable(Type.Enum(SEXES)),
    ethnicGroupId: Nullable(Type.Integer()),
    referral: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    updatedAt: Type.String(),
  }),
);
export type CaseView = Static<typeof CaseView>;

export const TargetsBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    targets: Type.Array(
      Type.Object(
        {
          modelType: TypeCode,
          provinceCode: Nullable(ProvinceCode),
          target: NullableInt({ minimum: 0, maximum: 1_000_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type TargetsBody = Static<typeof TargetsBody>;

export const TargetsView = named(
  'ModelTargetsView',
  Type.Object({
    year: Type.Integer(),
    items: Type.Array(
      Type.Object({
        modelType: Type.String(),
        provinceCode: Nullable(Type.String()),
        provinceName: Nullable(Type.String()),
        target: Type.Integer(),
        updatedAt: Type.String(),
      }),
    ),
  }),
);
export type TargetsView = Static<typeof TargetsView>;

export const StatsQuery = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  generation: Type.Optional(Type.Union([Type.Literal(2025), Type.Literal(2024)])),
  groupBy: Type.Optional(Type.Literal('province')),
  type: Type.Optional(TypeCode),
});
export type StatsQuery = Static<typeof StatsQuery>;

const StatCell = Type.Object({
  active: Type.Integer(),
  members: MemberTotals,
  target: Nullable(Type.Integer()),
  achievementPct: Nullable(Type.Number()),
});
export type StatCell = Static<typeof StatCell>;

export const StatsView = named(
  'ModelStatsView',
  Type.Object({
    year: Type.Integer(),
    generation: Type.Integer(),
    asOf: Type.String({ description: 'Mô hình đang hoạt động vào ngày này (31/12 của năm)' }),
    types: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    rows: Type.Array(
      Type.Object({
        provinceCode: Type.String(),
        provinceName: Type.String(),
        partial: Type.Boolean({
          description:
            'Địa giới 2024: có mô hình ở xã mới hình thành từ nhiều tỉnh cũ (được tính ở mỗi tỉnh cũ liên quan), hoặc tỉnh cũ bị chia tách',
        }),
        byType: Type.Record(Type.String(), StatCell),
        allTypes: StatCell,
      }),
    ),
    overall: Type.Object({
      byType: Type.Record(Type.String(), StatCell),
      allTypes: StatCell,
    }),
  }),
);
export type StatsView = Static<typeof StatsView>;

export const GrantsView = named(
  'CaseGrantsView',
  Type.Object({
    userId: Type.Integer(),
    grants: Type.Array(
      Type.Object({ grant: Type.String(), grantedBy: Nullable(Type.String()), grantedAt: Type.String() }),
    ),
  }),
);
export type GrantsView = Static<typeof GrantsView>;

export const ImportReport = named(
  'ModelImportReport',
  Type.Object({
    committed: Type.Boolean({ description: 'Đã ghi vào cơ sở dữ liệu' }),
    valid: Type.Integer({ description: 'Số mô hình hợp lệ trong tệp' }),
    accepted: Type.Integer({ description: 'Số mô hình đã ghi' }),
    rejected: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() })),
    created: Type.Array(Type.Integer()),
  }),
);
export type ImportReport = Static<typeof ImportReport>;
