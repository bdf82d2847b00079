// The year-end review as a Decree 30 .docx ("BÁO CÁO Sơ kết …"): the joint header of the plan's
// agencies, results per content area and activity, indicators against targets, the per-province
// table, difficulties and proposals from the provinces, both agencies' signature blocks.
import type { FileChild } from 'docx';
import {
  bodyParagraph,
  bulletParagraph,
  closingBlock,
  decree30Document,
  formatNumberLine,
  formatVietnameseDate,
  headerTable,
  noteParagraph,
  packDocx,
  partHeading,
  sectionHeading,
  titleBlock,
  type IssuerHeader,
} from '../../documents/decree30-docx';
import { bodyTable } from '../../documents/decree30-table';
import { ACTIVITY_STATUS_LABELS, type ActivityStatus } from '../../../shared/activity-status';
import type { Review } from './review.service';
import { indicatorDocxTable } from './indicator-table';
import { formatNumberVi } from '../../common/format-vi';

export function reviewTitle(review: Review): string {
  return `Sơ kết, đánh giá kết quả thực hiện Chương trình phối hợp năm ${review.plan.year}`;
}

/** The status as written in a sentence: "đã hoàn thành". */
const statusWord = (status: string) =>
  ACTIVITY_STATUS_LABELS[status as ActivityStatus]?.vi.toLocaleLowerCase('vi') ?? status;

function resultBlocks(review: Review): FileChild[] {
  const blocks: FileChild[] = [];
  for (const s of review.sections) {
    blocks.push(sectionHeading(s.number, s.title));
    for (const a of s.activities) {
      const people = a.participants
        ? `, ${formatNumberVi(a.participants)} lượt người tham gia (${formatNumberVi(a.femaleParticipants)} nữ)`
        : '';
      blocks.push(
        bulletParagraph(
          `${a.title.trim().replace(/[.;]+$/, '')}: ${statusWord(a.status)}; ${a.recordCount} hoạt động đã thực hiện${people}.`,
        ),
      );
    }
  }
  return blocks;
}

function indicatorBlocks(review: Review): FileChild[] {
  if (review.indicators.length === 0) return [];
  return [indicatorDocxTable(review.indicators)];
}

function provinceBlocks(review: Review): FileChild[] {
  if (review.provinces.length === 0) return [];
  return [
    noteParagraph(review.provinceIndicators.map((i) => `${i.code}: ${i.name}`).join('; ')),
    bodyTable(
      [
        { header: 'Tỉnh, thành phố', weight: 30 },
        ...review.provinceIndicators.map((i) => ({
          header: i.code,
          weight: 70 / review.provinceIndicators.length,
          align: 'right' as const,
        })),
      ],
      review.provinces.map((p) => ({ cells: [p.name, ...p.values.map(formatNumberVi)] })),
    ),
  ];
}

const textBlocks = (items: { from: string; text: string }[], none: string) =>
  items.length === 0
    ? [bodyParagraph(none)]
    : items.map((i) => bulletParagraph(`${i.from}: ${i.text.replace(/\s*\n\s*/g, ' ')}`));

export async function renderReviewDocx(review: Review, issuers: IssuerHeader[]): Promise<Buffer> {
  const parts: { title: string; blocks: FileChild[] }[] = [
    { title: 'KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG, HOẠT ĐỘNG', blocks: resultBlocks(review) },
    { title: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ SỐ SO VỚI CHỈ TIÊU', blocks: indicatorBlocks(review) },
    { title: 'KẾT QUẢ THEO TỈNH, THÀNH PHỐ', blocks: provinceBlocks(review) },
    {
      title: 'KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN',
      blocks: textBlocks(review.difficulties, 'Chưa có báo cáo được duyệt nêu khó khăn, vướng mắc.'),
    },
    {
      title: 'ĐỀ XUẤT, KIẾN NGHỊ',
      blocks: textBlocks(review.proposals, 'Chưa có báo cáo được duyệt nêu đề xuất, kiến nghị.'),
    },
  ];
  const present = parts.filter((p) => p.blocks.length > 0);
  const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  const children: FileChild[] = [
    headerTable({ issuers, numberLine: formatNumberLine(''), placeDate: formatVietnameseDate(review.place, null) }),
    ...titleBlock('BÁO CÁO', reviewTitle(review)),
    bodyParagraph(
      `Thực hiện Kế hoạch${review.plan.number ? ` số ${review.plan.number}` : ''} "${review.plan.title}", hai cơ quan sơ kết, đánh giá kết quả thực hiện năm ${review.plan.year} như sau:`,
    ),
    ...present.flatMap((p, i) => [partHeading(ROMAN[i]!, p.title), ...p.blocks]),
    ...closingBlock(
      review.signatures.length
        ? review.signatures
        : issuers.map((i) => ({ authority: i.name, position: '', signer: '' })),
      ['Hội LHPN các tỉnh, thành phố', 'Sở Dân tộc và Tôn giáo các tỉnh, thành phố', 'Lưu: VT'],
    ),
  ];
  return packDocx(decree30Document({ title: `Báo cáo sơ kết năm ${review.plan.year}`, children }));
}
