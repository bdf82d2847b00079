// The demo's plan for the current year, so the activity statuses, the dashboard and the reports
// have live work to show (the 2022 seed plan is all in the past): the seed plan rolled forward to
// this year with a lead agency on each activity, signed and issued by both agencies, cascaded to
// Điện Biên and Lào Cai, with records entered there this year — one of them a model established
// into the registry — and one activity marked complete by its lead. All through the services, as
// the demo users would do it. Runs once, when there is no plan for the year yet.
import type { Clock, ServiceContext } from '../../access/actor';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { vietnamDate } from '../../../shared/dates';
import { periodEndDate } from '../../../shared/period';
import type { PlanContent } from '../../../shared/plan';
import { cascadePlan, rollForward } from '../plans/plan-derive.service';
import { getPlan, loadPlan, updatePlan } from '../plans/plans.service';
import { issuePlan, signPlan, submitPlan } from '../plans/plan-workflow.service';
import { setTargets } from '../analytics/indicators.service';
import { completeActivity } from '../records/activities.service';
import { createRecord } from '../records/records.service';
import { contextFor } from './demo-plan';

type RecordBody = Parameters<typeof createRecord>[1];

async function agencyId(db: Db, code: string): Promise<number> {
  return (await db.selectFrom('agency').select('agency_id').where('code', '=', code).executeTakeFirstOrThrow())
    .agency_id;
}

async function ethnicId(db: Db, name: string): Promise<number> {
  return (
    await db.selectFrom('ethnic_group').select('ethnic_group_id').where('name', '=', name).executeTakeFirstOrThrow()
  ).ethnic_group_id;
}

/** `days` before today, but not before 2 January of the year (records are never in the future). */
function daysAgo(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  const iso = date.toISOString().slice(0, 10);
  const floor = `${today.slice(0, 4)}-01-02`;
  return iso < floor ? (today < floor ? today : floor) : iso;
}

/** Odd sections led by the Women's Union with the ethnic-affairs body as partner, even ones the other way. */
function withLeads(content: PlanContent, women: number, ethnic: number): PlanContent {
  return {
    ...content,
    sections: content.sections.map((section, i) => ({
      ...section,
      activities: section.activities.map((activity) => ({
        ...activity,
        leadAgencyId: i % 2 === 0 ? women : ethnic,
        partnerAgencyIds: [i % 2 === 0 ? ethnic : women],
      })),
    })),
  };
}

interface Activity {
  id: number;
  end: string | null;
  leadAgencyId: number | null;
}

async function activitiesOf(ctx: ServiceContext, planId: number): Promise<Activity[]> {
  const plan = await getPlan(ctx, planId);
  return plan.sections.flatMap((s) =>
    s.activities
      .filter((a) => a.id !== null)
      .map((a) => ({
        id: a.id!,
        end: a.timeframe ? periodEndDate(a.timeframe.end) : null,
        leadAgencyId: a.leadAgency?.id ?? null,
      })),
  );
}

/** Builds the current year's plan and its records once; returns its id, or null when it exists. */
export async function ensureDemoCurrentYear(
  db: Db,
  config: Config,
  clock: Clock,
  seedPlanId: number,
): Promise<number | null> {
  const today = vietnamDate(clock.now());
  const year = Number(today.slice(0, 4));
  const existing = await db.selectFrom('plan').select('plan_id').where('year', '=', year).limit(1).executeTakeFirst();
  if (existing) return null;
  const women = await contextFor(db, config, clock, 'tw.hoiphunu');
  const ethnic = await contextFor(db, config, clock, 'tw.dantoc');

  let plan = await rollForward(women, seedPlanId, year);
  const { row } = await loadPlan(women, plan.id);
  const content = withLeads(row.content, await agencyId(db, 'HLHPN'), await agencyId(db, 'UBDT'));
  plan = await updatePlan(women, plan.id, {
    version: plan.version,
    content: { ...content, number: '', issuedOn: null },
    note: 'Giao cơ quan chủ trì, phối hợp cho từng hoạt động',
  });
  plan = await submitPlan(women, plan.id, plan.version);
  plan = await signPlan(women, plan.id, { version: plan.version });
  plan = await signPlan(ethnic, plan.id, { version: plan.version });
  // The number comes from the Women's Union's register for the year.
  plan = await issuePlan(women, plan.id, { version: plan.version, issuedOn: daysAgo(today, 300) });

  const dienBien = await contextFor(db, config, clock, 'dienbien.hoiphunu');
  const laoCai = await contextFor(db, config, clock, 'laocai.hoiphunu');
  const dienBienPlan = await cascadePlan(dienBien, plan.id);
  const laoCaiPlan = await cascadePlan(laoCai, plan.id);
  // Activities still running (their timeframe ends today or later) show "in progress" once recorded.
  const open = (list: Activity[]) => list.filter((a) => a.end === null || a.end >= today);
  const dienBienOpen = open(await activitiesOf(dienBien, dienBienPlan.id));
  const laoCaiOpen = open(await activitiesOf(laoCai, laoCaiPlan.id));
  const thai = await ethnicId(db, 'Thái');
  const mong = await ethnicId(db, 'Mông');
  const kinh = await ethnicId(db, 'Kinh');
  const dao = await ethnicId(db, 'Dao');

  const entry = await contextFor(db, config, clock, 'dienbien.nhaplieu');
  const records: [ServiceContext, RecordBody][] = [];
  if (dienBienOpen[0])
    records.push([
      entry,
      {
        planActivityId: dienBienOpen[0].id,
        type: 'training',
        title: 'Tập huấn kỹ năng truyền thông về bình đẳng giới cho Tổ truyền thông cộng đồng',
        startDate: daysAgo(today, 40),
        endDate: daysAgo(today, 39),
        place: { generation: 2025, code: '03334' },
        village: 'Bản Him Lam',
        participants: {
          mode: 'breakdown',
          rows: [
            { sex: 'female', ethnicGroupId: thai, targetGroup: 'community_member', ageBand: '31_60', count: 18 },
            { sex: 'female', ethnicGroupId: mong, targetGroup: 'union_member', ageBand: '16_30', count: 12 },
            { sex: 'male', ethnicGroupId: thai, targetGroup: 'village_elder', ageBand: 'over_60', count: 6 },
            { sex: 'male', ethnicGroupId: kinh, targetGroup: 'other_cadre', ageBand: '31_60', count: 4 },
          ],
        },
        costs: [{ fundingSource: 'ctmtqg', amount: '32500000' }],
      },
    ]);
  if (dienBienOpen[1])
    records.push([
      entry,
      {
        planActivityId: dienBienOpen[1].id,
        type: 'model_established',
        title: 'Thành lập Tổ truyền thông cộng đồng bản Na Sang',
        startDate: daysAgo(today, 25),
        place: { generation: 2025, code: '03334' },
        village: 'Bản Na Sang',
        outputs: { quantity: 1, unit: 'tổ' },
        model: {
          modelType: 'to_truyen_thong',
          leaderName: 'Lò Thị Xuân',
          members: [
            { sex: 'female', ethnicGroupId: thai, count: 9 },
            { sex: 'male', ethnicGroupId: thai, count: 3 },
          ],
        },
        costs: [{ fundingSource: 'ngan_sach_dia_phuong', amount: '8000000' }],
      },
    ]);
  if (laoCaiOpen[0])
    records.push([
      laoCai,
      {
        planActivityId: laoCaiOpen[0].id,
        type: 'communication_event',
        title: 'Truyền thông lưu động phòng, chống tảo hôn và hôn nhân cận huyết thống',
        startDate: daysAgo(today, 18),
        place: { generation: 2025, code: '02647' },
        outputs: { quantity: 1, language: 'dan_toc', ethnicLanguage: dao },
        participants: { mode: 'totals_only', totalParticipants: 220, femaleParticipants: 140 },
        costs: [{ fundingSource: 'ctmtqg', amount: '15000000' }],
      },
    ]);
  // The central agencies' own work: a programme in an ethnic language on national television.
  const centralOpen = open(await activitiesOf(women, plan.id));
  if (centralOpen[0])
    records.push([
      women,
      {
        planActivityId: centralOpen[0].id,
        type: 'broadcast',
        title: 'Chương trình truyền hình tiếng Mông về phòng, chống tảo hôn',
        startDate: daysAgo(today, 30),
        outputs: {
          quantity: 2,
          language: 'dan_toc',
          ethnicLanguage: mong,
          broadcaster: 'Đài Truyền hình Việt Nam (VTV5)',
        },
        costs: [{ fundingSource: 'ngan_sach_trung_uong', amount: '45000000' }],
      },
    ]);
  for (const [ctx, body] of records) await createRecord(ctx, body);

  // This year's targets, so the dashboard and the pivot show achievement against them.
  await setTargets(women, {
    items: [
      { indicator: 'TT01', year, province: null, target: 5000 },
      { indicator: 'TT01', year, province: '15', target: 800 },
      { indicator: 'TT02', year, province: null, target: 40 },
      { indicator: 'TT02', year, province: '11', target: 6 },
      { indicator: 'NL02', year, province: null, target: 600 },
      { indicator: 'NL02', year, province: '11', target: 120 },
    ],
  });

  // The Women's Union of Điện Biên marks complete the recorded activity it leads.
  const led = dienBienOpen.slice(0, 2).find((a) => a.leadAgencyId === dienBien.actor.agencyId);
  if (led) await completeActivity(dienBien, led.id, { note: 'Đã tổ chức đủ các hoạt động theo kế hoạch' });
  return plan.id;
}
