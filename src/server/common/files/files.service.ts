// The one file store: record attachments, recommendation evidence and policy-review responses.
// A file is checked (type by extension confirmed by content, size), its bytes written and made
// durable, then its row inserted in the caller's transaction next to the caller's own checks and
// audit entry. On disk, bytes written for a transaction that fails are removed; bytes of a removed
// file go once its row is gone for good (a crash in between leaves only an orphan file, never a
// dangling row). The database store (PostgreSQL) writes and removes the bytes in that same
// transaction: they commit or roll back with the row, and a crash leaves neither orphan nor dangling row.
import crypto from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ServiceContext } from '../../access/actor';
import type { Queryable } from '../../db/database';
import { notFound } from '../../http/errors';
import { inTransaction } from '../../db/transaction';
import { checkFile, cleanFileName, type UploadedFile } from './file-types';
import * as repo from './files.repo';
import { LocalDiskStorage, storageFor } from './storage';

export type { FileOwner, OwnerKind, StoredFileRow } from './files.repo';
export type { UploadedFile } from './file-types';

const FOLDER: Record<repo.OwnerKind, string> = {
  record: 'records',
  recommendation: 'recommendations',
  policyReview: 'policy-reviews',
};

/** How a stored file is shown in every view (attachments, evidence, response file). */
export interface FileView {
  id: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

export function fileView(row: repo.StoredFileRow): FileView {
  return {
    id: row.stored_file_id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** What the transaction of `withFiles` may do with files. */
export interface FileChanges {
  /** Checks the upload (400 naming `file`), writes its bytes and inserts its row; the row is returned. */
  store(owner: repo.FileOwner, upload: UploadedFile): Promise<repo.StoredFileRow>;
  /** Deletes the row now; the bytes go after the transaction. */
  remove(file: repo.StoredFileRow): Promise<void>;
  /** The bytes of files whose rows go with their owner (ON DELETE CASCADE) go after the transaction. */
  removeAllOf(owner: repo.FileOwner): Promise<void>;
}

/**
 * Runs `work` in a transaction (the caller's, when there is one) in which files can be stored and
 * removed together with the caller's checks, rows and audit entry.
 */
export async function withFiles<T>(
  ctx: ServiceContext,
  work: (tx: ServiceContext, files: FileChanges) => Promise<T>,
): Promise<T> {
  const written: string[] = [];
  const unused: string[] = [];
  let result: T;
  try {
    result = await inTransaction(ctx.db, (db) => {
      const tx = { ...ctx, db };
      // The database store writes on the transaction itself; the disk store at once, undone below.
      const storage = storageFor(ctx.config, db);
      return work(tx, {
        async store(owner, upload) {
          const mimeType = await checkFile(upload);
          const ext = path.extname(upload.fileName).toLowerCase();
          const key = path.posix.join(FOLDER[owner.kind], String(owner.id), `${crypto.randomUUID()}${ext}`);
          await storage.put(key, upload.data);
          if (!storage.transactional) written.push(key);
          const stored = {
            fileName: cleanFileName(upload.fileName),
            mimeType,
            sizeBytes: upload.data.length,
            sha256: crypto.createHash('sha256').update(upload.data).digest('hex'),
            storageKey: key,
          };
          const id = await repo.insertFile(db, owner, stored, ctx.actor.userId, ctx.clock.now());
          return (await repo.findFile(db, owner, id))!;
        },
        async remove(file) {
          await repo.deleteFile(db, file.stored_file_id);
          if (storage.transactional) await storage.remove(file.storage_key);
          else unused.push(file.storage_key);
        },
        async removeAllOf(owner) {
          const keys = await repo.storageKeys(db, owner);
          if (storage.transactional) for (const key of keys) await storage.remove(key);
          else unused.push(...keys);
        },
      });
    });
  } catch (error) {
    const storage = storageFor(ctx.config, ctx.db);
    await Promise.all(written.map((key) => storage.remove(key)));
    throw error;
  }
  const storage = storageFor(ctx.config, ctx.db);
  for (const key of unused) await storage.remove(key);
  return result;
}

/** The files of these owners, oldest first (the caller has checked the owners' scope). */
export function filesOf(db: Queryable, kind: repo.OwnerKind, ownerIds: number[]): Promise<repo.StoredFileRow[]> {
  return repo.listFiles(db, kind, ownerIds);
}

/** One file of an owner the caller has checked; 404 naming `what` when there is none. */
export async function findFile(
  db: Queryable,
  owner: repo.FileOwner,
  fileId: number,
  what = 'Tệp',
): Promise<repo.StoredFileRow> {
  const row = await repo.findFile(db, owner, fileId);
  if (!row) throw notFound(what);
  return row;
}

export interface OpenedFile {
  stream: Readable;
  fileName: string;
  mimeType: string;
  size: number;
}

/** The bytes of a file to send; 404 when they are missing from the storage. */
export async function openFile(ctx: ServiceContext, row: repo.StoredFileRow): Promise<OpenedFile> {
  const stream = await storageFor(ctx.config, ctx.db).open(row.storage_key);
  if (!stream) throw notFound('Nội dung tệp');
  return { stream, fileName: row.file_name, mimeType: row.mime_type, size: row.size_bytes };
}

/**
 * Copies into the database store the bytes of files that so far lived only in this machine's upload
 * folder (uploaded when the disk store was used), so that they stay downloadable after the switch
 * to `PHOIHOP_FILE_STORE=database`. The disk copies are left in place; bytes this machine does not
 * have are left for the instance that has them. Safe to run on several instances at once.
 */
export async function copyDiskFilesToDatabase(db: Queryable, uploadDir: string): Promise<number> {
  const disk = new LocalDiskStorage(uploadDir);
  let copied = 0;
  for (const key of await repo.keysWithoutBytes(db)) {
    const stream = await disk.open(key);
    if (!stream) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const inserted = await db
      .insertInto('stored_file_bytes')
      .values({ storage_key: key, data: Buffer.concat(chunks) })
      .onConflict((oc) => oc.column('storage_key').doNothing())
      .executeTakeFirst();
    copied += Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  return copied;
}
