// Monitoring missions (đoàn kiểm tra, giám sát liên ngành) and checklist templates.
import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { withIdempotency } from '../../http/idempotency';
import { IdempotencyHeaders, IdParams } from '../../http/schemas';
import * as checklists from './checklists.service';
import * as missions from './missions.service';
import { missionReportDocx } from './monitoring-export.service';
import {
  MissionList,
  ChecklistAnswersBody,
  ChecklistTemplateView,
  CreateMissionBody,
  errors,
  FindingBody,
  ListMissionsQuery,
  MissionView,
  TemplateBody,
  UpdateMissionBody,
  UpdateTemplateBody,
} from './monitoring.schemas';
import { recommendationRoutes } from './recommendations.routes';
import { sendDownload } from '../../http/download';

const tags = ['monitoring'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PlaceParams = Type.Object({ id: Type.Integer({ minimum: 1 }), placeId: Type.Integer({ minimum: 1 }) });
const FindingParams = Type.Object({ id: Type.Integer({ minimum: 1 }), findingId: Type.Integer({ minimum: 1 }) });

export async function monitoringRoutes(app: App): Promise<void> {
  app.get(
    '/checklist-templates',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Bảng kiểm giám sát và các câu hỏi',
        response: { 200: Type.Array(ChecklistTemplateView), ...errors },
      },
    },
    async (request) => checklists.listTemplates(serviceContext(request)),
  );

  app.post(
    '/checklist-templates',
    {
      config: { permission: 'refdata:manage' },
      schema: {
        tags,
        summary: 'Thêm bảng kiểm',
        body: TemplateBody,
        response: { 201: ChecklistTemplateView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await checklists.createTemplate(serviceContext(request), request.body)),
  );

  app.put(
    '/checklist-templates/:id',
    {
      config: { permission: 'refdata:manage' },
      schema: {
        tags,
        summary: 'Sửa bảng kiểm',
        description:
          'Câu hỏi gửi kèm `id` được giữ (và các câu trả lời đã có); câu hỏi không còn trong danh sách được gỡ khỏi bảng kiểm, không xóa. Gửi kèm `version`; nếu người khác đã lưu trước, trả 409.',
        params: IdParams,
        body: UpdateTemplateBody,
        response: { 200: ChecklistTemplateView, ...errors },
      },
    },
    async (request) => checklists.updateTemplate(serviceContext(request), request.params.id, request.body),
  );

  app.get(
    '/missions',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Danh sách đoàn kiểm tra, giám sát trong phạm vi',
        description:
          '`year`: đoàn có thời gian trong năm này. `q`: tìm không dấu trong tên, mục đích, địa bàn, thành viên.',
        querystring: ListMissionsQuery,
        response: { 200: MissionList, ...errors },
      },
    },
    async (request) => missions.listMissions(serviceContext(request), request.query),
  );

  app.post(
    '/missions',
    {
      config: { permission: 'mission:write' },
      schema: {
        tags,
        summary: 'Lập kế hoạch đoàn kiểm tra, giám sát',
        description:
          'Thành viên từ các cơ quan; địa bàn là tỉnh hoặc xã (thế hệ 2024 hoặc 2025). Cơ quan của người lập phải chủ trì hoặc có thành viên trong đoàn; mọi địa bàn phải trong phạm vi của người lập.',
        headers: IdempotencyHeaders,
        body: CreateMissionBody,
        response: { 201: MissionView, ...errors },
      },
    },
    async (request, reply) =>
      withIdempotency(request, reply, async (db) => ({
        statusCode: 201,
        body: await missions.createMission({ ...serviceContext(request), db }, request.body),
      })),
  );

  app.get(
    '/missions/:id',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Một đoàn kiểm tra, giám sát',
        params: IdParams,
        response: { 200: MissionView, ...errors },
      },
    },
    async (request) => missions.getMission(serviceContext(request), request.params.id),
  );

  app.put(
    '/missions/:id',
    {
      config: { permission: 'mission:write' },
      schema: {
        tags,
        summary: 'Sửa kế hoạch đoàn',
        description:
          'Gửi kèm `version`; nếu người khác đã lưu trước, trả 409. Địa bàn bỏ khỏi danh sách mất các câu trả lời bảng kiểm của nó.',
        params: IdParams,
        body: UpdateMissionBody,
        response: { 200: MissionView, ...errors },
      },
    },
    async (request) => missions.updateMission(serviceContext(request), request.params.id, request.body),
  );

  app.put(
    '/missions/:id/places/:placeId/checklist',
    {
      config: { permission: 'mission:write' },
      schema: {
        tags,
        summary: 'Kết quả bảng kiểm tại một địa bàn',
        description:
          'Thay toàn bộ câu trả lời của địa bàn: yes (có), partly (một phần), no (không), na (không áp dụng), kèm ghi chú.',
        params: PlaceParams,
        body: ChecklistAnswersBody,
        response: { 200: MissionView, ...errors },
      },
    },
    async (request) =>
      missions.saveChecklist(serviceContext(request), request.params.id, request.params.placeId, request.body),
  );

  app.post(
    '/missions/:id/findings',
    {
      config: { permission: 'mission:write' },
      schema: {
        tags,
        summary: 'Ghi một phát hiện, nhận xét của đoàn',
        params: IdParams,
        body: FindingBody,
        response: { 201: MissionView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await missions.addFinding(serviceContext(request), request.params.id, request.body)),
  );

  app.put(
    '/missions/:id/findings/:findingId',
    {
      config: { permission: 'mission:write' },
      schema: {
        tags,
        summary: 'Sửa phát hiện',
        params: FindingParams,
        body: FindingBody,
        response: { 200: MissionView, ...errors },
      },
    },
    async (request) =>
      missions.updateFinding(serviceContext(request), request.params.id, request.params.findingId, request.body),
  );

  app.delete(
    '/missions/:id/findings/:findingId',
    {
      config: { permission: 'mission:write' },
      schema: { tags, summary: 'Xóa phát hiện', params: FindingParams, response: { 200: MissionView, ...errors } },
    },
    async (request) => missions.deleteFinding(serviceContext(request), request.params.id, request.params.findingId),
  );

  app.get(
    '/missions/:id/report.docx',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Báo cáo kết quả kiểm tra, giám sát (.docx, thể thức Nghị định 30/2020)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { buffer, filename } = await missionReportDocx(serviceContext(request), request.params.id);
      return sendDownload(reply, DOCX, filename, buffer);
    },
  );

  await recommendationRoutes(app);
}
