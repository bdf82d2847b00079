// Plans, activities, record bodies and files for the implementation-record tests.
import ExcelJS from 'exceljs';
import type { ApiClient, TestApp } from './test-app';
import { jointPlanBody } from './plan-fixtures';

/** Phường Điện Biên Phủ (2025 generation, province 11) and Phường Lào Cai (province 15). */
export const DIEN_BIEN_WARD = { generation: 2025, code: '03127' } as const;
export const LAO_CAI_WARD = { generation: 2025, code: '02647' } as const;
/** Phường Duyên Hải of the old (2024) Lào Cai province 10, now in Lào Cai 15. */
export const OLD_LAO_CAI_WARD = { generation: 2024, code: '02635' } as const;
export const ETHNIC = { kinh: 1, thai: 3, mong: 8, dao: 9 } as const;

interface PlanView {
  id: number;
  version: number;
  sections: { activities: { id: number; key: string }[] }[];
}

/** A joint central plan (HLHPN + UBDT), submitted, signed by both and issued (numbered by the register). */
export async function issuedPlan(t: TestApp, lead: ApiClient, partner: ApiClient, year = 2026): Promise<PlanView> {
  let plan = (await lead.post('/api/plans', await jointPlanBody(t.database.db, year))).json() as PlanView;
  plan = (await lead.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();
  plan = (await lead.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
  plan = (await partner.post(`/api/plans/${plan.id}/sign`, { version: plan.version })).json();
  // The number comes from the lead agency's register: "01/KH-HLHPNVN-BDTTG" for the first of 2026.
  const res = await lead.post(`/api/plans/${plan.id}/issue`, { version: plan.version, issuedOn: `${year}-01-18` });
  if (res.statusCode !== 200) throw new Error(`issue failed: ${res.body}`);
  return res.json();
}

/** The province's plan derived from an issued central plan by a provincial coordinator. */
export async function cascadedPlan(coordinator: ApiClient, centralPlanId: number): Promise<PlanView> {
  const res = await coordinator.post(`/api/plans/${centralPlanId}/cascade`, {});
  if (res.statusCode !== 201) throw new Error(`cascade failed: ${res.body}`);
  return res.json();
}

export const activityIds = (plan: PlanView): number[] => plan.sections.flatMap((s) => s.activities.map((a) => a.id));

export function trainingBody(planActivityId: number, over: Record<string, unknown> = {}) {
  return {
    planActivityId,
    type: 'training',
    title: 'Tập huấn kỹ năng truyền thông cho Tổ truyền thông cộng đồng',
    startDate: '2026-05-12',
    endDate: '2026-05-13',
    place: DIEN_BIEN_WARD,
    village: 'Bản Him Lam',
    description: 'Hai ngày tập huấn về bình đẳng giới, phòng chống bạo lực gia đình',
    participants: {
      mode: 'breakdown',
      totalParticipants: 50,
      femaleParticipants: 35,
      rows: [
        { sex: 'female', ethnicGroupId: ETHNIC.thai, targetGroup: 'community_member', ageBand: '31_60', count: 20 },
        { sex: 'female', ethnicGroupId: ETHNIC.mong, targetGroup: 'union_member', ageBand: '16_30', count: 15 },
        { sex: 'male', ethnicGroupId: ETHNIC.thai, targetGroup: 'village_elder', ageBand: 'over_60', count: 15 },
      ],
    },
    costs: [{ fundingSource: 'ctmtqg', amount: '25000000' }],
    ...over,
  };
}

/** A 1×1 transparent PNG and a minimal PDF. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** A multipart form with `file` (and plain fields), as the browser sends it. */
export function form(fileName: string, data: Buffer | string, fields: Record<string, string> = {}) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data);
  body.append('file', new Blob([bytes]), fileName);
  return body as unknown as Record<string, unknown>;
}

/** A workbook laid out like the import template: "Bản ghi" and "Người tham gia" rows after the headers. */
export async function importWorkbook(
  records: (string | number | Date | null)[][],
  participants: (string | number)[][] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const main = workbook.addWorksheet('Bản ghi');
  main.addRow([
    'Mã dòng',
    'Mã hoạt động',
    'Loại hoạt động',
    'Tên hoạt động đã thực hiện',
    'Ngày bắt đầu',
    'Ngày kết thúc',
    'Mã địa bàn',
    'Thế hệ địa bàn',
    'Thôn, bản',
    'Mã cơ quan tổ chức',
    'Mô tả',
    'Tổng số người tham gia',
    'Số nữ',
  ]);
  for (const row of records) main.addRow(row);
  const detail = workbook.addWorksheet('Người tham gia');
  detail.addRow(['Mã dòng', 'Giới tính', 'Mã dân tộc', 'Đối tượng', 'Nhóm tuổi', 'Số người']);
  for (const row of participants) detail.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
