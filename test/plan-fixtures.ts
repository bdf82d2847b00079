// A small joint plan body, as the editor would send it.
import type { Queryable } from '../src/server/db/database';
import { agencyId } from './factories';

export async function jointPlanBody(db: Queryable, year = 2022) {
  const hlhpn = await agencyId(db, 'HLHPN');
  const ubdt = await agencyId(db, 'UBDT');
  return {
    kind: 'central' as const,
    year,
    issuerIds: [hlhpn, ubdt],
    content: {
      number: '',
      issuedOn: null,
      place: 'Hà Nội',
      title: `Triển khai Chương trình phối hợp công tác năm ${year}`,
      preamble: `Hai cơ quan xây dựng kế hoạch năm ${year} như sau:`,
      purposes: ['Tuyên truyền, vận động phụ nữ vùng đồng bào dân tộc thiểu số'],
      requirements: ['Bám sát nội dung Chương trình phối hợp'],
      programme: 'CTMTQG 1719 — Dự án 8',
      sections: [
        {
          title: 'Tuyên truyền nâng cao nhận thức',
          description: 'Nội dung tuyên truyền về bình đẳng giới',
          timeframe: { start: `${year}-Q1`, end: `${year}-Q4` },
          activities: [
            {
              title: 'Thành lập và duy trì Tổ truyền thông cộng đồng',
              timeframe: { start: `${year}-Q1`, end: `${year}-Q4` },
              leadAgencyId: hlhpn,
              partnerAgencyIds: [ubdt],
              level: 'commune' as const,
              outputs: [{ text: 'Tổ truyền thông cộng đồng', target: 100, unit: 'tổ' }],
            },
            {
              title: 'Chương trình truyền hình bằng tiếng phổ thông và tiếng dân tộc',
              timeframe: { start: `${year}-Q2`, end: `${year}-Q4` },
              leadAgencyId: hlhpn,
              partnerAgencyIds: [],
              level: 'central' as const,
              outputs: [{ text: 'Chương trình trên sóng Đài THVN', target: 1, unit: 'chương trình' }],
            },
          ],
        },
        {
          title: 'Sơ kết, đánh giá kết quả phối hợp',
          description: '',
          timeframe: { start: `${year}-12`, end: `${year}-12` },
          activities: [
            {
              title: 'Hội nghị sơ kết',
              timeframe: { start: `${year}-12`, end: `${year}-12` },
              leadAgencyId: ubdt,
              partnerAgencyIds: [hlhpn],
              level: 'central' as const,
              outputs: [],
            },
          ],
        },
      ],
      responsibilities: [{ actor: 'TW Hội LHPN Việt Nam', agencyId: hlhpn, tasks: ['Chỉ đạo Hội LHPN các cấp'] }],
      funding: { text: 'Ngân sách nhà nước và các nguồn huy động hợp pháp khác', sources: ['ngân sách nhà nước'] },
      signatures: [
        {
          agencyId: ubdt,
          authority: 'KT. BỘ TRƯỞNG, CHỦ NHIỆM',
          position: 'THỨ TRƯỞNG, PHÓ CHỦ NHIỆM',
          signer: 'Hàng Thị Hạnh',
        },
        { agencyId: hlhpn, authority: 'TM. ĐOÀN CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signer: 'Tôn Ngọc Hạnh' },
      ],
      recipients: ['Hội LHPN các tỉnh, TP trực thuộc TW'],
    },
  };
}
