// Request and response schemas of periodic reports, the reporting calendar, consolidation,
// and the year-end review.
import { Type, type Static } from 'typebox';
import { ListPage, DataErrors } from '../../http/schemas';
import { EXPECTED_STATUSES, REPORT_STATUSES } from '../../../shared/report-periods';
import { named } from '../../http/named-schemas';
import { sortQuery } from '../../common/list-sort';

const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const TypeCode = Type.String({
  pattern: '^[a-z0-9_]{1,40}$',
  description: 'Mã loại báo cáo: quarterly, six_month, annual, thematic, ad_hoc',
});
const PeriodCode = Type.String({
  pattern: '^(\\d{4}(Q[1-4]|S[12])?|R\\d{1,9})$',
  description: 'Kỳ báo cáo: 2022Q3 (quý), 2022S1 (6 tháng), 2022 (năm), R12 (kỳ chuyên đề/đột xuất số 12)',
});
const Version = Type.Integer({ minimum: 1 });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

/** What the scheduled reminders do for a type (reports/reminders.service.ts). */
export const ReminderSettings = Type.Object(
  {
    enabled: Type.Boolean({ description: 'Nhắc tự động bật hay tắt' }),
    daysBefore: Type.Integer({
      minimum: 0,
      maximum: 60,
      description: 'Nhắc các đơn vị chưa gửi từ bao nhiêu ngày trước hạn nộp (0: đúng ngày hạn)',
    }),
    afterDue: Type.Boolean({ description: 'Nhắc lại đơn vị quá hạn vào ngày sau hạn nộp' }),
    afterDueRecipient: Type.Boolean({ description: 'Khi quá hạn, báo cả cơ quan nhận báo cáo' }),
  },
  { additionalProperties: false },
);
export type ReminderSettings = Static<typeof ReminderSettings>;

export const ReportTypeView = named(
  'ReportTypeView',
  Type.Object({
    code: Type.String(),
    name: Type.String(),
    periodKind: Type.Union([
      Type.Literal('quarter'),
      Type.Literal('half'),
      Type.Literal('year'),
      Type.Literal('custom'),
    ]),
    dueOffsetDays: Nullable(Type.Integer()),
    active: Type.Boolean(),
    reminders: ReminderSettings,
    reporters: Type.Array(Type.Object({ level: Type.String(), kind: Type.String(), recipient: Type.String() })),
  }),
);
export type ReportTypeView = Static<typeof ReportTypeView>;

export const UpdateReportTypeBody = Type.Object(
  {
    name: Text(200, 1),
    dueOffsetDays: Type.Optional(Nullable(Type.Integer({ minimum: -366, maximum: 366 }))),
    active: Type.Boolean(),
    /** Left out: the reminder settings stay as they are. */
    reminders: Type.Optional(ReminderSettings),
  },
  { additionalProperties: false },
);
export type UpdateReportTypeBody = Static<typeof UpdateReportTypeBody>;

export const CalendarQuery = Type.Object({ year: Year });
export const CalendarPeriod = named(
  'CalendarPeriod',
  Type.Object({
    type: Type.String(),
    typeName: Type.String(),
    code: Type.String(),
    label: Type.String(),
    start: Type.String(),
    end: Type.String(),
    dueDate: Type.String(),
  }),
);
export type CalendarPeriod = Static<typeof CalendarPeriod>;

export const CreatePeriodBody = Type.Object(
  { type: TypeCode, title: Text(300, 1), startDate: DateText, endDate: DateText, dueDate: DateText },
  { additionalProperties: false },
);
export type CreatePeriodBody = Static<typeof CreatePeriodBody>;

const Ref = Type.Object({ id: Type.Integer(), name: Type.String() });

const IndicatorFigure = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  value: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
  achievement: Nullable(Type.Number()),
});

export const ReportFigures = named(
  'ReportFigures',
  Type.Object({
    indicators: Type.Array(IndicatorFigure),
    activities: Type.Array(
      Type.Object({
        id: Type.Integer(),
        number: Type.String(),
        title: Type.String(),
        section: Type.String(),
        plan: Type.String(),
        status: Type.String(),
        recordCount: Type.Integer(),
        participants: Type.Integer(),
        femaleParticipants: Type.Integer(),
      }),
    ),
    records: Type.Object({
      count: Type.Integer(),
      participants: Type.Integer(),
      femaleParticipants: Type.Integer(),
      items: Type.Array(
        Type.Object({
          id: Type.Integer(),
          title: Type.String(),
          type: Type.String(),
          startDate: Type.String(),
          endDate: Type.String(),
          placeName: Nullable(Type.String()),
          participants: Type.Integer(),
          femaleParticipants: Nullable(Type.Integer()),
        }),
      ),
    }),
    models: Type.Array(
      Type.Object({
        type: Type.String(),
        name: Type.String(),
        active: Type.Integer(),
        target: Nullable(Type.Integer()),
        achievementPct: Nullable(Type.Number()),
        members: Type.Integer(),
      }),
    ),
    /** National reports: the approved provincial reports aggregated, with their indicator values. */
    provinces: Type.Optional(
      Type.Array(
        Type.Object({
          reportId: Type.Integer(),
          provinceCode: Type.String(),
          provinceName: Type.String(),
          agencyName: Type.String(),
          values: Type.Record(Type.String(), Nullable(Type.Number())),
        }),
      ),
    ),
  }),
);
export type ReportFigures = Static<typeof ReportFigures>;

const Status = Type.Enum(REPORT_STATUSES);

const reportSummaryObject = Type.Object({
  id: Type.Integer(),
  type: Type.Object({ code: Type.String(), name: Type.String() }),
  period: Type.Object({ code: Type.String(), label: Type.String(), start: Type.String(), end: Type.String() }),
  dueDate: Type.String(),
  late: Type.Boolean(),
  agency: Ref,
  province: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  recipient: Ref,
  status: Status,
  submittedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  version: Type.Integer(),
  allowedActions: Type.Array(Type.String()),
});
export const ReportSummary = named('ReportSummary', reportSummaryObject);
export type ReportSummary = Static<typeof ReportSummary>;
export const ReportList = named('ReportList', ListPage(ReportSummary));
export type ReportList = Static<typeof ReportList>;

export const ReportView = named(
  'ReportView',
  Type.Object({
    ...reportSummaryObject.properties,
    narrative: Type.Object({
      results: Type.String(),
      difficulties: Type.String(),
      lessons: Type.String(),
      proposals: Type.String(),
    }),
    figures: ReportFigures,
    figuresAt: Type.String(),
    events: Type.Array(
      Type.Object({ action: Type.String(), comment: Type.String(), by: Nullable(Type.String()), at: Type.String() }),
    ),
    sources: Type.Array(
      Type.Object({ id: Type.Integer(), agency: Type.String(), province: Nullable(Type.String()), status: Status }),
    ),
  }),
);
export type ReportView = Static<typeof ReportView>;

/** The columns the report list sorts by; without one: latest deadline first. */
export const REPORT_SORT_KEYS = ['period', 'due', 'status', 'submitted'] as const;

export const ListReportsQuery = Type.Object({
  sort: sortQuery(REPORT_SORT_KEYS),
  type: Type.Optional(TypeCode),
  period: Type.Optional(PeriodCode),
  status: Type.Optional(Status),
  province: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
  year: Type.Optional(Year),
  queue: Type.Optional(Type.Literal('approve', { description: 'approve: báo cáo đã gửi, chờ tôi duyệt' })),
  mine: Type.Optional(Type.Boolean({ description: 'Chỉ báo cáo của cơ quan tôi' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ListReportsQuery = Static<typeof ListReportsQuery>;

export const CreateReportBody = Type.Object({ type: TypeCode, period: PeriodCode }, { additionalProperties: false });
export type CreateReportBody = Static<typeof CreateReportBody>;

export const UpdateReportBody = Type.Object(
  {
    version: Version,
    results: Text(50_000),
    difficulties: Text(50_000),
    lessons: Text(50_000),
    proposals: Text(50_000),
  },
  { additionalProperties: false },
);
export type UpdateReportBody = Static<typeof UpdateReportBody>;

export const StepBody = Type.Object(
  { version: Version, comment: Type.Optional(Text(5000)) },
  { additionalProperties: false },
);
export type StepBody = Static<typeof StepBody>;

export const ConsolidationQuery = Type.Object({ type: TypeCode, period: PeriodCode });
export type ConsolidationQuery = Static<typeof ConsolidationQuery>;

export const ConsolidationView = named(
  'ConsolidationView',
  Type.Object({
    type: Type.Object({ code: Type.String(), name: Type.String() }),
    period: Type.Object({ code: Type.String(), label: Type.String(), start: Type.String(), end: Type.String() }),
    dueDate: Type.String(),
    today: Type.String(),
    counts: Type.Record(Type.String(), Type.Integer()),
    rows: Type.Array(
      Type.Object({
        agency: Ref,
        level: Type.String(),
        province: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
        recipient: Ref,
        status: Type.Enum(EXPECTED_STATUSES),
        late: Type.Boolean(),
        reportId: Nullable(Type.Integer()),
        submittedAt: Nullable(Type.String()),
      }),
    ),
  }),
);
export type ConsolidationView = Static<typeof ConsolidationView>;

export const RemindBody = Type.Object({ type: TypeCode, period: PeriodCode }, { additionalProperties: false });
export type RemindBody = Static<typeof RemindBody>;
export const RemindResult = named(
  'RemindResult',
  Type.Object({
    agencies: Type.Integer({ description: 'Số đơn vị quá hạn được nhắc' }),
    notifications: Type.Integer(),
    emails: Type.Integer({
      description: 'Số thư đưa vào hàng gửi (0 khi chưa cấu hình SMTP); thư gửi lỗi được gửi lại sau',
    }),
  }),
);

export const ReviewView = named(
  'YearEndReviewView',
  Type.Object({
    plan: Type.Object({ id: Type.Integer(), year: Type.Integer(), number: Type.String(), title: Type.String() }),
    sections: Type.Array(
      Type.Object({
        number: Type.String(),
        title: Type.String(),
        activities: Type.Array(
          Type.Object({
            number: Type.String(),
            title: Type.String(),
            status: Type.String(),
            recordCount: Type.Integer(),
            participants: Type.Integer(),
            femaleParticipants: Type.Integer(),
          }),
        ),
      }),
    ),
    indicators: Type.Array(IndicatorFigure),
    provinceIndicators: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    provinces: Type.Array(
      Type.Object({ code: Type.String(), name: Type.String(), values: Type.Array(Nullable(Type.Number())) }),
    ),
    difficulties: Type.Array(Type.Object({ from: Type.String(), text: Type.String() })),
    proposals: Type.Array(Type.Object({ from: Type.String(), text: Type.String() })),
    rollForward: Type.Object({ allowed: Type.Boolean(), path: Type.String() }),
  }),
);
export type ReviewView = Static<typeof ReviewView>;

export const errors = DataErrors;
