import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { IdParams } from '../../http/schemas';
import { planDocx, planXlsx } from './plan-export.service';
import { sendDownload } from '../../http/download';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function planExportRoutes(app: App): Promise<void> {
  app.get(
    '/plans/:id/export.docx',
    {
      config: { permission: 'plan:read' },
      schema: { tags: ['plans'], summary: 'Tải kế hoạch (.docx, thể thức Nghị định 30/2020)', params: IdParams },
    },
    async (request, reply) => {
      const { buffer, filename } = await planDocx(serviceContext(request), request.params.id);
      return sendDownload(reply, DOCX, filename, buffer);
    },
  );
  app.get(
    '/plans/:id/export.xlsx',
    {
      config: { permission: 'plan:read' },
      schema: { tags: ['plans'], summary: 'Tải bảng hoạt động (.xlsx)', params: IdParams },
    },
    async (request, reply) => {
      const { buffer, filename } = await planXlsx(serviceContext(request), request.params.id);
      return sendDownload(reply, XLSX, filename, buffer);
    },
  );
}
