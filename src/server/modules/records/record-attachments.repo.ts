// All SQL for record attachments (the rows; the bytes are on disk). Callers check the record's scope first.
import type { Queryable } from '../../db/database';

export async function listAttachments(db: Queryable, recordId: number) {
  return db
    .selectFrom('record_attachment')
    .select(['attachment_id', 'file_name', 'mime_type', 'size_bytes', 'sha256', 'storage_key', 'created_at'])
    .where('record_id', '=', recordId)
    .orderBy('created_at')
    .orderBy('attachment_id')
    .execute();
}
export type AttachmentRow = Awaited<ReturnType<typeof listAttachments>>[number];

export async function findAttachment(db: Queryable, recordId: number, attachmentId: number) {
  return db
    .selectFrom('record_attachment')
    .select(['attachment_id', 'file_name', 'mime_type', 'size_bytes', 'sha256', 'storage_key', 'created_at'])
    .where('record_id', '=', recordId)
    .where('attachment_id', '=', attachmentId)
    .executeTakeFirst();
}

export async function insertAttachment(
  db: Queryable,
  a: {
    recordId: number;
    fileName: string;
    mimeType: string;
    sizeBytes: number;
    sha256: string;
    storageKey: string;
    userId: number;
    now: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto('record_attachment')
    .values({
      record_id: a.recordId,
      file_name: a.fileName,
      mime_type: a.mimeType,
      size_bytes: a.sizeBytes,
      sha256: a.sha256,
      storage_key: a.storageKey,
      created_by: a.userId,
      created_at: a.now,
    })
    .returning('attachment_id')
    .executeTakeFirstOrThrow();
  return row.attachment_id;
}

export async function deleteAttachment(db: Queryable, attachmentId: number): Promise<void> {
  await db.deleteFrom('record_attachment').where('attachment_id', '=', attachmentId).execute();
}
