// One error shape for every failure: { error: { code, message, field? } }.
// Messages are Vietnamese first: they are shown to users as they are.

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Sent with the error answer (Retry-After of a 503). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (field: string, message: string) => new AppError(400, 'invalid', message, field);
export const unauthorized = (message = 'Chưa đăng nhập hoặc phiên đã hết hạn') =>
  new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này') =>
  new AppError(403, 'forbidden', message);
export const notFound = (what = 'Bản ghi') => new AppError(404, 'not_found', `${what} không tồn tại`);
export const conflict = (message: string, field?: string) => new AppError(409, 'conflict', message, field);
export const unprocessable = (code: string, message: string, field?: string) => new AppError(422, code, message, field);
/** An upload beyond a limit of what the server reads (its decompressed size, its parts, the memory to parse it). */
export const payloadTooLarge = (field: string, message: string) => new AppError(413, 'too_large', message, field);
export const tooManyRequests = (message: string, retryAfterSeconds?: number) =>
  new AppError(
    429,
    'too_many_requests',
    message,
    undefined,
    retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) },
  );
export const BUSY_MESSAGE = 'Máy chủ đang bận, vui lòng thử lại sau ít giây';
/** The server is at capacity (http/admission.ts): try again after `retryAfterSeconds`. */
export const serviceUnavailable = (message: string, retryAfterSeconds: number) =>
  new AppError(503, 'busy', message, undefined, { 'retry-after': String(retryAfterSeconds) });

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}
