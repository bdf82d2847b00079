// Rows for housekeeping tests: sessions, login throttle counters and idempotency keys, each named by what
// the round should do with it, at times relative to `now`.
import type { Queryable } from '../src/server/db/database';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Config of the tests: 60 min idle, 12 h absolute, 14 days of keys, every 5 min (throttle counters: a day). */
export const housekeepingConfig = {
  session: { idleMinutes: 60, absoluteHours: 12, secureCookie: false },
  housekeeping: { everyMinutes: 5, idempotencyRetentionHours: 14 * 24 },
};

/** Inserts rows to purge (names starting "old") and rows to keep ("new") for `userId`. */
export async function insertAgedRows(db: Queryable, userId: number, now: Date): Promise<void> {
  const at = (ms: number) => new Date(now.getTime() + ms);
  const session = (token: string, lastSeen: number, expires: number) => ({
    token_hash: token,
    user_id: userId,
    csrf_token: `csrf-${token}`,
    created_at: at(-11 * HOUR),
    last_seen_at: at(lastSeen),
    expires_at: at(expires),
    ip: '10.0.0.1',
  });
  await db
    .insertInto('user_session')
    .values([
      session('old-expired', -1 * MIN, -1 * MIN),
      session('old-idle', -61 * MIN, 1 * HOUR),
      session('new-active', -1 * MIN, 1 * HOUR),
      session('new-idle-59', -59 * MIN, 1 * HOUR),
    ])
    .execute();
  const counter = (username: string, ago: number) => ({
    scope: 'account' as const,
    username,
    ip: '10.0.0.1',
    failures: 3,
    last_failure_at: at(-ago),
  });
  await db
    .insertInto('login_throttle')
    .values([
      counter('old-24-h-1-min', 24 * HOUR + MIN),
      counter('old-2-days', 48 * HOUR),
      counter('new-23-h-56-min', 23 * HOUR + 56 * MIN),
    ])
    .execute();
  const key = (name: string, ago: number) => ({
    user_id: userId,
    key: name,
    method: 'POST',
    path: '/api/records',
    request_hash: 'h',
    status_code: 201,
    response: '{}',
    created_at: at(-ago),
  });
  await db
    .insertInto('idempotency_key')
    .values([key('old-15-days', 15 * 24 * HOUR), key('new-13-days', 13 * 24 * HOUR), key('new-now', 0)])
    .execute();
}

/** What is left of the rows `insertAgedRows` made. */
export async function remainingRows(db: Queryable) {
  const [sessions, attempts, keys] = await Promise.all([
    db.selectFrom('user_session').select('token_hash').orderBy('token_hash').execute(),
    db.selectFrom('login_throttle').select('username').orderBy('username').execute(),
    db.selectFrom('idempotency_key').select('key').orderBy('key').execute(),
  ]);
  return {
    sessions: sessions.map((r) => r.token_hash),
    loginAttempts: attempts.map((r) => r.username),
    idempotencyKeys: keys.map((r) => r.key),
  };
}

export const KEPT = {
  sessions: ['new-active', 'new-idle-59'],
  loginAttempts: ['new-23-h-56-min'],
  idempotencyKeys: ['new-13-days', 'new-now'],
};
