// Schemas of the administrative-unit and ethnic-group routes.
import { Type } from 'typebox';
import { named } from '../../http/named-schemas';

export const GenerationSchema = Type.Union([Type.Literal(2024), Type.Literal(2025)], {
  description: '2024: 63 tỉnh, 3 cấp (đến 30/6/2025); 2025: 34 tỉnh, 2 cấp (từ 1/7/2025)',
});
export const AdminLevelSchema = Type.Union([
  Type.Literal('province'),
  Type.Literal('district'),
  Type.Literal('commune'),
]);
/** Codes keep their leading zeros: province 2 digits, district 3, commune 5. */
export const AdminCode = Type.String({ pattern: '^(\\d{2}|\\d{3}|\\d{5})$', description: 'Mã 2, 3 hoặc 5 chữ số' });

const adminUnitObject = Type.Object({
  code: Type.String(),
  name: Type.String(),
  fullName: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  level: AdminLevelSchema,
  generation: Type.Integer(),
  unitType: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  provinceCode: Type.String(),
  provinceName: Type.Union([Type.String(), Type.Null()]),
});
export const AdminUnitView = named('AdminUnitView', adminUnitObject);

export const LineageUnitView = named(
  'LineageUnitView',
  Type.Object({
    generation: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    fullName: Type.String(),
    level: AdminLevelSchema,
    kind: Type.Union([Type.Literal('full'), Type.Literal('partial'), Type.Literal('district_without_communes')]),
    splitCount: Type.Integer({ description: 'Số đơn vị mới mà đơn vị cũ được chia vào' }),
  }),
);

export const AdminUnitChangeView = named(
  'AdminUnitChangeView',
  Type.Object({
    effectiveOn: Type.String(),
    kind: Type.String({ description: 'renamed | reclassified (đổi loại đơn vị, ví dụ Xã → Phường)' }),
    oldFullName: Type.String(),
    newFullName: Type.String(),
    source: Type.Union([Type.String(), Type.Null()]),
  }),
);

export const AdminUnitDetailView = named(
  'AdminUnitDetailView',
  Type.Object({
    ...adminUnitObject.properties,
    validFrom: Type.Union([Type.String(), Type.Null()]),
    validTo: Type.Union([Type.String(), Type.Null()]),
    parents: Type.Array(AdminUnitView, { description: 'Các cấp trên, gần nhất trước' }),
    lineage: Type.Object({
      successors: Type.Array(LineageUnitView, { description: 'Đơn vị 2024: các đơn vị 2025 kế thừa' }),
      predecessors: Type.Array(LineageUnitView, { description: 'Đơn vị 2025: các đơn vị 2024 hợp thành' }),
    }),
    changes: Type.Array(AdminUnitChangeView),
    children: Type.Integer(),
    at: Type.String(),
  }),
);

export const EthnicGroupView = named(
  'EthnicGroupView',
  Type.Object({
    id: Type.Integer({ description: 'Mã theo danh mục 2008 (QĐ 1019/QĐ-TCTK)' }),
    code1979: Type.String({ description: 'Mã theo QĐ 121-TCTK/PPCĐ (1979)' }),
    code2008: Type.String({ description: 'Mã theo QĐ 1019/QĐ-TCTK (2008)' }),
    code2008Verified: Type.Boolean(),
    name: Type.String(),
    name1979: Type.String(),
    otherNames: Type.Array(Type.String()),
    languageGroup: Type.String(),
    isMinority: Type.Boolean(),
  }),
);
