// Periodic reports: the calendar (types, periods, deadlines), reports and their workflow, the
// central consolidation with reminders, and the year-end review documents.
import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { IdParams } from '../../http/schemas';
import * as calendar from './report-calendar';
import * as consolidation from './consolidation.service';
import * as reports from './reports.service';
import {
  ReportList,
  CalendarPeriod,
  CalendarQuery,
  ConsolidationQuery,
  ConsolidationView,
  CreatePeriodBody,
  CreateReportBody,
  ListReportsQuery,
  RemindBody,
  RemindResult,
  ReportTypeView,
  ReportView,
  StepBody,
  UpdateReportBody,
  UpdateReportTypeBody,
  errors,
} from './reports.schemas';
import { reviewRoutes } from './review.routes';
import { reportDocx, reportXlsx } from './report-export.service';
import { sendDownload } from '../../http/download';

const tags = ['reports'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TypeParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }) });

const STEP_SUMMARIES = {
  submit: 'Gửi báo cáo lên cấp trên (chốt số liệu tại thời điểm gửi)',
  approve: 'Duyệt báo cáo (khóa số liệu của kỳ trong phạm vi báo cáo)',
  return: 'Trả lại báo cáo kèm ý kiến (comment bắt buộc)',
  reopen: 'Mở lại báo cáo đã duyệt để sửa (mở khóa số liệu; comment bắt buộc)',
} as const;

export async function reportRoutes(app: App): Promise<void> {
  app.get(
    '/report-types',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary: 'Loại báo cáo, quy tắc hạn nộp và đơn vị báo cáo',
        response: { 200: Type.Array(ReportTypeView), ...errors },
      },
    },
    async (request) => calendar.listReportTypes(serviceContext(request)),
  );

  app.put(
    '/report-types/:code',
    {
      config: { permission: 'refdata:manage' },
      schema: {
        tags,
        summary: 'Sửa cấu hình một loại báo cáo',
        description:
          '`dueOffsetDays`: hạn nộp = ngày cuối kỳ + số ngày (âm: trước khi hết kỳ); null cho báo cáo chuyên đề, đột xuất. `reminders`: nhắc tự động (bật/tắt, số ngày trước hạn, nhắc sau hạn, báo cả cơ quan nhận); bỏ trống: giữ nguyên.',
        params: TypeParams,
        body: UpdateReportTypeBody,
        response: { 200: ReportTypeView, ...errors },
      },
    },
    async (request) => calendar.updateReportType(serviceContext(request), request.params.code, request.body),
  );

  app.get(
    '/report-periods',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary: 'Lịch báo cáo của một năm: các kỳ và hạn nộp',
        querystring: CalendarQuery,
        response: { 200: Type.Array(CalendarPeriod), ...errors },
      },
    },
    async (request) => calendar.calendar(serviceContext(request), request.query.year),
  );

  app.post(
    '/report-periods',
    {
      config: { permission: 'report:approve' },
      schema: {
        tags,
        summary: 'Mở một kỳ báo cáo chuyên đề hoặc đột xuất',
        body: CreatePeriodBody,
        response: { 201: CalendarPeriod, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await calendar.createPeriod(serviceContext(request), request.body)),
  );

  app.get(
    '/reports',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary: 'Danh sách báo cáo trong phạm vi',
        description: '`queue=approve`: báo cáo đã gửi đang chờ tôi duyệt. `mine=true`: báo cáo của cơ quan tôi.',
        querystring: ListReportsQuery,
        response: { 200: ReportList, ...errors },
      },
    },
    async (request) => reports.listReports(serviceContext(request), request.query),
  );

  app.post(
    '/reports',
    {
      config: { permission: 'report:write' },
      schema: {
        tags,
        summary: 'Lập báo cáo của cơ quan tôi cho một kỳ (điền sẵn số liệu)',
        body: CreateReportBody,
        response: { 201: ReportView, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await reports.createReport(serviceContext(request), request.body)),
  );

  app.get(
    '/reports/consolidation',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary: 'Tổng hợp: mọi báo cáo phải nộp của một kỳ và tình trạng (quá hạn)',
        querystring: ConsolidationQuery,
        response: { 200: ConsolidationView, ...errors },
      },
    },
    async (request) => consolidation.consolidation(serviceContext(request), request.query),
  );

  app.post(
    '/reports/consolidation/remind',
    {
      config: { permission: 'report:approve' },
      schema: {
        tags,
        summary: 'Nhắc các đơn vị nộp báo cáo quá hạn (thông báo trong hệ thống, và thư điện tử khi có SMTP)',
        body: RemindBody,
        response: { 200: RemindResult, ...errors },
      },
    },
    async (request) => consolidation.remindLate(serviceContext(request), request.body),
  );

  app.get(
    '/reports/:id',
    {
      config: { permission: 'report:read' },
      schema: { tags, summary: 'Một báo cáo', params: IdParams, response: { 200: ReportView, ...errors } },
    },
    async (request) => reports.getReport(serviceContext(request), request.params.id),
  );

  for (const [ext, type, render] of [
    ['docx', DOCX, reportDocx],
    ['xlsx', XLSX, reportXlsx],
  ] as const) {
    app.get(
      `/reports/:id/export.${ext}`,
      {
        config: { permission: 'report:read' },
        schema: {
          tags,
          summary:
            ext === 'docx'
              ? 'Báo cáo (.docx, thể thức Nghị định 30/2020): thuyết minh, các bảng số liệu, chữ ký, nơi nhận'
              : 'Các bảng số liệu của báo cáo (.xlsx)',
          params: IdParams,
          response: { ...errors },
        },
      },
      async (request, reply) => {
        const { buffer, filename } = await render(serviceContext(request), request.params.id);
        return sendDownload(reply, type, filename, buffer);
      },
    );
  }

  app.put(
    '/reports/:id',
    {
      config: { permission: 'report:write' },
      schema: {
        tags,
        summary: 'Sửa phần thuyết minh của báo cáo',
        description:
          'Kết quả, khó khăn và nguyên nhân, bài học kinh nghiệm, đề xuất. Gửi kèm `version` (409 nếu đã cũ).',
        params: IdParams,
        body: UpdateReportBody,
        response: { 200: ReportView, ...errors },
      },
    },
    async (request) => reports.updateReport(serviceContext(request), request.params.id, request.body),
  );

  app.post(
    '/reports/:id/refresh',
    {
      config: { permission: 'report:write' },
      schema: {
        tags,
        summary: 'Cập nhật lại số liệu điền sẵn (chỉ khi đang soạn hoặc bị trả lại)',
        params: IdParams,
        body: StepBody,
        response: { 200: ReportView, ...errors },
      },
    },
    async (request) => reports.refreshReport(serviceContext(request), request.params.id, request.body),
  );

  for (const action of ['submit', 'approve', 'return', 'reopen'] as const) {
    app.post(
      `/reports/:id/${action}`,
      {
        config: { permission: action === 'submit' ? 'report:write' : 'report:approve' },
        schema: {
          tags,
          summary: STEP_SUMMARIES[action],
          params: IdParams,
          body: StepBody,
          response: { 200: ReportView, ...errors },
        },
      },
      async (request) => reports.step(serviceContext(request), request.params.id, action, request.body),
    );
  }

  await reviewRoutes(app);
}
