// The year-end review's tables as a workbook: activities, indicators against targets, provinces.
import { addRegisterSheet, workbookBuffer } from '../../common/register-xlsx';
import { ACTIVITY_STATUS_LABELS, type ActivityStatus } from '../../../shared/activity-status';
import type { Review } from './review.service';
import { INDICATOR_COLUMNS, indicatorRows } from './indicator-table';

export async function renderReviewXlsx(review: Review): Promise<Buffer> {
  const year = review.plan.year;
  return workbookBuffer((workbook) => {
    addRegisterSheet(
      workbook,
      'Hoạt động',
      `KẾT QUẢ THỰC HIỆN CÁC HOẠT ĐỘNG NĂM ${year}`,
      [
        { header: 'Mục', width: 8, kind: 'center' },
        { header: 'Hoạt động', width: 60 },
        { header: 'Tình trạng', width: 18, kind: 'center' },
        { header: 'Số hoạt động đã thực hiện', width: 14, kind: 'number' },
        { header: 'Người tham gia', width: 14, kind: 'number' },
        { header: 'Trong đó nữ', width: 14, kind: 'number' },
      ],
      review.sections.flatMap((s) => [
        { values: [s.number, s.title, null, null, null, null], bold: true },
        ...s.activities.map((a) => ({
          values: [
            a.number,
            a.title,
            ACTIVITY_STATUS_LABELS[a.status as ActivityStatus]?.vi ?? a.status,
            a.recordCount,
            a.participants,
            a.femaleParticipants,
          ],
          highlight: a.status === 'late',
        })),
      ]),
    );
    addRegisterSheet(
      workbook,
      'Chỉ số',
      `KẾT QUẢ CÁC CHỈ SỐ SO VỚI CHỈ TIÊU NĂM ${year}`,
      INDICATOR_COLUMNS,
      indicatorRows(review.indicators),
    );
    addRegisterSheet(
      workbook,
      'Theo tỉnh',
      `KẾT QUẢ THEO TỈNH, THÀNH PHỐ NĂM ${year}`,
      [
        { header: 'Tỉnh, thành phố', width: 26 },
        ...review.provinceIndicators.map((i) => ({
          header: `${i.code} – ${i.name}`,
          width: 18,
          kind: 'number' as const,
        })),
      ],
      review.provinces.map((p) => ({ values: [p.name, ...p.values] })),
    );
  });
}
