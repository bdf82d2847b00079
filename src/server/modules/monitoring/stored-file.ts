// Files kept on disk under the upload folder (evidence of a recommendation's follow-up, a policy
// review's response): checked like record attachments (type by extension, confirmed by the first
// bytes; at most 20 MB), written and flushed before the row that points at them commits.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../../access/actor';
import { notFound } from '../../http/errors';
import { checkFile, type UploadedFile } from '../records/record-attachments.service';

export interface StoredFile {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

/** A file name safe to keep and to send back: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const printable = [...name].filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f).join('');
  const base = path.basename(printable.replace(/\\/g, '/')).trim();
  return (base || 'tep-dinh-kem').slice(0, 200);
}

export const storagePath = (ctx: ServiceContext, key: string) => path.join(ctx.config.uploadDir, key);

/**
 * Checks and writes the file under `folder` (e.g. "recommendations/12"), then runs `save` with
 * what was stored; if `save` throws, the bytes are removed again.
 */
export async function withStoredFile<T>(
  ctx: ServiceContext,
  folder: string,
  file: UploadedFile,
  save: (stored: StoredFile) => Promise<T>,
): Promise<T> {
  const mimeType = checkFile(file);
  const ext = path.extname(file.fileName).toLowerCase();
  const key = path.posix.join(folder, `${crypto.randomUUID()}${ext}`);
  const target = storagePath(ctx, key);
  let written = false;
  try {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const handle = await fs.promises.open(target, 'wx');
    written = true;
    try {
      await handle.writeFile(file.data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return await save({
      fileName: cleanFileName(file.fileName),
      mimeType,
      sizeBytes: file.data.length,
      sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
      storageKey: key,
    });
  } catch (error) {
    if (written) await fs.promises.rm(target, { force: true });
    throw error;
  }
}

export function openStoredFile(ctx: ServiceContext, key: string) {
  const file = storagePath(ctx, key);
  if (!fs.existsSync(file)) throw notFound('Nội dung tệp');
  return fs.createReadStream(file);
}

export async function removeStoredFile(ctx: ServiceContext, key: string): Promise<void> {
  await fs.promises.rm(storagePath(ctx, key), { force: true });
}
