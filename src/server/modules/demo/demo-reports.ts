// Demo reports on the 2022 seed plan, written through the services as the demo users would: Lào
// Cai's women's union has sent its quarter II report (waiting in the central queue) and started
// its quarter III one; every other expected report of 2022 shows as late in the consolidation.
// None is approved, so no demo period is locked. Runs once, when there is no report yet.
import type { Clock } from '../../access/actor';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { actorFor } from './demo-plan';
import { createReport, step, updateReport } from '../reports/reports.service';

export async function ensureDemoReports(db: Db, config: Config, clock: Clock): Promise<void> {
  const any = await db.selectFrom('report').select('report_id').limit(1).executeTakeFirst();
  if (any) return;
  const laoCai = { db, config, clock, actor: await actorFor(db, 'laocai.hoiphunu') };
  const q2 = await createReport(laoCai, { type: 'quarterly', period: '2022Q2' });
  const written = await updateReport(laoCai, q2.id, {
    version: q2.version,
    results:
      'Hội LHPN tỉnh đã thành lập 6 Tổ truyền thông cộng đồng tại các xã vùng cao, tổ chức sinh hoạt định kỳ về bình đẳng giới, phòng chống tảo hôn và hôn nhân cận huyết thống.',
    difficulties:
      'Địa bàn rộng, giao thông đi lại khó khăn; một bộ phận đồng bào chưa thông thạo tiếng phổ thông nên việc truyền thông cần người phiên dịch.',
    lessons: 'Phối hợp chặt chẽ với Ban Dân tộc tỉnh và chính quyền xã ngay từ khi lựa chọn thành viên tổ.',
    proposals: 'Đề nghị Trung ương Hội hỗ trợ tài liệu truyền thông song ngữ Việt - Mông.',
  });
  await step(laoCai, q2.id, 'submit', { version: written.version });
  await createReport(laoCai, { type: 'quarterly', period: '2022Q3' });
}
