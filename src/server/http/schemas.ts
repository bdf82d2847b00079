// Schemas shared by many routes.
import { Type, type TSchema } from 'typebox';
import { named } from './named-schemas';

/** The one error body (http/errors.ts): `{ error: { code, message, field? } }`. */
export const ErrorResponse = named(
  'ErrorResponse',
  Type.Object({
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Type.Optional(Type.String()),
    }),
  }),
);

/** A page of a list: `{ items, total }`, total counting every match, not just this page. */
export const ListPage = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });

export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

/** A real calendar day in 1900–2100 (http/input-limits.ts `isRealDate`, as Ajv's `date` format). */
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** The `Idempotency-Key` header every create accepts (see http/idempotency.ts). */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      description:
        'Khóa chống tạo trùng khi gửi lại (8–200 ký tự, nên là UUID). Cùng khóa, cùng nội dung: trả lại kết quả lần đầu; khác nội dung: 422.',
    }),
  ),
});

/**
 * The error responses of a route that reads an uploaded file (common/office/): beyond a limit of
 * its decompressed size, parts or the memory to parse it, 413 naming the field; too many files
 * being read at once, 503 `busy` with Retry-After.
 */
export const UploadErrors = {
  413: ErrorResponse,
  503: ErrorResponse,
};

/**
 * The error responses of a route that reads or writes programme data: bad input (400, naming the
 * field), no session, no permission, outside scope, stale version, a reused Idempotency-Key (422),
 * and a period locked by an approved report (423).
 */
export const DataErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
  423: ErrorResponse,
};
