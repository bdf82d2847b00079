// The HTTP side of the file store, shared by every route set that takes or gives files: reading one
// multipart upload (field "file", plus plain fields) into memory within the 20 MB limit of the
// multipart plugin, and sending a stored file back. Every upload problem is a 400 naming `file` (a
// plain field holding U+0000 or a lone surrogate: naming that field, as http/input-limits.ts does).
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { attachment } from '../../http/download';
import { badRequest } from '../../http/errors';
import { isCleanText } from '../../http/input-limits';
import type { OpenedFile } from './files.service';
import { checkFile } from './file-types';

export interface Upload {
  fileName: string;
  data: Buffer;
  sha256: string;
  fields: Record<string, string>;
}

export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw badRequest('file', 'Hãy gửi tệp dạng multipart/form-data ở trường "file"');
  const fields: Record<string, string> = {};
  let file: { fileName: string; data: Buffer } | null = null;
  for await (const part of request.parts()) {
    if (part.type !== 'file') {
      const value = String(part.value);
      if (!isCleanText(value) || !isCleanText(part.fieldname))
        throw badRequest(part.fieldname, 'Trường chứa ký tự không hợp lệ (ký tự rỗng U+0000 hoặc nửa cặp UTF-16)');
      fields[part.fieldname] = value;
      continue;
    }
    if (part.fieldname !== 'file' || file) {
      part.file.resume();
      throw badRequest('file', 'Chỉ gửi một tệp, ở trường "file"');
    }
    try {
      file = { fileName: part.filename, data: await part.toBuffer() };
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        throw badRequest('file', 'Tệp vượt quá 20 MB');
      throw error;
    }
  }
  if (!file) throw badRequest('file', 'Hãy chọn một tệp ở trường "file"');
  return { ...file, sha256: crypto.createHash('sha256').update(file.data).digest('hex'), fields };
}

/**
 * An upload to keep as a file (an attachment, evidence, a response file), its content checked
 * (file-types.ts) before the service opens its transaction: opening an Office file takes a worker
 * thread, which must not hold a database connection. The check inside the transaction is then free.
 */
export async function readAttachment(request: FastifyRequest): Promise<Upload> {
  const upload = await readUpload(request);
  await checkFile(upload);
  return upload;
}

/** What an upload's Idempotency-Key is compared on (the body is not JSON). */
export const uploadHash = (upload: Upload) => ({ fileName: upload.fileName, sha256: upload.sha256 });

/** Sends a stored file as a download: its own type, length and name, never sniffed by the browser. */
export function sendFile(reply: FastifyReply, file: OpenedFile) {
  return reply
    .type(file.mimeType)
    .header('content-length', file.size)
    .header('content-disposition', attachment(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);
}
