// A periodic report's files: the Decree 30 .docx and the tables as .xlsx, read as GET /reports/:id
// reads it (report:read, the report's row scope: out of scope is 404).
import type { ServiceContext } from '../../access/actor';
import { reportDocument, reportFileName } from './report-document';
import { renderReportDocx } from './report-docx';
import { renderReportXlsx } from './report-xlsx';

export async function reportDocx(ctx: ServiceContext, reportId: number) {
  const doc = await reportDocument(ctx, reportId);
  return { buffer: await renderReportDocx(doc), filename: reportFileName(doc, 'docx') };
}

export async function reportXlsx(ctx: ServiceContext, reportId: number) {
  const doc = await reportDocument(ctx, reportId);
  return { buffer: await renderReportXlsx(doc), filename: reportFileName(doc, 'xlsx') };
}
