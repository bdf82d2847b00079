// Recommendations of monitoring missions and their follow-up by the addressee.
import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { readAttachment, sendFile, uploadHash } from '../../common/files/file-routes';
import { withIdempotency } from '../../http/idempotency';
import { IdempotencyHeaders, IdParams, UploadErrors } from '../../http/schemas';
import { recommendationsXlsx } from './monitoring-export.service';
import {
  errors,
  EvidenceFileView,
  FollowUpBody,
  ListRecommendationsQuery,
  RecommendationBody,
  RecommendationList,
  RecommendationView,
  UpdateRecommendationBody,
} from './monitoring.schemas';
import * as recommendations from './recommendations.service';
import { sendDownload } from '../../http/download';

const tags = ['monitoring'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FileParams = Type.Object({ id: Type.Integer({ minimum: 1 }), fileId: Type.Integer({ minimum: 1 }) });

export async function recommendationRoutes(app: App): Promise<void> {
  app.post(
    '/missions/:id/recommendations',
    {
      config: { permission: 'mission:write' },
      schema: {
        tags,
        summary: 'Ghi một kiến nghị của đoàn',
        description:
          '`addressee`: `{ agencyId }` (một cơ quan) hoặc `{ provinceCode }` (một tỉnh, thành phố), với thời hạn `dueDate`.',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: RecommendationBody,
        response: { 201: RecommendationView, ...errors },
      },
    },
    async (request, reply) =>
      withIdempotency(request, reply, async (db) => ({
        statusCode: 201,
        body: await recommendations.createRecommendation(
          { ...serviceContext(request), db },
          request.params.id,
          request.body,
        ),
      })),
  );

  app.get(
    '/recommendations',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Kiến nghị trong phạm vi, theo nơi nhận',
        description:
          'Quá hạn (`overdue`) được tính theo thời hạn so với hôm nay, không lưu. `status=overdue`: chỉ kiến nghị quá hạn; `not_done`: chưa hoàn thành. `mine=true`: chỉ kiến nghị gửi cơ quan hoặc tỉnh của bạn.',
        querystring: ListRecommendationsQuery,
        response: { 200: RecommendationList, ...errors },
      },
    },
    async (request) => recommendations.listRecommendations(serviceContext(request), request.query),
  );

  app.get(
    '/recommendations/export.xlsx',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: 'Sổ theo dõi thực hiện kiến nghị (.xlsx)', querystring: ListRecommendationsQuery },
    },
    async (request, reply) => {
      const { buffer, filename } = await recommendationsXlsx(serviceContext(request), request.query);
      return sendDownload(reply, XLSX, filename, buffer);
    },
  );

  app.get(
    '/recommendations/:id',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: 'Một kiến nghị', params: IdParams, response: { 200: RecommendationView, ...errors } },
    },
    async (request) => recommendations.getRecommendation(serviceContext(request), request.params.id),
  );

  app.put(
    '/recommendations/:id',
    {
      config: { permission: 'mission:write' },
      schema: {
        tags,
        summary: 'Sửa kiến nghị (thành viên các cơ quan của đoàn)',
        params: IdParams,
        body: UpdateRecommendationBody,
        response: { 200: RecommendationView, ...errors },
      },
    },
    async (request) => recommendations.updateRecommendation(serviceContext(request), request.params.id, request.body),
  );

  app.delete(
    '/recommendations/:id',
    {
      config: { permission: 'mission:write' },
      schema: {
        tags,
        summary: 'Xóa kiến nghị chưa được nơi nhận báo cáo',
        params: IdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await recommendations.deleteRecommendation(serviceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/recommendations/:id/follow-up',
    {
      config: { permission: 'recommendation:respond' },
      schema: {
        tags,
        summary: 'Nơi nhận cập nhật tình hình thực hiện kiến nghị',
        description:
          'Chỉ cơ quan (hoặc tỉnh) được kiến nghị. `status`: open, in_progress, done; báo cáo hoàn thành (done) cần ghi kết quả `evidence`. Gửi kèm `version`.',
        params: IdParams,
        body: FollowUpBody,
        response: { 200: RecommendationView, ...errors },
      },
    },
    async (request) => recommendations.followUp(serviceContext(request), request.params.id, request.body),
  );

  app.post(
    '/recommendations/:id/files',
    {
      config: { permission: 'recommendation:respond' },
      schema: {
        tags,
        summary: 'Đính kèm tệp minh chứng (ảnh, PDF, .docx, .xlsx; tối đa 20 MB)',
        description: 'Multipart, trường `file`. Chỉ nơi được kiến nghị.',
        params: IdParams,
        headers: IdempotencyHeaders,
        response: { 201: EvidenceFileView, ...errors, ...UploadErrors },
      },
    },
    async (request, reply) => {
      const upload = await readAttachment(request);
      return withIdempotency(
        request,
        reply,
        async (db) => ({
          statusCode: 201,
          body: await recommendations.addEvidenceFile({ ...serviceContext(request), db }, request.params.id, upload),
        }),
        { hashBody: uploadHash(upload) },
      );
    },
  );

  app.get(
    '/recommendations/:id/files/:fileId',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: 'Tải tệp minh chứng', params: FileParams },
    },
    async (request, reply) => {
      const file = await recommendations.openEvidenceFile(
        serviceContext(request),
        request.params.id,
        request.params.fileId,
      );
      return sendFile(reply, file);
    },
  );

  app.delete(
    '/recommendations/:id/files/:fileId',
    {
      config: { permission: 'recommendation:respond' },
      schema: { tags, summary: 'Xóa tệp minh chứng', params: FileParams, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await recommendations.removeEvidenceFile(serviceContext(request), request.params.id, request.params.fileId);
      return reply.status(204).send(null);
    },
  );
}
