// Plans made from plans: next year's draft (roll-forward) and a province's plan derived from an
// issued central plan (cascade), each activity linked to the central one it implements.
import type { ServiceContext } from '../../access/actor';
import { inProvinceScope } from '../../access/actor';
import { mayCascade, planActions, refusal, sendRefusal } from '../../access/policies/plan.policy';
import { badRequest, conflict, forbidden } from '../../http/errors';
import { shiftPeriodYears } from '../../../shared/period';
import type { Timeframe } from '../../../shared/plan-document';
import type { PlanContent as StoredContent } from '../../../shared/plan';
import type { Queryable } from '../../db/database';
import * as repo from './plans.repo';
import { newKey } from './plan-content';
import { getPlan, insertNewPlan, loadPlan } from './plans.service';
import type { CascadeStage, PlanView } from './plans.schemas';
import { unitInSentence } from '../../../shared/text';
import { provinceNames } from '../reference/reference.service';
import { provincialCoordinators } from '../users/users.service';
import { notify, type NewNotification } from '../notifications/notifications.service';
import { newTransaction } from '../../db/transaction';
import { today as todayOf } from '../../common/today';
import { namesAsOf } from './plan-content';
import { agencyRenamer, describeChanges, renameContent } from './plan-renames.service';

const shift = (tf: Timeframe | null, years: number): Timeframe | null =>
  tf ? { start: shiftPeriodYears(tf.start, years), end: shiftPeriodYears(tf.end, years) } : null;

/** Replaces the plan's year in running text ("năm 2022" → "năm 2023"). */
const reyear = (text: string, from: number, to: number) => text.replace(new RegExp(`\\b${from}\\b`, 'g'), String(to));

export function rollContent(content: StoredContent, from: number, to: number): StoredContent {
  const years = to - from;
  const t = (s: string) => reyear(s, from, to);
  return {
    ...content,
    number: '',
    issuedOn: null,
    title: t(content.title),
    preamble: t(content.preamble),
    purposes: content.purposes.map(t),
    requirements: content.requirements.map(t),
    sections: content.sections.map((s) => ({
      ...s,
      title: t(s.title),
      description: t(s.description),
      timeframe: shift(s.timeframe, years),
      activities: s.activities.map((a) => ({ ...a, title: t(a.title), timeframe: shift(a.timeframe, years) })),
    })),
    responsibilities: content.responsibilities.map((r) => ({ ...r, tasks: r.tasks.map(t) })),
    funding: { ...content.funding, text: t(content.funding.text) },
    // The blocks stay; who signs next year is not known yet.
    signatures: content.signatures.map((s) => ({ ...s, signer: '' })),
  };
}

/**
 * The agency that carries on an agency at a date: a provincial branch of the pre-2025 generation
 * becomes the branch of the same parent in the province its province merged into.
 */
async function successorAgencies(db: Queryable, agencyIds: number[], year: number): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  if (year < 2026 || agencyIds.length === 0) return map;
  const rows = await db
    .selectFrom('agency as old')
    .innerJoin('admin_unit_lineage as l', (j) =>
      j.onRef('l.old_code', '=', 'old.province_code').on('l.level', '=', 'province'),
    )
    .innerJoin('agency as new', (j) =>
      j
        .onRef('new.parent_agency_id', '=', 'old.parent_agency_id')
        .onRef('new.province_code', '=', 'l.new_code')
        .on('new.generation', '=', 2025),
    )
    .select(['old.agency_id as old_id', 'new.agency_id as new_id'])
    .where('old.agency_id', 'in', agencyIds)
    .where('old.generation', '=', 2024)
    .orderBy('old.agency_id')
    .execute();
  for (const r of rows) map.set(r.old_id, r.new_id);
  return map;
}

/** The provincial branches of the generation before the 2025 reform (their successors rename them). */
async function branchIds(db: Queryable): Promise<number[]> {
  const rows = await db
    .selectFrom('agency')
    .select('agency_id')
    .where('generation', '=', 2024)
    .orderBy('agency_id')
    .execute();
  return rows.map((r) => r.agency_id);
}

function remapAgencies(content: StoredContent, map: Map<number, number>): StoredContent {
  const m = (id: number | null) => (id === null ? null : (map.get(id) ?? id));
  return {
    ...content,
    sections: content.sections.map((s) => ({
      ...s,
      activities: s.activities.map((a) => ({
        ...a,
        leadAgencyId: m(a.leadAgencyId),
        partnerAgencyIds: a.partnerAgencyIds.map((id) => m(id)!),
      })),
    })),
    responsibilities: content.responsibilities.map((r) => ({ ...r, agencyId: m(r.agencyId) })),
    signatures: content.signatures.map((s) => ({ ...s, agencyId: m(s.agencyId) })),
  };
}

/** Next year's content of a plan: years moved, agencies named as at the new date, and what was renamed. */
async function rolledContent(ctx: ServiceContext, row: repo.PlanRow, year: number) {
  if (year <= row.year) throw badRequest('year', 'Năm mới phải sau năm của kế hoạch');
  const successors = await successorAgencies(ctx.db, await branchIds(ctx.db), year);
  // The text names each agency as it is called at the new plan's date (renames, merged provinces).
  const today = todayOf(ctx);
  const renamer = await agencyRenamer(
    ctx.db,
    namesAsOf(row.content, row.year, today),
    namesAsOf({ ...row.content, issuedOn: null }, year, today),
    successors,
  );
  const renamed = renameContent(rollContent(row.content, row.year, year), renamer);
  return { content: remapAgencies(renamed.content, successors), changes: renamed.changes, successors };
}

export async function rollForward(ctx: ServiceContext, planId: number, targetYear?: number): Promise<PlanView> {
  const newId = await newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const { row, issuers, facts } = await loadPlan(txCtx, planId);
    if (!planActions(ctx.actor, facts).includes('roll_forward')) throw conflict(refusal('roll_forward', facts));
    const year = targetYear ?? row.year + 1;
    const { content, changes, successors } = await rolledContent(txCtx, row, year);
    const note = `Chuyển tiếp từ kế hoạch năm ${row.year}`;
    return insertNewPlan(txCtx, {
      kind: row.kind,
      year,
      provinceCode: row.province_code,
      issuerIds: issuers.map((i) => successors.get(i.agency_id) ?? i.agency_id),
      content,
      parentPlanId: null,
      previousPlanId: row.plan_id,
      note: changes.length ? `${note}. Tên cơ quan, chức danh theo danh mục: ${describeChanges(changes)}` : note,
      action: 'roll_forward',
      audit: { renames: changes },
    });
  });
  return getPlan(ctx, newId);
}

/** What a roll-forward to `year` would rename, before it is made (the dialog shows it). */
export async function rollForwardPreview(ctx: ServiceContext, planId: number, year: number) {
  const { row, facts } = await loadPlan(ctx, planId);
  if (!planActions(ctx.actor, facts).includes('roll_forward')) throw conflict(refusal('roll_forward', facts));
  const { changes } = await rolledContent(ctx, row, year);
  return { year, changes };
}

function agencyIdsOf(content: StoredContent): number[] {
  return content.sections.flatMap((s) =>
    s.activities.flatMap((a) => [...(a.leadAgencyId ? [a.leadAgencyId] : []), ...a.partnerAgencyIds]),
  );
}

/** The provincial branches (current generation) of the given central agencies in a province. */
async function branchesIn(db: Queryable, centralIds: number[], provinceCode: string): Promise<Map<number, number>> {
  if (centralIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('agency')
    .select(['agency_id', 'parent_agency_id'])
    .where('parent_agency_id', 'in', centralIds)
    .where('generation', '=', 2025)
    .where('province_code', '=', provinceCode)
    .orderBy('agency_id')
    .execute();
  return new Map(rows.map((r) => [r.parent_agency_id!, r.agency_id]));
}

export async function cascadePlan(ctx: ServiceContext, planId: number, provinceCode?: string): Promise<PlanView> {
  if (!mayCascade(ctx.actor))
    throw forbidden('Chỉ điều phối viên cấp tỉnh xây dựng kế hoạch của tỉnh từ kế hoạch trung ương');
  const province = provinceCode ?? ctx.actor.provinces[0]!;
  if (!inProvinceScope(ctx.actor, province)) throw forbidden('Tỉnh này nằm ngoài phạm vi của bạn');
  const newId = await newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const central = await loadPlan(txCtx, planId, true);
    if (!planActions(ctx.actor, central.facts).includes('cascade')) throw conflict(refusal('cascade', central.facts));
    const existing = await derivedPlanOf(txCtx, planId, province);
    if (existing !== null)
      throw conflict(`Tỉnh đã có kế hoạch triển khai kế hoạch này (số ${existing})`, 'provinceCode');
    return deriveForProvince(txCtx, central, province, { ownAgency: ctx.actor.agencyId, action: 'cascade' });
  });
  return getPlan(ctx, newId);
}

type CentralPlan = Awaited<ReturnType<typeof loadPlan>>;

/** The plan a province has derived from a central plan, if any (at most one: the central row is locked first). */
async function derivedPlanOf(ctx: ServiceContext, planId: number, province: string): Promise<number | null> {
  const existing = await repo.listPlans(ctx.db, ctx.actor, { parent: planId, province, limit: 1, offset: 0 });
  return existing.rows[0]?.plan_id ?? null;
}

/**
 * A province's draft derived from an issued central plan, in the caller's transaction: the one
 * path for a province deriving its own plan and for the centre sending the plan down. Its issuers
 * are the provincial branches of the central issuers; `ownAgency` (the deriving coordinator's) is
 * added when missing, `fallbackAgency` (a coordinator's of the province) used only when no branch exists.
 */
async function deriveForProvince(
  ctx: ServiceContext,
  { row, issuers }: CentralPlan,
  province: string,
  how: { ownAgency?: number; fallbackAgency?: number; action: 'cascade' | 'send_to_province' },
): Promise<number> {
  const tx = ctx.db;
  const centralIds = issuers.map((i) => i.agency_id);
  const branches = await branchesIn(tx, [...new Set([...centralIds, ...agencyIdsOf(row.content)])], province);
  const issuerIds = [
    ...new Set(centralIds.map((id) => branches.get(id)).filter((id): id is number => id !== undefined)),
  ];
  if (how.ownAgency !== undefined && !issuerIds.includes(how.ownAgency)) issuerIds.unshift(how.ownAgency);
  if (issuerIds.length === 0 && how.fallbackAgency !== undefined) issuerIds.push(how.fallbackAgency);
  const provinceName = (await provinceNames(tx, [province])).get(province) ?? province;
  if (issuerIds.length === 0)
    throw conflict(
      `${provinceName} chưa có cơ quan nào của các cơ quan ban hành, cũng chưa có điều phối viên: chưa gửi được`,
      'provinceCodes',
    );
  // Every 2025 province has its full name ("Tỉnh Lào Cai", "Thành phố Hà Nội"); never a generic "tỉnh, thành phố".
  const fullName = (await provinceNames(tx, [province], true)).get(province) ?? provinceName;
  const content = localise(row.content, branches, provinceName, fullName);
  return insertNewPlan(ctx, {
    kind: 'provincial',
    year: row.year,
    provinceCode: province,
    issuerIds,
    content,
    parentPlanId: row.plan_id,
    note:
      how.action === 'send_to_province'
        ? `Trung ương gửi xuống từ kế hoạch ${row.number || `#${row.plan_id}`}`
        : `Xây dựng từ kế hoạch trung ương ${row.number || `#${row.plan_id}`}`,
    action: how.action,
    audit: { centralPlanId: row.plan_id },
  });
}

export interface SentToProvinces {
  created: { provinceCode: string; planId: number }[];
  existing: { provinceCode: string; planId: number }[];
}

/**
 * The centre sends an issued central plan to provinces: one derived draft per province that has
 * none yet (sending again creates nothing more), its audit entry, and a notification to each of
 * the province's coordinators linking to the draft — all in one transaction.
 */
export async function sendToProvinces(
  ctx: ServiceContext,
  planId: number,
  provinceCodes: string[],
): Promise<SentToProvinces> {
  return newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    // The lock makes two sends at once derive each province once.
    const central = await loadPlan(txCtx, planId, true);
    const refused = sendRefusal(ctx.actor, central.facts);
    if (refused) throw refused.status === 403 ? forbidden(refused.message) : conflict(refused.message);
    const codes = [...new Set(provinceCodes)].sort();
    const names = await provinceNames(tx, codes, true);
    const unknown = codes.filter((c) => !names.has(c));
    if (unknown.length > 0)
      throw badRequest('provinceCodes', `Không có tỉnh, thành phố hiện hành nào mang mã ${unknown.join(', ')}`);
    const coordinators = await provincialCoordinators(tx, codes);
    const result: SentToProvinces = { created: [], existing: [] };
    const notifications: NewNotification[] = [];
    const what = central.row.number ? `số ${central.row.number}` : `"${central.row.title}"`;
    for (const code of codes) {
      const existing = await derivedPlanOf(txCtx, planId, code);
      if (existing !== null) {
        result.existing.push({ provinceCode: code, planId: existing });
        continue;
      }
      const mine = coordinators.filter((c) => c.province_code === code);
      const newId = await deriveForProvince(txCtx, central, code, {
        fallbackAgency: mine[0]?.agency_id,
        action: 'send_to_province',
      });
      result.created.push({ provinceCode: code, planId: newId });
      const place = names.get(code)!;
      notifications.push(
        ...mine.map((c) => ({
          user_id: c.user_id,
          kind: 'plan_sent',
          title: `Trung ương gửi kế hoạch ${what} xuống ${place.charAt(0).toLocaleLowerCase('vi') + place.slice(1)}`,
          body: 'Dự thảo kế hoạch của tỉnh đã được tạo từ kế hoạch trung ương: đề nghị hoàn thiện, trình ký và ban hành.',
          link: `/plans/${newId}`,
        })),
      );
    }
    await notify(tx, notifications, ctx.clock.now());
    return result;
  });
}

/** `fullName`: the province with its own type ("Tỉnh Lào Cai", "Thành phố Hà Nội"), as the title says it. */
function localise(
  content: StoredContent,
  branches: Map<number, number>,
  provinceName: string,
  fullName: string,
): StoredContent {
  const m = (id: number | null) => (id === null ? null : (branches.get(id) ?? id));
  return {
    ...content,
    number: '',
    issuedOn: null,
    place: provinceName,
    title: `${content.title} tại ${unitInSentence(fullName)}`,
    sections: content.sections.map((s) => ({
      ...s,
      key: newKey(),
      activities: s.activities.map((a) => ({
        ...a,
        key: newKey(),
        centralActivityKey: a.key,
        level: 'provincial' as const,
        leadAgencyId: m(a.leadAgencyId),
        partnerAgencyIds: a.partnerAgencyIds.map((id) => m(id)!),
      })),
    })),
    responsibilities: content.responsibilities.map((r) => ({ ...r, agencyId: m(r.agencyId) })),
    signatures: [],
    recipients: [],
  };
}

/** A derived plan's status as the centre follows it: derived (a draft, under review), signed, issued. */
const STAGE = {
  draft: 'derived',
  under_review: 'derived',
  signed: 'signed',
  issued: 'issued',
  closed: 'issued',
} as const satisfies Record<repo.PlanRow['status'], CascadeStage>;

export async function cascadeOverview(ctx: ServiceContext, planId: number) {
  const { row } = await loadPlan(ctx, planId);
  const { plans, coverage } = await repo.cascadeStatus(ctx.db, planId);
  const provinces = await ctx.db
    .selectFrom('admin_unit')
    .select(['code', 'name'])
    .where('generation', '=', 2025)
    .where('level', '=', 'province')
    .orderBy('code')
    .execute();
  const byProvince = new Map(plans.map((p) => [p.province_code, p]));
  const counts = new Map(coverage.map((c) => [c.activity_key, Number(c.provinces)]));
  return {
    provinces: provinces
      .filter((p) => inProvinceScope(ctx.actor, p.code))
      .map((p) => {
        const plan = byProvince.get(p.code);
        return {
          code: p.code,
          name: p.name,
          planId: plan?.plan_id ?? null,
          status: plan?.status ?? null,
          stage: plan ? STAGE[plan.status] : ('not_sent' as const),
          derivedAt: plan ? new Date(plan.created_at).toISOString() : null,
          derivedBy: plan?.created_by_name ?? null,
          sentByCentre: plan?.created_by_centre ?? false,
          signedAt:
            plan?.signed_at && plan.status !== 'draft' && plan.status !== 'under_review'
              ? new Date(plan.signed_at).toISOString()
              : null,
          issuedOn: plan?.issued_on ?? null,
          number: plan?.number ?? '',
        };
      }),
    activities: row.content.sections.flatMap((s) =>
      s.activities.map((a, i) => ({
        key: a.key,
        number: `${s.number}.${i + 1}`,
        title: a.title,
        provinces: counts.get(a.key) ?? 0,
      })),
    ),
  };
}
