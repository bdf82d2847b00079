import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { withIdempotency } from '../../http/idempotency';
import { ErrorResponse, IdempotencyHeaders, IdParams } from '../../http/schemas';
import {
  ModelList,
  ActivityBody,
  CaseCountsBody,
  CaseCountsView,
  CreateModelBody,
  ListModelsQuery,
  MembersBody,
  ModelTypeView,
  ModelView,
  StatsQuery,
  StatsView,
  StatusBody,
  UpdateModelBody,
} from './registry.schemas';
import * as models from './models.service';
import { changeStatus } from './model-status.service';
import { getCaseCounts, logActivity, setCaseCounts } from './model-logs.service';
import { modelStats } from './model-stats.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['registry'];
const modelResponse = { 200: ModelView, ...errors };

export async function modelRoutes(app: App): Promise<void> {
  app.get(
    '/model-types',
    {
      config: { permission: 'record:read' },
      schema: {
        tags,
        summary: 'Các loại mô hình (tìm theo tên và tên gọi khác, không dấu)',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Array(ModelTypeView), ...errors },
      },
    },
    async (request) => models.listModelTypes(serviceContext(request), request.query.q),
  );

  app.get(
    '/models',
    {
      config: { permission: 'record:read' },
      schema: {
        tags,
        summary: 'Danh sách mô hình trong phạm vi',
        description:
          '`q` tìm không dấu trong tên, thôn/bản, đơn vị chủ quản, xã và tên loại mô hình (cả tên gọi khác).',
        querystring: ListModelsQuery,
        response: { 200: ModelList, ...errors },
      },
    },
    async (request) => models.listModels(serviceContext(request), request.query),
  );

  app.get(
    '/models/stats',
    {
      config: { permission: 'record:read' },
      schema: {
        tags,
        summary: 'Số mô hình đang hoạt động cuối năm theo tỉnh và loại, so với chỉ tiêu',
        description:
          '`generation=2024` trình bày theo 63 tỉnh cũ (qua phả hệ đơn vị hành chính); tỉnh có mô hình ở xã mới hình thành từ nhiều tỉnh cũ được đánh dấu `partial`.',
        querystring: StatsQuery,
        response: { 200: StatsView, ...errors },
      },
    },
    async (request) => modelStats(serviceContext(request), request.query),
  );

  app.get(
    '/models/:id',
    {
      config: { permission: 'record:read' },
      schema: {
        tags,
        summary: 'Một mô hình: thành viên, lịch sử trạng thái, hoạt động',
        params: IdParams,
        response: modelResponse,
      },
    },
    async (request) => models.getModel(serviceContext(request), request.params.id),
  );

  app.post(
    '/models',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Đăng ký mô hình',
        headers: IdempotencyHeaders,
        body: CreateModelBody,
        response: { 201: ModelView, ...errors, 422: ErrorResponse },
      },
    },
    async (request, reply) =>
      withIdempotency(request, reply, async (db) => ({
        statusCode: 201,
        body: await models.createModel({ ...serviceContext(request), db }, request.body),
      })),
  );

  app.put(
    '/models/:id',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Sửa mô hình',
        description:
          'Gửi kèm `version` đang sửa; nếu người khác đã lưu trước, trả 409. `members` (nếu có) thay cả bảng.',
        params: IdParams,
        body: UpdateModelBody,
        response: modelResponse,
      },
    },
    async (request) => models.updateModel(serviceContext(request), request.params.id, request.body),
  );

  app.post(
    '/models/:id/status',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Đổi trạng thái (có ngày hiệu lực)',
        description:
          'Đang hoạt động ⇄ tạm ngừng; → sáp nhập (`mergedIntoId`: mô hình cùng tỉnh) hoặc giải thể. Mô hình đã sáp nhập/giải thể chỉ trở lại hoạt động bằng `reopen: true` kèm `note`.',
        params: IdParams,
        body: StatusBody,
        response: modelResponse,
      },
    },
    async (request) => changeStatus(serviceContext(request), request.params.id, request.body),
  );

  app.put(
    '/models/:id/members',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Thành viên theo giới tính × dân tộc (thay cả bảng)',
        params: IdParams,
        body: MembersBody,
        response: modelResponse,
      },
    },
    async (request) => models.setModelMembers(serviceContext(request), request.params.id, request.body),
  );

  app.put(
    '/models/:id/activity',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Ghi sổ hoạt động theo tháng (chỉ số lượng; số 0 xóa dòng)',
        params: IdParams,
        body: ActivityBody,
        response: modelResponse,
      },
    },
    async (request) => logActivity(serviceContext(request), request.params.id, request.body),
  );

  app.get(
    '/models/:id/case-counts',
    {
      config: { permission: 'record:read' },
      schema: {
        tags,
        summary: 'Số vụ việc theo loại và tháng (Địa chỉ tin cậy; không có dữ liệu cá nhân)',
        params: IdParams,
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: { 200: CaseCountsView, ...errors },
      },
    },
    async (request) => getCaseCounts(serviceContext(request), request.params.id, request.query.year),
  );

  app.put(
    '/models/:id/case-counts',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Ghi số vụ việc theo loại và tháng (số 0 xóa dòng)',
        params: IdParams,
        body: CaseCountsBody,
        response: { 200: CaseCountsView, ...errors },
      },
    },
    async (request) => setCaseCounts(serviceContext(request), request.params.id, request.body),
  );
}
