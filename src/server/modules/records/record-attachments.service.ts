// Attachments of a record: photos, PDF, .docx, .xlsx up to 20 MB. The bytes are stored on disk
// under the upload folder (never in the database); the row keeps name, type, size and SHA-256.
// The type is decided by the extension and confirmed by the file's first bytes, not by the
// client's Content-Type.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../../access/actor';
import { badRequest, forbidden, notFound } from '../../http/errors';
import { inTransaction } from '../../http/idempotency';
import { insertAudit } from '../audit/audit.repo';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from './record-codes';
import { assertPeriodOpen } from '../reports/period-lock';
import { mayWriteIn } from './record.policy';
import { attachmentView } from './record-view';
import * as repo from './records.repo';
import * as files from './record-attachments.repo';
import type { AttachmentView } from './records.schemas';

export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

const ALLOWED = 'ảnh (JPEG, PNG, WebP), PDF, Word (.docx) hoặc Excel (.xlsx)';

/** The stored MIME type of an acceptable file; 400 naming `file` otherwise. */
export function checkFile(file: UploadedFile): string {
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw badRequest('file', 'Tệp đính kèm vượt quá 20 MB');
  if (file.data.length === 0) throw badRequest('file', 'Tệp đính kèm trống');
  const type = ATTACHMENT_TYPES[path.extname(file.fileName).toLowerCase()];
  if (!type) throw badRequest('file', `Chỉ nhận tệp ${ALLOWED}`);
  if (!type.magic(file.data)) throw badRequest('file', 'Nội dung tệp không đúng với phần mở rộng của tên tệp');
  return type.mime;
}

/** A file name safe to keep and to send back: no folders, no control characters. */
function cleanName(name: string): string {
  const printable = [...name].filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f).join('');
  const base = path.basename(printable.replace(/\\/g, '/')).trim();
  return (base || 'tep-dinh-kem').slice(0, 200);
}

async function writableRecord(ctx: ServiceContext, recordId: number) {
  const row = await repo.findRecord(ctx.db, ctx.actor, recordId);
  if (!row) throw notFound('Bản ghi');
  if (!mayWriteIn(ctx.actor, row.province_code)) throw forbidden('Bạn không có quyền sửa bản ghi này');
  // Files are part of the record: a period an approved report has locked takes none (423).
  await assertPeriodOpen(ctx, { province: row.province_code, from: row.start_date, to: row.end_date });
  return row;
}

const storagePath = (ctx: ServiceContext, key: string) => path.join(ctx.config.uploadDir, key);

export async function addAttachment(
  ctx: ServiceContext,
  recordId: number,
  file: UploadedFile,
): Promise<AttachmentView> {
  const ext = path.extname(file.fileName).toLowerCase();
  const key = path.posix.join('records', String(recordId), `${crypto.randomUUID()}${ext}`);
  const target = storagePath(ctx, key);
  let written = false;
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const txCtx = { ...ctx, db: tx };
      const record = await writableRecord(txCtx, recordId);
      const mimeType = checkFile(file);
      const sha256 = crypto.createHash('sha256').update(file.data).digest('hex');
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      // Written and flushed before the row commits, so a stored row always has its bytes.
      const handle = await fs.promises.open(target, 'wx');
      written = true;
      try {
        await handle.writeFile(file.data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      const now = ctx.clock.now();
      const fileName = cleanName(file.fileName);
      const id = await files.insertAttachment(tx, {
        recordId,
        fileName,
        mimeType,
        sizeBytes: file.data.length,
        sha256,
        storageKey: key,
        userId: ctx.actor.userId,
        now,
      });
      const row = (await files.findAttachment(tx, recordId, id))!;
      await insertAudit(
        tx,
        ctx.actor,
        {
          action: 'attach',
          entityType: 'record',
          entityId: recordId,
          agencyId: record.organiser_agency_id,
          provinceCode: record.province_code,
          after: { attachment: attachmentView(row) },
        },
        now,
        ctx.ip,
      );
      return attachmentView(row);
    });
  } catch (error) {
    if (written) await fs.promises.rm(target, { force: true });
    throw error;
  }
}

export async function openAttachment(ctx: ServiceContext, recordId: number, attachmentId: number) {
  const record = await repo.findRecord(ctx.db, ctx.actor, recordId);
  if (!record) throw notFound('Bản ghi');
  const row = await files.findAttachment(ctx.db, recordId, attachmentId);
  if (!row) throw notFound('Tệp đính kèm');
  const file = storagePath(ctx, row.storage_key);
  if (!fs.existsSync(file)) throw notFound('Nội dung tệp đính kèm');
  return { stream: fs.createReadStream(file), fileName: row.file_name, mimeType: row.mime_type, size: row.size_bytes };
}

export async function removeAttachment(ctx: ServiceContext, recordId: number, attachmentId: number): Promise<void> {
  const key = await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const record = await writableRecord(txCtx, recordId);
    const row = await files.findAttachment(tx, recordId, attachmentId);
    if (!row) throw notFound('Tệp đính kèm');
    await files.deleteAttachment(tx, attachmentId);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'detach',
        entityType: 'record',
        entityId: recordId,
        agencyId: record.organiser_agency_id,
        provinceCode: record.province_code,
        before: { attachment: attachmentView(row) },
      },
      ctx.clock.now(),
      ctx.ip,
    );
    return row.storage_key;
  });
  // The bytes go once the row is gone for good; a crash here leaves only an orphan file.
  await fs.promises.rm(storagePath(ctx, key), { force: true });
}

/** RFC 6266 Content-Disposition with a UTF-8 name (Vietnamese file names) and an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
