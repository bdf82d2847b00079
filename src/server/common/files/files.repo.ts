// All SQL for stored_file: the rows of uploaded files (the bytes are in the file storage). Every
// read names the owner, so a file is only ever found through an owner the caller has checked.
import type { Queryable } from '../../db/database';

export type OwnerKind = 'record' | 'recommendation' | 'policyReview';

/** One owner of files: the record, recommendation or policy review they belong to. */
export interface FileOwner {
  kind: OwnerKind;
  id: number;
}

const OWNER_COLUMN = {
  record: 'record_id',
  recommendation: 'recommendation_id',
  policyReview: 'policy_review_id',
} as const;

function selectFiles(db: Queryable, kind: OwnerKind) {
  return db
    .selectFrom('stored_file')
    .select([
      'stored_file_id',
      `${OWNER_COLUMN[kind]} as owner_id`,
      'file_name',
      'mime_type',
      'size_bytes',
      'sha256',
      'storage_key',
      'created_at',
    ]);
}

/** The files of these owners, oldest first. */
export async function listFiles(db: Queryable, kind: OwnerKind, ownerIds: number[]) {
  if (ownerIds.length === 0) return [];
  return selectFiles(db, kind)
    .where(OWNER_COLUMN[kind], 'in', ownerIds)
    .orderBy(OWNER_COLUMN[kind])
    .orderBy('created_at')
    .orderBy('stored_file_id')
    .execute();
}

export type StoredFileRow = Awaited<ReturnType<typeof listFiles>>[number];

export async function findFile(db: Queryable, owner: FileOwner, fileId: number): Promise<StoredFileRow | undefined> {
  return selectFiles(db, owner.kind)
    .where(OWNER_COLUMN[owner.kind], '=', owner.id)
    .where('stored_file_id', '=', fileId)
    .executeTakeFirst();
}

export async function insertFile(
  db: Queryable,
  owner: FileOwner,
  f: { fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string },
  userId: number,
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('stored_file')
    .values({
      [OWNER_COLUMN[owner.kind]]: owner.id,
      file_name: f.fileName,
      mime_type: f.mimeType,
      size_bytes: f.sizeBytes,
      sha256: f.sha256,
      storage_key: f.storageKey,
      created_by: userId,
      created_at: now,
    })
    .returning('stored_file_id')
    .executeTakeFirstOrThrow();
  return row.stored_file_id;
}

export async function deleteFile(db: Queryable, fileId: number): Promise<void> {
  await db.deleteFrom('stored_file').where('stored_file_id', '=', fileId).execute();
}

/** The storage keys of an owner's files, for removing the bytes once the owner is deleted. */
export async function storageKeys(db: Queryable, owner: FileOwner): Promise<string[]> {
  const rows = await db
    .selectFrom('stored_file')
    .select('storage_key')
    .where(OWNER_COLUMN[owner.kind], '=', owner.id)
    .orderBy('stored_file_id')
    .execute();
  return rows.map((r) => r.storage_key);
}

/** The storage keys of files whose bytes are not in the database store (uploaded to disk before it). */
export async function keysWithoutBytes(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectFrom('stored_file as f')
    .leftJoin('stored_file_bytes as b', 'b.storage_key', 'f.storage_key')
    .select('f.storage_key')
    .where('b.storage_key', 'is', null)
    .orderBy('f.stored_file_id')
    .execute();
  return rows.map((r) => r.storage_key);
}
