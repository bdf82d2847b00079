// Where the bytes of uploaded files live, behind one interface: a folder on the local disk (the
// embedded default: one machine, one instance) or the database (PostgreSQL, shared by every app
// instance). Keys are relative paths such as "records/12/<uuid>.png", the layout the upload folder
// has always had; the database store keeps the same keys.
//
// Why the database rather than an S3-compatible store: there is no S3 service on the networks this
// runs on, and one more service would be one more thing to run, secure and back up; in the
// database one backup (pg_dump, base backup + WAL) covers files and the rows that name them, and
// the bytes commit or roll back in the same transaction as their stored_file row — no orphan bytes,
// no row without bytes. Uploads are bounded (20 MB a file: MAX_FILE_BYTES in file-types.ts and the
// multipart limit in app.ts; JSON bodies 2 MB), well within what a bytea column takes.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { FileStoreKind } from '../../config';
import type { Queryable } from '../../db/database';

export interface FileStorage {
  /**
   * True when put and remove run in the transaction of the `db` the store was made with, so they
   * commit or roll back with it (the database store); false when they take effect at once (disk).
   */
  readonly transactional: boolean;
  /**
   * Writes new bytes under `key` and makes them durable before returning (a transactional store:
   * when its transaction commits); an existing key is an error.
   */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes under `key`, or undefined when there are none. */
  open(key: string): Promise<Readable | undefined>;
  /** Removes the bytes under `key`; a missing key is not an error. */
  remove(key: string): Promise<void>;
}

export class LocalDiskStorage implements FileStorage {
  readonly transactional = false;

  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    const root = path.resolve(this.root);
    const target = path.resolve(root, key);
    if (!target.startsWith(root + path.sep)) throw new Error(`storage key outside the upload folder: ${key}`);
    return target;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const handle = await fs.promises.open(target, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await fs.promises.rm(target, { force: true });
      throw error;
    }
    await handle.close();
  }

  async open(key: string): Promise<Readable | undefined> {
    const target = this.pathOf(key);
    try {
      await fs.promises.access(target, fs.constants.R_OK);
    } catch {
      return undefined;
    }
    return fs.createReadStream(target);
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}

/** A download is read this many bytes at a time: a 20 MB file never sits whole in memory. */
const SLICE_BYTES = 1024 * 1024;

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Bytes in the table stored_file_bytes, on the `db` it is given: pass the transaction that inserts
 * the stored_file row and the bytes commit (durably, as every PostgreSQL commit) or vanish with it.
 * The primary key on storage_key refuses an existing key.
 */
export class DatabaseStorage implements FileStorage {
  readonly transactional = true;

  constructor(
    private readonly db: Queryable,
    private readonly sliceBytes = SLICE_BYTES,
  ) {}

  async put(key: string, data: Buffer): Promise<void> {
    await this.db.insertInto('stored_file_bytes').values({ storage_key: key, data }).execute();
  }

  async open(key: string): Promise<Readable | undefined> {
    const found = await this.db
      .selectFrom('stored_file_bytes')
      .select(sql<number>`octet_length(data)`.as('size'))
      .where('storage_key', '=', key)
      .executeTakeFirst();
    if (!found) return undefined;
    const { db, sliceBytes } = this;
    const size = Number(found.size);
    async function* slices() {
      for (let offset = 0; offset < size; offset += sliceBytes) {
        const slice = await db
          .selectFrom('stored_file_bytes')
          .select(sql<Uint8Array>`substring(data FROM ${offset + 1}::int FOR ${sliceBytes}::int)`.as('part'))
          .where('storage_key', '=', key)
          .executeTakeFirst();
        if (!slice) throw new Error(`stored file removed while it was being read: ${key}`);
        yield asBuffer(slice.part);
      }
    }
    return Readable.from(slices(), { objectMode: false });
  }

  async remove(key: string): Promise<void> {
    await this.db.deleteFrom('stored_file_bytes').where('storage_key', '=', key).execute();
  }
}

/**
 * The storage the configuration names (`fileStore`, config.ts: the database when DATABASE_URL is
 * set, else the upload folder on this machine). `db` is where the database store reads and writes:
 * the caller's transaction, to write bytes together with their row.
 */
export function storageFor(config: { uploadDir: string; fileStore: FileStoreKind }, db: Queryable): FileStorage {
  return config.fileStore === 'database' ? new DatabaseStorage(db) : new LocalDiskStorage(config.uploadDir);
}
