// Budgets: planned amounts by activity, province and funding source; planned vs spent.
import { serviceContext, type App } from '../../http/context';
import { badRequest } from '../../http/errors';
import {
  BudgetLines,
  BudgetQuery,
  BudgetSummary,
  CellView,
  errors,
  LinesQuery,
  PlanLinesView,
  PutLinesBody,
  PutPlanLinesBody,
} from './budgets.schemas';
import { IdParams } from '../../http/schemas';
import * as budgets from './budgets.service';
import type { FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/download';

const tags = ['budgets'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function checkAmounts(amounts: unknown, field: string): void {
  if (!Array.isArray(amounts)) return;
  amounts.forEach((line: unknown, i) => {
    const amount = (line as { amount?: unknown } | null)?.amount;
    if (amount !== undefined && typeof amount !== 'string')
      throw badRequest(`${field}.${i}.amount`, 'Số tiền ghi bằng chuỗi chữ số (đồng), ví dụ "1234567890123"');
  });
}

/** Money must arrive as a string of digits: a JSON number may already have lost digits. */
async function moneyAsStrings(request: FastifyRequest): Promise<void> {
  const body = request.body as { amounts?: unknown; rows?: unknown } | null;
  checkAmounts(body?.amounts, 'amounts');
  if (Array.isArray(body?.rows))
    body.rows.forEach((row: unknown, i) =>
      checkAmounts((row as { amounts?: unknown } | null)?.amounts, `rows.${i}.amounts`),
    );
}

export async function budgetRoutes(app: App): Promise<void> {
  app.get(
    '/budgets/summary',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Dự toán và đã chi theo nội dung, tỉnh, nguồn kinh phí, hoạt động',
        description:
          '`plan` hoặc `year` (mọi kế hoạch của năm). Hoạt động của kế hoạch tỉnh triển khai từ kế hoạch trung ương được cộng vào hoạt động trung ương tương ứng. Đã chi là chi phí ghi trên các bản ghi thực hiện. Số tiền là chuỗi chữ số (đồng).',
        querystring: BudgetQuery,
        response: { 200: BudgetSummary, ...errors },
      },
    },
    async (request) => budgets.budgetSummary(serviceContext(request), request.query),
  );

  app.get(
    '/budgets/export.xlsx',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: 'Bảng dự toán và đã chi (.xlsx)', querystring: BudgetQuery },
    },
    async (request, reply) => {
      const { buffer, filename } = await budgets.budgetExport(serviceContext(request), request.query);
      return sendDownload(reply, XLSX, filename, buffer);
    },
  );

  app.get(
    '/budgets/lines',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: 'Dự toán từng hoạt động của một kế hoạch, cho một tỉnh hoặc cấp trung ương',
        querystring: LinesQuery,
        response: { 200: BudgetLines, ...errors },
      },
    },
    async (request) => budgets.budgetLines(serviceContext(request), request.query),
  );

  app.put(
    '/budgets/lines',
    {
      config: { permission: 'budget:write' },
      preValidation: moneyAsStrings,
      schema: {
        tags,
        summary: 'Ghi dự toán của một hoạt động cho một tỉnh (hoặc cấp trung ương), theo nguồn',
        description:
          'Thay toàn bộ các nguồn của ô (hoạt động × tỉnh). `provinceCode` null: cấp trung ương (chỉ người dùng toàn quốc). Số tiền là chuỗi chữ số (đồng).',
        body: PutLinesBody,
        response: { 200: CellView, ...errors },
      },
    },
    async (request) => budgets.putLines(serviceContext(request), request.body),
  );

  app.put(
    '/budgets/plans/:id/lines',
    {
      config: { permission: 'budget:write' },
      preValidation: moneyAsStrings,
      schema: {
        tags,
        summary: 'Ghi dự toán nhiều hoạt động của một kế hoạch trong một lần (tất cả hoặc không)',
        description:
          'Mỗi dòng thay toàn bộ các nguồn của ô (hoạt động × tỉnh). Một dòng sai thì không ghi dòng nào; lỗi 400 nêu trường của dòng đó, ví dụ `rows.3.amounts.0.amount`. `provinceCode` null: cấp trung ương. Số tiền là chuỗi chữ số (đồng).',
        params: IdParams,
        body: PutPlanLinesBody,
        response: { 200: PlanLinesView, ...errors },
      },
    },
    async (request) => budgets.putPlanLines(serviceContext(request), request.params.id, request.body),
  );
}
