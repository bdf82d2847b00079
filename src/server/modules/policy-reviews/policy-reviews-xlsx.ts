// The policy-review register as a spreadsheet: one row per document with its deadline and state;
// late rows highlighted.
import { formatDateVi } from '../../common/format-vi';
import { addRegisterSheet, workbookBuffer, type RegisterColumn } from '../../common/register-xlsx';
import { DOCUMENT_KIND_LABELS, REVIEW_TYPE_LABELS, type ReviewView } from './policy-reviews.schemas';

const STATE_LABELS: Record<ReviewView['state'], string> = {
  pending: 'Đang xử lý',
  late: 'Quá hạn, chưa gửi',
  sent: 'Đã gửi đúng hạn',
  sent_late: 'Đã gửi, trễ hạn',
};

const COLUMNS: RegisterColumn[] = [
  { header: 'STT', width: 6, kind: 'center' },
  { header: 'Tên văn bản', width: 48 },
  { header: 'Loại văn bản', width: 13, kind: 'center' },
  { header: 'Hình thức', width: 14, kind: 'center' },
  { header: 'Cơ quan đề nghị', width: 24 },
  { header: 'Số văn bản đề nghị', width: 16 },
  { header: 'Ngày nhận', width: 12, kind: 'center' },
  { header: 'Hạn trả lời', width: 12, kind: 'center' },
  { header: 'Cơ quan nhận', width: 24 },
  { header: 'Người được giao', width: 20 },
  { header: 'Ngày gửi ý kiến', width: 12, kind: 'center' },
  { header: 'Tình trạng', width: 16, kind: 'center' },
  { header: 'Nội dung ý kiến', width: 50 },
];

export function renderReviewsXlsx(items: ReviewView[], today: string): Promise<Buffer> {
  const rows = items.map((r, i) => ({
    values: [
      i + 1,
      r.title,
      DOCUMENT_KIND_LABELS[r.kind],
      REVIEW_TYPE_LABELS[r.reviewType],
      r.requestingAgency,
      r.requestNumber,
      formatDateVi(r.receivedOn),
      formatDateVi(r.deadline),
      r.agency.name,
      r.assignee?.name ?? '',
      r.sentOn ? formatDateVi(r.sentOn) : '',
      STATE_LABELS[r.state],
      [r.responseText, r.file ? `Tệp: ${r.file.fileName}` : ''].filter(Boolean).join('\n'),
    ],
    highlight: r.late,
  }));
  return workbookBuffer((workbook) =>
    addRegisterSheet(
      workbook,
      'Góp ý chính sách',
      `SỔ THEO DÕI GÓP Ý, THẨM ĐỊNH, PHẢN BIỆN VĂN BẢN CHÍNH SÁCH (đến ngày ${formatDateVi(today)})`,
      COLUMNS,
      rows,
    ),
  );
}
