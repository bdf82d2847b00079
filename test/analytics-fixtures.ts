// Plans, records and models for the analytics tests, and the direct SQL the pivots are checked against.
import { sql } from 'kysely';
import type { Queryable } from '../src/server/db/database';
import type { ApiClient, TestApp } from './test-app';
import { activityIds, issuedPlan, trainingBody } from './record-fixtures';

export { ETHNIC } from './record-fixtures';

/** 2025 communes (province in brackets) and 2024 communes used by the lineage tests. */
export const PLACES = {
  /** Phường Điện Biên Phủ (11). */
  dienBien: { generation: 2025, code: '03127' },
  /** Phường Lào Cai (15). */
  laoCai: { generation: 2025, code: '02647' },
  /** Xã Nam Đồng (37 Ninh Bình): formed from communes of old Nam Định (36) and old Ninh Bình (37). */
  namDong: { generation: 2025, code: '14014' },
  /** 2024: Phường Quang Trung of old Hà Giang (02), now in Tuyên Quang (08), whole into one commune. */
  quangTrung2024: { generation: 2024, code: '00688' },
  /** 2024: Phường Cống Vị, Hà Nội (01): split between two new wards (lineage 'partial'). */
  congVi2024: { generation: 2024, code: '00007' },
} as const;

export interface AnalyticsWorld {
  central: ApiClient;
  partner: ApiClient;
  /** Activities of an issued central plan (national users may record them anywhere). */
  activities: number[];
  planId: number;
}

export async function analyticsWorld(t: TestApp, year = 2026): Promise<AnalyticsWorld> {
  const central = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
  const partner = await t.as({ role: 'central_coordinator', agency: 'UBDT' });
  const plan = await issuedPlan(t, central, partner, year);
  return { central, partner, activities: activityIds(plan), planId: plan.id };
}

export interface ParticipantSpec {
  sex: 'female' | 'male';
  ethnicGroupId: number;
  targetGroup?: string;
  ageBand?: string;
  count: number;
}

/** A record body of any type, with a participant breakdown. */
export function recordBody(
  activityId: number,
  type: string,
  place: { generation: number; code: string } | null,
  startDate: string,
  rows: ParticipantSpec[] = [],
  over: Record<string, unknown> = {},
) {
  return trainingBody(activityId, {
    type,
    title: `Hoạt động ${type} ${startDate}`,
    startDate,
    endDate: startDate,
    place,
    village: null,
    participants: {
      mode: 'breakdown',
      rows: rows.map((r) => ({
        sex: r.sex,
        ethnicGroupId: r.ethnicGroupId,
        targetGroup: r.targetGroup ?? 'community_member',
        ageBand: r.ageBand ?? '31_60',
        count: r.count,
      })),
    },
    costs: [],
    ...over,
  });
}

export async function createRecord(
  client: ApiClient,
  body: Record<string, unknown>,
): Promise<{ id: number; version: number }> {
  const res = await client.post('/api/records', body);
  if (res.statusCode !== 201) throw new Error(`record create failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Participants of live records of a type, summed by province, ethnic group and sex, straight from the record tables. */
export async function participantSums(db: Queryable, type: string) {
  const result = await sql<{ province_code: string | null; ethnic_group_id: number; sex: string; total: string }>`
    SELECT r.province_code, p.ethnic_group_id, p.sex, sum(p.count) AS total
    FROM record_participant p
    JOIN implementation_record r ON r.record_id = p.record_id
    WHERE r.deleted_at IS NULL AND r.type = ${type}
    GROUP BY r.province_code, p.ethnic_group_id, p.sex
    ORDER BY 1, 2, 3`.execute(db);
  return result.rows.map((r) => ({ ...r, total: Number(r.total) }));
}

export interface PivotJson {
  rows: { key: string[]; label: string[]; partial?: boolean }[];
  columns: { key: string[]; label: string[]; partial?: boolean }[];
  cells: (number | null)[][];
  totals: { rows: (number | null)[]; columns: (number | null)[]; grand: number | null };
  targets?: { cells: (number | null)[][]; rows: (number | null)[]; columns: (number | null)[]; grand: number | null };
  achievement?: {
    cells: (number | null)[][];
    rows: (number | null)[];
    columns: (number | null)[];
    grand: number | null;
  };
  meta: { sources: string[]; partialValues: number };
}

export async function pivot(client: ApiClient, query: string): Promise<PivotJson> {
  const res = await client.get(`/api/pivot?${query}`);
  if (res.statusCode !== 200) throw new Error(`pivot ${query} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The cell at the row and column with these keys (joined by "|"), or undefined when absent. */
export function cellAt(p: PivotJson, row: string, col = ''): number | null | undefined {
  const r = p.rows.findIndex((m) => m.key.join('|') === row);
  const c = p.columns.findIndex((m) => m.key.join('|') === col);
  if (r < 0 || c < 0) return undefined;
  return p.cells[r]![c];
}

/** A model registered by a national coordinator, with its founding date. */
export async function createModel(client: ApiClient, body: Record<string, unknown>) {
  const res = await client.post('/api/models', body);
  if (res.statusCode !== 201) throw new Error(`model create failed: ${res.statusCode} ${res.body}`);
  return res.json() as Promise<{ id: number; version: number }>;
}
