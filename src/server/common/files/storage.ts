// Where the bytes of uploaded files live, behind one interface: a folder on the local disk today;
// a shared store (for several instances) later implements the same three calls. Keys are relative
// paths such as "records/12/<uuid>.png", the layout the upload folder has always had.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface FileStorage {
  /** Writes new bytes under `key` and makes them durable before returning; an existing key is an error. */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes under `key`, or undefined when there are none. */
  open(key: string): Promise<Readable | undefined>;
  /** Removes the bytes under `key`; a missing key is not an error. */
  remove(key: string): Promise<void>;
}

export class LocalDiskStorage implements FileStorage {
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

/** The storage the configuration names: the upload folder on this machine. */
export function storageFor(config: { uploadDir: string }): FileStorage {
  return new LocalDiskStorage(config.uploadDir);
}
