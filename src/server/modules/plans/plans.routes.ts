import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { ErrorResponse, IdParams } from '../../http/schemas';
import { withIdempotency } from '../../http/idempotency';
import {
  PlanList,
  CascadeBody,
  CascadeOverview,
  CommentBody,
  CreatePlanBody,
  IssueBody,
  ListPlansQuery,
  NextNumber,
  NextNumberQuery,
  SignBody,
  PlanView,
  RollForwardBody,
  RollForwardPreview,
  RollForwardPreviewQuery,
  SendToProvincesBody,
  SentToProvinces,
  UpdatePlanBody,
  VersionBody,
} from './plans.schemas';
import * as plans from './plans.service';
import * as workflow from './plan-workflow.service';
import * as derive from './plan-derive.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['plans'];
const planResponse = { 200: PlanView, ...errors };

export async function planRoutes(app: App): Promise<void> {
  app.get(
    '/plans',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Danh sách kế hoạch trong phạm vi',
        querystring: ListPlansQuery,
        response: { 200: PlanList, ...errors },
      },
    },
    async (request) => plans.listPlans(serviceContext(request), request.query),
  );

  app.get(
    '/plans/:id',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: 'Một kế hoạch, đủ cấu trúc', params: IdParams, response: planResponse },
    },
    async (request) => plans.getPlan(serviceContext(request), request.params.id),
  );

  app.post(
    '/plans',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Tạo kế hoạch (dự thảo)',
        description: 'Nhận tiêu đề `Idempotency-Key`: gửi lại cùng khóa, cùng nội dung trả về kế hoạch đã tạo.',
        body: CreatePlanBody,
        response: { 201: PlanView, ...errors, 422: ErrorResponse },
      },
    },
    async (request, reply) =>
      withIdempotency(request, reply, async (db) => ({
        statusCode: 201,
        body: await plans.createPlan({ ...serviceContext(request), db }, request.body),
      })),
  );

  app.put(
    '/plans/:id',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Lưu dự thảo (tạo phiên bản mới)',
        description: 'Gửi kèm `version` đang sửa; nếu người khác đã lưu trước, trả 409.',
        params: IdParams,
        body: UpdatePlanBody,
        response: planResponse,
      },
    },
    async (request) => plans.updatePlan(serviceContext(request), request.params.id, request.body),
  );

  app.post(
    '/plans/:id/submit',
    {
      config: { permission: 'plan:edit' },
      schema: { tags, summary: 'Trình xem xét, ký', params: IdParams, body: VersionBody, response: planResponse },
    },
    async (request) => workflow.submitPlan(serviceContext(request), request.params.id, request.body.version),
  );
  app.post(
    '/plans/:id/sign',
    {
      config: { permission: 'plan:sign' },
      schema: {
        tags,
        summary: 'Ký cho cơ quan của mình',
        description:
          'Ghi người ký như in trên văn bản: họ tên (mặc định tên hiển thị của người dùng), chức vụ và dòng thẩm quyền (KT./TM.; mặc định theo khối chữ ký của cơ quan trong kế hoạch).',
        params: IdParams,
        body: SignBody,
        response: planResponse,
      },
    },
    async (request) => workflow.signPlan(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    '/plans/:id/return',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Trả lại dự thảo kèm ý kiến',
        params: IdParams,
        body: CommentBody,
        response: planResponse,
      },
    },
    async (request) =>
      workflow.returnPlan(serviceContext(request), request.params.id, request.body.version, request.body.comment),
  );
  app.post(
    '/plans/:id/issue',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Ban hành (cấp số, ghi ngày)',
        description:
          'Số lấy từ sổ văn bản của cơ quan chủ trì theo năm ban hành (ký hiệu: cơ quan chủ trì trước). Số nhập tay chỉ nhận khi cơ quan chưa dùng số đó trong năm; trùng thì 409 trên `number`.',
        params: IdParams,
        body: IssueBody,
        response: planResponse,
      },
    },
    async (request) => workflow.issuePlan(serviceContext(request), request.params.id, request.body),
  );
  app.get(
    '/plans/:id/next-number',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Số văn bản kế hoạch sẽ nhận khi ban hành vào ngày này',
        params: IdParams,
        querystring: NextNumberQuery,
        response: { 200: NextNumber, ...errors },
      },
    },
    async (request) => workflow.nextPlanNumber(serviceContext(request), request.params.id, request.query.issuedOn),
  );
  app.post(
    '/plans/:id/close',
    {
      config: { permission: 'plan:edit' },
      schema: { tags, summary: 'Kết thúc kế hoạch', params: IdParams, body: VersionBody, response: planResponse },
    },
    async (request) => workflow.closePlan(serviceContext(request), request.params.id, request.body.version),
  );
  app.post(
    '/plans/:id/revise',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Sửa đổi kế hoạch đã ban hành (phiên bản mới)',
        params: IdParams,
        body: CommentBody,
        response: planResponse,
      },
    },
    async (request) =>
      workflow.revisePlan(serviceContext(request), request.params.id, request.body.version, request.body.comment),
  );
  app.get(
    '/plans/:id/roll-forward',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Xem trước chuyển tiếp: tên cơ quan, chức danh sẽ đổi theo danh mục',
        params: IdParams,
        querystring: RollForwardPreviewQuery,
        response: { 200: RollForwardPreview, ...errors },
      },
    },
    async (request) => derive.rollForwardPreview(serviceContext(request), request.params.id, request.query.year),
  );
  app.post(
    '/plans/:id/roll-forward',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Chuyển tiếp sang năm sau (dự thảo mới)',
        params: IdParams,
        body: RollForwardBody,
        response: { 201: PlanView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await derive.rollForward(serviceContext(request), request.params.id, request.body.year)),
  );
  app.post(
    '/plans/:id/cascade',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Xây dựng kế hoạch của tỉnh từ kế hoạch trung ương',
        params: IdParams,
        body: CascadeBody,
        response: { 201: PlanView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await derive.cascadePlan(serviceContext(request), request.params.id, request.body.provinceCode)),
  );
  app.post(
    '/plans/:id/send-to-provinces',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Gửi kế hoạch trung ương đã ban hành xuống các tỉnh',
        description:
          'Điều phối viên trung ương của cơ quan ban hành chọn các tỉnh (mã tỉnh hiện hành, tối đa 34): mỗi tỉnh chưa có kế hoạch triển khai nhận một dự thảo xây dựng từ kế hoạch này, điều phối viên của tỉnh được báo. Gửi lại tỉnh đã có kế hoạch không tạo thêm dự thảo (`existing`).',
        params: IdParams,
        body: SendToProvincesBody,
        response: { 200: SentToProvinces, ...errors },
      },
    },
    async (request) => derive.sendToProvinces(serviceContext(request), request.params.id, request.body.provinceCodes),
  );
  app.get(
    '/plans/:id/cascade',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Tình hình xây dựng kế hoạch của các tỉnh',
        description:
          'Mỗi tỉnh trong phạm vi: chưa gửi (`not_sent`), đã có dự thảo (`derived`), đã ký đủ (`signed`), đã ban hành (`issued`), với ngày và kế hoạch của tỉnh.',
        params: IdParams,
        response: { 200: CascadeOverview, ...errors },
      },
    },
    async (request) => derive.cascadeOverview(serviceContext(request), request.params.id),
  );
  app.get(
    '/plans/:id/versions',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Các phiên bản',
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              version: Type.Integer(),
              status: Type.String(),
              note: Type.Union([Type.String(), Type.Null()]),
              author: Type.Union([Type.String(), Type.Null()]),
              createdAt: Type.String(),
            }),
          ),
          ...errors,
        },
      },
    },
    async (request) => plans.listVersions(serviceContext(request), request.params.id),
  );
  app.get(
    '/plans/:id/diff',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Thay đổi giữa hai phiên bản',
        params: IdParams,
        querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
        response: {
          200: Type.Object({
            from: Type.Integer(),
            to: Type.Integer(),
            changes: Type.Array(
              Type.Object({
                kind: Type.String(),
                where: Type.String(),
                before: Type.Optional(Type.String()),
                after: Type.Optional(Type.String()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      plans.diffVersions(serviceContext(request), request.params.id, request.query.from, request.query.to),
  );
}
