// What may be uploaded, anywhere: photos, PDF, Word (.docx) and Excel (.xlsx) up to 20 MB. The type
// is decided by the extension and confirmed by the content (first bytes; for .docx/.xlsx, a zip that
// really is that Office package), never by the client's Content-Type.
import path from 'node:path';
import { badRequest } from '../../http/errors';
import { isOoxmlPackage } from './ooxml';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const startsWith = (b: Buffer, bytes: number[]) => b.subarray(0, bytes.length).equals(Buffer.from(bytes));
const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const FILE_TYPES: Record<string, { mime: string; matches: (b: Buffer) => boolean | Promise<boolean> }> = {
  '.jpg': { mime: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  '.jpeg': { mime: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  '.png': { mime: 'image/png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  '.webp': {
    mime: 'image/webp',
    matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  '.pdf': { mime: 'application/pdf', matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  '.docx': {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: async (b) => startsWith(b, ZIP) && (await isOoxmlPackage(b, 'docx')),
  },
  '.xlsx': {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    matches: async (b) => startsWith(b, ZIP) && (await isOoxmlPackage(b, 'xlsx')),
  },
};

const ALLOWED = 'ảnh (JPEG, PNG, WebP), PDF, Word (.docx) hoặc Excel (.xlsx)';

export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

/** The stored MIME type of an acceptable file; 400 naming `file` otherwise. */
export async function checkFile(file: UploadedFile): Promise<string> {
  if (file.data.length > MAX_FILE_BYTES) throw badRequest('file', 'Tệp đính kèm vượt quá 20 MB');
  if (file.data.length === 0) throw badRequest('file', 'Tệp đính kèm trống');
  const type = FILE_TYPES[path.extname(file.fileName).toLowerCase()];
  if (!type) throw badRequest('file', `Chỉ nhận tệp ${ALLOWED}`);
  if (!(await type.matches(file.data)))
    throw badRequest('file', 'Nội dung tệp không đúng với phần mở rộng của tên tệp');
  return type.mime;
}

/** A file name safe to keep and to send back: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const printable = [...name].filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f).join('');
  const base = path.basename(printable.replace(/\\/g, '/')).trim();
  return (base || 'tep-dinh-kem').slice(0, 200);
}
