import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { ApiError } from '../../api/client';
import { closeOfflineDb, OFFLINE_DB_NAME } from './outbox-db';
import {
  dropItem,
  enqueue,
  listOutbox,
  OUTBOX_LIMITS,
  OutboxLimitError,
  replaceFromForm,
  retryItem,
  sendMineOver,
  syncOutbox,
  type OutboxItem,
  type OutboxTransport,
} from './outbox';

/**
 * The server as the outbox sees it (the outside world of the web app): creates run once per key,
 * edits carry a version, and faults can be set for the next request — cut before the server sees
 * it, or cut after it committed (the answer lost).
 */
class FakeServer implements OutboxTransport {
  records = new Map<number, { title: string; version: number }>();
  byKey = new Map<string, { recordId: number; body: string }>();
  requests: string[] = [];
  uploads: string[] = [];
  faults: ('cut-before' | 'cut-after' | 'session' | 'busy' | 'csrf')[] = [];
  refuse: ((item: OutboxItem) => ApiError | undefined) | null = null;
  private nextId = 1;

  send(item: OutboxItem): Promise<{ recordId: number }> {
    const body = item.body as { title: string };
    this.requests.push(`${item.kind} ${body.title} ${item.idempotencyKey}`);
    const fault = this.faults.shift();
    if (fault === 'cut-before') return Promise.reject(new ApiError(0, 'network', 'offline'));
    if (fault === 'session') return Promise.reject(new ApiError(401, 'unauthorized', 'login'));
    if (fault === 'busy') return Promise.reject(new ApiError(503, 'busy', 'busy'));
    if (fault === 'csrf') return Promise.reject(new ApiError(403, 'csrf', 'Thiếu hoặc sai mã chống giả mạo yêu cầu'));
    const refused = this.refuse?.(item);
    if (refused) return Promise.reject(refused);
    const first = this.byKey.get(item.idempotencyKey);
    let recordId: number;
    if (first) {
      if (first.body !== JSON.stringify([item.body, item.version])) throw new Error('key reused');
      recordId = first.recordId;
    } else if (item.kind === 'record.create') {
      recordId = this.nextId++;
      this.records.set(recordId, { title: body.title, version: 1 });
    } else {
      recordId = item.recordId!;
      const record = this.records.get(recordId)!;
      if (record.version !== item.version)
        return Promise.reject(new ApiError(409, 'conflict', 'Bản ghi đã được sửa', 'version'));
      this.records.set(recordId, { title: body.title, version: record.version + 1 });
    }
    this.byKey.set(item.idempotencyKey, { recordId, body: JSON.stringify([item.body, item.version]) });
    if (fault === 'cut-after') return Promise.reject(new ApiError(0, 'network', 'answer lost'));
    return Promise.resolve({ recordId });
  }

  upload(recordId: number, file: { name: string; key: string }): Promise<void> {
    if (!this.uploads.includes(`${recordId}/${file.name}`)) this.uploads.push(`${recordId}/${file.name}`);
    return Promise.resolve();
  }

  current(item: OutboxItem): Promise<unknown> {
    return Promise.resolve(this.records.get(item.recordId!));
  }

  titles(): string[] {
    return [...this.records.values()].map((r) => r.title);
  }
}

const USER = 7;
const create = (title: string, userId = USER) =>
  enqueue({ userId, kind: 'record.create', label: title, body: { title }, form: { title } });
const states = async (userId = USER) => (await listOutbox(userId)).map((i) => `${i.label}:${i.state}`);

let server: FakeServer;
beforeEach(() => {
  server = new FakeServer();
});
afterEach(async () => {
  await closeOfflineDb();
  await deleteDB(OFFLINE_DB_NAME);
});

describe('the outbox', () => {
  it('sends queued records in the order they were made, each once, and keeps them as sent', async () => {
    for (const title of ['A', 'B', 'C']) await create(title);
    expect(await states()).toEqual(['A:waiting', 'B:waiting', 'C:waiting']);
    const result = await syncOutbox(USER, server);
    expect(result).toMatchObject({ sent: 3, stopped: false });
    expect(server.titles()).toEqual(['A', 'B', 'C']);
    expect(await states()).toEqual(['A:sent', 'B:sent', 'C:sent']);
    expect((await listOutbox(USER)).map((i) => i.recordId)).toEqual([1, 2, 3]);
    await syncOutbox(USER, server);
    expect(server.requests).toHaveLength(3);
  });

  it('stops at the first item that cannot be sent, so nothing overtakes it, and goes on later', async () => {
    for (const title of ['A', 'B', 'C']) await create(title);
    server.faults = [undefined as never, 'cut-before'];
    expect(await syncOutbox(USER, server)).toMatchObject({ sent: 1, stopped: true });
    expect(await states()).toEqual(['A:sent', 'B:waiting', 'C:waiting']);
    await syncOutbox(USER, server);
    expect(server.titles()).toEqual(['A', 'B', 'C']);
  });

  it('sends again with the same key when the answer was lost after the server committed: one record', async () => {
    const item = await create('Tập huấn');
    server.faults = ['cut-after'];
    await syncOutbox(USER, server);
    expect(await states()).toEqual(['Tập huấn:waiting']);
    expect(server.titles()).toEqual(['Tập huấn']);
    await syncOutbox(USER, server);
    expect(await states()).toEqual(['Tập huấn:sent']);
    expect(server.titles()).toEqual(['Tập huấn']);
    expect(server.requests).toEqual([
      `record.create Tập huấn ${item.idempotencyKey}`,
      `record.create Tập huấn ${item.idempotencyKey}`,
    ]);
  });

  it('sends an item left "sending" by a closed tab again with its key', async () => {
    const item = await create('Bỏ dở');
    server.faults = ['cut-after'];
    await syncOutbox(USER, server);
    const { offlineDb } = await import('./outbox-db');
    const db = await offlineDb();
    await db.put('outbox', { ...(await db.get('outbox', item.id))!, state: 'sending' });
    await syncOutbox(USER, server);
    expect(server.titles()).toEqual(['Bỏ dở']);
    expect(await states()).toEqual(['Bỏ dở:sent']);
  });

  it('keeps everything when the session expired (401), and sends it after login', async () => {
    await create('A');
    await create('B');
    server.faults = ['session'];
    expect(await syncOutbox(USER, server)).toMatchObject({ needsLogin: true, sent: 0 });
    expect(await states()).toEqual(['A:waiting', 'B:waiting']);
    await syncOutbox(USER, server);
    expect(server.titles()).toEqual(['A', 'B']);
  });

  it('keeps waiting when the token of the session was not known yet (403 csrf: a browser reopened offline)', async () => {
    await create('A');
    server.faults = ['csrf'];
    expect(await syncOutbox(USER, server)).toMatchObject({ sent: 0, stopped: true });
    expect(await states()).toEqual(['A:waiting']);
    await syncOutbox(USER, server);
    expect(server.titles()).toEqual(['A']);
  });

  it('keeps waiting while the server is busy', async () => {
    await create('A');
    server.faults = ['busy'];
    await syncOutbox(USER, server);
    const [item] = await listOutbox(USER);
    expect(item).toMatchObject({ state: 'waiting', lastError: 'busy' });
  });

  it('puts a conflicting edit (409) in "cần xử lý" with the server version, and never overwrites it', async () => {
    await create('Gốc');
    await syncOutbox(USER, server);
    server.records.set(1, { title: 'Sửa trên mạng', version: 2 });
    const edit = await enqueue({
      userId: USER,
      kind: 'record.update',
      label: 'Sửa trên máy',
      recordId: 1,
      version: 1,
      body: { title: 'Sửa trên máy' },
      form: {},
    });
    await create('Sau');
    await syncOutbox(USER, server);
    expect(await states()).toEqual(['Gốc:sent', 'Sửa trên máy:attention', 'Sau:sent']);
    const waiting = (await listOutbox(USER))[1]!;
    expect(waiting.problem).toMatchObject({
      status: 409,
      field: 'version',
      server: { title: 'Sửa trên mạng', version: 2 },
    });
    expect(server.records.get(1)!.title).toBe('Sửa trên mạng');
    // Nothing more is sent until the user decides.
    await syncOutbox(USER, server);
    expect(server.records.get(1)!.title).toBe('Sửa trên mạng');

    await sendMineOver(edit.id, 2);
    await syncOutbox(USER, server);
    expect(server.records.get(1)).toEqual({ title: 'Sửa trên máy', version: 3 });
    expect((await listOutbox(USER))[1]!.idempotencyKey).not.toBe(edit.idempotencyKey);
  });

  it('drops the edit when the user keeps the server version', async () => {
    await create('Gốc');
    await syncOutbox(USER, server);
    server.records.set(1, { title: 'Trên mạng', version: 2 });
    const edit = await enqueue({
      userId: USER,
      kind: 'record.update',
      label: 'Của tôi',
      recordId: 1,
      version: 1,
      body: { title: 'Của tôi' },
      form: {},
    });
    await syncOutbox(USER, server);
    await dropItem(edit.id);
    expect(await states()).toEqual(['Gốc:sent']);
    expect(server.records.get(1)!.title).toBe('Trên mạng');
  });

  it('puts an edit in a locked period (423) in "cần xử lý" and sends it with its key when retried', async () => {
    await create('Gốc');
    await syncOutbox(USER, server);
    const edit = await enqueue({
      userId: USER,
      kind: 'record.update',
      label: 'Kỳ đã khóa',
      recordId: 1,
      version: 1,
      body: { title: 'Kỳ đã khóa' },
      form: {},
    });
    server.refuse = () => new ApiError(423, 'period_locked', 'Kỳ báo cáo đã khóa', 'startDate');
    await syncOutbox(USER, server);
    expect((await listOutbox(USER))[1]).toMatchObject({
      state: 'attention',
      problem: { status: 423, server: { title: 'Gốc', version: 1 } },
    });
    server.refuse = null;
    await retryItem(edit.id);
    await syncOutbox(USER, server);
    expect(server.records.get(1)!.title).toBe('Kỳ đã khóa');
  });

  it('brings a refused item (400) back with the field named, and sends the fixed version with a new key', async () => {
    const item = await create('Thiếu ngày');
    server.refuse = (i) =>
      (i.body as { title: string }).title === 'Thiếu ngày'
        ? new ApiError(400, 'bad_request', 'Ngày bắt đầu không hợp lệ', 'startDate')
        : undefined;
    await syncOutbox(USER, server);
    const [refused] = await listOutbox(USER);
    expect(refused).toMatchObject({
      state: 'attention',
      problem: { status: 400, field: 'startDate' },
      form: { title: 'Thiếu ngày' },
    });
    expect(server.titles()).toEqual([]);
    await replaceFromForm(item.id, { label: 'Đủ ngày', body: { title: 'Đủ ngày' }, form: { title: 'Đủ ngày' } });
    await syncOutbox(USER, server);
    expect(server.titles()).toEqual(['Đủ ngày']);
    expect((await listOutbox(USER))[0]!.idempotencyKey).not.toBe(item.idempotencyKey);
  });

  it("sends only the signed-in user's items", async () => {
    await create('Của người khác', 8);
    await create('Của tôi');
    await syncOutbox(USER, server);
    expect(server.titles()).toEqual(['Của tôi']);
    expect(await states(8)).toEqual(['Của người khác:waiting']);
  });

  it('uploads queued files once the record exists, and only once after a cut', async () => {
    const item = await enqueue({
      userId: USER,
      kind: 'record.create',
      label: 'Có ảnh',
      body: { title: 'Có ảnh' },
      form: {},
      files: [new File(['ảnh'], 'anh.jpg', { type: 'image/jpeg' })],
    });
    expect(item.files[0]).toMatchObject({ name: 'anh.jpg', size: 5, uploaded: false });
    await syncOutbox(USER, server);
    expect(server.uploads).toEqual(['1/anh.jpg']);
    const [sent] = await listOutbox(USER);
    expect(sent!.files[0]).toMatchObject({ uploaded: true, blob: null });
  });

  it('refuses a file over the per-file limit and files over the total, naming files', async () => {
    const big = new Blob([new Uint8Array(OUTBOX_LIMITS.fileBytes + 1)]);
    await expect(
      enqueue({ userId: USER, kind: 'record.create', label: 'x', body: {}, form: {}, files: [big] }),
    ).rejects.toBeInstanceOf(OutboxLimitError);
    const nine = () => new Blob([new Uint8Array(9 * 1024 * 1024)]);
    for (let i = 0; i < 5; i++)
      await enqueue({ userId: USER, kind: 'record.create', label: `f${i}`, body: {}, form: {}, files: [nine()] });
    await expect(
      enqueue({ userId: USER, kind: 'record.create', label: 'one more', body: {}, form: {}, files: [nine()] }),
    ).rejects.toMatchObject({ field: 'files' });
  });

  it('runs one round at a time: calls during a round do not send an item twice', async () => {
    for (const title of ['A', 'B']) await create(title);
    await Promise.all([syncOutbox(USER, server), syncOutbox(USER, server), syncOutbox(USER, server)]);
    expect(server.requests).toHaveLength(2);
    expect(server.titles()).toEqual(['A', 'B']);
  });
});
