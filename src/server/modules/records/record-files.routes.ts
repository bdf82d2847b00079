// Files around records: attachments (upload, download, delete) and bulk entry (template, import).
import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { readAttachment, readUpload, sendFile, uploadHash } from '../../common/files/file-routes';
import { withIdempotency } from '../../http/idempotency';
import { IdempotencyHeaders, IdParams, UploadErrors } from '../../http/schemas';
import * as attachments from './record-attachments.service';
import { importRecords, importTemplate } from './record-import.service';
import { AttachmentView, errors, ImportReport } from './records.schemas';
import { sendDownload } from '../../http/download';

const tags = ['records'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const AttachmentParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  attachmentId: Type.Integer({ minimum: 1 }),
});

export async function recordFileRoutes(app: App): Promise<void> {
  app.post(
    '/records/:id/attachments',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Đính kèm tệp (ảnh, PDF, .docx, .xlsx; tối đa 20 MB)',
        description: 'Multipart, trường `file`.',
        params: IdParams,
        headers: IdempotencyHeaders,
        response: { 201: AttachmentView, ...errors, ...UploadErrors },
      },
    },
    async (request, reply) => {
      const upload = await readAttachment(request);
      return withIdempotency(
        request,
        reply,
        async (db) => ({
          statusCode: 201,
          body: await attachments.addAttachment({ ...serviceContext(request), db }, request.params.id, upload),
        }),
        { hashBody: uploadHash(upload) },
      );
    },
  );

  app.get(
    '/records/:id/attachments/:attachmentId',
    {
      config: { permission: 'record:read' },
      schema: { tags, summary: 'Tải tệp đính kèm', params: AttachmentParams },
    },
    async (request, reply) => {
      const file = await attachments.openAttachment(
        serviceContext(request),
        request.params.id,
        request.params.attachmentId,
      );
      return sendFile(reply, file);
    },
  );

  app.delete(
    '/records/:id/attachments/:attachmentId',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Xóa tệp đính kèm',
        params: AttachmentParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await attachments.removeAttachment(serviceContext(request), request.params.id, request.params.attachmentId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/records/import/template.xlsx',
    {
      config: { permission: 'record:write' },
      schema: { tags, summary: 'Tải mẫu nhập nhiều bản ghi (.xlsx)' },
    },
    async (request, reply) =>
      sendDownload(reply, XLSX, 'mau-nhap-ban-ghi.xlsx', await importTemplate(serviceContext(request))),
  );

  app.post(
    '/records/import',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Nhập nhiều bản ghi từ .xlsx (theo mẫu) hoặc .csv',
        description:
          'Multipart: trường `file` và `acceptValid` (`true`: lưu các dòng hợp lệ; mặc định `false`: có dòng lỗi thì không lưu dòng nào). Trả về báo cáo từng dòng.',
        headers: IdempotencyHeaders,
        response: { 200: ImportReport, ...errors, ...UploadErrors },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const acceptValid = ['true', '1', 'on'].includes((upload.fields.acceptValid ?? '').toLowerCase());
      return withIdempotency(
        request,
        reply,
        async (db) => ({
          statusCode: 200,
          body: await importRecords({ ...serviceContext(request), db }, upload, acceptValid),
        }),
        { hashBody: { fileName: upload.fileName, sha256: upload.sha256, acceptValid } },
      );
    },
  );
}
