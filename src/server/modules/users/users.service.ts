// Account administration: rules, scope, audit. Every change is audited in the same transaction.
import type { ServiceContext } from '../../access/actor';
import { userActions } from '../../access/policies/user.policy';
import { badRequest, conflict, notFound } from '../../http/errors';
import type { Role } from '../../../shared/permissions';
import { insertAudit } from '../audit/audit.service';
import { assertGoodPassword, checkPassword, deleteSessionsOfUser, hashPassword } from '../auth/auth.service';
import { listAgenciesAt, provinceNames } from '../reference/reference.service';
import * as repo from './users.repo';
import type { ChangePasswordBody, CreateUserBody, ListUsersQuery, UpdateUserBody, UserView } from './users.schemas';
import { today } from '../../common/today';
import { assertVersion } from '../../common/version';
import type { Queryable } from '../../db/database';
import { newTransaction } from '../../db/transaction';

/** Other modules look a user up (in the caller's scope) through here. */
export { findUser, provincialCoordinators } from './users.repo';

/**
 * An account made with no acting user — the demo's, the first administrator (users/first-admin.ts)
 * —: its row, its provinces and its audit entry, in the caller's transaction.
 */
export async function insertSystemAccount(
  tx: Queryable,
  user: Parameters<typeof repo.insertUser>[1],
  provinces: string[],
  audit: { agencyId?: number; after: Record<string, unknown> },
  now: Date,
): Promise<number> {
  const id = await repo.insertUser(tx, user);
  await repo.setProvinces(tx, id, provinces);
  await insertAudit(
    tx,
    null,
    { action: 'create', entityType: 'user', entityId: id, agencyId: audit.agencyId, after: audit.after },
    now,
  );
  return id;
}

async function toViews(ctx: ServiceContext, rows: repo.UserRow[]): Promise<UserView[]> {
  const agencyIds = [...new Set(rows.map((r) => r.agency_id))];
  const { items } = await listAgenciesAt(ctx.db, { at: today(ctx), ids: agencyIds });
  const names = new Map(items.map((a) => [a.id, a.name]));
  return rows.map((r) => {
    const disabled = r.disabled_at !== null;
    return {
      id: r.user_id,
      username: r.username,
      displayName: r.display_name,
      email: r.email,
      role: r.role as Role,
      agency: { id: r.agency_id, name: names.get(r.agency_id) ?? '' },
      nationalScope: r.national_scope,
      provinces: r.provinces,
      disabled,
      createdAt: new Date(r.created_at).toISOString(),
      version: r.version,
      allowedActions: userActions(ctx.actor, { id: r.user_id, disabled }),
    };
  });
}

/** What the audit log keeps of a user: never the password hash. */
function auditShape(view: UserView) {
  const { allowedActions: _a, createdAt: _c, ...rest } = view;
  return rest;
}

export async function listUsers(ctx: ServiceContext, query: ListUsersQuery) {
  const { rows, total } = await repo.listUsers(ctx.db, ctx.actor, {
    q: query.q,
    sort: query.sort,
    role: query.role,
    province: query.province,
    includeDisabled: query.includeDisabled,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  return { items: await toViews(ctx, rows), total };
}

export async function getUser(ctx: ServiceContext, userId: number): Promise<UserView> {
  const row = await repo.findUser(ctx.db, ctx.actor, userId);
  if (!row) throw notFound('Người dùng');
  const [view] = await toViews(ctx, [row]);
  return view!;
}

async function validateScope(
  ctx: ServiceContext,
  input: { agencyId: number; nationalScope: boolean; provinces: string[] },
) {
  const { items } = await listAgenciesAt(ctx.db, { at: today(ctx), ids: [input.agencyId] });
  if (items.length === 0) throw badRequest('agencyId', 'Cơ quan không tồn tại');
  if (!input.nationalScope && input.provinces.length === 0) {
    throw badRequest('provinces', 'Người dùng không thuộc phạm vi toàn quốc cần ít nhất một tỉnh/thành phố');
  }
  const known = await repo.existingProvinceCodes(ctx.db, input.provinces);
  const unknown = input.provinces.filter((p) => !known.includes(p));
  if (unknown.length)
    throw badRequest('provinces', `Mã tỉnh không tồn tại (đơn vị hành chính từ 1/7/2025): ${unknown.join(', ')}`);
}

export async function createUser(ctx: ServiceContext, body: CreateUserBody): Promise<UserView> {
  const username = body.username.toLowerCase();
  const provinces = body.nationalScope ? [] : body.provinces;
  await validateScope(ctx, { agencyId: body.agencyId, nationalScope: body.nationalScope, provinces });
  assertGoodPassword('password', 'Mật khẩu', body.password, {
    username,
    displayName: body.displayName,
    email: body.email,
    words: await provinceWords(ctx.db, provinces),
  });
  const passwordHash = await hashPassword(body.password);
  const userId = await newTransaction(ctx.db, async (tx) => {
    if (await repo.usernameTaken(tx, username)) throw conflict('Tên đăng nhập đã được dùng', 'username');
    const id = await repo.insertUser(tx, {
      username,
      displayName: body.displayName.trim(),
      email: body.email ?? null,
      passwordHash,
      role: body.role,
      agencyId: body.agencyId,
      nationalScope: body.nationalScope,
    });
    await repo.setProvinces(tx, id, provinces);
    const [view] = await toViews({ ...ctx, db: tx }, [
      (await repo.findUser(tx, { ...ctx.actor, nationalScope: true }, id))!,
    ]);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'create',
        entityType: 'user',
        entityId: id,
        agencyId: body.agencyId,
        provinceCode: provinces[0] ?? null,
        after: auditShape(view!),
      },
      ctx.clock.now(),
      ctx.ip,
    );
    return id;
  });
  return getUser(ctx, userId);
}

type Change = Parameters<typeof repo.updateUser>[3];

async function changeUser(
  ctx: ServiceContext,
  userId: number,
  version: number,
  action: string,
  build: (before: UserView, txCtx: ServiceContext) => Promise<{ changes: Change; provinces?: string[] }>,
): Promise<UserView> {
  await newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const before = await getUser(txCtx, userId);
    assertVersion(before.version, version, 'Tài khoản đã được người khác sửa. Hãy tải lại trang rồi sửa lại.');
    const { changes, provinces } = await build(before, txCtx);
    if (!(await repo.updateUser(tx, userId, version, changes, ctx.clock.now()))) {
      throw conflict('Tài khoản đã được người khác sửa. Hãy tải lại trang rồi sửa lại.', 'version');
    }
    if (provinces) await repo.setProvinces(tx, userId, provinces);
    if (changes.disabled_at || changes.password_hash) await deleteSessionsOfUser(tx, userId);
    const after = await getUser({ ...txCtx, actor: { ...ctx.actor, nationalScope: true } }, userId);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action,
        entityType: 'user',
        entityId: userId,
        agencyId: after.agency.id,
        provinceCode: after.provinces[0] ?? null,
        before: auditShape(before),
        after: auditShape(after),
      },
      ctx.clock.now(),
      ctx.ip,
    );
  });
  return getUser(ctx, userId);
}

export async function updateUser(ctx: ServiceContext, userId: number, body: UpdateUserBody): Promise<UserView> {
  return changeUser(ctx, userId, body.version, 'update', async (before, txCtx) => {
    const nationalScope = body.nationalScope ?? before.nationalScope;
    const provinces = nationalScope ? [] : (body.provinces ?? before.provinces);
    const agencyId = body.agencyId ?? before.agency.id;
    await validateScope(txCtx, { agencyId, nationalScope, provinces });
    const displayName = body.displayName?.trim() ?? before.displayName;
    const email = body.email === undefined ? before.email : body.email;
    return {
      changes: {
        display_name: displayName,
        email,
        role: body.role ?? before.role,
        agency_id: agencyId,
        national_scope: nationalScope,
        search_text: repo.userSearchText(before.username, displayName, email),
      },
      provinces,
    };
  });
}

export async function setDisabled(
  ctx: ServiceContext,
  userId: number,
  version: number,
  disabled: boolean,
): Promise<UserView> {
  return changeUser(ctx, userId, version, disabled ? 'disable' : 'enable', async (before) => {
    if (!before.allowedActions.includes(disabled ? 'disable' : 'enable')) {
      throw conflict(
        disabled
          ? 'Không thể khóa tài khoản này (đã khóa, hoặc là tài khoản của chính bạn)'
          : 'Tài khoản đang hoạt động',
      );
    }
    return { changes: { disabled_at: disabled ? ctx.clock.now() : null } };
  });
}

/** The names of a user's provinces: words a password for them must not be built on. */
async function provinceWords(db: Queryable, provinces: string[]): Promise<string[]> {
  return [...(await provinceNames(db, provinces)).values()];
}

async function assertGoodPasswordFor(
  ctx: ServiceContext,
  field: string,
  label: string,
  password: string,
  user: UserView,
) {
  assertGoodPassword(field, label, password, {
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    words: await provinceWords(ctx.db, user.provinces),
  });
}

/** An administrator sets a user's password: checked like any new password; every session of the user ends. */
export async function setPassword(
  ctx: ServiceContext,
  userId: number,
  version: number,
  password: string,
): Promise<UserView> {
  await assertGoodPasswordFor(ctx, 'password', 'Mật khẩu', password, await getUser(ctx, userId));
  const passwordHash = await hashPassword(password);
  return changeUser(ctx, userId, version, 'set_password', async () => ({ changes: { password_hash: passwordHash } }));
}

const STALE_ACCOUNT = 'Tài khoản vừa được sửa ở nơi khác. Hãy thử lại.';

/**
 * A user changes their own password: the current one is required (and counted by the login
 * throttle, so this is no way around it), the new one checked like any; every other session of
 * the user ends, the one making the change stays.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  sessionTokenHash: string,
  body: ChangePasswordBody,
): Promise<void> {
  const { actor } = ctx;
  const self = { ...actor, nationalScope: true };
  const current = await checkPassword(ctx, {
    username: actor.username,
    password: body.currentPassword,
    ip: ctx.ip ?? '',
  });
  if (!current || current.userId !== actor.userId) throw badRequest('currentPassword', 'Mật khẩu hiện tại không đúng');
  if (body.newPassword === body.currentPassword) {
    throw badRequest('newPassword', 'Mật khẩu mới phải khác mật khẩu hiện tại');
  }
  const [user] = await toViews(ctx, [(await repo.findUser(ctx.db, self, actor.userId))!]);
  await assertGoodPasswordFor(ctx, 'newPassword', 'Mật khẩu mới', body.newPassword, user!);
  const passwordHash = await hashPassword(body.newPassword);
  await newTransaction(ctx.db, async (tx) => {
    const row = await repo.findUser(tx, self, actor.userId);
    if (
      !row ||
      !(await repo.updateUser(tx, actor.userId, row.version, { password_hash: passwordHash }, ctx.clock.now()))
    ) {
      throw conflict(STALE_ACCOUNT);
    }
    await deleteSessionsOfUser(tx, actor.userId, sessionTokenHash);
    // What changed is only the password: the entry says who and when, and carries no password material.
    await insertAudit(
      tx,
      actor,
      {
        action: 'change_password',
        entityType: 'user',
        entityId: actor.userId,
        agencyId: row.agency_id,
        provinceCode: row.provinces[0] ?? null,
      },
      ctx.clock.now(),
      ctx.ip,
    );
  });
}

/** Search everywhere (modules/search): the accounts in the actor's scope holding every folded word. */
export function searchUsers(ctx: ServiceContext, words: readonly string[], limit: number) {
  return repo.searchUsers(ctx.db, ctx.actor, words, limit);
}

/** The folded text an account is searched by (the test factories write it as the service does). */
export const userSearchText = repo.userSearchText;
