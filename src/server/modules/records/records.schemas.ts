import { Type, type Static } from 'typebox';
import { ListPage, DataErrors } from '../../http/schemas';
import { ACTIVITY_STATUSES } from '../../../shared/activity-status';
import { RecordModelInput, RecordModelRef } from '../registry/registry.schemas';
import {
  AGE_BANDS,
  LANGUAGES,
  PARTICIPANT_MODES,
  RECORD_TYPES,
  SEXES,
  TARGET_GROUPS,
} from '../../../shared/record-codes';
import { named } from '../../http/named-schemas';
import { PlanList } from '../plans/plans.schemas';
import { AdminUnitView, EthnicGroupView } from '../reference/reference.schemas';
import { SMALLINT_MAX } from '../../http/input-limits';
import { sortQuery } from '../../common/list-sort';

const Text = (max: number) => Type.String({ maxLength: max });
const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const AgencyId = Type.Integer({ minimum: 1 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
/** Whole đồng as a string of digits: exact, never a float. */
const Money = Type.String({ pattern: '^\\d{1,18}$', description: 'Số tiền (đồng), chuỗi chữ số' });

export const PlaceInput = Type.Object(
  {
    generation: Type.Union([Type.Literal(2024), Type.Literal(2025)]),
    code: Type.String({ pattern: '^\\d{2,5}$', description: 'Mã đơn vị hành chính (tỉnh, huyện hoặc xã)' }),
  },
  { additionalProperties: false },
);

export const OutputsInput = named(
  'RecordOutputsInput',
  Type.Object(
    {
      language: Type.Optional(
        Type.Enum(LANGUAGES, { description: 'pho_thong: tiếng phổ thông; dan_toc: tiếng dân tộc' }),
      ),
      ethnicLanguage: Type.Optional(
        Type.Integer({ minimum: 1, maximum: SMALLINT_MAX, description: 'Mã dân tộc (ethnic_group_id)' }),
      ),
      broadcaster: Type.Optional(Text(200)),
      quantity: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
      unit: Type.Optional(Text(100)),
      materialKind: Type.Optional(Text(200)),
      note: Type.Optional(Text(2000)),
    },
    { additionalProperties: false },
  ),
);

export const ParticipantRow = Type.Object(
  {
    sex: Type.Enum(SEXES),
    ethnicGroupId: Type.Integer({ minimum: 1, maximum: 99 }),
    targetGroup: Type.Enum(TARGET_GROUPS),
    ageBand: Type.Enum(AGE_BANDS),
    count: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);
export type ParticipantRow = Static<typeof ParticipantRow>;

export const ParticipantsInput = named(
  'ParticipantsInput',
  Type.Object(
    {
      mode: Type.Enum(PARTICIPANT_MODES),
      totalParticipants: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 }))),
      femaleParticipants: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 }))),
      rows: Type.Optional(Type.Array(ParticipantRow, { maxItems: 2000 })),
    },
    { additionalProperties: false },
  ),
);
export type ParticipantsInput = Static<typeof ParticipantsInput>;

const recordFields = {
  planActivityId: Type.Integer({ minimum: 1 }),
  type: Type.Enum(RECORD_TYPES),
  title: Type.String({ minLength: 1, maxLength: 500 }),
  startDate: DateText,
  endDate: Type.Optional(DateText),
  place: Type.Optional(Nullable(PlaceInput)),
  village: Type.Optional(Nullable(Text(200))),
  organiserAgencyId: Type.Optional(Nullable(AgencyId)),
  partnerAgencyIds: Type.Optional(Type.Array(AgencyId, { maxItems: 20, uniqueItems: true })),
  description: Type.Optional(Text(10000)),
  outputs: Type.Optional(OutputsInput),
  participants: Type.Optional(ParticipantsInput),
  costs: Type.Optional(
    Type.Array(
      Type.Object(
        { fundingSource: Type.String({ minLength: 1, maxLength: 50 }), amount: Money },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  ),
  model: Type.Optional(RecordModelInput),
};

export const CreateRecordBody = Type.Object(recordFields, { additionalProperties: false });
export type CreateRecordBody = Static<typeof CreateRecordBody>;

export const UpdateRecordBody = Type.Object(
  { ...recordFields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type UpdateRecordBody = Static<typeof UpdateRecordBody>;

const AgencyRef = Type.Object({ id: Type.Integer(), name: Type.String(), shortName: Type.String() });

const PlaceView = Type.Object({
  generation: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  fullName: Type.String(),
  level: Type.String(),
});

const ActivityRef = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  title: Type.String(),
  planId: Type.Integer(),
  planTitle: Type.String(),
  planKind: Type.String(),
  planProvinceCode: Nullable(Type.String()),
});

export const AttachmentView = named(
  'AttachmentView',
  Type.Object({
    id: Type.Integer(),
    fileName: Type.String(),
    mimeType: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Type.String(),
    createdAt: Type.String(),
  }),
);
export type AttachmentView = Static<typeof AttachmentView>;

export const RecordView = named(
  'RecordView',
  Type.Object({
    id: Type.Integer(),
    activity: ActivityRef,
    type: Type.Enum(RECORD_TYPES),
    title: Type.String(),
    startDate: Type.String(),
    endDate: Type.String(),
    place: Nullable(PlaceView),
    provinceCode: Nullable(Type.String()),
    provinceName: Nullable(Type.String()),
    village: Nullable(Type.String()),
    organiser: Nullable(AgencyRef),
    partners: Type.Array(AgencyRef),
    description: Type.String(),
    outputs: Type.Record(Type.String(), Type.Unknown()),
    participants: Type.Object({
      mode: Type.Enum(PARTICIPANT_MODES),
      /** False in totals_only mode: the breakdown is unknown, only totals were given. */
      breakdownKnown: Type.Boolean(),
      totalParticipants: Type.Integer(),
      femaleParticipants: Nullable(Type.Integer()),
      rows: Type.Array(ParticipantRow),
    }),
    costs: Type.Array(Type.Object({ fundingSource: Type.String(), name: Type.String(), amount: Type.String() })),
    totalCost: Type.String(),
    attachments: Type.Array(AttachmentView),
    /** Community models registered in the registry through this record. */
    models: Type.Array(RecordModelRef),
    /** Why the record cannot be changed now (its period's report is approved), or null. */
    locked: Nullable(Type.String()),
    createdBy: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    version: Type.Integer(),
    allowedActions: Type.Array(Type.String()),
  }),
);
export type RecordView = Static<typeof RecordView>;

export const RecordSummary = named(
  'RecordSummary',
  Type.Object({
    id: Type.Integer(),
    activity: Type.Object({ id: Type.Integer(), title: Type.String(), planId: Type.Integer() }),
    type: Type.Enum(RECORD_TYPES),
    title: Type.String(),
    startDate: Type.String(),
    endDate: Type.String(),
    provinceCode: Nullable(Type.String()),
    placeName: Nullable(Type.String()),
    participantsMode: Type.Enum(PARTICIPANT_MODES),
    totalParticipants: Type.Integer(),
    femaleParticipants: Nullable(Type.Integer()),
    totalCost: Type.String(),
    attachmentCount: Type.Integer(),
    version: Type.Integer(),
    updatedAt: Type.String(),
    allowedActions: Type.Array(Type.String()),
  }),
);
export type RecordSummary = Static<typeof RecordSummary>;
export const RecordList = named('RecordList', ListPage(RecordSummary));
export type RecordList = Static<typeof RecordList>;

/** The records list's sortable columns (`sort=start`, `sort=-start`). */
export const RECORD_SORT_KEYS = ['title', 'type', 'start', 'participants', 'updated'] as const;

export const ListRecordsQuery = Type.Object({
  sort: sortQuery(RECORD_SORT_KEYS),
  plan: Type.Optional(Type.Integer({ minimum: 1 })),
  activity: Type.Optional(Type.Integer({ minimum: 1 })),
  province: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
  type: Type.Optional(Type.Enum(RECORD_TYPES)),
  from: Type.Optional(DateText),
  to: Type.Optional(DateText),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ListRecordsQuery = Static<typeof ListRecordsQuery>;

export const DeleteRecordQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });

export const FundingSourceView = named(
  'FundingSourceView',
  Type.Object({
    code: Type.String(),
    nameVi: Type.String(),
    nameEn: Type.String(),
  }),
);

export const ImportReport = named(
  'RecordImportReport',
  Type.Object({
    accepted: Type.Integer(),
    rejected: Type.Array(
      Type.Object({ row: Type.Integer(), sheet: Type.String(), field: Type.String(), message: Type.String() }),
    ),
    created: Type.Array(Type.Integer()),
  }),
);
export type ImportReport = Static<typeof ImportReport>;

// Activities and their derived status.
export const ActivityStatusView = named(
  'ActivityStatusView',
  Type.Object({
    id: Type.Integer(),
    key: Type.String(),
    number: Type.String(),
    title: Type.String(),
    plan: Type.Object({
      id: Type.Integer(),
      kind: Type.String(),
      year: Type.Integer(),
      number: Type.String(),
      title: Type.String(),
      status: Type.String(),
      provinceCode: Nullable(Type.String()),
    }),
    section: Type.Object({ key: Type.String(), number: Type.String(), title: Type.String() }),
    timeframe: Nullable(Type.Object({ start: Type.String(), end: Type.String() })),
    leadAgency: Nullable(AgencyRef),
    level: Nullable(Type.String()),
    recordCount: Type.Integer(),
    participants: Type.Integer(),
    femaleParticipants: Type.Integer(),
    completion: Nullable(
      Type.Object({ completedOn: Type.String(), completedBy: Nullable(Type.String()), note: Nullable(Type.String()) }),
    ),
    status: Type.Enum(ACTIVITY_STATUSES),
    allowedActions: Type.Array(Type.String()),
  }),
);
export type ActivityStatusView = Static<typeof ActivityStatusView>;
export const ActivityList = named('ActivityList', ListPage(ActivityStatusView));
export type ActivityList = Static<typeof ActivityList>;

/** The columns the activity list sorts by; without one: year, plan, then the plan's own order. */
export const ACTIVITY_SORT_KEYS = ['title', 'start', 'end'] as const;

export const ListActivitiesQuery = Type.Object({
  sort: sortQuery(ACTIVITY_SORT_KEYS),
  plan: Type.Optional(Type.Integer({ minimum: 1 })),
  province: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
  agency: Type.Optional(Type.Integer({ minimum: 1 })),
  section: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(Type.Enum(ACTIVITY_STATUSES)),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Từ trong số hoặc tên hoạt động, không phân biệt dấu' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ListActivitiesQuery = Static<typeof ListActivitiesQuery>;

export const CompleteActivityBody = Type.Object(
  { completedOn: Type.Optional(DateText), note: Type.Optional(Nullable(Text(2000))) },
  { additionalProperties: false },
);
export type CompleteActivityBody = Static<typeof CompleteActivityBody>;

/** Error responses of every record route. */
/** What the record form asks for as it opens, in one answer (GET /api/records/form-data). */
export const RecordFormData = named(
  'RecordFormData',
  Type.Object({
    plans: PlanList,
    provinces: Type.Array(AdminUnitView, { description: 'Tỉnh, thành phố (thế hệ 2025)' }),
    ethnicGroups: Type.Array(EthnicGroupView),
    fundingSources: Type.Array(FundingSourceView),
  }),
);

export const errors = DataErrors;
