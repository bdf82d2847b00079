// Demo data for monitoring, policy review and budgets on the 2022 seed plan, entered through the
// services as the demo users would: planned amounts and records with costs (so the budget page
// shows planned vs spent by source; the mission's costs on the record its issued report keeps), a
// joint mission to Lào Cai and Điện Biên with its checklist, findings and recommendations, and the
// policy-review register. Runs once, with the demo plan.
import type { Clock, ServiceContext } from '../../access/actor';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { contextFor } from './demo-plan';
import { putLines } from '../budgets/budgets.service';
import { createReview, respond } from '../policy-reviews/policy-reviews.service';
import { createRecord, getRecord, updateRecord } from '../records/records.service';
import { addFinding, createMission, saveChecklist } from '../monitoring/missions.service';
import { createRecommendation } from '../monitoring/recommendations.service';

async function agency(db: Db, code: string): Promise<number> {
  return (await db.selectFrom('agency').select('agency_id').where('code', '=', code).executeTakeFirstOrThrow())
    .agency_id;
}

/** Activity ids of the plan by their number ("1.1", "4.2"). */
async function activitiesOf(db: Db, planId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('plan_activity')
    .select(['plan_activity_id', 'section_number', 'position'])
    .where('plan_id', '=', planId)
    .where('removed', '=', false)
    .orderBy('plan_activity_id')
    .execute();
  return new Map(rows.map((r) => [`${r.section_number}.${r.position + 1}`, r.plan_activity_id]));
}

const costs = (entries: Record<string, string>) =>
  Object.entries(entries).map(([fundingSource, amount]) => ({ fundingSource, amount }));

export async function ensureDemoMonitoring(db: Db, config: Config, clock: Clock, planId: number): Promise<void> {
  const any = await db.selectFrom('mission').select('mission_id').limit(1).executeTakeFirst();
  if (any) return;
  const a = await activitiesOf(db, planId);
  const id = (number: string) => {
    const activity = a.get(number);
    if (activity === undefined) throw new Error(`demo plan has no activity ${number}`);
    return activity;
  };
  const women = await contextFor(db, config, clock, 'tw.hoiphunu');
  const ethnic = await contextFor(db, config, clock, 'tw.dantoc');
  const laoCai = await contextFor(db, config, clock, 'laocai.hoiphunu');
  const dienBien = await contextFor(db, config, clock, 'dienbien.hoiphunu');

  // Planned amounts: the central level and two provinces (whole đồng).
  const plan = async (
    ctx: ServiceContext,
    number: string,
    provinceCode: string | null,
    amounts: Record<string, string>,
  ) => putLines(ctx, { planActivityId: id(number), provinceCode, amounts: costs(amounts) });
  await plan(women, '1.3', null, { ngan_sach_trung_uong: '250000000' });
  await plan(women, '3.1', null, { ngan_sach_trung_uong: '300000000' });
  await plan(women, '4.1', null, { ngan_sach_trung_uong: '80000000' });
  await plan(laoCai, '1.1', '15', { ctmtqg: '120000000', ngan_sach_dia_phuong: '20000000' });
  await plan(dienBien, '1.1', '11', { ctmtqg: '100000000' });
  await plan(dienBien, '2.1', '11', { ctmtqg: '150000000', huy_dong: '10000000' });

  // What was spent: records with their costs by source.
  const record = (ctx: ServiceContext, body: Record<string, unknown>) =>
    createRecord(ctx, {
      type: 'training',
      participants: { mode: 'totals_only', totalParticipants: 0 },
      ...body,
    } as Parameters<typeof createRecord>[1]);
  await record(women, {
    planActivityId: id('1.3'),
    title: 'Tập huấn hướng dẫn các cấp Hội tổ chức hoạt động truyền thông',
    startDate: '2022-05-10',
    endDate: '2022-05-11',
    participants: { mode: 'totals_only', totalParticipants: 120, femaleParticipants: 104 },
    costs: costs({ ngan_sach_trung_uong: '185500000' }),
  });
  await record(ethnic, {
    planActivityId: id('3.1'),
    title: 'Bồi dưỡng năng lực cán bộ làm công tác dân tộc khu vực miền núi phía Bắc',
    startDate: '2022-09-12',
    endDate: '2022-09-14',
    participants: { mode: 'totals_only', totalParticipants: 85, femaleParticipants: 41 },
    costs: costs({ ngan_sach_trung_uong: '210000000' }),
  });
  await record(laoCai, {
    planActivityId: id('1.1'),
    type: 'model_established',
    title: 'Thành lập Tổ truyền thông cộng đồng tại các xã vùng cao',
    startDate: '2022-06-15',
    place: { generation: 2024, code: '10' },
    outputs: { quantity: 6, unit: 'tổ' },
    costs: costs({ ctmtqg: '96750000', ngan_sach_dia_phuong: '12000000' }),
  });
  await record(dienBien, {
    planActivityId: id('2.1'),
    title: 'Tập huấn phát triển Tổ tiết kiệm vốn vay thôn bản',
    startDate: '2022-08-20',
    place: { generation: 2024, code: '11' },
    participants: { mode: 'totals_only', totalParticipants: 60, femaleParticipants: 60 },
    costs: costs({ ctmtqg: '143200000', huy_dong: '5000000' }),
  });

  // The joint mission of activity 4.1, with its checklist, findings and recommendations.
  const template = await db
    .selectFrom('checklist_template')
    .select('checklist_template_id')
    .where('code', '=', 'long_ghep_gioi_du_an_8')
    .executeTakeFirstOrThrow();
  const mission = await createMission(women, {
    title: 'Đoàn giám sát liên ngành việc thực hiện Dự án 8 năm 2022',
    purpose:
      'Giám sát việc lồng ghép giới, thúc đẩy bình đẳng giới trong Chương trình MTQG DTTS và MN và việc thực hiện Dự án 8 tại tỉnh Lào Cai và tỉnh Điện Biên; kiến nghị giải pháp tháo gỡ khó khăn.',
    leadAgencyId: await agency(db, 'HLHPN'),
    planActivityId: id('4.1'),
    checklistTemplateId: template.checklist_template_id,
    startDate: '2022-09-19',
    endDate: '2022-09-23',
    members: [
      {
        name: 'Nguyễn Thị Lan',
        title: 'Trưởng Ban Dân tộc - Tôn giáo',
        agencyId: await agency(db, 'HLHPN'),
        role: 'head',
      },
      {
        name: 'Trần Văn Minh',
        title: 'Phó Vụ trưởng Vụ Dân tộc thiểu số',
        agencyId: await agency(db, 'UBDT'),
        role: 'deputy',
      },
      { name: 'Lò Thị Mai', title: 'Phó Chủ tịch', agencyId: await agency(db, 'HLHPN-2025-15'), role: 'member' },
      { name: 'Lò Thị Hoa', title: 'Phó Chủ tịch', agencyId: await agency(db, 'HLHPN-2025-11'), role: 'member' },
      { name: 'Phạm Thu Hà', title: 'Chuyên viên', agencyId: await agency(db, 'HLHPN'), role: 'secretary' },
    ],
    places: [
      { generation: 2024, code: '10', visitDate: '2022-09-20' },
      { generation: 2024, code: '11', visitDate: '2022-09-22' },
    ],
    report: { number: '25/BC-ĐKT', place: 'Hà Nội', date: '2022-10-05' },
  });
  // Its report is issued, so the mission has its monitoring_mission record (GS01): the mission's
  // costs are entered on that record, as a user would on the record's page.
  const held = await getRecord(women, mission.recordId!);
  await updateRecord(women, held.id, {
    planActivityId: held.activity.id,
    type: 'monitoring_mission',
    title: held.title,
    startDate: held.startDate,
    endDate: held.endDate,
    organiserAgencyId: held.organiser?.id ?? null,
    description: held.description,
    participants: { mode: 'totals_only', totalParticipants: 0 },
    costs: costs({ ngan_sach_trung_uong: '64350000' }),
    version: held.version,
  });
  const items = mission.checklist!.items;
  const answers = (list: ('yes' | 'partly' | 'no' | 'na')[], notes: Record<number, string> = {}) =>
    list.map((answer, i) => ({ itemId: items[i]!.id, answer, note: notes[i] ?? '' }));
  await saveChecklist(women, mission.id, mission.places[0]!.id, {
    answers: answers(['yes', 'partly', 'yes', 'partly', 'yes', 'yes', 'partly', 'yes', 'yes', 'yes', 'partly'], {
      1: 'Số liệu tách biệt theo giới mới có ở cấp huyện',
      6: 'Địa chỉ tin cậy chưa có kinh phí duy trì',
    }),
  });
  await saveChecklist(women, mission.id, mission.places[1]!.id, {
    answers: answers(['partly', 'no', 'partly', 'no', 'yes', 'partly', 'no', 'yes', 'partly', 'yes', 'no'], {
      3: 'Chưa bố trí kinh phí riêng cho hoạt động bình đẳng giới',
      6: 'Hai địa chỉ tin cậy chưa hoạt động',
    }),
  });
  await addFinding(women, mission.id, {
    text: 'Các tổ truyền thông cộng đồng hoạt động đều, thu hút già làng, trưởng bản, người có uy tín tham gia.',
    placeId: mission.places[0]!.id,
  });
  const finding = await addFinding(women, mission.id, {
    text: 'Kinh phí cho các hoạt động bình đẳng giới chưa được bố trí riêng; số liệu báo cáo chưa tách biệt theo giới.',
    placeId: mission.places[1]!.id,
  });
  const findingId = finding.findings.at(-1)!.id;
  await createRecommendation(women, mission.id, {
    text: 'Bố trí kinh phí duy trì hoạt động của các Địa chỉ tin cậy và báo cáo số liệu tách biệt theo giới.',
    addressee: { provinceCode: '11' },
    dueDate: '2022-12-31',
    findingId,
  });
  await createRecommendation(women, mission.id, {
    text: 'Nhân rộng mô hình Tổ truyền thông cộng đồng ra các xã còn lại của tỉnh.',
    addressee: { agencyId: await agency(db, 'HLHPN-2025-15') },
    dueDate: '2023-06-30',
  });
  await createRecommendation(women, mission.id, {
    text: 'Hướng dẫn các địa phương chỉ tiêu giám sát lồng ghép giới thống nhất trong toàn Chương trình.',
    addressee: { agencyId: await agency(db, 'UBDT') },
    dueDate: '2023-03-31',
  });

  // The policy-review register (activity 4.2): two answered, one late.
  const review = (ctx: ServiceContext, body: Omit<Parameters<typeof createReview>[1], 'planActivityId'>) =>
    createReview(ctx, { ...body, planActivityId: id('4.2') });
  const circular = await review(women, {
    title: 'Dự thảo Thông tư hướng dẫn thực hiện Dự án 8 thuộc Chương trình MTQG DTTS và MN',
    kind: 'circular',
    reviewType: 'comment',
    requestingAgency: 'Ủy ban Dân tộc',
    requestNumber: '512/UBDT-KHTC',
    receivedOn: '2022-04-05',
    deadline: '2022-04-25',
  });
  await respond(women, circular.id, {
    responseText: 'Đề nghị bổ sung chỉ tiêu giám sát lồng ghép giới và cơ chế phân bổ kinh phí cho cấp xã.',
    sentOn: '2022-04-22',
    version: circular.version,
  });
  const report = await review(women, {
    title: 'Dự thảo Báo cáo thực hiện mục tiêu quốc gia về bình đẳng giới năm 2022',
    kind: 'report',
    reviewType: 'social_criticism',
    requestingAgency: 'Bộ Lao động - Thương binh và Xã hội',
    requestNumber: '3921/LĐTBXH-BĐG',
    receivedOn: '2022-10-03',
    deadline: '2022-10-20',
  });
  await respond(women, report.id, {
    responseText: 'Đề nghị bổ sung số liệu về phụ nữ dân tộc thiểu số tham gia các mô hình sinh kế.',
    sentOn: '2022-10-24',
    version: report.version,
  });
  await review(women, {
    title: 'Dự thảo Đề án hỗ trợ phụ nữ dân tộc thiểu số khởi nghiệp giai đoạn 2023-2025',
    kind: 'scheme',
    reviewType: 'appraisal',
    requestingAgency: 'Ủy ban Dân tộc',
    receivedOn: '2022-11-10',
    deadline: '2022-11-30',
  });
}
