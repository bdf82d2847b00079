// The one error handler: every failure becomes { error: { code, message, field? } }.
// Validation errors name the field; unexpected errors are logged and never leak a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, BUSY_MESSAGE, type ErrorBody } from './errors';
import type { App } from './context';
import { isConcurrencyAbort } from '../db/transaction';
import { TEXT_KEYWORD } from './input-limits';

interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'headers' };

function fieldOf(issue: ValidationIssue): string {
  const base = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const missing = issue.params?.missingProperty ?? issue.params?.additionalProperty;
  if (typeof missing === 'string') return base ? `${base}.${missing}` : missing;
  return base;
}

function validationMessage(field: string, issue: ValidationIssue): string {
  const label = field || 'dữ liệu';
  switch (issue.keyword) {
    case 'required':
      return `Thiếu trường bắt buộc "${label}"`;
    case 'additionalProperties':
      return `Trường "${label}" không được phép`;
    case 'type':
      return `Trường "${label}" sai kiểu dữ liệu (cần ${String(issue.params?.type)})`;
    case 'minLength':
      return `Trường "${label}" không được để trống hoặc quá ngắn`;
    case 'maxLength':
      return `Trường "${label}" quá dài`;
    case 'format':
      return `Trường "${label}" sai định dạng (${String(issue.params?.format)})`;
    case 'enum':
    case 'const':
    case 'anyOf':
      return `Giá trị của trường "${label}" không hợp lệ`;
    case 'minimum':
    case 'maximum':
      return `Giá trị của trường "${label}" nằm ngoài khoảng cho phép`;
    case 'pattern':
      return `Trường "${label}" sai định dạng`;
    case TEXT_KEYWORD:
      return `Trường "${label}" chứa ký tự không hợp lệ (ký tự rỗng U+0000 hoặc nửa cặp UTF-16)`;
    default:
      return `Trường "${label}" không hợp lệ: ${issue.message ?? ''}`.trim();
  }
}

export function registerErrorHandler(app: App): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    let status = 500;
    let body: ErrorBody;
    if (error instanceof AppError) {
      status = error.statusCode;
      body = { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
      if (error.headers) void reply.headers(error.headers);
    } else if (error.validation) {
      status = 400;
      const issue = (error.validation[0] ?? {}) as ValidationIssue;
      // A whole part of the request of the wrong kind (a JSON array for an object, say) is named by the part.
      const field = fieldOf(issue) || PART_NAMES[error.validationContext ?? ''] || 'body';
      body = { error: { code: 'invalid', message: validationMessage(field, issue), field } };
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      body = { error: { code: error.code ?? 'bad_request', message: clientMessage(error) } };
    } else if (isConcurrencyAbort(error) || isServerBusy(error)) {
      // Still aborted after newTransaction's retries, or no connection to be had: nothing was
      // written, and the same request sent again shortly will succeed.
      status = 503;
      void reply.header('retry-after', '1');
      body = { error: { code: 'busy', message: BUSY_MESSAGE } };
    } else {
      request.log.error({ err: error }, 'unhandled error');
      body = { error: { code: 'internal', message: 'Lỗi hệ thống, vui lòng thử lại sau' } };
    }
    // A 503 from admission control (http/admission.ts) is load shed as designed, at a high rate
    // under load: each request's own log line shows it. One after a transaction's retries is a warning.
    const shed = error instanceof AppError && error.code === 'busy';
    if (status === 503 && !shed) request.log.warn({ err: error }, 'request refused: server busy');
    else if (status >= 500 && !shed) request.log.error({ err: error }, 'request failed');
    void reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      void reply.status(404).send({ error: { code: 'not_found', message: 'Không tìm thấy địa chỉ API này' } });
      return;
    }
    void reply.status(404).send({ error: { code: 'not_found', message: 'Không tìm thấy trang' } });
  });
}

/**
 * Fastify's answer to a URL it cannot route (`frameworkErrors`): bad percent-encoding (400) or a path
 * part longer than its limit (414), in the one error shape, naming `url`.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = tooLong ? 414 : (error.statusCode ?? 400);
  void reply.status(status).send({
    error: {
      code: tooLong ? 'uri_too_long' : 'invalid',
      message: tooLong ? 'Địa chỉ yêu cầu quá dài' : 'Địa chỉ yêu cầu không hợp lệ',
      field: 'url',
    },
  });
}

/** PostgreSQL refused for load: too many connections (53300), a lock not available (55P03). */
function isServerBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '53300' || code === '55P03';
}

function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Kiểu nội dung (Content-Type) không được hỗ trợ';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'Thân yêu cầu JSON trống';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'Dữ liệu gửi lên quá lớn';
    default:
      if (error.statusCode === 400 && /JSON/i.test(error.message)) return 'Thân yêu cầu không phải JSON hợp lệ';
      return error.message;
  }
}
