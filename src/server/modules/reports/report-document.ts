// What a periodic report prints: the report as its reader sees it (the same read and row scope
// as GET /reports/:id, so out of scope is 404) with the reporting agency's names as of the
// period's end, the place and date it was sent, who sent it and who approved it.
import type { ServiceContext } from '../../access/actor';
import { vietnamDate } from '../../../shared/dates';
import type { IssuerHeader } from '../../documents/decree30-docx';
import { agencyMap, provinceNames } from '../reference/reference.service';
import { consolidation } from './consolidation.service';
import type { ConsolidationView, ReportView } from './reports.schemas';
import { getReport } from './reports.service';

export interface ReportDocument {
  report: ReportView;
  issuer: IssuerHeader;
  /** The agency's abbreviation, for the symbol "…/BC-HLHPN". */
  abbreviation: string;
  /** The recipient as named in "Nơi nhận". */
  recipientName: string;
  place: string;
  /** The day it was sent (YYYY-MM-DD, in Vietnam); null for a draft. */
  date: string | null;
  submittedBy: string | null;
  approval: { by: string | null; on: string } | null;
  /**
   * A national report: the units that report to this agency for the period, with the state of
   * their reports today (the consolidation's rows), and the day that is.
   */
  reporters: { rows: ConsolidationView['rows']; on: string } | null;
}

/** The last event of an action, if any. */
const lastEvent = (report: ReportView, action: string) => report.events.filter((e) => e.action === action).at(-1);

export async function reportDocument(ctx: ServiceContext, reportId: number): Promise<ReportDocument> {
  const report = await getReport(ctx, reportId);
  const agencies = await agencyMap(ctx.db, [report.agency.id, report.recipient.id], report.period.end);
  const agency = agencies.get(report.agency.id);
  const province = report.province?.code
    ? ((await provinceNames(ctx.db, [report.province.code])).get(report.province.code) ?? report.province.name)
    : null;
  const submitted = report.status === 'draft' ? undefined : lastEvent(report, 'submit');
  const approved = report.status === 'approved' ? lastEvent(report, 'approve') : undefined;
  const view =
    report.province === null ? await consolidation(ctx, { type: report.type.code, period: report.period.code }) : null;
  return {
    report,
    issuer: {
      governingBody: agency?.governingBody ?? undefined,
      name: agency?.signingBody ?? (agency?.name ?? report.agency.name).toLocaleUpperCase('vi'),
    },
    abbreviation: agency?.abbreviation ?? '',
    recipientName: agencies.get(report.recipient.id)?.name ?? report.recipient.name,
    place: province ?? 'Hà Nội',
    date: report.submittedAt ? vietnamDate(new Date(report.submittedAt)) : null,
    submittedBy: submitted?.by ?? null,
    approval: approved ? { by: approved.by, on: vietnamDate(new Date(approved.at)) } : null,
    reporters: view
      ? {
          rows: view.rows.filter((r) => r.recipient.id === report.agency.id && r.agency.id !== report.agency.id),
          on: view.today,
        }
      : null,
  };
}

/** "quý III/2026", "6 tháng đầu năm 2026", "năm 2026"; a thematic period keeps its own title. */
export function reportTitle(report: ReportView): string {
  const label = report.period.label;
  if (report.period.code.startsWith('R')) return label;
  return `Kết quả thực hiện Chương trình phối hợp ${label.charAt(0).toLocaleLowerCase('vi')}${label.slice(1)}`;
}

/** The download's name: "bao-cao-quy-2026Q3-HLHPN-15.docx" — the agency's letters kept. */
export function reportFileName(doc: ReportDocument, ext: 'docx' | 'xlsx'): string {
  const kind = { quarterly: 'quy', six_month: '6-thang', annual: 'nam' }[doc.report.type.code] ?? doc.report.type.code;
  const who = doc.abbreviation || String(doc.report.agency.id);
  return `bao-cao-${kind}-${doc.report.period.code}-${who}${doc.report.province ? `-${doc.report.province.name.replace(/\s+/g, '-')}` : ''}.${ext}`;
}
