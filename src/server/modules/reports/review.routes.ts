// The year-end review (sơ kết) of a plan's year: the view, the Decree 30 .docx and the .xlsx.
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { IdParams } from '../../http/schemas';
import { errors, ReviewView } from './reports.schemas';
import { reviewDocx, reviewXlsx } from './review-export.service';
import { planReview } from './review.service';
import { sendDownload } from '../../http/download';

const tags = ['reports'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function reviewRoutes(app: App): Promise<void> {
  app.get(
    '/plans/:id/review',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary: 'Sơ kết năm của kế hoạch: kết quả hoạt động, chỉ số so với chỉ tiêu, theo tỉnh, khó khăn và đề xuất',
        params: IdParams,
        response: { 200: ReviewView, ...errors },
      },
    },
    async (request) => {
      const {
        issuers: _i,
        place: _p,
        signatures: _s,
        ...view
      } = await planReview(serviceContext(request), request.params.id);
      return view;
    },
  );

  for (const [ext, type, render] of [
    ['docx', DOCX, reviewDocx],
    ['xlsx', XLSX, reviewXlsx],
  ] as const) {
    app.get(
      `/plans/:id/review.${ext}`,
      {
        config: { permission: 'report:read' },
        schema: {
          tags,
          summary:
            ext === 'docx'
              ? 'Báo cáo sơ kết năm (.docx, thể thức Nghị định 30/2020)'
              : 'Các bảng số liệu sơ kết năm (.xlsx)',
          params: IdParams,
        },
      },
      async (request, reply) => {
        const { buffer, filename } = await render(serviceContext(request), request.params.id);
        return sendDownload(reply, type, filename, buffer);
      },
    );
  }
}
