// A saved view is a name and the pivot page's whole state (the same fields as its address: axes,
// filters, targets shown), validated field by field so nothing but a pivot view is stored.
import { Type, type Static } from 'typebox';
import { PIVOT_DIMENSIONS } from '../../../shared/analytics';
import { named } from '../../http/named-schemas';

export const SAVED_VIEW_NAME_MAX = 120;
/** The stored state as JSON, at most: far above any real view (12 filters of a few codes each). */
export const SAVED_VIEW_STATE_MAX_BYTES = 8192;

const Dimension = Type.Enum(PIVOT_DIMENSIONS);
const Axis = Type.Array(Dimension, { maxItems: PIVOT_DIMENSIONS.length, uniqueItems: true });
const Filter = (description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength: 1000, pattern: '^[A-Za-z0-9_.,-]+$', description }));

export const PivotViewState = named(
  'PivotViewState',
  Type.Object(
    {
      rows: Axis,
      cols: Axis,
      filters: Type.Object(
        {
          indicator: Filter('Mã chỉ số, dấu phẩy'),
          province: Filter('Mã tỉnh'),
          commune: Filter('Mã xã'),
          period: Filter('Kỳ (mã DHIS2)'),
          year: Filter('Năm'),
          sex: Filter('female, male'),
          ethnic_group: Filter('Mã dân tộc'),
          target_group: Filter('Đối tượng'),
          age_band: Filter('Nhóm tuổi'),
          agency: Filter('Mã cơ quan'),
          plan: Filter('Mã kế hoạch'),
          geography: Filter('2024 hoặc 2025'),
        },
        { additionalProperties: false },
      ),
      showTargets: Type.Boolean(),
    },
    { additionalProperties: false },
  ),
);
export type PivotViewState = Static<typeof PivotViewState>;

const Name = Type.String({ minLength: 1, maxLength: SAVED_VIEW_NAME_MAX, description: 'Tên chế độ xem' });

export const SavedViewAction = Type.Union([Type.Literal('edit'), Type.Literal('delete')]);

export const SavedViewView = named(
  'SavedViewView',
  Type.Object({
    id: Type.Integer(),
    kind: Type.Literal('pivot'),
    name: Type.String(),
    state: PivotViewState,
    shared: Type.Boolean(),
    owner: Type.Object({ id: Type.Integer(), displayName: Type.String() }),
    mine: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    version: Type.Integer(),
    allowedActions: Type.Array(SavedViewAction),
  }),
);
export type SavedViewView = Static<typeof SavedViewView>;

export const SavedViewList = named(
  'SavedViewList',
  Type.Object({ items: Type.Array(SavedViewView), total: Type.Integer() }),
);
export type SavedViewList = Static<typeof SavedViewList>;

export const CreateSavedViewBody = Type.Object(
  { name: Name, state: PivotViewState, shared: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);
export type CreateSavedViewBody = Static<typeof CreateSavedViewBody>;

export const UpdateSavedViewBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Name),
    shared: Type.Optional(Type.Boolean()),
    state: Type.Optional(PivotViewState),
  },
  { additionalProperties: false },
);
export type UpdateSavedViewBody = Static<typeof UpdateSavedViewBody>;
