// Recommendations of a mission: written by the mission's editors, addressed to an agency or a
// province, followed up only by the addressee (status and evidence text, evidence files). Overdue
// is computed from the due date on every read. Every change is audited in its transaction.
import type { ServiceContext } from '../../access/actor';
import * as files from '../../common/files/files.service';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { inTransaction } from '../../db/transaction';
import { insertAudit } from '../audit/audit.service';
import { mayEditMission, mayFollowUp, type MissionFacts } from './mission.policy';
import { missionFacts, recommendationAuditShape, recommendationViews } from './mission-view';
import * as missions from './missions.repo';
import { loadForChange } from './missions.service';
import type {
  EvidenceFileView,
  FollowUpBody,
  ListRecommendationsQuery,
  RecommendationBody,
  RecommendationView,
  UpdateRecommendationBody,
} from './monitoring.schemas';
import * as repo from './recommendations.repo';
import { agencyMap } from '../reference/reference.service';
import { addresseeView } from './mission-view';
import { today } from '../../common/today';
import { assertVersion } from '../../common/version';

const stale = 'Kiến nghị đã được cập nhật sau khi bạn mở. Hãy tải lại rồi thử lại.';
const evidenceOf = (recommendationId: number): files.FileOwner => ({ kind: 'recommendation', id: recommendationId });

/**
 * A recommendation the actor may see: one addressed to them, or any of a mission they edit.
 * Undefined (→ 404) otherwise.
 */
async function findVisible(ctx: ServiceContext, recommendationId: number, forUpdate = false) {
  const scoped = await repo.findRecommendation(ctx.db, ctx.actor, recommendationId, { forUpdate });
  if (scoped) return scoped;
  const missionId = await repo.missionOf(ctx.db, recommendationId);
  if (missionId === undefined) return undefined;
  const mission = await missions.findMission(ctx.db, ctx.actor, missionId);
  if (!mission) return undefined;
  const facts = (await missionFacts(ctx.db, [{ missionId, leadAgencyId: mission.lead_agency_id }])).get(missionId)!;
  if (!mayEditMission(ctx.actor, facts)) return undefined;
  return repo.findRecommendation(ctx.db, ctx.actor, recommendationId, { forUpdate, visibleMissionIds: [missionId] });
}

async function load(ctx: ServiceContext, recommendationId: number, forUpdate = false) {
  const row = await findVisible(ctx, recommendationId, forUpdate);
  if (!row) throw notFound('Kiến nghị');
  return row;
}

export async function getRecommendation(ctx: ServiceContext, recommendationId: number): Promise<RecommendationView> {
  const row = await load(ctx, recommendationId);
  return (await recommendationViews(ctx.db, ctx.actor, [row], today(ctx)))[0]!;
}

export async function listRecommendations(ctx: ServiceContext, query: ListRecommendationsQuery) {
  const day = today(ctx);
  const { rows, total, groups } = await repo.listRecommendations(
    ctx.db,
    ctx.actor,
    {
      status: query.status,
      mission: query.mission,
      agency: query.agency,
      province: query.province,
      addressedTo: query.mine
        ? { agencyId: ctx.actor.agencyId, provinces: ctx.actor.nationalScope ? [] : ctx.actor.provinces }
        : undefined,
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    },
    day,
  );
  const agencies = await agencyMap(
    ctx.db,
    groups.flatMap((g) => (g.addressee_agency_id ? [g.addressee_agency_id] : [])),
    day,
  );
  return {
    items: await recommendationViews(ctx.db, ctx.actor, rows, day),
    total,
    byAddressee: groups.map((g) => ({
      addressee: addresseeView(agencies, {
        addressee_agency_id: g.addressee_agency_id,
        addressee_province_code: g.addressee_province_code,
        addressee_province_name: g.addressee_province_name,
        scope_province_code: null,
      } as repo.RecommendationRow),
      total: Number(g.total),
      open: Number(g.open),
      overdue: Number(g.overdue),
    })),
    today: day,
  };
}

async function prepare(
  ctx: ServiceContext,
  missionId: number,
  body: RecommendationBody,
): Promise<repo.RecommendationValues> {
  if (body.text.trim() === '') throw badRequest('text', 'Cần nhập nội dung kiến nghị');
  const findingId = body.findingId ?? null;
  if (findingId !== null && !(await missions.findFinding(ctx.db, missionId, findingId)))
    throw badRequest('findingId', 'Phát hiện không thuộc đoàn kiểm tra này');
  const base = { mission_finding_id: findingId, text: body.text.trim(), due_date: body.dueDate };
  if ('agencyId' in body.addressee) {
    const agency = await repo.addresseeAgency(ctx.db, body.addressee.agencyId);
    if (!agency) throw badRequest('addressee.agencyId', `Cơ quan số ${body.addressee.agencyId} không tồn tại`);
    if (agency.level === 'provincial' && agency.generation !== 2025)
      throw badRequest('addressee.agencyId', 'Cơ quan cấp tỉnh này không còn tồn tại sau sắp xếp 1/7/2025');
    return {
      ...base,
      addressee_agency_id: agency.agency_id,
      addressee_province_code: null,
      scope_province_code: agency.level === 'provincial' ? agency.province_code : null,
    };
  }
  const code = body.addressee.provinceCode;
  if (!(await repo.provinceExists(ctx.db, code)))
    throw badRequest('addressee.provinceCode', `Không có tỉnh, thành phố mã ${code} (sau 1/7/2025)`);
  return { ...base, addressee_agency_id: null, addressee_province_code: code, scope_province_code: code };
}

async function audit(
  ctx: ServiceContext,
  action: string,
  id: number,
  agencyId: number | null,
  provinceCode: string | null,
  before: RecommendationView | null,
  after: RecommendationView | null,
) {
  await insertAudit(
    ctx.db,
    ctx.actor,
    {
      action,
      entityType: 'recommendation',
      entityId: id,
      agencyId,
      provinceCode,
      ...(before ? { before: recommendationAuditShape(before) } : {}),
      ...(after ? { after: recommendationAuditShape(after) } : {}),
    },
    ctx.clock.now(),
    ctx.ip,
  );
}

export async function createRecommendation(
  ctx: ServiceContext,
  missionId: number,
  body: RecommendationBody,
): Promise<RecommendationView> {
  const id = await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await loadForChange(txCtx, missionId);
    const values = await prepare(txCtx, missionId, body);
    const now = ctx.clock.now();
    const recommendationId = await repo.insertRecommendation(tx, missionId, values, ctx.actor.userId, now);
    await missions.touchMission(tx, missionId, now);
    const after = await getRecommendation(txCtx, recommendationId);
    await audit(txCtx, 'create', recommendationId, values.addressee_agency_id, values.scope_province_code, null, after);
    return recommendationId;
  });
  return getRecommendation(ctx, id);
}

/** For the mission's editors: 404 if unseen, 403 if not an editor of its mission. */
async function loadForEdit(ctx: ServiceContext, recommendationId: number) {
  const row = await load(ctx, recommendationId, true);
  const facts: MissionFacts = (
    await missionFacts(ctx.db, [{ missionId: row.mission_id, leadAgencyId: row.mission_lead_agency_id }])
  ).get(row.mission_id)!;
  if (!mayEditMission(ctx.actor, facts)) throw forbidden('Chỉ thành viên các cơ quan của đoàn mới sửa kiến nghị');
  return row;
}

export async function updateRecommendation(
  ctx: ServiceContext,
  recommendationId: number,
  body: UpdateRecommendationBody,
): Promise<RecommendationView> {
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await loadForEdit(txCtx, recommendationId);
    assertVersion(row.version, body.version, stale);
    if (row.status === 'done') throw conflict('Kiến nghị đã hoàn thành, không sửa nội dung được nữa');
    const before = await getRecommendation(txCtx, recommendationId);
    const { version, ...input } = body;
    const values = await prepare(txCtx, row.mission_id, input);
    const now = ctx.clock.now();
    if (!(await repo.updateRecommendation(tx, recommendationId, version, values, now)))
      throw conflict(stale, 'version');
    await missions.touchMission(tx, row.mission_id, now);
    const after = await getRecommendation(txCtx, recommendationId);
    await audit(
      txCtx,
      'update',
      recommendationId,
      values.addressee_agency_id,
      values.scope_province_code,
      before,
      after,
    );
  });
  return getRecommendation(ctx, recommendationId);
}

export async function deleteRecommendation(ctx: ServiceContext, recommendationId: number): Promise<void> {
  // Evidence files go with the recommendation (their rows by cascade, their bytes after commit).
  await files.withFiles(ctx, async (txCtx, changes) => {
    const tx = txCtx.db;
    const row = await loadForEdit(txCtx, recommendationId);
    const before = await getRecommendation(txCtx, recommendationId);
    if (!before.allowedActions.includes('delete'))
      throw conflict('Nơi nhận đã báo cáo thực hiện kiến nghị này: không xóa được nữa');
    await changes.removeAllOf(evidenceOf(recommendationId));
    await repo.deleteRecommendation(tx, recommendationId);
    await missions.touchMission(tx, row.mission_id, ctx.clock.now());
    await audit(txCtx, 'delete', recommendationId, row.addressee_agency_id, row.scope_province_code, before, null);
  });
}

/** For the addressee only: 404 if unseen, 403 for anyone else. */
async function loadForFollowUp(ctx: ServiceContext, recommendationId: number) {
  const row = await load(ctx, recommendationId, true);
  const facts = {
    addresseeAgencyId: row.addressee_agency_id,
    addresseeProvinceCode: row.addressee_province_code,
    status: row.status,
    hasFollowUp: false,
  };
  if (!mayFollowUp(ctx.actor, facts))
    throw forbidden('Chỉ cơ quan, địa phương được kiến nghị mới cập nhật tình hình thực hiện');
  return row;
}

export async function followUp(
  ctx: ServiceContext,
  recommendationId: number,
  body: FollowUpBody,
): Promise<RecommendationView> {
  const evidence = body.evidence?.trim() ?? '';
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await loadForFollowUp(txCtx, recommendationId);
    assertVersion(row.version, body.version, stale);
    if (body.status === 'done' && evidence === '')
      throw badRequest('evidence', 'Khi báo cáo hoàn thành, hãy ghi kết quả thực hiện (minh chứng)');
    if (body.status === row.status && evidence === '')
      throw badRequest('evidence', 'Hãy ghi nội dung cập nhật hoặc chọn trạng thái khác');
    const before = await getRecommendation(txCtx, recommendationId);
    const now = ctx.clock.now();
    const closedOn = body.status === 'done' ? (row.closed_on ?? today(ctx)) : null;
    const stored = evidence || row.evidence;
    if (
      !(await repo.setFollowUp(
        tx,
        recommendationId,
        body.version,
        { status: body.status, evidence: stored, closedOn },
        now,
      ))
    )
      throw conflict(stale, 'version');
    await repo.insertFollowUp(tx, { recommendationId, status: body.status, evidence, userId: ctx.actor.userId, now });
    const after = await getRecommendation(txCtx, recommendationId);
    await audit(txCtx, 'follow_up', recommendationId, row.addressee_agency_id, row.scope_province_code, before, after);
  });
  return getRecommendation(ctx, recommendationId);
}

async function auditFile(
  ctx: ServiceContext,
  row: { addressee_agency_id: number | null; scope_province_code: string | null },
  recommendationId: number,
  change:
    { action: 'attach'; after: { file: EvidenceFileView } } | { action: 'detach'; before: { file: EvidenceFileView } },
) {
  await insertAudit(
    ctx.db,
    ctx.actor,
    {
      entityType: 'recommendation',
      entityId: recommendationId,
      agencyId: row.addressee_agency_id,
      provinceCode: row.scope_province_code,
      ...change,
    },
    ctx.clock.now(),
    ctx.ip,
  );
}

export async function addEvidenceFile(
  ctx: ServiceContext,
  recommendationId: number,
  upload: files.UploadedFile,
): Promise<EvidenceFileView> {
  return files.withFiles(ctx, async (tx, changes) => {
    const row = await loadForFollowUp(tx, recommendationId);
    const view = files.fileView(await changes.store(evidenceOf(recommendationId), upload));
    await auditFile(tx, row, recommendationId, { action: 'attach', after: { file: view } });
    return view;
  });
}

export async function openEvidenceFile(ctx: ServiceContext, recommendationId: number, fileId: number) {
  await load(ctx, recommendationId);
  return files.openFile(ctx, await files.findFile(ctx.db, evidenceOf(recommendationId), fileId, 'Tệp minh chứng'));
}

export async function removeEvidenceFile(ctx: ServiceContext, recommendationId: number, fileId: number): Promise<void> {
  await files.withFiles(ctx, async (tx, changes) => {
    const row = await loadForFollowUp(tx, recommendationId);
    const file = await files.findFile(tx.db, evidenceOf(recommendationId), fileId, 'Tệp minh chứng');
    await changes.remove(file);
    await auditFile(tx, row, recommendationId, { action: 'detach', before: { file: files.fileView(file) } });
  });
}
