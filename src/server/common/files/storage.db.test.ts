// Both file stores keep the same promises: bytes back byte for byte, never an overwrite, a missing
// key answers undefined, removal is quiet. The disk store also keeps its folder layout; the
// database store commits and rolls back with its transaction and reads a download in slices.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { createTestDatabase } from '../../../../test/test-db';
import { DatabaseStorage, LocalDiskStorage, storageFor, type FileStorage } from './storage';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-storage-'));
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function read(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const stores: [string, () => FileStorage][] = [
  ['LocalDiskStorage', () => new LocalDiskStorage(root)],
  ['DatabaseStorage', () => new DatabaseStorage(database.db)],
];

describe.each(stores)('%s', (_name, make) => {
  it('gives back the bytes put under a key', async () => {
    const storage = make();
    await storage.put('records/12/a.png', Buffer.from('bytes'));
    expect((await read((await storage.open('records/12/a.png'))!)).toString()).toBe('bytes');
  });

  it('never overwrites a key, answers undefined for missing bytes and removes quietly', async () => {
    const storage = make();
    await expect(storage.put('records/12/a.png', Buffer.from('other'))).rejects.toThrow();
    expect((await read((await storage.open('records/12/a.png'))!)).toString()).toBe('bytes');
    expect(await storage.open('records/12/none.png')).toBeUndefined();
    await storage.remove('records/12/a.png');
    await storage.remove('records/12/a.png');
    expect(await storage.open('records/12/a.png')).toBeUndefined();
  });

  it('keeps an empty file and a file of every byte value', async () => {
    const storage = make();
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await storage.put('records/13/empty.txt', Buffer.alloc(0));
    await storage.put('records/13/all.bin', all);
    expect((await read((await storage.open('records/13/empty.txt'))!)).length).toBe(0);
    expect((await read((await storage.open('records/13/all.bin'))!)).equals(all)).toBe(true);
  });

  it('is the store the configuration names', () => {
    const kind = make() instanceof DatabaseStorage ? 'database' : 'disk';
    const chosen = storageFor({ uploadDir: root, fileStore: kind }, database.db);
    expect(chosen.constructor).toBe(make().constructor);
  });
});

describe('LocalDiskStorage', () => {
  const storage = new LocalDiskStorage(root);

  it('keeps bytes at the key path under its folder, the layout files have always had', async () => {
    await storage.put('records/14/a.png', Buffer.from('bytes'));
    expect(fs.readFileSync(path.join(root, 'records', '14', 'a.png'), 'utf8')).toBe('bytes');
    expect(storage.transactional).toBe(false);
  });

  it('reads a file written there before the file store existed', async () => {
    fs.mkdirSync(path.join(root, 'recommendations', '3'), { recursive: true });
    fs.writeFileSync(path.join(root, 'recommendations', '3', 'old.pdf'), '%PDF-old');
    expect((await read((await storage.open('recommendations/3/old.pdf'))!)).toString()).toBe('%PDF-old');
  });

  it('refuses keys that leave its folder', async () => {
    await expect(storage.put('../escape.txt', Buffer.from('x'))).rejects.toThrow(/outside/);
    await expect(storage.open('/etc/passwd')).rejects.toThrow(/outside/);
  });
});

describe('DatabaseStorage', () => {
  it('streams a file larger than its slice in slices, byte for byte', async () => {
    const storage = new DatabaseStorage(database.db, 1000);
    const data = Buffer.from(Array.from({ length: 4321 }, (_, i) => (i * 7) % 256));
    await storage.put('records/15/big.bin', data);
    const chunks: Buffer[] = [];
    for await (const chunk of (await storage.open('records/15/big.bin'))!) chunks.push(chunk as Buffer);
    expect(chunks.map((c) => c.length)).toEqual([1000, 1000, 1000, 1000, 321]);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });

  it('writes and removes inside the transaction it is given: a rollback leaves nothing, a commit keeps', async () => {
    const failed = database.db.transaction().execute(async (tx) => {
      await new DatabaseStorage(tx).put('records/16/rolled-back.png', Buffer.from('x'));
      throw new Error('the caller fails after the bytes were written');
    });
    await expect(failed).rejects.toThrow(/caller fails/);
    const storage = new DatabaseStorage(database.db);
    expect(storage.transactional).toBe(true);
    expect(await storage.open('records/16/rolled-back.png')).toBeUndefined();

    await storage.put('records/16/kept.png', Buffer.from('kept'));
    await expect(
      database.db.transaction().execute(async (tx) => {
        await new DatabaseStorage(tx).remove('records/16/kept.png');
        throw new Error('the removal is rolled back');
      }),
    ).rejects.toThrow(/rolled back/);
    expect((await read((await storage.open('records/16/kept.png'))!)).toString()).toBe('kept');
  });
});
