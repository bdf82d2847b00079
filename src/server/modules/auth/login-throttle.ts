// Login throttling that protects an account without handing attackers a lock-out: failures are
// counted per (account, client address) and per client address, never per account alone, so five
// wrong passwords from one place slow that place down while the right password from anywhere else
// still logs in (an IPv6 client address counts as its /64). Past the allowed failures each attempt waits: 30 s after the last failure, doubling
// with each further failure up to `login.maxDelayMinutes`; a day without failures forgets them.
//
// Atomic across parallel requests and app instances: an attempt locks both counter rows in one
// transaction, is refused (429 with Retry-After) while either must wait, and otherwise counts itself
// as a failure before the password is checked; a right password then undoes that count.
import net from 'node:net';
import type { Config } from '../../config';
import type { Queryable } from '../../db/database';
import { inTransaction, newTransaction } from '../../db/transaction';
import { tooManyRequests } from '../../http/errors';
import * as repo from './auth.repo';

export const FIRST_DELAY_MS = 30_000;
/** Failures older than this are forgotten, and their rows purged by housekeeping. */
export const FORGET_AFTER_MS = 24 * 3_600_000;

type Limits = Config['login'];

/**
 * The address a counter is kept for: an IPv4 address as it is, an IPv6 address as its /64 (one
 * subscriber's network: anyone holding one has 2^64 addresses to rotate through).
 */
export function throttleAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!net.isIPv6(ip)) return ip;
  const [head = '', tail] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** How long after its last failure a counter with `failures` makes the next attempt wait. */
export function delayAfter(failures: number, allowed: number, maxDelayMs: number): number {
  if (failures < allowed) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - allowed), maxDelayMs);
}

function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 120 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}

const throttled = (waitMs: number) =>
  tooManyRequests(
    `Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau ${waitText(waitMs)}.`,
    Math.max(1, Math.ceil(waitMs / 1000)),
  );

/**
 * Counts one attempt of `username` from `ip`, or throws the 429 when the account from this address,
 * or this address, must still wait. Call before checking the password; `succeeded` after a right one.
 */
export async function countAttempt(
  db: Queryable,
  limits: Limits,
  attempt: { username: string; ip: string },
  now: Date,
): Promise<void> {
  const ip = throttleAddress(attempt.ip);
  const keys: repo.ThrottleKey[] = [
    { scope: 'account', username: attempt.username, ip },
    { scope: 'address', username: '', ip },
  ];
  const maxDelayMs = limits.maxDelayMinutes * 60_000;
  await newTransaction(db, async (tx) => {
    const rows = await repo.lockThrottleRows(tx, keys, now);
    const counted = keys.map((key) => {
      const row = rows.find((r) => r.scope === key.scope)!;
      const last = new Date(row.last_failure_at).getTime();
      const failures = now.getTime() - last >= FORGET_AFTER_MS ? 0 : row.failures;
      const allowed = key.scope === 'account' ? limits.maxFailures : limits.addressMaxFailures;
      const delay = delayAfter(failures, allowed, maxDelayMs);
      // Never longer than the delay itself: a last failure stamped later than now (a clock set back)
      // must not turn into a wait of months, nor a count under the limit into any wait.
      return { key, failures, waitMs: Math.min(last + delay - now.getTime(), delay) };
    });
    const waitMs = Math.max(...counted.map((c) => c.waitMs));
    if (waitMs > 0) throw throttled(waitMs);
    for (const c of counted) await repo.setThrottleFailures(tx, c.key, c.failures + 1, now);
  });
}

/** The password was right: forget the account's failures from this address, undo the address's count. */
export async function succeeded(db: Queryable, attempt: { username: string; ip: string }): Promise<void> {
  await inTransaction(db, (tx) => repo.clearThrottle(tx, attempt.username, throttleAddress(attempt.ip)));
}
