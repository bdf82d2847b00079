// Two app instances on one PostgreSQL database, one client alternating between them: what one
// instance did, the other sees — sessions, uploaded files, idempotency keys, login throttle counts — and scheduled
// housekeeping is done once. Each case is one `it`; add a case by using `instances.on(0|1, client)`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstances, type Instances } from './instances';
import type { ApiClient } from './test-app';
import { TEST_PASSWORD } from './factories';
import { PDF, PNG, activityIds, cascadedPlan, form, issuedPlan, trainingBody } from './record-fixtures';
import { housekeepingConfig, insertAgedRows, remainingRows, KEPT } from './housekeeping-fixtures';
import { runHousekeepingRound } from '../src/server/modules/housekeeping/housekeeping.service';

let instances: Instances;
let entry: ApiClient;
let activities: number[];
const A = 0;
const B = 1;

beforeAll(async () => {
  instances = await startInstances(2);
  const t = instances.all[A]!;
  expect(t.app.deps.config.fileStore).toBe('database');
  const women = await t.as({ role: 'central_coordinator', agency: 'HLHPN' });
  const ethnic = await t.as({ role: 'central_coordinator', agency: 'UBDT' });
  const plan = await issuedPlan(t, women, ethnic);
  const coordinator = await t.as({ role: 'provincial_coordinator', agency: 'HLHPN-2025-11', provinces: ['11'] });
  activities = activityIds(await cascadedPlan(coordinator, plan.id));
  entry = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
});
afterAll(() => instances.close());

const countRecords = async () =>
  Number(
    (
      await instances.all[A]!.database.db.selectFrom('implementation_record')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('two instances on one PostgreSQL', () => {
  it('a session opened on A works on B, and a logout on B ends it on A', async () => {
    const client = await instances.all[A]!.as({ role: 'viewer', agency: 'UBDT' });
    const me = await instances.on(B, client).get('/api/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ userId: client.userId, username: client.username });
    expect((await instances.on(B, client).post('/api/auth/logout')).statusCode).toBe(204);
    expect((await instances.on(A, client).get('/api/me')).statusCode).toBe(401);
  });

  it('a file uploaded on A is downloaded on B byte for byte, and removed on B is gone on A', async () => {
    const created = await instances.on(A, entry).post('/api/records', trainingBody(activities[0]!));
    expect(created.statusCode, created.body).toBe(201);
    const recordId = created.json().id as number;
    const upload = await instances.on(A, entry).post(`/api/records/${recordId}/attachments`, form('biên bản.pdf', PDF));
    expect(upload.statusCode, upload.body).toBe(201);
    const url = `/api/records/${recordId}/attachments/${upload.json().id}`;
    const back = await instances.on(B, entry).get(url);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(PDF)).toBe(true);
    const photo = await instances.on(B, entry).post(`/api/records/${recordId}/attachments`, form('ảnh.png', PNG));
    expect(
      (await instances.on(A, entry).get(`/api/records/${recordId}/attachments/${photo.json().id}`)).rawPayload.equals(
        PNG,
      ),
    ).toBe(true);
    expect((await instances.on(B, entry).delete(url)).statusCode).toBe(204);
    expect((await instances.on(A, entry).get(url)).statusCode).toBe(404);
  });

  it('a create retried on B with the Idempotency-Key it had on A is the same record, replayed', async () => {
    const before = await countRecords();
    const headers = { 'idempotency-key': 'two-instances-0001' };
    const body = trainingBody(activities[1]!);
    const first = await instances.on(A, entry).post('/api/records', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const again = await instances.on(B, entry).post('/api/records', body, headers);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await countRecords()).toBe(before + 1);
  });

  it('housekeeping started on both at once is done once', async () => {
    const [a, b] = instances.all as [(typeof instances.all)[0], (typeof instances.all)[0]];
    const then = a.clock.now();
    const now = new Date(then.getTime() + 30 * 86_400_000);
    a.clock.set(now);
    await insertAgedRows(a.database.db, entry.userId, now);
    const rounds = await Promise.all(
      [a, b].map((instance) =>
        runHousekeepingRound({ db: instance.database.db, config: housekeepingConfig, clock: instance.clock }),
      ),
    );
    expect(rounds.filter((r) => r.ran)).toHaveLength(1);
    const left = await remainingRows(b.database.db);
    expect(left.loginAttempts).toEqual(KEPT.loginAttempts);
    expect(left.sessions).toEqual(KEPT.sessions);
    expect(left.idempotencyKeys).toEqual(KEPT.idempotencyKeys);
    // Back to the suite's time, with a new session (the round purged the idle ones), for cases after this.
    a.clock.set(then);
    entry = await a.login(entry.username, TEST_PASSWORD);
  });

  it('30 wrong passwords at once, shared by A and B, have at most the limit of 5 checked', async () => {
    const username = (await instances.all[A]!.as({ role: 'admin' })).username;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        instances.all[i % 2]!.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: 'sai-mat-khau' },
          remoteAddress: '203.0.113.40',
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
  });
});
