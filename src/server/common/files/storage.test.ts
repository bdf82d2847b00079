import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from './storage';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-storage-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function read(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalDiskStorage', () => {
  const storage = new LocalDiskStorage(root);

  it('keeps bytes at the key path under its folder, the layout files have always had', async () => {
    await storage.put('records/12/a.png', Buffer.from('bytes'));
    expect(fs.readFileSync(path.join(root, 'records', '12', 'a.png'), 'utf8')).toBe('bytes');
    expect((await read((await storage.open('records/12/a.png'))!)).toString()).toBe('bytes');
  });

  it('reads a file written there before the file store existed', async () => {
    fs.mkdirSync(path.join(root, 'recommendations', '3'), { recursive: true });
    fs.writeFileSync(path.join(root, 'recommendations', '3', 'old.pdf'), '%PDF-old');
    expect((await read((await storage.open('recommendations/3/old.pdf'))!)).toString()).toBe('%PDF-old');
  });

  it('never overwrites a key, answers undefined for missing bytes and removes quietly', async () => {
    await expect(storage.put('records/12/a.png', Buffer.from('other'))).rejects.toThrow();
    expect(await storage.open('records/12/none.png')).toBeUndefined();
    await storage.remove('records/12/a.png');
    await storage.remove('records/12/a.png');
    expect(await storage.open('records/12/a.png')).toBeUndefined();
  });

  it('refuses keys that leave its folder', async () => {
    await expect(storage.put('../escape.txt', Buffer.from('x'))).rejects.toThrow(/outside/);
    await expect(storage.open('/etc/passwd')).rejects.toThrow(/outside/);
  });
});
