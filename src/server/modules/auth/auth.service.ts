// Login, sessions and the actor behind a session token. Sessions live in the database so
// several app instances can share them.
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Actor, Clock } from '../../access/actor';
import type { Config } from '../../config';
import type { Queryable } from '../../db/database';
import { AppError } from '../../http/errors';
import { isRole } from '../../../shared/permissions';
import { insertAudit } from '../audit/audit.service';
import * as repo from './auth.repo';
import * as throttle from './login-throttle';
import { newTransaction } from '../../db/transaction';

/** Other modules end a user's sessions, read an account's scope and check a new password through here. */
export { deleteSessionsOfUser, loadScope } from './auth.repo';
export { assertGoodPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy';

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

/** Verified in place of a missing account's hash, so an unknown name costs the same argon2 time. */
let dummyHash: Promise<string> | undefined;
const hashOfNobody = () => (dummyHash ??= hashPassword(crypto.randomBytes(18).toString('base64url')));

/**
 * Whether `password` is the password of the enabled account `username`, counted by the login
 * throttle (login-throttle.ts: a 429 when this account from this address, or this address, must
 * wait). The same argon2 work whether or not the account exists or is disabled.
 */
export async function checkPassword(
  deps: LoginDeps,
  input: { username: string; password: string; ip: string },
): Promise<{ userId: number } | null> {
  const { db, config, clock } = deps;
  const attempt = { username: input.username, ip: input.ip };
  await throttle.countAttempt(db, config.login, attempt, clock.now());
  const user = await repo.findUserForLogin(db, input.username);
  const ok = await verify(user?.password_hash ?? (await hashOfNobody()), input.password);
  if (!user || !ok || user.disabled_at) return null;
  await throttle.succeeded(db, attempt);
  return { userId: user.user_id };
}

export async function login(deps: LoginDeps, input: { username: string; password: string; ip: string }) {
  const { db, config, clock } = deps;
  const username = input.username.trim().toLowerCase();
  const user = await checkPassword(deps, { username, password: input.password, ip: input.ip });
  if (!user) throw invalidLogin();
  const now = clock.now();
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.session.absoluteHours * 3_600_000);
  await newTransaction(db, async (tx) => {
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.userId,
      csrfToken,
      now,
      expiresAt,
      ip: input.ip,
    });
    await insertAudit(
      tx,
      { userId: user.userId, username },
      { action: 'login', entityType: 'session', entityId: user.userId },
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
 * login throttle counters whose failures are forgotten (login-throttle.ts; successful logins stay
 * in the audit log).
 */
export async function purgeDeadSessionsAndAttempts(
  db: Queryable,
  config: Pick<Config, 'session'>,
  now: Date,
): Promise<{ sessions: number; loginAttempts: number }> {
  const idleSince = new Date(now.getTime() - config.session.idleMinutes * 60_000);
  const forgotten = new Date(now.getTime() - throttle.FORGET_AFTER_MS);
  return {
    sessions: await repo.deleteDeadSessions(db, now, idleSince),
    loginAttempts: await repo.deleteThrottleRowsBefore(db, forgotten),
  };
}

/** Whether `password` logs `username` in (an enabled account with that password); no attempt is recorded. */
export async function passwordMatches(db: Queryable, username: string, password: string): Promise<boolean> {
  const user = await repo.findUserForLogin(db, username);
  return !!user && !user.disabled_at && (await verify(user.password_hash, password));
}
