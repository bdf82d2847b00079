// Missions, recommendations, policy reviews and budgets for the monitoring tests: two provinces
// (Lào Cai 15, Điện Biên 11), an issued joint plan, and coordinators of both agencies.
import type { ApiClient, TestApp } from './test-app';
import { agencyId } from './factories';
import { activityIds, cascadedPlan, DIEN_BIEN_WARD, issuedPlan, LAO_CAI_WARD } from './record-fixtures';

export { DIEN_BIEN_WARD, LAO_CAI_WARD };

export interface MonitoringWorld {
  women: ApiClient;
  ethnic: ApiClient;
  dienBien: ApiClient;
  dienBienEntry: ApiClient;
  dienBienEthnic: ApiClient;
  laoCai: ApiClient;
  viewer: ApiClient;
  planId: number;
  /** Activities of the central plan. */
  central: number[];
  dienBienPlan: number[];
  laoCaiPlan: number[];
  agencies: { hlhpn: number; ubdt: number; hlhpnDienBien: number; hlhpnLaoCai: number; ubdtDienBien: number };
}

export async function monitoringWorld(t: TestApp): Promise<MonitoringWorld> {
  const db = t.database.db;
  const women = await t.as({ role: 'central_coordinator', agency: 'HLHPN', displayName: 'Nguyễn Thị Lan' });
  const ethnic = await t.as({ role: 'central_coordinator', agency: 'UBDT' });
  const plan = await issuedPlan(t, women, ethnic);
  const dienBien = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
  const laoCai = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] });
  const dienBienPlan = activityIds(await cascadedPlan(dienBien, plan.id));
  const laoCaiPlan = activityIds(await cascadedPlan(laoCai, plan.id));
  return {
    women,
    ethnic,
    dienBien,
    laoCai,
    dienBienEntry: await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] }),
    dienBienEthnic: await t.as({ role: 'provincial_coordinator', agency: 'UBDT-2025-11', provinces: ['11'] }),
    viewer: await t.as({ role: 'viewer', agency: 'UBDT' }),
    planId: plan.id,
    central: activityIds(plan),
    dienBienPlan,
    laoCaiPlan,
    agencies: {
      hlhpn: await agencyId(db, 'HLHPN'),
      ubdt: await agencyId(db, 'UBDT'),
      hlhpnDienBien: await agencyId(db, 'HLHPN-2025-11'),
      hlhpnLaoCai: await agencyId(db, 'HLHPN-2025-15'),
      ubdtDienBien: await agencyId(db, 'UBDT-2025-11'),
    },
  };
}

export async function seededTemplateId(t: TestApp): Promise<number> {
  const row = await t.database.db
    .selectFrom('checklist_template')
    .select('checklist_template_id')
    .where('code', '=', 'long_ghep_gioi_du_an_8')
    .executeTakeFirstOrThrow();
  return row.checklist_template_id;
}

/** A joint mission to a ward of Lào Cai and a ward of Điện Biên, led by the women's union. */
export function missionBody(w: MonitoringWorld, templateId: number | null, over: Record<string, unknown> = {}) {
  return {
    title: 'Đoàn giám sát liên ngành thực hiện Dự án 8 năm 2026',
    purpose: 'Giám sát việc lồng ghép giới và thực hiện Dự án 8 tại địa phương.',
    leadAgencyId: w.agencies.hlhpn,
    planActivityId: w.central[0],
    checklistTemplateId: templateId,
    startDate: '2026-09-07',
    endDate: '2026-09-11',
    members: [
      { name: 'Nguyễn Thị Lan', title: 'Trưởng Ban Dân tộc - Tôn giáo', agencyId: w.agencies.hlhpn, role: 'head' },
      { name: 'Trần Văn Minh', title: 'Phó Vụ trưởng', agencyId: w.agencies.ubdt, role: 'deputy' },
      { name: 'Lò Thị Hoa', title: 'Phó Chủ tịch', agencyId: w.agencies.hlhpnDienBien, role: 'member' },
    ],
    places: [
      { ...LAO_CAI_WARD, visitDate: '2026-09-08' },
      { ...DIEN_BIEN_WARD, visitDate: '2026-09-10' },
    ],
    ...over,
  };
}

export async function createMission(client: ApiClient, body: Record<string, unknown>) {
  const res = await client.post('/api/missions', body);
  if (res.statusCode !== 201) throw new Error(`mission failed: ${res.statusCode} ${res.body}`);
  return res.json() as {
    id: number;
    version: number;
    places: { id: number; provinceCode: string }[];
    checklist: { items: { id: number }[] } | null;
    recordId: number | null;
  };
}

/**
 * Locks a period as an approved report does (records of those days in that scope refuse changes,
 * 423); returns the function that lifts the lock again.
 */
export async function lockPeriod(
  t: TestApp,
  scope: { province: string | null; from: string; to: string; periodCode: string; agencyId: number },
): Promise<() => Promise<void>> {
  const now = new Date('2026-11-01T03:00:00Z');
  const { report_id } = await t.database.db
    .insertInto('report')
    .values({
      report_type_code: 'quarterly',
      period_code: scope.periodCode,
      period_start: scope.from,
      period_end: scope.to,
      due_date: scope.to,
      agency_id: scope.agencyId,
      province_code: scope.province,
      recipient_agency_id: scope.agencyId,
      status: 'approved',
      figures: JSON.stringify({}),
      figures_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('report_id')
    .executeTakeFirstOrThrow();
  return async () => {
    await t.database.db.deleteFrom('report').where('report_id', '=', report_id).execute();
  };
}
