// The caller's notifications through the API: another module's notify() inside its transaction,
// the unread count, a limit, one or all marked read, and nobody else's notification visible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { notify } from './notifications.service';

let t: TestApp;
let mine: ApiClient;
let other: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  mine = await t.as({ role: 'data_entry', provinces: ['11'] });
  other = await t.as({ role: 'data_entry', provinces: ['11'] });
  await notify(
    t.database.db,
    [1, 2, 3].map((n) => ({
      user_id: mine.userId,
      kind: 'test',
      title: `Việc số ${n}`,
      body: '',
      link: `/plans/${n}`,
    })),
    t.clock.now(),
  );
});
afterAll(async () => t.close());

describe('notifications', () => {
  it('lists the caller’s own, newest first, with the unread count and a limit', async () => {
    const all = (await mine.get('/api/notifications')).json();
    expect(all.unread).toBe(3);
    expect(all.items.map((n: { title: string }) => n.title)).toEqual(['Việc số 3', 'Việc số 2', 'Việc số 1']);
    const one = (await mine.get('/api/notifications?limit=1')).json();
    expect(one.items).toHaveLength(1);
    expect(one.unread).toBe(3);
    expect((await mine.get('/api/notifications?limit=0')).statusCode).toBe(400);
    expect((await other.get('/api/notifications')).json()).toEqual({ unread: 0, items: [] });
  });

  it('marks one read (404 for someone else’s) and then all', async () => {
    const first = (await mine.get('/api/notifications')).json().items[0];
    expect((await other.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(404);
    const afterOne = (await mine.post(`/api/notifications/${first.id}/read`)).json();
    expect(afterOne.unread).toBe(2);
    expect(afterOne.items[0].readAt).not.toBeNull();
    const afterAll = (await mine.post('/api/notifications/read-all')).json();
    expect(afterAll.unread).toBe(0);
    expect((await mine.get('/api/notifications?unread=true')).json().items).toEqual([]);
  });
});
