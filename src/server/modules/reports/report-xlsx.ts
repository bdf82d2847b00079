// A periodic report's pre-filled tables as a workbook, one table per sheet (header in the first
// row, filter on, percentages as percents): indicators, the plans' activities, the records of the
// period, community models, and a national report's provinces and the state of the reports sent
// to it (the consolidation).
import { addRegisterSheet, workbookBuffer } from '../../common/register-xlsx';
import { ACTIVITY_STATUS_LABELS, type ActivityStatus } from '../../../shared/activity-status';
import { STATUS_LABELS } from '../../../shared/report-periods';
import { vietnamDate } from '../../../shared/dates';
import { RECORD_TYPE_LABELS, type RecordType } from '../../../shared/record-codes';
import { formatDateVi } from '../../common/format-vi';
import type { ReportDocument } from './report-document';
import { INDICATOR_COLUMNS, indicatorRows } from './indicator-table';

export async function renderReportXlsx(doc: ReportDocument): Promise<Buffer> {
  const { report } = doc;
  const f = report.figures;
  const of = `${report.agency.name.toLocaleUpperCase('vi')} – ${report.period.label.toLocaleUpperCase('vi')}`;
  return workbookBuffer((workbook) => {
    workbook.title = `${report.type.name} – ${report.period.label} – ${report.agency.name}`;
    addRegisterSheet(
      workbook,
      'Chỉ số',
      `KẾT QUẢ CÁC CHỈ SỐ SO VỚI CHỈ TIÊU – ${of}`,
      INDICATOR_COLUMNS,
      indicatorRows(f.indicators),
    );
    addRegisterSheet(
      workbook,
      'Hoạt động kế hoạch',
      `TÌNH HÌNH THỰC HIỆN CÁC HOẠT ĐỘNG – ${of}`,
      [
        { header: 'Kế hoạch', width: 22 },
        { header: 'Mục', width: 30 },
        { header: 'TT', width: 8, kind: 'center' },
        { header: 'Hoạt động', width: 56 },
        { header: 'Tình trạng', width: 18, kind: 'center' },
        { header: 'Số hoạt động đã thực hiện', width: 14, kind: 'number' },
        { header: 'Người tham gia', width: 14, kind: 'number' },
        { header: 'Trong đó nữ', width: 14, kind: 'number' },
      ],
      f.activities.map((a) => ({
        values: [
          a.plan,
          a.section,
          a.number,
          a.title,
          ACTIVITY_STATUS_LABELS[a.status as ActivityStatus]?.vi ?? a.status,
          a.recordCount,
          a.participants,
          a.femaleParticipants,
        ],
        highlight: a.status === 'late',
      })),
    );
    addRegisterSheet(
      workbook,
      'Hoạt động trong kỳ',
      `CÁC HOẠT ĐỘNG ĐÃ TRIỂN KHAI TRONG KỲ – ${of}`,
      [
        { header: 'Hoạt động', width: 50 },
        { header: 'Loại', width: 28 },
        { header: 'Từ ngày', width: 13, kind: 'center' },
        { header: 'Đến ngày', width: 13, kind: 'center' },
        { header: 'Địa điểm', width: 30 },
        { header: 'Người tham gia', width: 14, kind: 'number' },
        { header: 'Trong đó nữ', width: 14, kind: 'number' },
      ],
      f.records.items.map((i) => ({
        values: [
          i.title,
          RECORD_TYPE_LABELS[i.type as RecordType] ?? i.type,
          formatDateVi(i.startDate),
          formatDateVi(i.endDate),
          i.placeName,
          i.participants,
          i.femaleParticipants,
        ],
      })),
    );
    addRegisterSheet(
      workbook,
      'Mô hình',
      `MÔ HÌNH TẠI CỘNG ĐỒNG – ${of}`,
      [
        { header: 'Loại mô hình', width: 50 },
        { header: 'Đang hoạt động', width: 14, kind: 'number' },
        { header: 'Chỉ tiêu', width: 14, kind: 'number' },
        { header: 'Tỷ lệ đạt', width: 12, kind: 'percent' },
        { header: 'Thành viên', width: 14, kind: 'number' },
      ],
      f.models.map((m) => ({ values: [m.name, m.active, m.target, m.achievementPct, m.members] })),
    );
    if (f.provinces) {
      addRegisterSheet(
        workbook,
        'Theo tỉnh',
        `KẾT QUẢ THEO TỈNH, THÀNH PHỐ – ${of}`,
        [
          { header: 'Tỉnh, thành phố', width: 26 },
          { header: 'Cơ quan báo cáo', width: 30 },
          ...f.indicators.map((i) => ({ header: `${i.code} – ${i.name}`, width: 18, kind: 'number' as const })),
        ],
        f.provinces.map((p) => ({
          values: [p.provinceName, p.agencyName, ...f.indicators.map((i) => p.values[i.code] ?? null)],
        })),
      );
    }
    if (doc.reporters) {
      addRegisterSheet(
        workbook,
        'Tình hình gửi báo cáo',
        `TÌNH HÌNH GỬI BÁO CÁO ĐẾN NGÀY ${formatDateVi(doc.reporters.on)} – ${of}`,
        [
          { header: 'Đơn vị báo cáo', width: 44 },
          { header: 'Tỉnh, thành phố', width: 22 },
          { header: 'Tình trạng', width: 22, kind: 'center' },
          { header: 'Ngày gửi', width: 14, kind: 'center' },
          { header: 'Quá hạn', width: 12, kind: 'center' },
        ],
        doc.reporters.rows.map((r) => ({
          values: [
            r.agency.name,
            r.province?.name ?? null,
            STATUS_LABELS[r.status].vi,
            r.submittedAt ? formatDateVi(vietnamDate(new Date(r.submittedAt))) : null,
            r.late ? 'Quá hạn' : null,
          ],
          highlight: r.late,
        })),
      );
    }
  });
}
