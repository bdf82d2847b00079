// Request and response schemas of the policy-review register (góp ý, thẩm định, phản biện xã hội).
import { Type, type Static } from 'typebox';
import { DataErrors } from '../../http/schemas';
import { named } from '../../http/named-schemas';
import { sortQuery } from '../../common/list-sort';

const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Id = Type.Integer({ minimum: 1 });

export const DOCUMENT_KINDS = ['law', 'decree', 'circular', 'scheme', 'project', 'report'] as const;
export const REVIEW_TYPES = ['comment', 'appraisal', 'social_criticism'] as const;
export const REVIEW_STATES = ['pending', 'late', 'sent', 'sent_late'] as const;

export const DOCUMENT_KIND_LABELS: Record<(typeof DOCUMENT_KINDS)[number], string> = {
  law: 'Luật',
  decree: 'Nghị định',
  circular: 'Thông tư',
  scheme: 'Đề án',
  project: 'Dự án',
  report: 'Báo cáo',
};
export const REVIEW_TYPE_LABELS: Record<(typeof REVIEW_TYPES)[number], string> = {
  comment: 'Góp ý',
  appraisal: 'Thẩm định',
  social_criticism: 'Phản biện xã hội',
};

const reviewFields = {
  title: Text(1000, 1),
  kind: Type.Enum(DOCUMENT_KINDS),
  reviewType: Type.Enum(REVIEW_TYPES),
  requestingAgency: Text(300, 1),
  requestNumber: Type.Optional(Text(100)),
  receivedOn: DateText,
  deadline: DateText,
  planActivityId: Id,
  /** Our agency that received the document; the caller's own agency when omitted. */
  agencyId: Type.Optional(Id),
  assigneeUserId: Type.Optional(Nullable(Id)),
};

export const CreateReviewBody = Type.Object(reviewFields, { additionalProperties: false });
export type CreateReviewBody = Static<typeof CreateReviewBody>;
export const UpdateReviewBody = Type.Object(
  { ...reviewFields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type UpdateReviewBody = Static<typeof UpdateReviewBody>;

export const RespondBody = Type.Object(
  {
    responseText: Text(20000),
    /** The date the response was sent; null while it is still a draft. */
    sentOn: Nullable(DateText),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type RespondBody = Static<typeof RespondBody>;

const Ref = Type.Object({ id: Type.Integer(), name: Type.String(), shortName: Type.String() });

export const ResponseFileView = Type.Object({
  fileName: Type.String(),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
});

export const ReviewView = named(
  'PolicyReviewView',
  Type.Object({
    id: Type.Integer(),
    title: Type.String(),
    kind: Type.Enum(DOCUMENT_KINDS),
    reviewType: Type.Enum(REVIEW_TYPES),
    requestingAgency: Type.String(),
    requestNumber: Type.String(),
    receivedOn: Type.String(),
    deadline: Type.String(),
    activity: Type.Object({
      id: Type.Integer(),
      number: Type.String(),
      title: Type.String(),
      planId: Type.Integer(),
      planTitle: Type.String(),
    }),
    agency: Ref,
    provinceCode: Nullable(Type.String()),
    assignee: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
    responseText: Type.String(),
    sentOn: Nullable(Type.String()),
    file: Nullable(ResponseFileView),
    /** The implementation record (type policy_comment) the sent response counts as. */
    recordId: Nullable(Type.Integer()),
    /** Computed against today: pending, late (deadline passed, not sent), sent, sent_late. */
    state: Type.Enum(REVIEW_STATES),
    late: Type.Boolean(),
    daysLeft: Nullable(Type.Integer()),
    version: Type.Integer(),
    updatedAt: Type.String(),
    allowedActions: Type.Array(Type.String()),
  }),
);
export type ReviewView = Static<typeof ReviewView>;

/** The columns the register sorts by (`sort=received` or `-received`); without one: open by nearest deadline, then sent. */
export const REVIEW_SORT_KEYS = ['title', 'received', 'deadline', 'sent'] as const;

export const ListReviewsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: sortQuery(REVIEW_SORT_KEYS),
  state: Type.Optional(Type.Union([Type.Enum(REVIEW_STATES), Type.Literal('open')])),
  kind: Type.Optional(Type.Enum(DOCUMENT_KINDS)),
  reviewType: Type.Optional(Type.Enum(REVIEW_TYPES)),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  plan: Type.Optional(Id),
  province: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
  mine: Type.Optional(Type.Boolean({ description: 'Chỉ văn bản được giao cho bạn' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ListReviewsQuery = Static<typeof ListReviewsQuery>;

export const ReviewList = named(
  'PolicyReviewList',
  Type.Object({
    items: Type.Array(ReviewView),
    total: Type.Integer(),
    /** Over every match (not just this page). `sent` is what the "policy documents commented" indicator counts. */
    summary: Type.Object({
      total: Type.Integer(),
      sent: Type.Integer(),
      sentLate: Type.Integer(),
      pending: Type.Integer(),
      late: Type.Integer(),
    }),
    today: Type.String(),
  }),
);

export const AssigneeView = named(
  'PolicyReviewAssignee',
  Type.Object({ id: Type.Integer(), name: Type.String(), username: Type.String() }),
);

export const errors = DataErrors;
