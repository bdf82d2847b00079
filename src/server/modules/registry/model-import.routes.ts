import crypto from 'node:crypto';
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { badRequest } from '../../http/errors';
import { withIdempotency } from '../../http/idempotency';
import { ErrorResponse, IdempotencyHeaders, UploadErrors } from '../../http/schemas';
import { listEthnicGroups } from '../reference/reference.service';
import { renderImportTemplate } from './model-import-template';
import { importModels } from './model-import.service';
import { getTargets, setTargets } from './model-targets.service';
import { listModelTypes } from './models.repo';
import { ImportReport, TargetsBody, TargetsView } from './registry.schemas';
import { sendDownload } from '../../http/download';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_FILE = 5 * 1024 * 1024;
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['registry'];

/** The multipart upload: field `file` and optional field `acceptValid` (true/false), in any order. */
async function upload(request: FastifyRequest) {
  if (!request.isMultipart()) throw badRequest('file', 'Gửi tệp .xlsx hoặc .csv ở trường "file" (multipart/form-data)');
  let file: { filename: string; buffer: Buffer } | null = null;
  let acceptValid = false;
  for await (const part of request.parts({ limits: { fileSize: MAX_FILE, files: 1 } })) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      if (part.fieldname === 'file') file = { filename: part.filename, buffer };
    } else if (part.fieldname === 'acceptValid') {
      const value = String(part.value).trim().toLowerCase();
      if (!['true', 'false', '1', '0', ''].includes(value)) {
        throw badRequest('acceptValid', 'Trường "acceptValid" là true hoặc false');
      }
      acceptValid = value === 'true' || value === '1';
    }
  }
  if (!file) throw badRequest('file', 'Hãy chọn tệp .xlsx hoặc .csv ở trường "file"');
  return { file, acceptValid };
}

export async function modelImportRoutes(app: App): Promise<void> {
  app.get(
    '/models/import/template.xlsx',
    {
      config: { permission: 'record:read' },
      schema: { tags, summary: 'Mẫu bảng tính nhập mô hình (.xlsx, có trang "Hướng dẫn")' },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const [types, ethnic] = await Promise.all([listModelTypes(ctx.db), listEthnicGroups(ctx.db, { limit: 200 })]);
      const buffer = await renderImportTemplate({
        types: types.map((t) => ({ code: t.code, name: t.name, aliases: t.aliases })),
        ethnicGroups: ethnic.items.map((e) => ({ name: e.name })),
      });
      return sendDownload(reply, XLSX, 'mau-nhap-mo-hinh.xlsx', buffer);
    },
  );

  app.post(
    '/models/import',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Nhập mô hình từ .xlsx/.csv, báo cáo từng dòng',
        description:
          'Multipart: `file` và `acceptValid` (mặc định false). Có dòng lỗi thì không ghi gì, trừ khi `acceptValid=true` (ghi các dòng hợp lệ). `committed` cho biết đã ghi hay chưa.',
        headers: IdempotencyHeaders,
        response: { 200: ImportReport, ...errors, 422: ErrorResponse, ...UploadErrors },
      },
    },
    async (request, reply) => {
      const { file, acceptValid } = await upload(request);
      const sha256 = crypto.createHash('sha256').update(file.buffer).digest('hex');
      return withIdempotency(
        request,
        reply,
        async (db) => ({
          statusCode: 200,
          body: await importModels({ ...serviceContext(request), db }, file, acceptValid),
        }),
        { hashBody: { fileName: file.filename, sha256, acceptValid } },
      );
    },
  );

  app.get(
    '/model-targets',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Chỉ tiêu số mô hình theo loại, tỉnh và năm',
        querystring: Type.Object({
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          province: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
        }),
        response: { 200: TargetsView, ...errors },
      },
    },
    async (request) => getTargets(serviceContext(request), request.query.year, request.query.province),
  );

  app.put(
    '/model-targets',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Đặt chỉ tiêu (provinceCode null = toàn quốc; target null = xóa)',
        description: 'Chỉ tiêu toàn quốc cần phạm vi toàn quốc; chỉ tiêu của tỉnh cần tỉnh trong phạm vi.',
        body: TargetsBody,
        response: { 200: TargetsView, ...errors },
      },
    },
    async (request) => setTargets(serviceContext(request), request.body),
  );
}
