// Reading one multipart upload (field "file", plus plain fields) into memory, within the 20 MB
// limit of the multipart plugin. Every problem is a 400 naming `file`.
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { badRequest } from '../../http/errors';

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
      fields[part.fieldname] = String(part.value);
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
