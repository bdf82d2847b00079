import { Type, type Static } from 'typebox';
import { named } from '../../http/named-schemas';

const Param = (description: string) => Type.Optional(Type.String({ maxLength: 4000, description }));

export const PivotQuery = Type.Object({
  rows: Param(
    'Chiều ở hàng, cách nhau dấu phẩy: indicator, province, commune, year, half, quarter, month, sex, ethnic_group, target_group, age_band, agency, plan',
  ),
  cols: Param('Chiều ở cột (như rows)'),
  indicator: Param('Mã chỉ số (một hoặc nhiều, dấu phẩy); bắt buộc đúng một nếu "indicator" không ở hàng/cột'),
  province: Param('Lọc theo mã tỉnh (theo geography)'),
  commune: Param('Lọc theo mã xã (theo geography)'),
  period: Param('Lọc theo kỳ, mã DHIS2: 2022, 2022S1, 2022Q1, 202201 (nhiều kỳ: dấu phẩy)'),
  year: Param('Lọc theo năm (nhiều năm: dấu phẩy)'),
  sex: Param('female, male'),
  ethnic_group: Param('Mã dân tộc (ethnic_group_id)'),
  target_group: Param('Đối tượng'),
  age_band: Param('Nhóm tuổi'),
  agency: Param('Mã cơ quan tổ chức (agency_id)'),
  plan: Param('Mã kế hoạch (kế hoạch trung ương gốc)'),
  geography: Param('2025 (34 tỉnh, mặc định) hoặc 2024 (63 tỉnh, qua bảng kế thừa)'),
});
export type PivotQuery = Static<typeof PivotQuery>;

const Numbers = Type.Array(Type.Union([Type.Number(), Type.Null()]));
const Matrix = Type.Array(Numbers);
const Member = Type.Object({
  key: Type.Array(Type.String()),
  label: Type.Array(Type.String()),
  partial: Type.Optional(Type.Boolean()),
});
const Block = Type.Object({
  cells: Matrix,
  rows: Numbers,
  columns: Numbers,
  grand: Type.Union([Type.Number(), Type.Null()]),
});

export const PivotResponse = named(
  'PivotResponse',
  Type.Object({
    rows: Type.Array(Member),
    columns: Type.Array(Member),
    cells: Matrix,
    totals: Type.Object({ rows: Numbers, columns: Numbers, grand: Type.Union([Type.Number(), Type.Null()]) }),
    targets: Type.Optional(Block),
    achievement: Type.Optional(Block),
    meta: Type.Object({
      rows: Type.Array(Type.String()),
      cols: Type.Array(Type.String()),
      geography: Type.Integer(),
      indicators: Type.Array(
        Type.Object({
          code: Type.String(),
          nameVi: Type.String(),
          nameEn: Type.String(),
          unit: Type.String(),
          timeAggregation: Type.String(),
        }),
      ),
      sources: Type.Array(Type.String()),
      partialValues: Type.Integer(),
    }),
  }),
);

export const DashboardQuery = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  indicator: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$', description: 'Chỉ số cho bản đồ' })),
  geography: Type.Optional(Type.Union([Type.Literal(2024), Type.Literal(2025)])),
  plan: Type.Optional(Type.Integer({ minimum: 1, description: 'Kế hoạch (mặc định: các kế hoạch của năm)' })),
  province: Type.Optional(
    Type.String({
      pattern: '^\\d{2}$',
      description: 'Tổng quan một tỉnh (mã từ 1/7/2025): kế hoạch của tỉnh, chỉ số chính và xu hướng trong tỉnh',
    }),
  ),
});
export type DashboardQuery = Static<typeof DashboardQuery>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const StatusCounts = Type.Object({
  not_started: Type.Integer(),
  in_progress: Type.Integer(),
  late: Type.Integer(),
  done: Type.Integer(),
});
const IndicatorRef = Type.Object({
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  unit: Type.String(),
});

export const DashboardResponse = named(
  'DashboardResponse',
  Type.Object({
    year: Type.Integer(),
    province: Nullable(Type.String({ description: 'Tỉnh của tổng quan, null: toàn bộ phạm vi' })),
    scope: Type.Object({ national: Type.Boolean(), provinces: Type.Array(Type.String()) }),
    plans: Type.Array(
      Type.Object({
        id: Type.Integer(),
        number: Type.String(),
        title: Type.String(),
        kind: Type.String(),
        provinceCode: Nullable(Type.String()),
        activities: StatusCounts,
        sections: Type.Array(
          Type.Object({ number: Type.String(), title: Type.String(), activities: StatusCounts, total: Type.Integer() }),
        ),
      }),
    ),
    keyIndicators: Type.Array(
      Type.Object({
        ...IndicatorRef.properties,
        section: Nullable(Type.String()),
        value: Nullable(Type.Number()),
        target: Nullable(Type.Number()),
        achievement: Nullable(Type.Number()),
      }),
    ),
    map: Type.Object({
      indicator: Nullable(IndicatorRef),
      geography: Type.Integer(),
      geoJson: Type.String({ description: 'Địa chỉ GeoJSON ranh giới tỉnh của thế hệ này' }),
      values: Type.Array(
        Type.Object({
          code: Type.String(),
          name: Type.String(),
          value: Nullable(Type.Number()),
          target: Nullable(Type.Number()),
          achievement: Nullable(Type.Number()),
        }),
      ),
      unplaced: Nullable(Type.Number()),
    }),
    trend: Type.Object({
      periods: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
      series: Type.Array(Type.Object({ ...IndicatorRef.properties, values: Numbers })),
    }),
  }),
);
export type DashboardResponse = Static<typeof DashboardResponse>;
