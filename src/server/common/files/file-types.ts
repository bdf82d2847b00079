// What may be uploaded, anywhere: photos, PDF, Word (.docx) and Excel (.xlsx) up to 20 MB. The type
// is decided by the extension and confirmed by the content (first bytes; for .docx/.xlsx, a zip
// within the limits of common/office/ that is that Office package and that its parser opens — in a
// worker, so it is checked before any transaction: `readAttachment`), never by the client's Content-Type.
import path from 'node:path';
import { badRequest } from '../../http/errors';
import { officeReader } from '../office/office-reader';
import { isOoxmlPackage, type OoxmlKind } from '../office/ooxml';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const startsWith = (b: Buffer, bytes: number[]) => b.subarray(0, bytes.length).equals(Buffer.from(bytes));
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const MISMATCH = 'Nội dung tệp không đúng với phần mở rộng của tên tệp';

/** A zip within the limits (else a 413/400 naming `file`), with the parts of `kind`, that its parser opens. */
async function opensAs(data: Buffer, kind: OoxmlKind): Promise<boolean> {
  if (!startsWith(data, ZIP)) return false;
  const names = (await officeReader.entries(data, 'file')).map((entry) => entry.name);
  if (!isOoxmlPackage(names, kind)) return false;
  await officeReader.run(kind === 'docx' ? 'openDocx' : 'openXlsx', data, 'file', MISMATCH);
  return true;
}

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
    matches: (b) => opensAs(b, 'docx'),
  },
  '.xlsx': {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    matches: (b) => opensAs(b, 'xlsx'),
  },
};

const ALLOWED = 'ảnh (JPEG, PNG, WebP), PDF, Word (.docx) hoặc Excel (.xlsx)';

export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

// The same bytes under the same name are checked once: before the transaction (readAttachment) and
// again when stored, at no cost.
const checked = new WeakMap<Buffer, { fileName: string; mime: Promise<string> }>();

/** The stored MIME type of an acceptable file; a 4xx naming `file` otherwise. */
export function checkFile(file: UploadedFile): Promise<string> {
  const known = checked.get(file.data);
  if (known?.fileName === file.fileName) return known.mime;
  const mime = mimeOf(file);
  checked.set(file.data, { fileName: file.fileName, mime });
  return mime;
}

async function mimeOf(file: UploadedFile): Promise<string> {
  if (file.data.length > MAX_FILE_BYTES) throw badRequest('file', 'Tệp đính kèm vượt quá 20 MB');
  if (file.data.length === 0) throw badRequest('file', 'Tệp đính kèm trống');
  const type = FILE_TYPES[path.extname(file.fileName).toLowerCase()];
  if (!type) throw badRequest('file', `Chỉ nhận tệp ${ALLOWED}`);
  if (!(await type.matches(file.data))) throw badRequest('file', MISMATCH);
  return type.mime;
}

/** A file name safe to keep and to send back: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const printable = [...name].filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f).join('');
  const base = path.basename(printable.replace(/\\/g, '/')).trim();
  return (base || 'tep-dinh-kem').slice(0, 200);
}
