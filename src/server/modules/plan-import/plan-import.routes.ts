import path from 'node:path';
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { badRequest } from '../../http/errors';
import { ErrorResponse, UploadErrors } from '../../http/schemas';
import { isCleanText } from '../../http/input-limits';
import { docxToText } from './docx-to-text';
import { importPlan, matchIssuers } from './plan-import.service';
import { parsePlanText } from './plan-text-parser';

const MAX_TEXT = 2_000_000;

const IssuerMatch = Type.Object({
  name: Type.String(),
  agency: Type.Union([
    Type.Object({ id: Type.Integer(), name: Type.String(), abbreviation: Type.String() }),
    Type.Null(),
  ]),
  proposal: Type.Union([
    Type.Object({
      name: Type.String(),
      shortName: Type.String(),
      abbreviation: Type.String(),
      level: Type.Union([Type.Literal('central'), Type.Literal('provincial')]),
      provinceCode: Type.Union([Type.String(), Type.Null()]),
      generation: Type.Union([Type.Literal(2024), Type.Literal(2025), Type.Null()]),
    }),
    Type.Null(),
  ]),
});

/** The uploaded file (.txt or .docx, multipart field "file") or JSON { text }, as plain text. */
async function sourceText(request: FastifyRequest): Promise<string> {
  if (request.isMultipart()) {
    const file = await request.file();
    if (!file || file.fieldname !== 'file')
      throw badRequest('file', 'Hãy chọn tệp kế hoạch (.txt hoặc .docx) ở trường "file"');
    const buffer = await file.toBuffer();
    const ext = path.extname(file.filename).toLowerCase();
    if (ext === '.docx') return docxToText(buffer, 'file');
    if (ext === '.txt' || file.mimetype.startsWith('text/')) return buffer.toString('utf8');
    throw badRequest('file', 'Chỉ nhận tệp .txt hoặc .docx');
  }
  const body = request.body as { text?: unknown } | undefined;
  if (!body || typeof body.text !== 'string' || body.text.trim() === '')
    throw badRequest('text', 'Thiếu nội dung văn bản kế hoạch ("text")');
  if (body.text.length > MAX_TEXT) throw badRequest('text', 'Văn bản quá dài');
  return body.text;
}

/** The source text, a 400 naming `file` or `text` when it holds what PostgreSQL cannot store. */
async function planText(request: FastifyRequest): Promise<string> {
  const text = await sourceText(request);
  if (!isCleanText(text))
    throw badRequest(
      request.isMultipart() ? 'file' : 'text',
      'Văn bản kế hoạch chứa ký tự không hợp lệ (ký tự rỗng U+0000 hoặc nửa cặp UTF-16)',
    );
  return text;
}

const Unparsed = Type.Array(Type.Object({ line: Type.Integer(), text: Type.String() }));

export async function planImportRoutes(app: App): Promise<void> {
  app.post(
    '/plans/import',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags: ['plans'],
        summary: 'Nhập kế hoạch từ văn bản (.txt, .docx hoặc JSON { text }) thành dự thảo',
        description:
          'Multipart với trường `file`, hoặc JSON `{ "text": "…" }`. Trả về các dòng không đọc được (không bao giờ bỏ qua im lặng). Đã có kế hoạch cùng số, cùng năm trong phạm vi: cảnh báo trên `number` và `duplicates`; `?replaceDraftId=` cập nhật dự thảo đó thay vì tạo dự thảo mới.',
        querystring: Type.Object(
          { replaceDraftId: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            planId: Type.Integer(),
            replaced: Type.Boolean(),
            unparsed: Unparsed,
            warnings: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
            duplicates: Type.Array(Type.Object({ id: Type.Integer(), status: Type.String(), title: Type.String() })),
            sourceText: Type.String(),
          }),
          404: ErrorResponse,
          409: ErrorResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          ...UploadErrors,
        },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const text = await planText(request);
      const { replaceDraftId } = request.query;
      return reply.status(201).send(await importPlan(ctx, text, undefined, { replaceDraftId }));
    },
  );

  app.post(
    '/plans/import/preview',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags: ['plans'],
        summary: 'Xem trước kết quả đọc văn bản, chưa lưu',
        response: {
          200: Type.Object({
            plan: Type.Unknown(),
            unparsed: Unparsed,
            kind: Type.Union([
              Type.Literal('plan'),
              Type.Literal('decision'),
              Type.Literal('rules'),
              Type.Literal('programme'),
            ]),
            outline: Type.Array(Type.String()),
            legalBases: Type.Array(Type.String()),
            decision: Type.Unknown(),
            recognised: Type.Array(Type.Object({ line: Type.Integer(), role: Type.String(), text: Type.String() })),
            issuerMatches: Type.Array(IssuerMatch, {
              description: 'Mỗi cơ quan ban hành: cơ quan trong danh mục, hoặc đề xuất một cơ quan mới để thêm',
            }),
            sourceText: Type.String(),
          }),
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          ...UploadErrors,
        },
      },
    },
    async (request) => {
      const text = await planText(request);
      const parsed = parsePlanText(text);
      return { ...parsed, issuerMatches: await matchIssuers(serviceContext(request), parsed.plan), sourceText: text };
    },
  );
}
