// Request and response schemas of monitoring missions, checklists and recommendations.
import { Type, type Static } from 'typebox';
import { ListPage, DataErrors } from '../../http/schemas';
import { FOLLOW_UP_STATUSES } from './mission.policy';
import { named } from '../../http/named-schemas';
import { sortQuery } from '../../common/list-sort';

const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Id = Type.Integer({ minimum: 1 });
const ProvinceCode = Type.String({ pattern: '^\\d{2}$', description: 'Mã tỉnh (thế hệ 2025)' });

export const MEMBER_ROLES = ['head', 'deputy', 'member', 'secretary'] as const;
export const ANSWERS = ['yes', 'partly', 'no', 'na'] as const;
export type Answer = (typeof ANSWERS)[number];

export const PlaceInput = Type.Object(
  {
    generation: Type.Union([Type.Literal(2024), Type.Literal(2025)]),
    code: Type.String({ pattern: '^\\d{2,5}$', description: 'Mã tỉnh hoặc xã' }),
    visitDate: Type.Optional(Nullable(DateText)),
  },
  { additionalProperties: false },
);

export const MemberInput = Type.Object(
  {
    name: Text(200, 1),
    title: Type.Optional(Text(200)),
    agencyId: Id,
    role: Type.Optional(Type.Enum(MEMBER_ROLES)),
  },
  { additionalProperties: false },
);

const missionFields = {
  title: Text(500, 1),
  purpose: Type.Optional(Text(10000)),
  leadAgencyId: Id,
  planActivityId: Type.Optional(Nullable(Id)),
  checklistTemplateId: Type.Optional(Nullable(Id)),
  startDate: DateText,
  endDate: DateText,
  members: Type.Array(MemberInput, { minItems: 1, maxItems: 50 }),
  places: Type.Array(PlaceInput, { minItems: 1, maxItems: 100 }),
  report: Type.Optional(
    Type.Object(
      {
        number: Type.Optional(Text(100)),
        place: Type.Optional(Text(100)),
        date: Type.Optional(Nullable(DateText)),
        conclusion: Type.Optional(Text(10000)),
        recipients: Type.Optional(Type.Array(Text(300), { maxItems: 30 })),
      },
      { additionalProperties: false },
    ),
  ),
};

export const CreateMissionBody = Type.Object(missionFields, { additionalProperties: false });
export type CreateMissionBody = Static<typeof CreateMissionBody>;
export const UpdateMissionBody = Type.Object(
  { ...missionFields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type UpdateMissionBody = Static<typeof UpdateMissionBody>;

export const ChecklistAnswersBody = Type.Object(
  {
    answers: Type.Array(
      Type.Object(
        { itemId: Id, answer: Type.Enum(ANSWERS), note: Type.Optional(Text(2000)) },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type ChecklistAnswersBody = Static<typeof ChecklistAnswersBody>;

export const FindingBody = Type.Object(
  { text: Text(10000, 1), placeId: Type.Optional(Nullable(Id)) },
  { additionalProperties: false },
);
export type FindingBody = Static<typeof FindingBody>;

export const Addressee = Type.Union([
  Type.Object({ agencyId: Id }, { additionalProperties: false }),
  Type.Object({ provinceCode: ProvinceCode }, { additionalProperties: false }),
]);

export const RecommendationBody = Type.Object(
  {
    text: Text(10000, 1),
    findingId: Type.Optional(Nullable(Id)),
    addressee: Addressee,
    dueDate: DateText,
  },
  { additionalProperties: false },
);
export type RecommendationBody = Static<typeof RecommendationBody>;
export const UpdateRecommendationBody = Type.Object(
  {
    text: Text(10000, 1),
    findingId: Type.Optional(Nullable(Id)),
    addressee: Addressee,
    dueDate: DateText,
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type UpdateRecommendationBody = Static<typeof UpdateRecommendationBody>;

export const FollowUpBody = Type.Object(
  {
    status: Type.Enum(FOLLOW_UP_STATUSES),
    evidence: Type.Optional(Text(10000)),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type FollowUpBody = Static<typeof FollowUpBody>;

const templateFields = {
  code: Type.String({ pattern: '^[a-z0-9_]{1,60}$' }),
  // Blank names and questions are refused by the service, with a message a user can read.
  name: Text(300),
  description: Type.Optional(Text(2000)),
  active: Type.Optional(Type.Boolean()),
  items: Type.Array(
    Type.Object(
      { id: Type.Optional(Id), group: Type.Optional(Text(200)), text: Text(1000) },
      { additionalProperties: false },
    ),
    { minItems: 1, maxItems: 100 },
  ),
};
export const TemplateBody = Type.Object(templateFields, { additionalProperties: false });
export type TemplateBody = Static<typeof TemplateBody>;
export const UpdateTemplateBody = Type.Object(
  { ...templateFields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type UpdateTemplateBody = Static<typeof UpdateTemplateBody>;

// ——— Views ———

export const AgencyRef = Type.Object({ id: Type.Integer(), name: Type.String(), shortName: Type.String() });
export type AgencyRef = Static<typeof AgencyRef>;

export const ChecklistItemView = Type.Object({ id: Type.Integer(), group: Type.String(), text: Type.String() });
export const ChecklistTemplateView = named(
  'ChecklistTemplateView',
  Type.Object({
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    description: Type.String(),
    active: Type.Boolean(),
    version: Type.Integer(),
    items: Type.Array(ChecklistItemView),
  }),
);
export type ChecklistTemplateView = Static<typeof ChecklistTemplateView>;

const ActivityRef = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  title: Type.String(),
  planId: Type.Integer(),
  planTitle: Type.String(),
  planNumber: Type.String(),
  planYear: Type.Integer(),
});

export const AddresseeView = Type.Object({
  kind: Type.Union([Type.Literal('agency'), Type.Literal('province')]),
  agencyId: Nullable(Type.Integer()),
  provinceCode: Nullable(Type.String()),
  name: Type.String(),
});
export type AddresseeView = Static<typeof AddresseeView>;

export const FollowUpView = Type.Object({
  status: Type.Enum(FOLLOW_UP_STATUSES),
  evidence: Type.String(),
  by: Nullable(Type.String()),
  at: Type.String(),
});

export const EvidenceFileView = named(
  'EvidenceFileView',
  Type.Object({
    id: Type.Integer(),
    fileName: Type.String(),
    mimeType: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Type.String(),
    createdAt: Type.String(),
  }),
);
export type EvidenceFileView = Static<typeof EvidenceFileView>;

export const RecommendationView = named(
  'RecommendationView',
  Type.Object({
    id: Type.Integer(),
    mission: Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      startDate: Type.String(),
      endDate: Type.String(),
    }),
    findingId: Nullable(Type.Integer()),
    text: Type.String(),
    addressee: AddresseeView,
    dueDate: Type.String(),
    status: Type.Enum(FOLLOW_UP_STATUSES),
    /** Computed from the due date on every read: past due and not done. */
    overdue: Type.Boolean(),
    displayStatus: Type.Union([Type.Enum(FOLLOW_UP_STATUSES), Type.Literal('overdue')]),
    evidence: Type.String(),
    closedOn: Nullable(Type.String()),
    history: Type.Array(FollowUpView),
    files: Type.Array(EvidenceFileView),
    version: Type.Integer(),
    updatedAt: Type.String(),
    allowedActions: Type.Array(Type.String()),
  }),
);
export type RecommendationView = Static<typeof RecommendationView>;

export const PlaceView = named(
  'MissionPlaceView',
  Type.Object({
    id: Type.Integer(),
    generation: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    fullName: Type.String(),
    level: Type.String(),
    provinceCode: Type.String(),
    provinceName: Type.String(),
    /** "Xã Tủa Chùa, tỉnh Điện Biên": the place as written in documents. */
    label: Type.String(),
    visitDate: Nullable(Type.String()),
    answers: Type.Array(Type.Object({ itemId: Type.Integer(), answer: Type.Enum(ANSWERS), note: Type.String() })),
  }),
);
export type PlaceView = Static<typeof PlaceView>;

export const MemberView = Type.Object({
  name: Type.String(),
  title: Type.String(),
  role: Type.Enum(MEMBER_ROLES),
  agency: AgencyRef,
});

export const FindingView = Type.Object({ id: Type.Integer(), placeId: Nullable(Type.Integer()), text: Type.String() });

export const MissionView = named(
  'MissionView',
  Type.Object({
    id: Type.Integer(),
    title: Type.String(),
    purpose: Type.String(),
    leadAgency: AgencyRef,
    activity: Nullable(ActivityRef),
    startDate: Type.String(),
    endDate: Type.String(),
    /** From today's date: planned (not started), ongoing, finished. */
    phase: Type.Union([Type.Literal('planned'), Type.Literal('ongoing'), Type.Literal('finished')]),
    members: Type.Array(MemberView),
    places: Type.Array(PlaceView),
    checklist: Nullable(
      Type.Object({ templateId: Type.Integer(), name: Type.String(), items: Type.Array(ChecklistItemView) }),
    ),
    findings: Type.Array(FindingView),
    recommendations: Type.Array(RecommendationView),
    report: Type.Object({
      number: Type.String(),
      place: Type.String(),
      date: Nullable(Type.String()),
      conclusion: Type.String(),
      recipients: Type.Array(Type.String()),
    }),
    /** The monitoring_mission implementation record (indicator GS01), kept while the report is issued. */
    recordId: Nullable(Type.Integer()),
    version: Type.Integer(),
    createdBy: Nullable(Type.String()),
    updatedAt: Type.String(),
    allowedActions: Type.Array(Type.String()),
  }),
);
export type MissionView = Static<typeof MissionView>;

export const MissionSummary = named(
  'MissionSummary',
  Type.Object({
    id: Type.Integer(),
    title: Type.String(),
    leadAgency: AgencyRef,
    startDate: Type.String(),
    endDate: Type.String(),
    phase: Type.Union([Type.Literal('planned'), Type.Literal('ongoing'), Type.Literal('finished')]),
    provinces: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    placeCount: Type.Integer(),
    findingCount: Type.Integer(),
    recommendationCount: Type.Integer(),
    openRecommendations: Type.Integer(),
    overdueRecommendations: Type.Integer(),
    allowedActions: Type.Array(Type.String()),
  }),
);
export type MissionSummary = Static<typeof MissionSummary>;
export const MissionList = named('MissionList', ListPage(MissionSummary));
export type MissionList = Static<typeof MissionList>;

/** The missions list's sortable columns. */
export const MISSION_SORT_KEYS = ['title', 'start'] as const;

export const ListMissionsQuery = Type.Object({
  sort: sortQuery(MISSION_SORT_KEYS),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  province: Type.Optional(ProvinceCode),
  plan: Type.Optional(Id),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ListMissionsQuery = Static<typeof ListMissionsQuery>;

export const ListRecommendationsQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Enum(FOLLOW_UP_STATUSES), Type.Literal('overdue'), Type.Literal('not_done')])),
  mission: Type.Optional(Id),
  agency: Type.Optional(Id),
  province: Type.Optional(ProvinceCode),
  /** Only those the caller is the addressee of. */
  mine: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ListRecommendationsQuery = Static<typeof ListRecommendationsQuery>;

export const RecommendationGroup = Type.Object({
  addressee: AddresseeView,
  total: Type.Integer(),
  open: Type.Integer(),
  overdue: Type.Integer(),
});

export const RecommendationList = named(
  'RecommendationList',
  Type.Object({
    items: Type.Array(RecommendationView),
    total: Type.Integer(),
    /** Counts per addressee over every match (not just this page), for the "by addressee" view. */
    byAddressee: Type.Array(RecommendationGroup),
    today: Type.String(),
  }),
);

export const errors = DataErrors;
