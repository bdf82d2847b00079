// Monitoring missions: plan (purpose, lead agency, members, places, dates, plan activity, checklist
// template), checklist answers per place, findings. Every change is audited in its transaction
// with the mission's before/after; out of scope is 404, in scope without the right 403.
import type { ServiceContext } from '../../access/actor';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { inTransaction } from '../../db/transaction';
import { insertAudit } from '../audit/audit.service';
import { existingIds, findPlace } from '../records/records.service';
import * as checklists from './checklists.repo';
import { syncMissionRecord } from './mission-record.service';
import { mayEditMission, type MissionFacts } from './mission.policy';
import { buildMissionView, missionAuditShape, missionFacts, missionPhase } from './mission-view';
import * as repo from './missions.repo';
import type {
  ChecklistAnswersBody,
  CreateMissionBody,
  FindingBody,
  ListMissionsQuery,
  MissionSummary,
  MissionView,
  UpdateMissionBody,
} from './monitoring.schemas';
import { agencyMap, provinceNames } from '../reference/reference.service';
import { agencyRef } from './mission-view';
import { today } from '../../common/today';
import { assertVersion } from '../../common/version';

const stale = 'Đoàn kiểm tra đã được người khác sửa sau khi bạn mở. Hãy tải lại rồi sửa lại.';

export async function getMission(ctx: ServiceContext, missionId: number): Promise<MissionView> {
  const row = await repo.findMission(ctx.db, ctx.actor, missionId);
  if (!row) throw notFound('Đoàn kiểm tra');
  return buildMissionView(ctx.db, ctx.actor, row, today(ctx));
}

export async function listMissions(
  ctx: ServiceContext,
  query: ListMissionsQuery,
): Promise<{ items: MissionSummary[]; total: number }> {
  const day = today(ctx);
  const { rows, total } = await repo.listMissions(
    ctx.db,
    ctx.actor,
    { ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 },
    day,
  );
  const ids = rows.map((r) => r.mission_id);
  const [facts, places, agencies] = await Promise.all([
    missionFacts(
      ctx.db,
      rows.map((r) => ({ missionId: r.mission_id, leadAgencyId: r.lead_agency_id })),
    ),
    repo.missionPlaces(ctx.db, ids),
    agencyMap(
      ctx.db,
      rows.map((r) => r.lead_agency_id),
      day,
    ),
  ]);
  const names = await provinceNames(ctx.db, [...new Set(places.map((p) => p.province_code))]);
  const items = rows.map((r): MissionSummary => {
    const own = places.filter((p) => p.mission_id === r.mission_id);
    const provinces = [...new Set(own.map((p) => p.province_code))];
    return {
      id: r.mission_id,
      title: r.title,
      leadAgency: agencyRef(agencies, r.lead_agency_id),
      startDate: r.start_date,
      endDate: r.end_date,
      phase: missionPhase(r.start_date, r.end_date, day),
      provinces: provinces.map((code) => ({ code, name: names.get(code) ?? code })),
      placeCount: own.length,
      findingCount: Number(r.finding_count ?? 0),
      recommendationCount: Number(r.recommendation_count ?? 0),
      openRecommendations: Number(r.open_count ?? 0),
      overdueRecommendations: Number(r.overdue_count ?? 0),
      allowedActions: mayEditMission(ctx.actor, facts.get(r.mission_id)!) ? ['edit', 'export'] : ['export'],
    };
  });
  return { items, total };
}

interface PreparedMission {
  values: repo.MissionValues;
  members: repo.MemberValues[];
  places: repo.PlaceValues[];
  facts: MissionFacts;
  search: string[];
}

async function preparePlaces(ctx: ServiceContext, body: CreateMissionBody) {
  const seen = new Set<string>();
  const places: repo.PlaceValues[] = [];
  const names: string[] = [];
  for (const [i, p] of body.places.entries()) {
    const key = `${p.generation}:${p.code}`;
    if (seen.has(key)) throw badRequest(`places.${i}.code`, 'Địa bàn này đã có trong danh sách');
    seen.add(key);
    const unit = await findPlace(ctx.db, p.generation, p.code);
    if (!unit)
      throw badRequest(
        `places.${i}.code`,
        `Không có đơn vị hành chính mã ${p.code} (${p.generation === 2024 ? 'trước' : 'từ'} 1/7/2025)`,
      );
    if (!unit.province_2025) throw badRequest(`places.${i}.code`, 'Không xác định được tỉnh hiện nay của địa bàn này');
    const visit = p.visitDate ?? null;
    if (visit !== null && (visit < body.startDate || visit > body.endDate))
      throw badRequest(`places.${i}.visitDate`, 'Ngày làm việc tại địa bàn phải nằm trong thời gian của đoàn');
    places.push({ generation: p.generation, code: p.code, province_code: unit.province_2025, visit_date: visit });
    names.push(unit.full_name);
  }
  return { places, names };
}

async function prepareMission(ctx: ServiceContext, body: CreateMissionBody, currentTemplate: number | null) {
  if (body.title.trim() === '') throw badRequest('title', 'Cần nhập tên đoàn kiểm tra, giám sát');
  if (body.endDate < body.startDate) throw badRequest('endDate', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu');
  const memberAgencyIds = body.members.map((m) => m.agencyId);
  const agencies = await existingIds(ctx.db, 'agency', [body.leadAgencyId, ...memberAgencyIds]);
  if (!agencies.has(body.leadAgencyId))
    throw badRequest('leadAgencyId', `Cơ quan số ${body.leadAgencyId} không tồn tại`);
  const missing = body.members.findIndex((m) => !agencies.has(m.agencyId));
  if (missing >= 0) throw badRequest(`members.${missing}.agencyId`, 'Cơ quan của thành viên không tồn tại');
  const blank = body.members.findIndex((m) => m.name.trim() === '');
  if (blank >= 0) throw badRequest(`members.${blank}.name`, 'Cần nhập họ tên thành viên');
  const activityId = body.planActivityId ?? null;
  if (activityId !== null && !(await repo.findActivity(ctx.db, ctx.actor, activityId)))
    throw badRequest('planActivityId', 'Không có hoạt động này trong các kế hoạch bạn xem được');
  const templateId = body.checklistTemplateId ?? null;
  if (templateId !== null) {
    const template = await checklists.findTemplate(ctx.db, templateId);
    // A retired template stays on the missions that already use it, but is not chosen anew.
    if (!template || (!template.active && templateId !== currentTemplate))
      throw badRequest('checklistTemplateId', 'Không có bảng kiểm này (hoặc bảng kiểm đã ngừng dùng)');
  }
  const { places, names } = await preparePlaces(ctx, body);
  const report = body.report ?? {};
  // The report date marks the mission as held (indicator GS01): it comes after the visits, not later than today.
  if (report.date != null && report.date < body.endDate)
    throw badRequest('report.date', 'Ngày báo cáo phải sau hoặc bằng ngày kết thúc của đoàn');
  if (report.date != null && report.date > today(ctx))
    throw badRequest('report.date', 'Ngày báo cáo không được sau hôm nay');
  const prepared: PreparedMission = {
    values: {
      title: body.title.trim(),
      purpose: body.purpose?.trim() ?? '',
      lead_agency_id: body.leadAgencyId,
      plan_activity_id: activityId,
      checklist_template_id: templateId,
      start_date: body.startDate,
      end_date: body.endDate,
      report_number: report.number?.trim() ?? '',
      report_place: report.place?.trim() || 'Hà Nội',
      report_date: report.date ?? null,
      conclusion: report.conclusion?.trim() ?? '',
      recipients: (report.recipients ?? []).map((r) => r.trim()).filter(Boolean),
    },
    members: body.members.map((m) => ({
      name: m.name.trim(),
      title: m.title?.trim() ?? '',
      agency_id: m.agencyId,
      role: m.role ?? 'member',
    })),
    places,
    facts: {
      leadAgencyId: body.leadAgencyId,
      memberAgencyIds: [...new Set(memberAgencyIds)],
      provinceCodes: [...new Set(places.map((p) => p.province_code))],
    },
    search: [...names, ...body.members.map((m) => m.name)],
  };
  if (!mayEditMission(ctx.actor, prepared.facts)) {
    if (!ctx.actor.nationalScope && !prepared.facts.provinceCodes.every((p) => ctx.actor.provinces.includes(p)))
      throw forbidden('Có địa bàn nằm ngoài phạm vi tỉnh, thành phố của bạn');
    throw forbidden('Cơ quan của bạn phải là cơ quan chủ trì hoặc có thành viên trong đoàn');
  }
  return prepared;
}

function auditProvince(facts: MissionFacts): string | null {
  return facts.provinceCodes.length === 1 ? facts.provinceCodes[0]! : null;
}

async function audit(
  ctx: ServiceContext,
  action: string,
  missionId: number,
  facts: MissionFacts,
  before: MissionView | null,
  after: MissionView | null,
) {
  await insertAudit(
    ctx.db,
    ctx.actor,
    {
      action,
      entityType: 'mission',
      entityId: missionId,
      agencyId: facts.leadAgencyId,
      provinceCode: auditProvince(facts),
      ...(before ? { before: missionAuditShape(before) } : {}),
      ...(after ? { after: missionAuditShape(after) } : {}),
    },
    ctx.clock.now(),
    ctx.ip,
  );
}

export async function createMission(ctx: ServiceContext, body: CreateMissionBody): Promise<MissionView> {
  const id = await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const prepared = await prepareMission(txCtx, body, null);
    const now = ctx.clock.now();
    const missionId = await repo.insertMission(tx, prepared.values, prepared.search, ctx.actor.userId, now);
    await repo.replaceMembers(tx, missionId, prepared.members);
    await repo.syncPlaces(tx, missionId, prepared.places);
    await syncMissionRecord(txCtx, missionId);
    await audit(txCtx, 'create', missionId, prepared.facts, null, await getMission(txCtx, missionId));
    return missionId;
  });
  return getMission(ctx, id);
}

/** The mission for a change: 404 outside scope, 403 when the caller may read but not edit it. */
export async function loadForChange(ctx: ServiceContext, missionId: number, version?: number) {
  const row = await repo.findMission(ctx.db, ctx.actor, missionId, true);
  if (!row) throw notFound('Đoàn kiểm tra');
  const facts = (await missionFacts(ctx.db, [{ missionId, leadAgencyId: row.lead_agency_id }])).get(missionId)!;
  if (!mayEditMission(ctx.actor, facts)) throw forbidden('Bạn không có quyền sửa đoàn kiểm tra này');
  assertVersion(row.version, version, stale);
  return { row, facts };
}

export async function updateMission(
  ctx: ServiceContext,
  missionId: number,
  body: UpdateMissionBody,
): Promise<MissionView> {
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const { row, facts } = await loadForChange(txCtx, missionId, body.version);
    const before = await getMission(txCtx, missionId);
    const { version, ...input } = body;
    const prepared = await prepareMission(txCtx, input, row.checklist_template_id);
    const now = ctx.clock.now();
    if (!(await repo.updateMission(tx, missionId, version, prepared.values, prepared.search, now)))
      throw conflict(stale, 'version');
    await repo.replaceMembers(tx, missionId, prepared.members);
    await repo.syncPlaces(tx, missionId, prepared.places);
    if (prepared.values.checklist_template_id !== row.checklist_template_id)
      await repo.dropAnswersOutside(tx, missionId, prepared.values.checklist_template_id);
    await syncMissionRecord(txCtx, missionId);
    await audit(txCtx, 'update', missionId, facts, before, await getMission(txCtx, missionId));
  });
  return getMission(ctx, missionId);
}

/** A change below the mission: checks, runs `change`, moves the version on, audits. */
async function changeMission(
  ctx: ServiceContext,
  missionId: number,
  action: string,
  change: (txCtx: ServiceContext, row: repo.MissionRow) => Promise<void>,
): Promise<MissionView> {
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const { row, facts } = await loadForChange(txCtx, missionId);
    const before = await getMission(txCtx, missionId);
    await change(txCtx, row);
    await repo.touchMission(tx, missionId, ctx.clock.now());
    await audit(txCtx, action, missionId, facts, before, await getMission(txCtx, missionId));
  });
  return getMission(ctx, missionId);
}

export async function saveChecklist(
  ctx: ServiceContext,
  missionId: number,
  placeId: number,
  body: ChecklistAnswersBody,
): Promise<MissionView> {
  return changeMission(ctx, missionId, 'checklist', async (txCtx, row) => {
    const place = await repo.findMissionPlace(txCtx.db, missionId, placeId);
    if (!place) throw notFound('Địa bàn của đoàn');
    if (row.checklist_template_id === null)
      throw badRequest('answers', 'Đoàn chưa chọn bảng kiểm: hãy chọn bảng kiểm trong kế hoạch đoàn trước');
    const ids = body.answers.map((a) => a.itemId);
    const known = await checklists.itemIdsOf(txCtx.db, row.checklist_template_id, ids);
    const seen = new Set<number>();
    body.answers.forEach((a, i) => {
      if (!known.has(a.itemId)) throw badRequest(`answers.${i}.itemId`, 'Câu hỏi không thuộc bảng kiểm của đoàn');
      if (seen.has(a.itemId)) throw badRequest(`answers.${i}.itemId`, 'Câu hỏi được trả lời hai lần');
      seen.add(a.itemId);
    });
    await repo.replaceAnswers(
      txCtx.db,
      placeId,
      body.answers.map((a) => ({ itemId: a.itemId, answer: a.answer, note: a.note?.trim() ?? '' })),
    );
  });
}

async function checkFindingPlace(ctx: ServiceContext, missionId: number, placeId: number | null | undefined) {
  if (placeId == null) return null;
  if (!(await repo.findMissionPlace(ctx.db, missionId, placeId)))
    throw badRequest('placeId', 'Địa bàn không thuộc đoàn kiểm tra này');
  return placeId;
}

export async function addFinding(ctx: ServiceContext, missionId: number, body: FindingBody): Promise<MissionView> {
  if (body.text.trim() === '') throw badRequest('text', 'Cần nhập nội dung phát hiện, đánh giá');
  return changeMission(ctx, missionId, 'add_finding', async (txCtx) => {
    const placeId = await checkFindingPlace(txCtx, missionId, body.placeId);
    await repo.insertFinding(txCtx.db, {
      missionId,
      placeId,
      text: body.text.trim(),
      userId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
  });
}

export async function updateFinding(
  ctx: ServiceContext,
  missionId: number,
  findingId: number,
  body: FindingBody,
): Promise<MissionView> {
  if (body.text.trim() === '') throw badRequest('text', 'Cần nhập nội dung phát hiện, đánh giá');
  return changeMission(ctx, missionId, 'update_finding', async (txCtx) => {
    if (!(await repo.findFinding(txCtx.db, missionId, findingId))) throw notFound('Phát hiện');
    const placeId = await checkFindingPlace(txCtx, missionId, body.placeId);
    await repo.updateFinding(txCtx.db, findingId, { placeId, text: body.text.trim() });
  });
}

export async function deleteFinding(ctx: ServiceContext, missionId: number, findingId: number): Promise<MissionView> {
  return changeMission(ctx, missionId, 'delete_finding', async (txCtx) => {
    if (!(await repo.findFinding(txCtx.db, missionId, findingId))) throw notFound('Phát hiện');
    await repo.deleteFinding(txCtx.db, findingId);
  });
}

/** Search everywhere (modules/search): the monitoring missions in the actor's scope holding every folded word. */
export function searchMissions(ctx: ServiceContext, words: readonly string[], limit: number) {
  return repo.searchMissions(ctx.db, ctx.actor, words, limit);
}
