// Indicators, targets and aggregate values entered directly.
import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { withIdempotency } from '../../http/idempotency';
import { ErrorResponse, IdempotencyHeaders, IdParams, UploadErrors } from '../../http/schemas';
import { readUpload } from '../../common/files/file-routes';
import * as values from './indicator-values.service';
import * as service from './indicators.service';
import {
  CreateIndicatorBody,
  IndicatorView,
  ListIndicatorsQuery,
  ListTargetsQuery,
  ListValuesQuery,
  SetTargetsBody,
  SetValuesBody,
  TargetImportReport,
  TargetView,
  UpdateIndicatorBody,
  ValueView,
  errors,
} from './indicators.schemas';
import { importTargets } from './targets-import.service';

const tags = ['indicators'];

export async function indicatorRoutes(app: App): Promise<void> {
  app.get(
    '/indicators',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary: 'Khung kết quả: danh sách chỉ số',
        querystring: ListIndicatorsQuery,
        response: { 200: Type.Array(IndicatorView), ...errors },
      },
    },
    async (request) => service.listIndicators(serviceContext(request), request.query),
  );

  app.get(
    '/indicators/:id',
    {
      config: { permission: 'report:read' },
      schema: { tags, summary: 'Một chỉ số', params: IdParams, response: { 200: IndicatorView, ...errors } },
    },
    async (request) => service.getIndicator(serviceContext(request), request.params.id),
  );

  app.post(
    '/indicators',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Thêm chỉ số (cấp trung ương)',
        description: 'Số liệu của chỉ số được tính ngay từ bản ghi, sổ mô hình hoặc số liệu nhập trực tiếp.',
        headers: IdempotencyHeaders,
        body: CreateIndicatorBody,
        response: { 201: IndicatorView, ...errors, 422: ErrorResponse },
      },
    },
    async (request, reply) =>
      withIdempotency(request, reply, async (db) => ({
        statusCode: 201,
        body: await service.createIndicator({ ...serviceContext(request), db }, request.body),
      })),
  );

  app.patch(
    '/indicators/:id',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Sửa chỉ số (theo version); đổi cách tính thì số liệu được tính lại ngay',
        params: IdParams,
        body: UpdateIndicatorBody,
        response: { 200: IndicatorView, ...errors },
      },
    },
    async (request) => service.updateIndicator(serviceContext(request), request.params.id, request.body),
  );

  app.get(
    '/indicator-targets',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary: 'Chỉ tiêu theo chỉ số, năm, tỉnh (province=national: chỉ tiêu toàn quốc)',
        querystring: ListTargetsQuery,
        response: { 200: Type.Array(TargetView), ...errors },
      },
    },
    async (request) => service.listTargets(serviceContext(request), request.query),
  );

  app.put(
    '/indicator-targets',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Đặt chỉ tiêu (target null: xóa); cấp tỉnh chỉ đặt cho tỉnh mình',
        body: SetTargetsBody,
        response: { 200: Type.Array(TargetView), ...errors },
      },
    },
    async (request) => service.setTargets(serviceContext(request), request.body),
  );

  app.post(
    '/indicator-targets/import',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Nhập chỉ tiêu từ .xlsx hoặc .csv',
        description:
          'Multipart: trường `file` (cột Mã chỉ số, Năm, Mã tỉnh — để trống hoặc TQ cho toàn quốc —, Chỉ tiêu) và `acceptValid=true` để lưu các dòng hợp lệ khi có dòng lỗi.',
        response: { 200: TargetImportReport, ...errors, ...UploadErrors },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      return importTargets(serviceContext(request), upload, upload.fields.acceptValid === 'true');
    },
  );

  app.get(
    '/indicator-values',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary: 'Số liệu đã nhập trực tiếp của một chỉ số',
        querystring: ListValuesQuery,
        response: { 200: Type.Array(ValueView), ...errors },
      },
    },
    async (request) => values.listValues(serviceContext(request), request.query),
  );

  app.put(
    '/indicator-values',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Nhập số liệu tổng hợp cho một chỉ số, địa bàn, kỳ (value null: xóa)',
        description:
          'Chỉ số có nguồn "aggregate". Kỳ đúng loại kỳ của chỉ số; phân tổ chỉ theo các chiều chỉ số cho phép; địa bàn trong phạm vi người nhập.',
        body: SetValuesBody,
        response: { 200: Type.Array(ValueView), ...errors },
      },
    },
    async (request) => values.setValues(serviceContext(request), request.body),
  );
}
