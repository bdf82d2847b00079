// Saved pivot views: the caller's own and those shared in the caller's agency.
import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { withIdempotency } from '../../http/idempotency';
import { ErrorResponse, IdParams } from '../../http/schemas';
import { CreateSavedViewBody, SavedViewList, SavedViewView, UpdateSavedViewBody } from './saved-views.schemas';
import * as views from './saved-views.service';

const tags = ['saved-views'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const permission = 'report:read' as const;

export async function savedViewRoutes(app: App): Promise<void> {
  app.get(
    '/saved-views',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Chế độ xem bảng tổng hợp đã lưu: của tôi, rồi các chế độ xem cơ quan tôi chia sẻ',
        response: { 200: SavedViewList, ...errors },
      },
    },
    async (request) => views.listSavedViews(serviceContext(request)),
  );

  app.get(
    '/saved-views/:id',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Một chế độ xem đã lưu (của tôi, hoặc được chia sẻ trong cơ quan tôi; nếu không: 404)',
        params: IdParams,
        response: { 200: SavedViewView, ...errors },
      },
    },
    async (request) => views.getSavedView(serviceContext(request), request.params.id),
  );

  app.post(
    '/saved-views',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Lưu chế độ xem bảng tổng hợp hiện tại dưới một tên (riêng tư hoặc chia sẻ với cơ quan)',
        body: CreateSavedViewBody,
        response: { 201: SavedViewView, ...errors, 422: ErrorResponse },
      },
    },
    async (request, reply) =>
      withIdempotency(request, reply, async (db) => ({
        statusCode: 201,
        body: await views.createSavedView({ ...serviceContext(request), db }, request.body),
      })),
  );

  app.patch(
    '/saved-views/:id',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Đổi tên, chia sẻ hoặc cập nhật chế độ xem (chỉ người tạo; kèm `version` đã đọc)',
        params: IdParams,
        body: UpdateSavedViewBody,
        response: { 200: SavedViewView, ...errors },
      },
    },
    async (request) => views.updateSavedView(serviceContext(request), request.params.id, request.body),
  );

  app.delete(
    '/saved-views/:id',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Xóa chế độ xem (chỉ người tạo)',
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await views.deleteSavedView(serviceContext(request), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
}
