// Login, sessions and the actor behind a session token. Sessions live in the database so
// several app instances can share them.
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Actor, Clock } from '../../access/actor';
import type { Config } from '../../config';
import type { Queryable } from '../../db/database';
import { AppError, tooManyRequests } from '../../http/errors';
import { isRole } from '../../../shared/permissions';
import { insertAudit } from '../audit/audit.service';
import * as repo from './auth.repo';
import { newTransaction } from '../../db/transaction';

/** Other modules end a user's sessions and read an account's scope through here. */
export { deleteSessionsOfUser, loadScope } from './auth.repo';

export interface SessionActor extends Actor {
  sessionTokenHash: string;
  csrfToken: string;
}

// argon2id with the library's defaults (OWASP's minimum: m=19 MiB, t=2, p=1).
export const hashPassword = (password: string) => hash(password);

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

const invalidLogin = () => new AppError(401, 'invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng');

interface LoginDeps {
  db: Queryable;
  config: Config;
  clock: Clock;
}

export async function login(deps: LoginDeps, input: { username: string; password: string; ip: string }) {
  const { db, config, clock } = deps;
  const now = clock.now();
  const username = input.username.trim().toLowerCase();
  const since = new Date(now.getTime() - config.login.windowMinutes * 60_000);
  const failures = await repo.countRecentFailures(db, username, input.ip, since);
  // Per user and, more loosely, per address, so one address cannot try many usernames.
  if (failures.byUser >= config.login.maxFailures || failures.byIp >= config.login.maxFailures * 4) {
    throw tooManyRequests(`Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${config.login.windowMinutes} phút.`);
  }
  const user = await repo.findUserForLogin(db, username);
  const ok = user ? await verify(user.password_hash, input.password) : false;
  if (!user || !ok || user.disabled_at) {
    await repo.insertLoginAttempt(db, { username, ip: input.ip, succeeded: false, at: now });
    throw invalidLogin();
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.session.absoluteHours * 3_600_000);
  await newTransaction(db, async (tx) => {
    await repo.insertLoginAttempt(tx, { username, ip: input.ip, succeeded: true, at: now });
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.user_id,
      csrfToken,
      now,
      expiresAt,
      ip: input.ip,
    });
    await insertAudit(
      tx,
      { userId: user.user_id, username },
      { action: 'login', entityType: 'session', entityId: user.user_id },
      now,
      input.ip,
    );
  });
  return { token, csrfToken, expiresAt };
}

export async function actorFromToken(deps: LoginDeps, token: string): Promise<SessionActor | null> {
  const { db, config, clock } = deps;
  const now = clock.now();
  const tokenHash = hashToken(token);
  const idleSince = new Date(now.getTime() - config.session.idleMinutes * 60_000);
  const row = await repo.findLiveSession(db, tokenHash, now, idleSince);
  if (!row || !isRole(row.role)) return null;
  // Writing last_seen_at once a minute is enough for the idle time-out.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) await repo.touchSession(db, tokenHash, now);
  const scope = repo.scopeOf(row);
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    agencyId: row.agency_id,
    agencyIds: scope.agencyIds,
    nationalScope: row.national_scope,
    provinces: scope.provinces,
    sessionTokenHash: tokenHash,
    csrfToken: row.csrf_token,
  };
}

export async function logout(deps: LoginDeps, actor: SessionActor, ip?: string) {
  await newTransaction(deps.db, async (tx) => {
    await repo.deleteSession(tx, actor.sessionTokenHash);
    await insertAudit(
      tx,
      actor,
      { action: 'logout', entityType: 'session', entityId: actor.userId },
      deps.clock.now(),
      ip,
    );
  });
}

/**
 * Housekeeping of this module's tables (run by modules/housekeeping): deletes the sessions
 * `actorFromToken` would refuse anyway (expired, or idle longer than the idle time-out) and the
 * login attempts older than the throttling window, the only thing that reads them (successful
 * logins stay in the audit log).
 */
export async function purgeDeadSessionsAndAttempts(
  db: Queryable,
  config: Pick<Config, 'session' | 'login'>,
  now: Date,
): Promise<{ sessions: number; loginAttempts: number }> {
  const idleSince = new Date(now.getTime() - config.session.idleMinutes * 60_000);
  const throttleSince = new Date(now.getTime() - config.login.windowMinutes * 60_000);
  return {
    sessions: await repo.deleteDeadSessions(db, now, idleSince),
    loginAttempts: await repo.deleteLoginAttemptsBefore(db, throttleSince),
  };
}

/** Whether `password` logs `username` in (an enabled account with that password); no attempt is recorded. */
export async function passwordMatches(db: Queryable, username: string, password: string): Promise<boolean> {
  const user = await repo.findUserForLogin(db, username);
  return !!user && !user.disabled_at && (await verify(user.password_hash, password));
}
