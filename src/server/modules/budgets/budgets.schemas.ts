// Request and response schemas of budgets: planned amounts per plan activity, province and funding
// source, and planned vs spent (spent = the costs on implementation records). Money is whole đồng
// as a string of digits.
import { Type, type Static } from 'typebox';
import { ErrorResponse } from '../../http/schemas';
import { named } from '../../http/named-schemas';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.Integer({ minimum: 1 });
export const Money = Type.String({
  pattern: '^\\d{1,18}$',
  description: 'Số tiền (đồng), chuỗi chữ số, ví dụ "1234567"',
});
const Share = Nullable(
  Type.String({ description: 'Tỷ lệ đã chi (%), một chữ số thập phân, ví dụ "87.5"; null khi không có dự toán' }),
);

export const BudgetQuery = Type.Object({
  plan: Type.Optional(Id),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  province: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{2}$' }), Type.Literal('central')])),
});
export type BudgetQuery = Static<typeof BudgetQuery>;

const Amounts = { planned: Money, spent: Money, share: Share };

export const BudgetSummary = named(
  'BudgetSummary',
  Type.Object({
    sources: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() })),
    total: Type.Object(Amounts),
    bySection: Type.Array(Type.Object({ number: Type.String(), title: Type.String(), ...Amounts })),
    byProvince: Type.Array(
      Type.Object({
        /** Null: the central level (no province). */
        code: Nullable(Type.String()),
        name: Type.String(),
        ...Amounts,
      }),
    ),
    bySource: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...Amounts })),
    byActivity: Type.Array(
      Type.Object({
        id: Type.Integer(),
        number: Type.String(),
        title: Type.String(),
        sectionNumber: Type.String(),
        planId: Type.Integer(),
        ...Amounts,
        bySource: Type.Array(Type.Object({ code: Type.String(), planned: Money, spent: Money })),
      }),
    ),
    /** Spending recorded on records of these plans, counted in the totals above. */
    recordCount: Type.Integer(),
    allowedActions: Type.Array(Type.String()),
  }),
);
export type BudgetSummary = Static<typeof BudgetSummary>;

export const LinesQuery = Type.Object({
  plan: Id,
  /** A province, or "central" for the central level. */
  province: Type.Union([Type.String({ pattern: '^\\d{2}$' }), Type.Literal('central')]),
});
export type LinesQuery = Static<typeof LinesQuery>;

export const BudgetLines = named(
  'BudgetLines',
  Type.Object({
    planId: Type.Integer(),
    provinceCode: Nullable(Type.String()),
    activities: Type.Array(
      Type.Object({
        id: Type.Integer(),
        number: Type.String(),
        title: Type.String(),
        sectionNumber: Type.String(),
        sectionTitle: Type.String(),
        amounts: Type.Array(Type.Object({ fundingSource: Type.String(), amount: Money })),
        total: Money,
        /** 'plan': the caller may change this activity's amounts (its province and its agency). */
        allowedActions: Type.Array(Type.Literal('plan')),
      }),
    ),
    total: Money,
    /** Some activity may be changed by the caller. */
    editable: Type.Boolean(),
  }),
);
export type BudgetLines = Static<typeof BudgetLines>;

export const PutLinesBody = Type.Object(
  {
    planActivityId: Id,
    provinceCode: Nullable(Type.String({ pattern: '^\\d{2}$' })),
    amounts: Type.Array(
      Type.Object(
        { fundingSource: Type.String({ minLength: 1, maxLength: 50 }), amount: Money },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type PutLinesBody = Static<typeof PutLinesBody>;

const SourceAmounts = Type.Array(
  Type.Object(
    { fundingSource: Type.String({ minLength: 1, maxLength: 50 }), amount: Money },
    { additionalProperties: false },
  ),
  { maxItems: 20 },
);

export const PutPlanLinesBody = Type.Object(
  {
    provinceCode: Nullable(Type.String({ pattern: '^\\d{2}$' })),
    rows: Type.Array(Type.Object({ planActivityId: Id, amounts: SourceAmounts }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 1000,
    }),
  },
  { additionalProperties: false },
);
export type PutPlanLinesBody = Static<typeof PutPlanLinesBody>;

export const CellView = named(
  'BudgetCellView',
  Type.Object({
    planActivityId: Type.Integer(),
    provinceCode: Nullable(Type.String()),
    amounts: Type.Array(Type.Object({ fundingSource: Type.String(), amount: Money })),
    total: Money,
  }),
);
export type CellView = Static<typeof CellView>;

export const PlanLinesView = named(
  'BudgetPlanLinesView',
  Type.Object({
    planId: Type.Integer(),
    provinceCode: Nullable(Type.String()),
    rows: Type.Array(CellView),
    /** The plan's total for this province (or the central level) after the save. */
    total: Money,
  }),
);

export const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
