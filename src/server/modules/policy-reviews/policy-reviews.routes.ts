// The register of policy documents received for comment, appraisal or social criticism.
import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { readAttachment, sendFile } from '../../common/files/file-routes';
import { withIdempotency } from '../../http/idempotency';
import { IdempotencyHeaders, IdParams, UploadErrors } from '../../http/schemas';
import { renderReviewsXlsx } from './policy-reviews-xlsx';
import {
  AssigneeView,
  CreateReviewBody,
  errors,
  ListReviewsQuery,
  RespondBody,
  ReviewList,
  ReviewView,
  UpdateReviewBody,
} from './policy-reviews.schemas';
import * as reviews from './policy-reviews.service';
import { sendDownload } from '../../http/download';

const tags = ['policy-reviews'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function policyReviewRoutes(app: App): Promise<void> {
  app.get(
    '/policy-reviews',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Sổ văn bản góp ý, thẩm định, phản biện trong phạm vi',
        description:
          'Tình trạng tính theo hạn so với hôm nay: pending (đang xử lý), late (quá hạn, chưa gửi), sent, sent_late. `state=open`: chưa gửi. `year`: theo ngày nhận. `summary.sent` là số văn bản đã gửi ý kiến (chỉ số GS02).',
        querystring: ListReviewsQuery,
        response: { 200: ReviewList, ...errors },
      },
    },
    async (request) => reviews.listReviews(serviceContext(request), request.query),
  );

  app.get(
    '/policy-reviews/export.xlsx',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: 'Sổ góp ý chính sách (.xlsx)', querystring: ListReviewsQuery },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { items, today } = await reviews.listReviews(ctx, { ...request.query, limit: 500, offset: 0 });
      return sendDownload(reply, XLSX, `so-gop-y-chinh-sach-${today}.xlsx`, await renderReviewsXlsx(items, today));
    },
  );

  app.get(
    '/policy-reviews/assignees',
    {
      config: { permission: 'policy:write' },
      schema: {
        tags,
        summary: 'Người dùng của một cơ quan, để giao xử lý văn bản',
        querystring: Type.Object({ agency: Type.Integer({ minimum: 1 }) }),
        response: { 200: Type.Array(AssigneeView), ...errors },
      },
    },
    async (request) => reviews.assignees(serviceContext(request), request.query.agency),
  );

  app.post(
    '/policy-reviews',
    {
      config: { permission: 'policy:write' },
      schema: {
        tags,
        summary: 'Vào sổ một văn bản đề nghị góp ý, thẩm định, phản biện',
        headers: IdempotencyHeaders,
        body: CreateReviewBody,
        response: { 201: ReviewView, ...errors },
      },
    },
    async (request, reply) =>
      withIdempotency(request, reply, async (db) => ({
        statusCode: 201,
        body: await reviews.createReview({ ...serviceContext(request), db }, request.body),
      })),
  );

  app.get(
    '/policy-reviews/:id',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: 'Một văn bản trong sổ', params: IdParams, response: { 200: ReviewView, ...errors } },
    },
    async (request) => reviews.getReview(serviceContext(request), request.params.id),
  );

  app.put(
    '/policy-reviews/:id',
    {
      config: { permission: 'policy:write' },
      schema: {
        tags,
        summary: 'Sửa thông tin văn bản',
        params: IdParams,
        body: UpdateReviewBody,
        response: { 200: ReviewView, ...errors },
      },
    },
    async (request) => reviews.updateReview(serviceContext(request), request.params.id, request.body),
  );

  app.delete(
    '/policy-reviews/:id',
    {
      config: { permission: 'policy:write' },
      schema: {
        tags,
        summary: 'Xóa văn bản chưa gửi ý kiến',
        params: IdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await reviews.deleteReview(serviceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/policy-reviews/:id/response',
    {
      config: { permission: 'policy:write' },
      schema: {
        tags,
        summary: 'Ghi ý kiến trả lời và ngày gửi',
        description:
          '`sentOn` null: ý kiến còn là dự thảo. Khi có ngày gửi, văn bản được ghi nhận là một hoạt động "góp ý chính sách" của kế hoạch (tính vào chỉ số GS02).',
        params: IdParams,
        body: RespondBody,
        response: { 200: ReviewView, ...errors },
      },
    },
    async (request) => reviews.respond(serviceContext(request), request.params.id, request.body),
  );

  app.post(
    '/policy-reviews/:id/file',
    {
      config: { permission: 'policy:write' },
      schema: {
        tags,
        summary: 'Đính kèm văn bản trả lời (PDF, .docx, ảnh, .xlsx; tối đa 20 MB)',
        description: 'Multipart, trường `file`; thay tệp trước đó nếu có.',
        params: IdParams,
        response: { 200: ReviewView, ...errors, ...UploadErrors },
      },
    },
    async (request) =>
      reviews.attachResponseFile(serviceContext(request), request.params.id, await readAttachment(request)),
  );

  app.get(
    '/policy-reviews/:id/file',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: 'Tải văn bản trả lời', params: IdParams },
    },
    async (request, reply) => {
      const file = await reviews.openResponseFile(serviceContext(request), request.params.id);
      return sendFile(reply, file);
    },
  );

  app.delete(
    '/policy-reviews/:id/file',
    {
      config: { permission: 'policy:write' },
      schema: { tags, summary: 'Gỡ văn bản trả lời', params: IdParams, response: { 200: ReviewView, ...errors } },
    },
    async (request) => reviews.removeResponseFile(serviceContext(request), request.params.id),
  );
}
