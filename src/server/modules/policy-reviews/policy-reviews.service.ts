// The register of policy documents received for comment, appraisal or social criticism: entries,
// their response (text, file, date sent), deadlines and late flags computed against today.
// Sending a response records it as an implementation record of type policy_comment on the entry's
// plan activity, in the same transaction: that is what the "policy documents commented" indicator
// (GS02) counts, live, like every other record. Every change is audited.
import type { ServiceContext } from '../../access/actor';
import * as files from '../../common/files/files.service';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { inTransaction } from '../../db/transaction';
import { insertAudit } from '../audit/audit.service';
import { agencyMap } from '../reference/reference.service';
import { findActivity } from '../records/records.service';
import { syncDerivedRecord, type DerivedRecordValues } from '../records/derived-records.service';
import { daysUntil, mayManageReview, mayRespond, reviewActions, reviewState } from './policy-review.policy';
import * as repo from './policy-reviews.repo';
import {
  DOCUMENT_KIND_LABELS,
  REVIEW_TYPE_LABELS,
  type CreateReviewBody,
  type ListReviewsQuery,
  type RespondBody,
  type ReviewView,
  type UpdateReviewBody,
} from './policy-reviews.schemas';
import { today } from '../../common/today';
import { assertVersion } from '../../common/version';

const stale = 'Văn bản đã được người khác cập nhật sau khi bạn mở. Hãy tải lại rồi thử lại.';

async function views(ctx: ServiceContext, rows: repo.ReviewRow[]): Promise<ReviewView[]> {
  const day = today(ctx);
  const agencies = await agencyMap(
    ctx.db,
    rows.map((r) => r.agency_id),
    day,
  );
  return rows.map((r) => {
    const agency = agencies.get(r.agency_id);
    const state = reviewState(r.deadline, r.sent_on, day);
    return {
      id: r.policy_review_id,
      title: r.title,
      kind: r.kind,
      reviewType: r.review_type,
      requestingAgency: r.requesting_agency,
      requestNumber: r.request_number,
      receivedOn: r.received_on,
      deadline: r.deadline,
      activity: {
        id: r.plan_activity_id,
        number: `${r.section_number}.${r.activity_position + 1}`,
        title: r.activity_title,
        planId: r.plan_id,
        planTitle: r.plan_title,
      },
      agency: { id: r.agency_id, name: agency?.name ?? '', shortName: agency?.shortName ?? '' },
      provinceCode: r.province_code,
      assignee: r.assignee_user_id ? { id: r.assignee_user_id, name: r.assignee_name ?? '' } : null,
      responseText: r.response_text,
      sentOn: r.sent_on,
      file:
        r.file_name && r.file_mime_type && r.file_sha256
          ? {
              fileName: r.file_name,
              mimeType: r.file_mime_type,
              sizeBytes: r.file_size_bytes ?? 0,
              sha256: r.file_sha256,
            }
          : null,
      recordId: r.record_id,
      state,
      late: state === 'late',
      daysLeft: r.sent_on === null ? daysUntil(r.deadline, day) : null,
      version: r.version,
      updatedAt: new Date(r.updated_at).toISOString(),
      allowedActions: reviewActions(ctx.actor, facts(r)),
    };
  });
}

const facts = (r: repo.ReviewRow) => ({
  agencyId: r.agency_id,
  provinceCode: r.province_code,
  assigneeUserId: r.assignee_user_id,
  sent: r.sent_on !== null,
});

export async function getReview(ctx: ServiceContext, reviewId: number): Promise<ReviewView> {
  const row = await repo.findReview(ctx.db, ctx.actor, reviewId);
  if (!row) throw notFound('Văn bản');
  return (await views(ctx, [row]))[0]!;
}

export async function listReviews(ctx: ServiceContext, query: ListReviewsQuery) {
  const day = today(ctx);
  const { rows, summary } = await repo.listReviews(
    ctx.db,
    ctx.actor,
    {
      ...query,
      assignee: query.mine ? ctx.actor.userId : undefined,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    },
    day,
  );
  return {
    items: await views(ctx, rows),
    total: Number(summary.total),
    summary: {
      total: Number(summary.total),
      sent: Number(summary.sent) + Number(summary.sent_late),
      sentLate: Number(summary.sent_late),
      pending: Number(summary.pending),
      late: Number(summary.late),
    },
    today: day,
  };
}

async function prepare(ctx: ServiceContext, body: CreateReviewBody): Promise<repo.ReviewValues> {
  if (body.title.trim() === '') throw badRequest('title', 'Cần nhập tên văn bản');
  if (body.requestingAgency.trim() === '') throw badRequest('requestingAgency', 'Cần nhập cơ quan đề nghị');
  if (body.deadline < body.receivedOn) throw badRequest('deadline', 'Hạn trả lời phải sau hoặc bằng ngày nhận');
  const agencyId = body.agencyId ?? ctx.actor.agencyId;
  const agency = await repo.findAgency(ctx.db, agencyId);
  if (!agency) throw badRequest('agencyId', `Cơ quan số ${agencyId} không tồn tại`);
  if (agency.level === 'provincial' && agency.generation !== 2025)
    throw badRequest('agencyId', 'Cơ quan cấp tỉnh này không còn tồn tại sau sắp xếp 1/7/2025');
  const provinceCode = agency.level === 'provincial' ? agency.province_code : null;
  const activity = await findActivity(ctx.db, ctx.actor, body.planActivityId);
  if (!activity) throw badRequest('planActivityId', 'Không có hoạt động này trong các kế hoạch bạn xem được');
  if (activity.plan_kind === 'provincial' && activity.plan_province_code !== provinceCode)
    throw badRequest('planActivityId', 'Hoạt động thuộc kế hoạch của tỉnh khác với cơ quan nhận văn bản');
  const assignee = body.assigneeUserId ?? null;
  if (assignee !== null) {
    const user = await repo.findUser(ctx.db, assignee);
    if (!user || user.disabled_at !== null || user.agency_id !== agencyId)
      throw badRequest('assigneeUserId', 'Người được giao phải là người dùng đang hoạt động của cơ quan nhận văn bản');
  }
  const values: repo.ReviewValues = {
    title: body.title.trim(),
    kind: body.kind,
    review_type: body.reviewType,
    requesting_agency: body.requestingAgency.trim(),
    request_number: body.requestNumber?.trim() ?? '',
    received_on: body.receivedOn,
    deadline: body.deadline,
    plan_activity_id: body.planActivityId,
    agency_id: agencyId,
    province_code: provinceCode,
    assignee_user_id: assignee,
  };
  if (!mayManageReview(ctx.actor, { agencyId, provinceCode }))
    throw forbidden('Chỉ cơ quan nhận văn bản (hoặc cơ quan cấp trên) mới vào sổ và sửa văn bản này');
  return values;
}

function auditShape(view: ReviewView) {
  const { allowedActions: _a, state: _s, late: _l, daysLeft: _d, ...rest } = view;
  return rest;
}

async function audit(
  ctx: ServiceContext,
  action: string,
  id: number,
  before: ReviewView | null,
  after: ReviewView | null,
) {
  const source = after ?? before!;
  await insertAudit(
    ctx.db,
    ctx.actor,
    {
      action,
      entityType: 'policy_review',
      entityId: id,
      agencyId: source.agency.id,
      provinceCode: source.provinceCode,
      ...(before ? { before: auditShape(before) } : {}),
      ...(after ? { after: auditShape(after) } : {}),
    },
    ctx.clock.now(),
    ctx.ip,
  );
}

export async function createReview(ctx: ServiceContext, body: CreateReviewBody): Promise<ReviewView> {
  const id = await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const values = await prepare(txCtx, body);
    const reviewId = await repo.insertReview(tx, values, ctx.actor.userId, ctx.clock.now());
    await audit(txCtx, 'create', reviewId, null, await getReview(txCtx, reviewId));
    return reviewId;
  });
  return getReview(ctx, id);
}

async function loadForChange(ctx: ServiceContext, reviewId: number, may: (row: repo.ReviewRow) => boolean) {
  const row = await repo.findReview(ctx.db, ctx.actor, reviewId, true);
  if (!row) throw notFound('Văn bản');
  if (!may(row)) throw forbidden('Bạn không có quyền cập nhật văn bản này');
  return row;
}

export async function updateReview(ctx: ServiceContext, reviewId: number, body: UpdateReviewBody): Promise<ReviewView> {
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await loadForChange(txCtx, reviewId, (r) => mayManageReview(ctx.actor, facts(r)));
    assertVersion(row.version, body.version, stale);
    if (
      row.sent_on !== null &&
      (body.planActivityId !== row.plan_activity_id || (body.agencyId ?? row.agency_id) !== row.agency_id)
    )
      throw conflict('Văn bản đã gửi ý kiến: không đổi hoạt động hay cơ quan nhận được nữa (hãy hủy ngày gửi trước)');
    const before = await getReview(txCtx, reviewId);
    const { version, ...input } = body;
    const values = await prepare(txCtx, { ...input, agencyId: input.agencyId ?? row.agency_id });
    if (!(await repo.updateReview(tx, reviewId, version, values, ctx.clock.now()))) throw conflict(stale, 'version');
    if (row.sent_on !== null) await syncResponseRecord(txCtx, (await repo.findReview(tx, ctx.actor, reviewId))!);
    await audit(txCtx, 'update', reviewId, before, await getReview(txCtx, reviewId));
  });
  return getReview(ctx, reviewId);
}

function recordValues(row: repo.ReviewRow, sentOn: string, responseText: string): DerivedRecordValues {
  return {
    plan_activity_id: row.plan_activity_id,
    type: 'policy_comment',
    title: `${REVIEW_TYPE_LABELS[row.review_type]}: ${row.title}`.slice(0, 500),
    start_date: sentOn,
    end_date: sentOn,
    place_generation: null,
    place_code: null,
    province_code: row.province_code,
    village: null,
    organiser_agency_id: row.agency_id,
    description: responseText.slice(0, 10000),
    outputs: { note: `${DOCUMENT_KIND_LABELS[row.kind]} — ${row.requesting_agency}`.slice(0, 2000) },
    participants_mode: 'totals_only',
    total_participants: 0,
    female_participants: null,
  };
}

/**
 * Keeps the entry's implementation record in step with its response: created when it is sent,
 * its date and text updated, soft-deleted when the sending is undone. Returns the record id.
 */
function syncResponseRecord(ctx: ServiceContext, row: repo.ReviewRow): Promise<number | null> {
  return syncDerivedRecord(ctx, {
    recordId: row.record_id,
    values: row.sent_on === null ? null : recordValues(row, row.sent_on, row.response_text),
    agencyId: row.agency_id,
    provinceCode: row.province_code,
    source: { policyReviewId: row.policy_review_id },
  });
}

export async function respond(ctx: ServiceContext, reviewId: number, body: RespondBody): Promise<ReviewView> {
  const text = body.responseText.trim();
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await loadForChange(txCtx, reviewId, (r) => mayRespond(ctx.actor, facts(r)));
    assertVersion(row.version, body.version, stale);
    if (body.sentOn !== null) {
      if (text === '' && !row.file_name)
        throw badRequest('responseText', 'Cần có nội dung ý kiến hoặc tệp văn bản trả lời trước khi ghi ngày gửi');
      if (body.sentOn < row.received_on) throw badRequest('sentOn', 'Ngày gửi không được trước ngày nhận văn bản');
      if (body.sentOn > today(ctx)) throw badRequest('sentOn', 'Ngày gửi không được sau hôm nay');
    }
    const before = await getReview(txCtx, reviewId);
    const recordId = await syncResponseRecord(txCtx, { ...row, sent_on: body.sentOn, response_text: text });
    if (
      !(await repo.setResponse(
        tx,
        reviewId,
        body.version,
        { responseText: text, sentOn: body.sentOn, recordId },
        ctx.clock.now(),
      ))
    )
      throw conflict(stale, 'version');
    await audit(txCtx, 'respond', reviewId, before, await getReview(txCtx, reviewId));
  });
  return getReview(ctx, reviewId);
}

const responseOf = (reviewId: number): files.FileOwner => ({ kind: 'policyReview', id: reviewId });

/** The review's response file (one at most). */
async function responseFile(ctx: ServiceContext, reviewId: number) {
  const [file] = await files.filesOf(ctx.db, 'policyReview', [reviewId]);
  return file;
}

export async function deleteReview(ctx: ServiceContext, reviewId: number): Promise<void> {
  await files.withFiles(ctx, async (txCtx, changes) => {
    const row = await loadForChange(txCtx, reviewId, (r) => mayManageReview(ctx.actor, facts(r)));
    if (row.sent_on !== null) throw conflict('Văn bản đã gửi ý kiến: hãy hủy ngày gửi trước khi xóa');
    const before = await getReview(txCtx, reviewId);
    await changes.removeAllOf(responseOf(reviewId));
    await repo.deleteReview(txCtx.db, reviewId);
    await audit(txCtx, 'delete', reviewId, before, null);
  });
}

export async function attachResponseFile(
  ctx: ServiceContext,
  reviewId: number,
  upload: files.UploadedFile,
): Promise<ReviewView> {
  await files.withFiles(ctx, async (txCtx, changes) => {
    await loadForChange(txCtx, reviewId, (r) => mayRespond(ctx.actor, facts(r)));
    const before = await getReview(txCtx, reviewId);
    // A new file replaces the previous one; the previous bytes go once the new one is recorded.
    const previous = await responseFile(txCtx, reviewId);
    if (previous) await changes.remove(previous);
    await changes.store(responseOf(reviewId), upload);
    await repo.touchReview(txCtx.db, reviewId, ctx.clock.now());
    await audit(txCtx, 'attach', reviewId, before, await getReview(txCtx, reviewId));
  });
  return getReview(ctx, reviewId);
}

export async function openResponseFile(ctx: ServiceContext, reviewId: number) {
  const row = await repo.findReview(ctx.db, ctx.actor, reviewId);
  if (!row) throw notFound('Văn bản');
  const file = await responseFile(ctx, reviewId);
  if (!file) throw notFound('Tệp văn bản trả lời');
  return files.openFile(ctx, file);
}

export async function removeResponseFile(ctx: ServiceContext, reviewId: number): Promise<ReviewView> {
  await files.withFiles(ctx, async (txCtx, changes) => {
    const row = await loadForChange(txCtx, reviewId, (r) => mayRespond(ctx.actor, facts(r)));
    const file = await responseFile(txCtx, reviewId);
    if (!file) throw notFound('Tệp văn bản trả lời');
    if (row.sent_on !== null && row.response_text.trim() === '')
      throw conflict('Ý kiến đã gửi chỉ có tệp này: hãy ghi nội dung hoặc hủy ngày gửi trước');
    const before = await getReview(txCtx, reviewId);
    await changes.remove(file);
    await repo.touchReview(txCtx.db, reviewId, ctx.clock.now());
    await audit(txCtx, 'detach', reviewId, before, await getReview(txCtx, reviewId));
  });
  return getReview(ctx, reviewId);
}

export async function assignees(ctx: ServiceContext, agencyId: number) {
  if (!ctx.actor.nationalScope && !ctx.actor.agencyIds.includes(agencyId))
    throw forbidden('Chỉ xem được người dùng của cơ quan mình');
  const rows = await repo.agencyUsers(ctx.db, agencyId);
  return rows.map((u) => ({ id: u.user_id, name: u.display_name, username: u.username }));
}

/** Search everywhere (modules/search): the policy-review register entries in the actor's scope holding every folded word. */
export function searchReviews(ctx: ServiceContext, words: readonly string[], limit: number) {
  return repo.searchReviews(ctx.db, ctx.actor, words, limit);
}
