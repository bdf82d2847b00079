// A periodic report as a Decree 30 .docx ("BÁO CÁO Kết quả thực hiện … quý III/2026"): the
// reporting agency's header, the symbol "Số: …/BC-…" left for the clerk's number, the place and
// the day it was sent, the narrative in the parts of Thông tư 06/2022's outline with the
// pre-filled tables under the results (indicators against targets, the plans' activities, the
// records of the period, community models; a national report adds its provinces and the state
// of the reports sent to it — the consolidation), the
// signature of the reporting agency with who sent it, and Nơi nhận: the level above.
import { Table, type FileChild } from 'docx';
import {
  bodyParagraph,
  bodyParagraphs,
  closingBlock,
  decree30Document,
  formatVietnameseDate,
  headerTable,
  noteParagraph,
  packDocx,
  run,
  SIZE,
  partHeading,
  sectionHeading,
  titleBlock,
} from '../../documents/decree30-docx';
import { bodyTable, tableGap } from '../../documents/decree30-table';
import { ACTIVITY_STATUS_LABELS, type ActivityStatus } from '../../../shared/activity-status';
import { STATUS_LABELS } from '../../../shared/report-periods';
import { RECORD_TYPE_LABELS, type RecordType } from '../../../shared/record-codes';
import { vietnamDate } from '../../../shared/dates';
import { formatDateVi, formatNumberVi, percentVi } from '../../common/format-vi';
import type { ReportFigures } from './reports.schemas';
import { reportTitle, type ReportDocument } from './report-document';
import { indicatorDocxTable } from './indicator-table';

const statusLabel = (status: string) => ACTIVITY_STATUS_LABELS[status as ActivityStatus]?.vi ?? status;
const recordTypeLabel = (type: string) => RECORD_TYPE_LABELS[type as RecordType] ?? type;

/** Collective bodies sign "TM." (on behalf of); an agency's own name signs as it stands. */
const COLLECTIVE = /ĐOÀN CHỦ TỊCH|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|ỦY BAN NHÂN DÂN/u;

export function signatureAuthority(signingBody: string): string {
  return COLLECTIVE.test(signingBody) ? `TM. ${signingBody}` : signingBody;
}

/** The narrative's paragraphs; the last before the signature keeps with it (no signature page alone). */
const text = (value: string, none: string, keepLastWithNext = false) =>
  value.trim() === ''
    ? [bodyParagraph(none, undefined, { keepNext: keepLastWithNext })]
    : bodyParagraphs(value, { keepLastWithNext });

function indicatorTable(f: ReportFigures): FileChild[] {
  if (f.indicators.length === 0) return [bodyParagraph('Chưa có số liệu chỉ số trong kỳ.')];
  return [indicatorDocxTable(f.indicators)];
}

function activityTable(f: ReportFigures): FileChild[] {
  if (f.activities.length === 0) return [bodyParagraph('Không có hoạt động nào của kế hoạch trong năm.')];
  return [
    bodyTable(
      [
        { header: 'TT', weight: 7, align: 'center' },
        { header: 'Hoạt động', weight: 45 },
        { header: 'Tình trạng', weight: 15, align: 'center' },
        { header: 'Số hoạt động', weight: 11, align: 'right' },
        { header: 'Người tham gia', weight: 11, align: 'right' },
        { header: 'Trong đó nữ', weight: 11, align: 'right' },
      ],
      f.activities.map((a) => ({
        cells: [
          a.number,
          a.title,
          statusLabel(a.status),
          formatNumberVi(a.recordCount),
          formatNumberVi(a.participants),
          formatNumberVi(a.femaleParticipants),
        ],
      })),
    ),
  ];
}

function recordTable(f: ReportFigures): FileChild[] {
  const r = f.records;
  const summary = bodyParagraph(
    `Trong kỳ đã tổ chức ${formatNumberVi(r.count)} hoạt động với ${formatNumberVi(r.participants)} lượt người tham gia, trong đó ${formatNumberVi(r.femaleParticipants)} lượt nữ.`,
  );
  if (r.items.length === 0) return [summary];
  const period = (from: string, to: string) =>
    from === to ? formatDateVi(from) : `${formatDateVi(from)} – ${formatDateVi(to)}`;
  return [
    summary,
    bodyTable(
      [
        { header: 'Hoạt động', weight: 34 },
        { header: 'Loại', weight: 18 },
        { header: 'Thời gian', weight: 14, align: 'center' },
        { header: 'Địa điểm', weight: 16 },
        { header: 'Người tham gia', weight: 9, align: 'right' },
        { header: 'Nữ', weight: 9, align: 'right' },
      ],
      r.items.map((i) => ({
        cells: [
          i.title,
          recordTypeLabel(i.type),
          period(i.startDate, i.endDate),
          i.placeName ?? '',
          formatNumberVi(i.participants),
          formatNumberVi(i.femaleParticipants),
        ],
      })),
    ),
  ];
}

function modelTable(f: ReportFigures): FileChild[] {
  if (f.models.length === 0) return [bodyParagraph('Chưa có mô hình nào được ghi nhận.')];
  return [
    bodyTable(
      [
        { header: 'Loại mô hình', weight: 46 },
        { header: 'Đang hoạt động', weight: 14, align: 'right' },
        { header: 'Chỉ tiêu', weight: 13, align: 'right' },
        { header: 'Tỷ lệ đạt', weight: 13, align: 'right' },
        { header: 'Thành viên', weight: 14, align: 'right' },
      ],
      f.models.map((m) => ({
        cells: [
          m.name,
          formatNumberVi(m.active),
          formatNumberVi(m.target),
          percentVi(m.achievementPct),
          formatNumberVi(m.members),
        ],
      })),
    ),
  ];
}

function provinceTable(f: ReportFigures): FileChild[] {
  const provinces = f.provinces ?? [];
  if (provinces.length === 0) return [bodyParagraph('Chưa có báo cáo của tỉnh, thành phố nào được duyệt.')];
  const codes = f.indicators.map((i) => i.code);
  return [
    noteParagraph(f.indicators.map((i) => `${i.code}: ${i.name}`).join('; ')),
    bodyTable(
      [
        { header: 'Tỉnh, thành phố', weight: 28 },
        ...codes.map((code) => ({ header: code, weight: 72 / Math.max(1, codes.length), align: 'right' as const })),
      ],
      provinces.map((p) => ({ cells: [p.provinceName, ...codes.map((c) => formatNumberVi(p.values[c] ?? null))] })),
    ),
  ];
}

/** A national report: which units have reported to it, which are late, as of today. */
function reporterTable(reporters: NonNullable<ReportDocument['reporters']>): FileChild[] {
  const { rows, on } = reporters;
  if (rows.length === 0) return [bodyParagraph('Không có đơn vị nào báo cáo lên cơ quan trong kỳ này.')];
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const late = rows.filter((r) => r.late).length;
  const sent = count('submitted') + count('approved');
  return [
    bodyParagraph(
      `Đến ngày ${formatDateVi(on)}, ${sent}/${rows.length} đơn vị đã gửi báo cáo (${count('approved')} báo cáo đã duyệt, ${count('submitted')} đang chờ duyệt); ${late} đơn vị quá hạn chưa gửi.`,
    ),
    bodyTable(
      [
        { header: 'Đơn vị báo cáo', weight: 44 },
        { header: 'Tình trạng', weight: 22, align: 'center' },
        { header: 'Ngày gửi', weight: 17, align: 'center' },
        { header: 'Quá hạn', weight: 17, align: 'center' },
      ],
      rows.map((r) => ({
        cells: [
          r.agency.name,
          STATUS_LABELS[r.status].vi,
          r.submittedAt ? formatDateVi(vietnamDate(new Date(r.submittedAt))) : '',
          r.late ? 'Quá hạn' : '',
        ],
      })),
    ),
  ];
}

export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  const { report } = doc;
  const f = report.figures;
  const n = report.narrative;
  const tables: [string, FileChild[]][] = [
    ['Kết quả thực hiện các chỉ số so với chỉ tiêu', indicatorTable(f)],
    ['Tình hình thực hiện các hoạt động của kế hoạch', activityTable(f)],
    ['Các hoạt động đã triển khai trong kỳ', recordTable(f)],
    ['Mô hình tại cộng đồng', modelTable(f)],
    ...(f.provinces ? [['Kết quả theo tỉnh, thành phố', provinceTable(f)] as [string, FileChild[]]] : []),
    ...(doc.reporters
      ? [['Tình hình gửi báo cáo của các đơn vị', reporterTable(doc.reporters)] as [string, FileChild[]]]
      : []),
  ];
  const from = formatDateVi(report.period.start);
  const to = formatDateVi(report.period.end);
  const symbol = doc.abbreviation ? `/BC-${doc.abbreviation}` : '/BC';
  const signer = doc.submittedBy ?? '';
  const approval = doc.approval
    ? [
        bodyParagraph(
          '',
          [
            run(
              `Báo cáo đã được ${doc.recipientName} duyệt ngày ${formatDateVi(doc.approval.on)}${doc.approval.by ? ` (${doc.approval.by})` : ''}.`,
              { size: SIZE.body, italics: true },
            ),
          ],
          { keepNext: true },
        ),
      ]
    : [];
  const children: FileChild[] = [
    headerTable({
      issuers: [doc.issuer],
      numberLine: `Số:        ${symbol}`,
      placeDate: formatVietnameseDate(doc.place, doc.date),
    }),
    ...titleBlock('BÁO CÁO', reportTitle(report)),
    bodyParagraph(
      `Thực hiện chế độ báo cáo ${report.type.name.replace(/^Báo cáo\s+/i, '').toLocaleLowerCase('vi')} (kỳ từ ngày ${from} đến ngày ${to}), ${report.agency.name} báo cáo kết quả thực hiện như sau:`,
    ),
    partHeading('I', 'KẾT QUẢ THỰC HIỆN'),
    ...text(n.results, 'Chưa viết phần kết quả thực hiện.'),
    ...tables.flatMap(([title, blocks], i) => [
      sectionHeading(String(i + 1), title),
      ...blocks.flatMap((b) => (b instanceof Table ? [b, tableGap()] : [b])),
    ]),
    noteParagraph(
      `Số liệu tổng hợp từ hệ thống Phối hợp đến ngày ${formatDateVi(vietnamDate(new Date(report.figuresAt)))}.`,
    ),
    partHeading('II', 'KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN'),
    ...text(n.difficulties, 'Không có.'),
    partHeading('III', 'BÀI HỌC KINH NGHIỆM'),
    ...text(n.lessons, 'Không có.'),
    partHeading('IV', 'ĐỀ XUẤT, KIẾN NGHỊ'),
    ...text(n.proposals, 'Không có.', approval.length === 0),
    ...approval,
    ...closingBlock(
      [{ authority: signatureAuthority(doc.issuer.name), position: '', signer }],
      // A national report is the agency's own: it goes to the partners of the programme.
      [
        report.recipient.id === report.agency.id ? 'Các cơ quan phối hợp thực hiện Chương trình' : doc.recipientName,
        'Lưu: VT',
      ],
    ),
  ];
  return packDocx(
    decree30Document({ title: `${report.type.name} – ${report.period.label} – ${report.agency.name}`, children }),
  );
}
