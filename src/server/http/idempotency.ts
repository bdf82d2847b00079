// Retries never duplicate: a create that carries an `Idempotency-Key` header runs once per user and
// key. The key row is written in the same transaction as what the request creates, so a crash
// leaves either both or neither; a retry with the same key and the same request gets the first
// response again, with a different request a 422. Keys live in the database, shared by every app
// instance. A concurrent retry on PostgreSQL waits on the first one's key row, then replays it.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/database';
import { badRequest, unauthorized, unprocessable } from './errors';
import { newTransaction } from '../db/transaction';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on a response that replays the first answer to the same key. */
export const REPLAYED_HEADER = 'idempotent-replayed';
const FIELD = 'Idempotency-Key';
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

/** JSON with object keys sorted at every level, so `{a,b}` and `{b,a}` hash alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (Buffer.isBuffer(value)) return JSON.stringify(crypto.createHash('sha256').update(value).digest('hex'));
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return crypto
    .createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

export interface Created<T = unknown> {
  statusCode: number;
  body: T;
}

export interface IdempotencyOptions {
  /** What identifies the request when the body is not JSON (a multipart upload: its file's hash). */
  hashBody?: unknown;
}

/**
 * Sends what `create` returns, running it at most once per (user, Idempotency-Key).
 * `create` must do all its writes on the `db` it is given (a transaction when a key is present);
 * services join it through `inTransaction` (db/transaction.ts). Without the header it simply runs.
 */
export async function withIdempotency<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  create: (db: Queryable) => Promise<Created<T>>,
  options: IdempotencyOptions = {},
): Promise<FastifyReply> {
  const { db } = request.server.deps.database;
  const raw = request.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) {
    const result = await create(db);
    return reply.status(result.statusCode).send(result.body);
  }
  const key = Array.isArray(raw) ? raw[0]! : raw;
  if (!KEY_PATTERN.test(key)) {
    throw badRequest(FIELD, 'Idempotency-Key phải dài 8–200 ký tự in được (nên dùng một UUID cho mỗi lần tạo)');
  }
  if (!request.actor) throw unauthorized();
  const userId = request.actor.userId;
  const path = request.url;
  const hash = requestHash(request.method, path, 'hashBody' in options ? options.hashBody : request.body);
  const now = request.server.deps.clock.now();

  const outcome = await newTransaction(db, async (tx) => {
    const claimed = await tx
      .insertInto('idempotency_key')
      .values({ user_id: userId, key, method: request.method, path, request_hash: hash, created_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const first = await tx
        .selectFrom('idempotency_key')
        .select(['request_hash', 'status_code', 'response'])
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (first.request_hash !== hash) {
        throw unprocessable(
          'idempotency_key_reused',
          'Idempotency-Key này đã được dùng cho một yêu cầu khác. Hãy tạo khóa mới cho mỗi lần tạo dữ liệu.',
          FIELD,
        );
      }
      return { replayed: true, statusCode: first.status_code ?? 200, body: first.response };
    }
    const result = await create(tx);
    await tx
      .updateTable('idempotency_key')
      .set({ status_code: result.statusCode, response: JSON.stringify(result.body ?? null) })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .execute();
    return { replayed: false, statusCode: result.statusCode, body: result.body as unknown };
  });
  if (outcome.replayed) void reply.header(REPLAYED_HEADER, 'true');
  return reply.status(outcome.statusCode).send(outcome.body);
}

/**
 * Deletes the keys created before `before` (housekeeping, modules/housekeeping): a retry older than
 * the retention runs as a new request. Returns how many went.
 */
export async function purgeIdempotencyKeys(db: Queryable, before: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_key').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
