// Missions and recommendations as the API shows them: agencies named as of a date, places with
// their province, the checklist with its answers, overdue computed against today, and the
// actions the caller may take.
import type { Actor } from '../../access/actor';
import { filesOf, fileView } from '../../common/files/files.service';
import type { Queryable } from '../../db/database';
import { agencyMap, type AgencyAt } from '../reference/reference.service';
import * as checklists from './checklists.repo';
import {
  followUpDisplay,
  isOverdue,
  mayEditMission,
  missionActions,
  recommendationActions,
  seesRecommendation,
  type MissionFacts,
} from './mission.policy';
import * as repo from './missions.repo';
import * as recs from './recommendations.repo';
import type { AddresseeView, AgencyRef, MissionView, PlaceView, RecommendationView } from './monitoring.schemas';

const iso = (d: Date | string) => new Date(d).toISOString();

export function agencyRef(agencies: Map<number, AgencyAt>, id: number): AgencyRef {
  const a = agencies.get(id);
  return a ? { id: a.id, name: a.name, shortName: a.shortName } : { id, name: '', shortName: '' };
}

/** "Xã Tủa Chùa, tỉnh Điện Biên"; a province alone is its full name. */
export function placeLabel(p: repo.MissionPlaceRow): string {
  const province = p.province_full_name ?? '';
  if (p.level === 'province' || province === '') return p.full_name;
  return `${p.full_name}, ${province.charAt(0).toLocaleLowerCase('vi')}${province.slice(1)}`;
}

export function missionPhase(startDate: string, endDate: string, today: string): MissionView['phase'] {
  if (today < startDate) return 'planned';
  return today > endDate ? 'finished' : 'ongoing';
}

/** Lead agency, member agencies and provinces of each mission: what the edit rule looks at. */
export async function missionFacts(
  db: Queryable,
  missions: { missionId: number; leadAgencyId: number }[],
): Promise<Map<number, MissionFacts>> {
  const ids = [...new Set(missions.map((m) => m.missionId))];
  const [members, places] = await Promise.all([repo.missionMembers(db, ids), repo.missionPlaces(db, ids)]);
  const facts = new Map<number, MissionFacts>();
  for (const m of missions) {
    facts.set(m.missionId, {
      leadAgencyId: m.leadAgencyId,
      memberAgencyIds: [...new Set(members.filter((x) => x.mission_id === m.missionId).map((x) => x.agency_id))],
      provinceCodes: [...new Set(places.filter((p) => p.mission_id === m.missionId).map((p) => p.province_code))],
    });
  }
  return facts;
}

export function addresseeView(agencies: Map<number, AgencyAt>, r: recs.RecommendationRow): AddresseeView {
  if (r.addressee_agency_id !== null) {
    return {
      kind: 'agency',
      agencyId: r.addressee_agency_id,
      provinceCode: r.scope_province_code,
      name: agencyRef(agencies, r.addressee_agency_id).name,
    };
  }
  return {
    kind: 'province',
    agencyId: null,
    provinceCode: r.addressee_province_code,
    name: r.addressee_province_name ?? r.addressee_province_code ?? '',
  };
}

/** Views of recommendation rows, with their trail, files and the caller's actions. */
export async function recommendationViews(
  db: Queryable,
  actor: Actor,
  rows: recs.RecommendationRow[],
  today: string,
  at: string = today,
): Promise<RecommendationView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.recommendation_id);
  const [trail, files, facts, agencies] = await Promise.all([
    recs.followUps(db, ids),
    filesOf(db, 'recommendation', ids),
    missionFacts(
      db,
      rows.map((r) => ({ missionId: r.mission_id, leadAgencyId: r.mission_lead_agency_id })),
    ),
    agencyMap(
      db,
      rows.flatMap((r) => (r.addressee_agency_id ? [r.addressee_agency_id] : [])),
      at,
    ),
  ]);
  return rows.map((r) => {
    const history = trail.filter((u) => u.recommendation_id === r.recommendation_id);
    return {
      id: r.recommendation_id,
      mission: { id: r.mission_id, title: r.mission_title, startDate: r.mission_start, endDate: r.mission_end },
      findingId: r.mission_finding_id,
      text: r.text,
      addressee: addresseeView(agencies, r),
      dueDate: r.due_date,
      status: r.status,
      overdue: isOverdue(r.status, r.due_date, today),
      displayStatus: followUpDisplay(r.status, r.due_date, today),
      evidence: r.evidence,
      closedOn: r.closed_on,
      history: history.map((u) => ({
        status: u.status,
        evidence: u.evidence,
        by: u.display_name,
        at: iso(u.created_at),
      })),
      files: files.filter((f) => f.owner_id === r.recommendation_id).map(fileView),
      version: r.version,
      updatedAt: iso(r.updated_at),
      allowedActions: recommendationActions(
        actor,
        {
          addresseeAgencyId: r.addressee_agency_id,
          addresseeProvinceCode: r.addressee_province_code,
          status: r.status,
          hasFollowUp: history.length > 0,
        },
        facts.get(r.mission_id)!,
      ),
    };
  });
}

export async function buildMissionView(
  db: Queryable,
  actor: Actor,
  row: repo.MissionRow,
  today: string,
): Promise<MissionView> {
  const [members, places, findings, recommendationRows, template] = await Promise.all([
    repo.missionMembers(db, [row.mission_id]),
    repo.missionPlaces(db, [row.mission_id]),
    repo.missionFindings(db, row.mission_id),
    recs.missionRecommendations(db, row.mission_id),
    row.checklist_template_id ? checklists.findTemplate(db, row.checklist_template_id) : Promise.resolve(undefined),
  ]);
  const answers = await repo.missionAnswers(
    db,
    places.map((p) => p.mission_place_id),
  );
  const agencies = await agencyMap(db, [row.lead_agency_id, ...members.map((m) => m.agency_id)], row.start_date);
  const facts: MissionFacts = {
    leadAgencyId: row.lead_agency_id,
    memberAgencyIds: [...new Set(members.map((m) => m.agency_id))],
    provinceCodes: [...new Set(places.map((p) => p.province_code))],
  };
  return {
    id: row.mission_id,
    title: row.title,
    purpose: row.purpose,
    leadAgency: agencyRef(agencies, row.lead_agency_id),
    activity:
      row.plan_activity_id && row.plan_id
        ? {
            id: row.plan_activity_id,
            number: `${row.section_number}.${(row.activity_position ?? 0) + 1}`,
            title: row.activity_title ?? '',
            planId: row.plan_id,
            planTitle: row.plan_title ?? '',
            planNumber: row.plan_number ?? '',
            planYear: row.plan_year ?? 0,
          }
        : null,
    startDate: row.start_date,
    endDate: row.end_date,
    phase: missionPhase(row.start_date, row.end_date, today),
    members: members.map((m) => ({
      name: m.name,
      title: m.title,
      role: m.role,
      agency: agencyRef(agencies, m.agency_id),
    })),
    places: places.map((p): PlaceView => ({
      id: p.mission_place_id,
      generation: p.generation,
      code: p.code,
      name: p.name,
      fullName: p.full_name,
      level: p.level,
      provinceCode: p.province_code,
      provinceName: p.province_name ?? '',
      label: placeLabel(p),
      visitDate: p.visit_date,
      answers: answers
        .filter((a) => a.mission_place_id === p.mission_place_id)
        .map((a) => ({ itemId: a.checklist_item_id, answer: a.answer, note: a.note })),
    })),
    checklist: template
      ? {
          templateId: template.checklist_template_id,
          name: template.name,
          items: template.items.map((i) => ({ id: i.checklist_item_id, group: i.group_name, text: i.text })),
        }
      : null,
    findings: findings.map((f) => ({ id: f.mission_finding_id, placeId: f.mission_place_id, text: f.text })),
    // Editors see every recommendation of their mission; other readers those addressed to them.
    recommendations: await recommendationViews(
      db,
      actor,
      mayEditMission(actor, facts)
        ? recommendationRows
        : recommendationRows.filter((r) =>
            seesRecommendation(actor, {
              addresseeAgencyId: r.addressee_agency_id,
              scopeProvinceCode: r.scope_province_code,
            }),
          ),
      today,
      row.start_date,
    ),
    report: {
      number: row.report_number,
      place: row.report_place,
      date: row.report_date,
      conclusion: row.conclusion,
      recipients: row.recipients,
    },
    recordId: row.record_id,
    version: row.version,
    createdBy: row.created_by_name,
    updatedAt: iso(row.updated_at),
    allowedActions: missionActions(actor, facts),
  };
}

/** What the audit log keeps: everything but the caller-specific actions and the phase of the day. */
export function missionAuditShape(view: MissionView) {
  const { allowedActions: _a, phase: _p, recommendations, ...rest } = view;
  return { ...rest, recommendationIds: recommendations.map((r) => r.id) };
}

export function recommendationAuditShape(view: RecommendationView) {
  const { allowedActions: _a, overdue: _o, displayStatus: _d, ...rest } = view;
  return rest;
}
