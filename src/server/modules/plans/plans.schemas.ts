import { Type, type Static } from 'typebox';
import { PLAN_STATUSES } from '../../../shared/plan';
import { named } from '../../http/named-schemas';
import { ListPage } from '../../http/schemas';
import { sortQuery } from '../../common/list-sort';

const Text = (max: number) => Type.String({ maxLength: max });
const PeriodRef = Type.String({
  pattern: '^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)$',
  description: '2022-Q2, 2022-12 hoặc 2022-12-15',
});
export const TimeframeSchema = Type.Object(
  { start: PeriodRef, end: PeriodRef, text: Type.Optional(Text(200)) },
  { additionalProperties: false },
);
const Key = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const AgencyId = Type.Integer({ minimum: 1 });

const OutputSchema = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 1000 }),
    target: Type.Optional(Type.Number({ minimum: 0 })),
    unit: Type.Optional(Text(100)),
  },
  { additionalProperties: false },
);

export const ActivityInput = Type.Object(
  {
    key: Type.Optional(Key),
    title: Type.String({ minLength: 1, maxLength: 4000 }),
    timeframe: Type.Union([TimeframeSchema, Type.Null()]),
    leadAgencyId: Type.Union([AgencyId, Type.Null()]),
    partnerAgencyIds: Type.Array(AgencyId, { maxItems: 50, uniqueItems: true }),
    level: Type.Union([Type.Literal('central'), Type.Literal('provincial'), Type.Literal('commune'), Type.Null()]),
    outputs: Type.Array(OutputSchema, { maxItems: 50 }),
    centralActivityKey: Type.Optional(Type.Union([Key, Type.Null()])),
  },
  { additionalProperties: false },
);

/** An area's sub-headings as its source wrote them (shared/plan-document.ts SectionHeadings). */
const SectionHeadingsSchema = Type.Object(
  {
    description: Type.Optional(Text(500)),
    activities: Type.Optional(Text(500)),
    timeframe: Type.Optional(Text(500)),
    plain: Type.Optional(Type.Boolean()),
    timeframeEnd: Type.Optional(Text(5)),
  },
  { additionalProperties: false },
);

export const SectionInput = Type.Object(
  {
    key: Type.Optional(Key),
    number: Type.Optional(Text(10)),
    title: Type.String({ minLength: 1, maxLength: 2000 }),
    description: Text(20000),
    timeframe: Type.Union([TimeframeSchema, Type.Null()]),
    activities: Type.Array(ActivityInput, { maxItems: 200 }),
    headings: Type.Optional(SectionHeadingsSchema),
  },
  { additionalProperties: false },
);

export const PlanContentInput = named(
  'PlanContentInput',
  Type.Object(
    {
      number: Text(100),
      issuedOn: Type.Union([Type.String(), Type.Null()]),
      place: Text(200),
      title: Type.String({ minLength: 1, maxLength: 1000 }),
      preamble: Text(20000),
      purposes: Type.Array(Text(4000), { maxItems: 50 }),
      requirements: Type.Array(Text(4000), { maxItems: 50 }),
      programme: Type.Union([Text(500), Type.Null()]),
      sections: Type.Array(SectionInput, { maxItems: 100 }),
      responsibilities: Type.Array(
        Type.Object(
          {
            actor: Type.String({ minLength: 1, maxLength: 500 }),
            agencyId: Type.Union([AgencyId, Type.Null()]),
            tasks: Type.Array(Text(4000), { maxItems: 100 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
      funding: Type.Object(
        { text: Text(20000), sources: Type.Array(Text(200), { maxItems: 20 }) },
        { additionalProperties: false },
      ),
      signatures: Type.Array(
        Type.Object(
          {
            agencyId: Type.Union([AgencyId, Type.Null()]),
            authority: Text(200),
            position: Text(200),
            signer: Text(200),
          },
          { additionalProperties: false },
        ),
        { maxItems: 10 },
      ),
      recipients: Type.Array(Text(500), { maxItems: 100 }),
    },
    { additionalProperties: false },
  ),
);
export type PlanContentInput = Static<typeof PlanContentInput>;

export const CreatePlanBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('central'), Type.Literal('provincial')]),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    provinceCode: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{2}$' }), Type.Null()])),
    issuerIds: Type.Array(AgencyId, { minItems: 1, maxItems: 5, uniqueItems: true }),
    content: PlanContentInput,
  },
  { additionalProperties: false },
);
export type CreatePlanBody = Static<typeof CreatePlanBody>;

export const UpdatePlanBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    issuerIds: Type.Optional(Type.Array(AgencyId, { minItems: 1, maxItems: 5, uniqueItems: true })),
    content: PlanContentInput,
    note: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);
export type UpdatePlanBody = Static<typeof UpdatePlanBody>;

const AgencyRef = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  shortName: Type.String(),
  abbreviation: Type.String(),
});
const NullableAgency = Type.Union([AgencyRef, Type.Null()]);

const ActivityView = Type.Object({
  id: Type.Union([Type.Integer(), Type.Null()]),
  key: Type.String(),
  number: Type.String(),
  title: Type.String(),
  timeframe: Type.Union([TimeframeSchema, Type.Null()]),
  leadAgency: NullableAgency,
  partnerAgencies: Type.Array(AgencyRef),
  level: Type.Union([Type.String(), Type.Null()]),
  outputs: Type.Array(OutputSchema),
  centralActivityKey: Type.Union([Type.String(), Type.Null()]),
});

export const PlanView = named(
  'PlanView',
  Type.Object({
    id: Type.Integer(),
    kind: Type.Union([Type.Literal('central'), Type.Literal('provincial')]),
    year: Type.Integer(),
    provinceCode: Type.Union([Type.String(), Type.Null()]),
    provinceName: Type.Union([Type.String(), Type.Null()]),
    parentPlanId: Type.Union([Type.Integer(), Type.Null()]),
    previousPlanId: Type.Union([Type.Integer(), Type.Null()]),
    status: Type.Enum(PLAN_STATUSES),
    version: Type.Integer(),
    number: Type.String(),
    issuedOn: Type.Union([Type.String(), Type.Null()]),
    namesAsOf: Type.String(),
    place: Type.String(),
    issuers: Type.Array(
      Type.Intersect([
        AgencyRef,
        Type.Object({
          signedAt: Type.Union([Type.String(), Type.Null()]),
          signedBy: Type.Union([Type.String(), Type.Null()]),
          /** Who signed for the agency, as printed. */
          signer: Type.Union([
            Type.Object({ name: Type.String(), position: Type.String(), authority: Type.String() }),
            Type.Null(),
          ]),
        }),
      ]),
    ),
    title: Type.String(),
    preamble: Type.String(),
    purposes: Type.Array(Type.String()),
    requirements: Type.Array(Type.String()),
    programme: Type.Union([Type.String(), Type.Null()]),
    sections: Type.Array(
      Type.Object({
        key: Type.String(),
        number: Type.String(),
        title: Type.String(),
        description: Type.String(),
        timeframe: Type.Union([TimeframeSchema, Type.Null()]),
        activities: Type.Array(ActivityView),
        headings: Type.Optional(SectionHeadingsSchema),
      }),
    ),
    responsibilities: Type.Array(
      Type.Object({ actor: Type.String(), agency: NullableAgency, tasks: Type.Array(Type.String()) }),
    ),
    funding: Type.Object({ text: Type.String(), sources: Type.Array(Type.String()) }),
    signatures: Type.Array(
      Type.Object({ agency: NullableAgency, authority: Type.String(), position: Type.String(), signer: Type.String() }),
    ),
    recipients: Type.Array(Type.String()),
    comments: Type.Array(
      Type.Object({
        id: Type.Integer(),
        version: Type.Integer(),
        kind: Type.String(),
        body: Type.String(),
        agency: Type.Union([Type.String(), Type.Null()]),
        author: Type.Union([Type.String(), Type.Null()]),
        createdAt: Type.String(),
      }),
    ),
    updatedAt: Type.String(),
    allowedActions: Type.Array(Type.String()),
  }),
);
export type PlanView = Static<typeof PlanView>;

export const PlanSummary = named(
  'PlanSummary',
  Type.Object({
    id: Type.Integer(),
    kind: Type.Union([Type.Literal('central'), Type.Literal('provincial')]),
    year: Type.Integer(),
    provinceCode: Type.Union([Type.String(), Type.Null()]),
    parentPlanId: Type.Union([Type.Integer(), Type.Null()]),
    status: Type.Enum(PLAN_STATUSES),
    version: Type.Integer(),
    number: Type.String(),
    issuedOn: Type.Union([Type.String(), Type.Null()]),
    title: Type.String(),
    issuers: Type.Array(Type.Object({ id: Type.Integer(), shortName: Type.String(), signed: Type.Boolean() })),
    activityCount: Type.Integer(),
    updatedAt: Type.String(),
  }),
);
export type PlanSummary = Static<typeof PlanSummary>;
export const PlanList = named('PlanList', ListPage(PlanSummary));
export type PlanList = Static<typeof PlanList>;

/** The plans list's sortable columns (`sort=year`, `sort=-year`). */
export const PLAN_SORT_KEYS = ['title', 'number', 'year', 'status', 'updated'] as const;

export const ListPlansQuery = Type.Object({
  sort: sortQuery(PLAN_SORT_KEYS),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  status: Type.Optional(Type.Enum(PLAN_STATUSES)),
  kind: Type.Optional(Type.Union([Type.Literal('central'), Type.Literal('provincial')])),
  province: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
  parent: Type.Optional(Type.Integer({ minimum: 1 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ListPlansQuery = Static<typeof ListPlansQuery>;

export const CommentBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), comment: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const SignBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    signer: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    position: Type.Optional(Type.String({ maxLength: 200 })),
    authority: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const IssueBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    /** Leave out to take the next number of the lead agency's register. */
    number: Type.Optional(Type.String({ minLength: 3, maxLength: 100 })),
    issuedOn: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export const NextNumberQuery = Type.Object(
  { issuedOn: Type.String({ format: 'date' }) },
  { additionalProperties: false },
);
export const NextNumber = Type.Object({ number: Type.String(), year: Type.Integer() });
export const CascadeBody = Type.Object(
  { provinceCode: Type.Optional(Type.String({ pattern: '^\\d{2}$' })) },
  { additionalProperties: false },
);
/** At most every province; each a two-digit code, checked against the current provinces by the service. */
export const SendToProvincesBody = Type.Object(
  {
    provinceCodes: Type.Array(Type.String({ pattern: '^\\d{2}$' }), { minItems: 1, maxItems: 34, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type SendToProvincesBody = Static<typeof SendToProvincesBody>;

const ProvincePlanRef = Type.Object({ provinceCode: Type.String(), planId: Type.Integer() });
export const SentToProvinces = Type.Object({
  created: Type.Array(ProvincePlanRef),
  existing: Type.Array(ProvincePlanRef),
});

export const CASCADE_STAGES = ['not_sent', 'derived', 'signed', 'issued'] as const;
export type CascadeStage = (typeof CASCADE_STAGES)[number];

export const CascadeOverview = named(
  'CascadeOverview',
  Type.Object({
    provinces: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        planId: Type.Union([Type.Integer(), Type.Null()]),
        status: Type.Union([Type.Enum(PLAN_STATUSES), Type.Null()]),
        /** not sent (no derived plan) · derived (a draft or under review) · signed · issued (or closed). */
        stage: Type.Enum(CASCADE_STAGES),
        derivedAt: Type.Union([Type.String(), Type.Null()]),
        derivedBy: Type.Union([Type.String(), Type.Null()]),
        /** Made by a national-scope user (sent from the centre) rather than by the province itself. */
        sentByCentre: Type.Boolean(),
        signedAt: Type.Union([Type.String(), Type.Null()]),
        issuedOn: Type.Union([Type.String(), Type.Null()]),
        number: Type.String(),
      }),
    ),
    activities: Type.Array(
      Type.Object({
        key: Type.String(),
        number: Type.String(),
        title: Type.String(),
        provinces: Type.Integer(),
      }),
    ),
  }),
);

export const RollForwardPreviewQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);
export const RollForwardPreview = Type.Object({
  year: Type.Integer(),
  /** Agency names, abbreviations and position titles the new plan's text will say otherwise. */
  changes: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), count: Type.Integer() })),
});
export const RollForwardBody = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);
