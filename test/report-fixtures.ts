// Reporters and records for the periodic-report tests: an issued 2026 central plan, the Lào Cai and
// Điện Biên women's unions and ethnic-affairs offices, and the two central agencies.
import type { ApiClient, TestApp } from './test-app';
import { activityIds, issuedPlan, LAO_CAI_WARD, trainingBody } from './record-fixtures';

export interface ReportWorld {
  /** Hội LHPN Việt Nam and Bộ DT&TG central coordinators (the first also issued the plan). */
  women: ApiClient;
  ethnic: ApiClient;
  laoCai: ApiClient;
  laoCaiEthnic: ApiClient;
  dienBien: ApiClient;
  planId: number;
  activities: number[];
}

export async function reportWorld(t: TestApp): Promise<ReportWorld> {
  const women = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
  const ethnic = await t.as({ role: 'central_coordinator', agency: 'UBDT' });
  const plan = await issuedPlan(t, women, ethnic, 2026);
  return {
    women,
    ethnic,
    laoCai: await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-15', provinces: ['15'] }),
    laoCaiEthnic: await t.as({ role: 'provincial_coordinator', agency: 'UBDT-2025-15', provinces: ['15'] }),
    dienBien: await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] }),
    planId: plan.id,
    activities: activityIds(plan),
  };
}

/** A training in Lào Cai on a day, with 50 participants (35 women). */
export async function laoCaiRecord(client: ApiClient, activityId: number, day: string) {
  const res = await client.post(
    '/api/records',
    trainingBody(activityId, { startDate: day, endDate: day, place: LAO_CAI_WARD, village: null }),
  );
  if (res.statusCode !== 201) throw new Error(`record create failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; version: number };
}

export async function createReport(client: ApiClient, type: string, period: string) {
  const res = await client.post('/api/reports', { type, period });
  if (res.statusCode !== 201) throw new Error(`report create failed: ${res.statusCode} ${res.body}`);
  return res.json() as ReportJson;
}

export interface ReportJson {
  id: number;
  version: number;
  status: string;
  late: boolean;
  dueDate: string;
  allowedActions: string[];
  figures: {
    indicators: { code: string; value: number | null; target: number | null }[];
    records: { count: number; participants: number; femaleParticipants: number; items: { id: number }[] };
    activities: { id: number; status: string }[];
    models: { type: string; active: number }[];
    provinces?: { reportId: number; provinceCode: string; values: Record<string, number | null> }[];
  };
  events: { action: string; comment: string }[];
  sources: { id: number }[];
}

/** Narrative, then submit; returns the submitted report. */
export async function writeAndSubmit(
  client: ApiClient,
  report: ReportJson,
  results = 'Đã tổ chức các hoạt động theo kế hoạch.',
) {
  const put = await client.put(`/api/reports/${report.id}`, {
    version: report.version,
    results,
    difficulties: 'Địa bàn rộng, giao thông khó khăn.',
    lessons: 'Phối hợp chặt chẽ với Sở Dân tộc và Tôn giáo.',
    proposals: 'Tăng kinh phí cho Tổ truyền thông cộng đồng.',
  });
  if (put.statusCode !== 200) throw new Error(`report update failed: ${put.statusCode} ${put.body}`);
  const res = await client.post(`/api/reports/${report.id}/submit`, { version: put.json().version });
  if (res.statusCode !== 200) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  return res.json() as ReportJson;
}
