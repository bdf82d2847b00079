import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { badRequest } from '../../http/errors';
import { withIdempotency } from '../../http/idempotency';
import { IdempotencyHeaders, IdParams } from '../../http/schemas';
import { activityRoutes } from './activities.routes';
import { recordFileRoutes } from './record-files.routes';
import {
  RecordList,
  CreateRecordBody,
  DeleteRecordQuery,
  errors,
  FundingSourceView,
  ListRecordsQuery,
  RecordFormData,
  RecordView,
  UpdateRecordBody,
} from './records.schemas';
import * as records from './records.service';

const tags = ['records'];

/**
 * Money must arrive as a string of digits: a JSON number may already have lost digits when it was
 * parsed. Checked on the raw body, whatever the validator's type-coercion settings.
 */
async function moneyAsStrings(request: FastifyRequest): Promise<void> {
  const costs = (request.body as { costs?: unknown } | null)?.costs;
  if (!Array.isArray(costs)) return;
  costs.forEach((cost: unknown, i) => {
    const amount = (cost as { amount?: unknown } | null)?.amount;
    if (amount !== undefined && typeof amount !== 'string')
      throw badRequest(`costs.${i}.amount`, 'Số tiền ghi bằng chuỗi chữ số (đồng), ví dụ "1234567890123"');
  });
}

export async function recordRoutes(app: App): Promise<void> {
  app.get(
    '/funding-sources',
    {
      config: { permission: 'record:read' },
      schema: {
        tags,
        summary: 'Danh mục nguồn kinh phí',
        response: { 200: Type.Array(FundingSourceView), ...errors },
      },
    },
    async (request) => records.listFundingSources(serviceContext(request)),
  );

  app.get(
    '/records/form-data',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Danh mục biểu mẫu bản ghi, trong một lần hỏi',
        description:
          'Bốn danh mục biểu mẫu bản ghi cần khi mở, trong một câu trả lời thay cho bốn (mạng 3G): kế hoạch đã ban hành trong phạm vi (như `GET /api/plans?status=issued&limit=100`), tỉnh/thành thế hệ 2025 (như `GET /api/admin-units?generation=2025&level=province&limit=100`), dân tộc (như `GET /api/ethnic-groups?limit=100`) và nguồn kinh phí (như `GET /api/funding-sources`).',
        response: { 200: RecordFormData, ...errors },
      },
    },
    async (request) => records.recordFormData(serviceContext(request)),
  );

  app.get(
    '/records',
    {
      config: { permission: 'record:read' },
      schema: {
        tags,
        summary: 'Danh sách bản ghi thực hiện trong phạm vi',
        description:
          '`from`/`to`: bản ghi có thời gian giao với khoảng này. `q`: tìm không dấu trong tên, mô tả, thôn.',
        querystring: ListRecordsQuery,
        response: { 200: RecordList, ...errors },
      },
    },
    async (request) => records.listRecords(serviceContext(request), request.query),
  );

  app.get(
    '/records/:id',
    {
      config: { permission: 'record:read' },
      schema: { tags, summary: 'Một bản ghi thực hiện', params: IdParams, response: { 200: RecordView, ...errors } },
    },
    async (request) => records.getRecord(serviceContext(request), request.params.id),
  );

  app.post(
    '/records',
    {
      config: { permission: 'record:write' },
      preValidation: moneyAsStrings,
      schema: {
        tags,
        summary: 'Ghi nhận một hoạt động đã thực hiện',
        description:
          'Người tham gia: `breakdown` (các dòng giới tính × dân tộc × đối tượng × nhóm tuổi; tổng nếu gửi phải khớp) hoặc `totals_only`. Số tiền là chuỗi chữ số (đồng).',
        headers: IdempotencyHeaders,
        body: CreateRecordBody,
        response: { 201: RecordView, ...errors },
      },
    },
    async (request, reply) =>
      withIdempotency(request, reply, async (db) => ({
        statusCode: 201,
        body: await records.createRecord({ ...serviceContext(request), db }, request.body),
      })),
  );

  app.put(
    '/records/:id',
    {
      config: { permission: 'record:write' },
      preValidation: moneyAsStrings,
      schema: {
        tags,
        summary: 'Sửa bản ghi',
        description:
          'Gửi kèm `version` đang sửa; nếu người khác đã lưu trước, trả 409. Với `Idempotency-Key`, gửi lại sau khi mất câu trả lời nhận lại kết quả lần đầu (không phải 409).',
        headers: IdempotencyHeaders,
        params: IdParams,
        body: UpdateRecordBody,
        response: { 200: RecordView, ...errors },
      },
    },
    // An edit queued offline is replayed with its key: a resend whose first answer was lost gets
    // that answer again instead of a 409 against the version it made itself.
    async (request, reply) =>
      withIdempotency(request, reply, async (db) => ({
        statusCode: 200,
        body: await records.updateRecord({ ...serviceContext(request), db }, request.params.id, request.body),
      })),
  );

  app.delete(
    '/records/:id',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Xóa bản ghi (ghi vào nhật ký)',
        description: '`version` (không bắt buộc): chỉ xóa nếu bản ghi chưa bị sửa sau phiên bản này.',
        params: IdParams,
        querystring: DeleteRecordQuery,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await records.deleteRecord(serviceContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  await recordFileRoutes(app);
  await activityRoutes(app);
}
