// Budgets: planned amounts per plan activity, province and funding source, entered by budget
// writers within their scope (the central level by national users only), and planned vs spent by
// content area (section), province, source and activity, with the share spent. All arithmetic is
// BigInt over digit strings: totals equal the records' costs to the đồng.
import type { ServiceContext } from '../../access/actor';
import { can, inProvinceScope } from '../../access/actor';
import { AGENCY_REFUSAL, inAgencyScope } from '../../access/policies/agency.policy';
import { AppError, badRequest, forbidden, notFound } from '../../http/errors';
import { insertAudit } from '../audit/audit.service';
import { provinceNames } from '../reference/reference.service';
import { fundingSourceRows } from '../records/records.service';
import { fileNamePart } from '../../../shared/text';
import { canonicalMoney, shareSpent, sumMoney } from './budget-math';
import { renderBudgetXlsx } from './budgets-xlsx';
import * as repo from './budgets.repo';
import type {
  BudgetLines,
  BudgetQuery,
  BudgetSummary,
  CellView,
  LinesQuery,
  PutLinesBody,
  PutPlanLinesBody,
} from './budgets.schemas';
import { newTransaction } from '../../db/transaction';

/** Budget writers plan the central level (no province) only with national scope. */
export function mayPlanBudget(ctx: ServiceContext, provinceCode: string | null): boolean {
  if (!can(ctx.actor, 'budget:write')) return false;
  return provinceCode === null ? ctx.actor.nationalScope : inProvinceScope(ctx.actor, provinceCode);
}

/**
 * A cell (activity × province) is planned by its owner agencies (`repo.cellOwners`: the lead agency
 * and its branch in the province) and the agencies above them: agency scope on writes.
 */
const mayPlanCell = (ctx: ServiceContext, provinceCode: string | null, owners: readonly number[]) =>
  mayPlanBudget(ctx, provinceCode) && inAgencyScope(ctx.actor, owners);

const activityNumber = (a: repo.ActivityInfo) => `${a.section_number}.${a.position + 1}`;

class Totals {
  planned = 0n;
  spent = 0n;
  view() {
    return {
      planned: this.planned.toString(),
      spent: this.spent.toString(),
      share: shareSpent(this.spent.toString(), this.planned.toString()),
    };
  }
}

function bucket<K>(map: Map<K, Totals>, key: K): Totals {
  let totals = map.get(key);
  if (!totals) map.set(key, (totals = new Totals()));
  return totals;
}

const provinceFilter = (province: string | undefined): string | null | undefined =>
  province === 'central' ? null : province;

export async function budgetSummary(ctx: ServiceContext, query: BudgetQuery): Promise<BudgetSummary> {
  const { planned, spent, recordCount } = await repo.plannedAndSpent(ctx.db, ctx.actor, {
    plan: query.plan,
    year: query.year,
    province: provinceFilter(query.province),
  });
  const sources = await fundingSourceRows(ctx.db);
  const activityIds = [...new Set([...planned, ...spent].map((r) => r.activity_id))];
  const activities = await repo.activityInfo(ctx.db, activityIds);
  const byId = new Map(activities.map((a) => [a.plan_activity_id, a]));
  const provinces = [...new Set([...planned, ...spent].flatMap((r) => (r.province_code ? [r.province_code] : [])))];
  const names = await provinceNames(ctx.db, provinces);

  const total = new Totals();
  const sections = new Map<string, Totals>();
  const byProvince = new Map<string | null, Totals>();
  const bySource = new Map<string, Totals>();
  const byActivity = new Map<number, Totals>();
  const activitySource = new Map<string, Totals>();
  const add = (rows: repo.AmountRow[], field: 'planned' | 'spent') => {
    for (const r of rows) {
      const amount = BigInt(r.amount);
      const activity = byId.get(r.activity_id);
      const section = activity ? `${activity.plan_id}|${activity.section_number}` : '?';
      for (const t of [
        total,
        bucket(sections, section),
        bucket(byProvince, r.province_code),
        bucket(bySource, r.funding_source_code),
        bucket(byActivity, r.activity_id),
        bucket(activitySource, `${r.activity_id}|${r.funding_source_code}`),
      ])
        t[field] += amount;
    }
  };
  add(planned, 'planned');
  add(spent, 'spent');

  const sectionRows: BudgetSummary['bySection'] = [];
  const seenSections = new Set<string>();
  for (const a of activities) {
    const key = `${a.plan_id}|${a.section_number}`;
    if (seenSections.has(key)) continue;
    seenSections.add(key);
    sectionRows.push({ number: a.section_number, title: a.section_title, ...sections.get(key)!.view() });
  }
  const provinceRows = [...byProvince.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
    .map(([code, t]) => ({ code, name: code === null ? 'Trung ương' : (names.get(code) ?? code), ...t.view() }));
  return {
    sources: sources.map((s) => ({ code: s.code, name: s.name_vi, nameEn: s.name_en })),
    total: total.view(),
    bySection: sectionRows,
    byProvince: provinceRows,
    bySource: sources
      .filter((s) => bySource.has(s.code))
      .map((s) => ({ code: s.code, name: s.name_vi, ...bySource.get(s.code)!.view() })),
    byActivity: activities.map((a) => ({
      id: a.plan_activity_id,
      number: activityNumber(a),
      title: a.title,
      sectionNumber: a.section_number,
      planId: a.plan_id,
      ...byActivity.get(a.plan_activity_id)!.view(),
      bySource: sources
        .filter((s) => activitySource.has(`${a.plan_activity_id}|${s.code}`))
        .map((s) => {
          const t = activitySource.get(`${a.plan_activity_id}|${s.code}`)!;
          return { code: s.code, planned: t.planned.toString(), spent: t.spent.toString() };
        }),
    })),
    recordCount,
    allowedActions: can(ctx.actor, 'budget:write') ? ['plan'] : [],
  };
}

/** The budget tables as .xlsx, titled with the plan's document number (or the year). */
export async function budgetExport(ctx: ServiceContext, query: BudgetQuery) {
  let scope = 'tất cả kế hoạch';
  let name = 'tat-ca';
  if (query.plan) {
    const plan = await repo.planOf(ctx.db, ctx.actor, query.plan);
    if (!plan) throw notFound('Kế hoạch');
    scope = plan.number ? `kế hoạch số ${plan.number}` : `kế hoạch "${plan.title}"`;
    const slug = fileNamePart(plan.number || plan.title).slice(0, 60);
    name = `ke-hoach-${slug || plan.plan_id}`;
  } else if (query.year) {
    scope = `năm ${query.year}`;
    name = String(query.year);
  }
  const summary = await budgetSummary(ctx, query);
  const title = `KINH PHÍ DỰ TOÁN VÀ ĐÃ CHI (${scope})`.toLocaleUpperCase('vi');
  return { buffer: await renderBudgetXlsx(summary, title), filename: `kinh-phi-${name}.xlsx` };
}

async function checkProvince(ctx: ServiceContext, code: string | null, field: string) {
  if (code !== null && !(await repo.provinceExists(ctx.db, code)))
    throw badRequest(field, `Không có tỉnh, thành phố mã ${code} (sau 1/7/2025)`);
}

export async function budgetLines(ctx: ServiceContext, query: LinesQuery): Promise<BudgetLines> {
  const provinceCode = query.province === 'central' ? null : query.province;
  if (provinceCode !== null && !inProvinceScope(ctx.actor, provinceCode)) throw notFound('Tỉnh, thành phố');
  await checkProvince(ctx, provinceCode, 'province');
  const plan = await repo.planOf(ctx.db, ctx.actor, query.plan);
  if (!plan) throw notFound('Kế hoạch');
  if (plan.kind === 'provincial' && provinceCode !== plan.province_code)
    throw badRequest('province', 'Kế hoạch của tỉnh chỉ lập dự toán cho chính tỉnh đó');
  const activities = await repo.planActivities(ctx.db, ctx.actor, query.plan);
  const ids = activities.map((a) => a.plan_activity_id);
  const lines = await repo.linesOf(ctx.db, ids, provinceCode);
  const owners = await repo.cellOwners(ctx.db, ids, provinceCode);
  const rows = activities.map((a) => {
    const amounts = lines
      .filter((l) => l.plan_activity_id === a.plan_activity_id)
      .map((l) => ({ fundingSource: l.funding_source_code, amount: l.amount }));
    return {
      id: a.plan_activity_id,
      number: activityNumber(a),
      title: a.title,
      sectionNumber: a.section_number,
      sectionTitle: a.section_title,
      amounts,
      total: sumMoney(amounts.map((x) => x.amount)),
      allowedActions: mayPlanCell(ctx, provinceCode, owners.get(a.plan_activity_id)!) ? ['plan' as const] : [],
    };
  });
  return {
    planId: query.plan,
    provinceCode,
    activities: rows,
    total: sumMoney(rows.map((r) => r.total)),
    editable: rows.some((r) => r.allowedActions.length > 0),
  };
}

type SourceAmounts = PutLinesBody['amounts'];

/** Checked amounts of one cell: known sources, each once, canonical digits; `field` names the list. */
function cellAmounts(amounts: SourceAmounts, sources: Set<string>, field: string) {
  const seen = new Set<string>();
  return amounts.map((a, i) => {
    if (!sources.has(a.fundingSource))
      throw badRequest(`${field}.${i}.fundingSource`, `Nguồn kinh phí "${a.fundingSource}" không có trong danh mục`);
    if (seen.has(a.fundingSource))
      throw badRequest(`${field}.${i}.fundingSource`, `Nguồn kinh phí "${a.fundingSource}" được nhập hai lần`);
    seen.add(a.fundingSource);
    return { code: a.fundingSource, amount: canonicalMoney(a.amount) };
  });
}

function checkMayPlan(ctx: ServiceContext, provinceCode: string | null) {
  if (!mayPlanBudget(ctx, provinceCode))
    throw forbidden(
      provinceCode === null
        ? 'Chỉ người dùng phạm vi toàn quốc lập dự toán cấp trung ương'
        : 'Tỉnh, thành phố này nằm ngoài phạm vi của bạn',
    );
}

/** 403 when a cell of these activities belongs to another agency (`field`: the row refused). */
async function checkCellOwners(
  ctx: ServiceContext,
  activityIds: number[],
  provinceCode: string | null,
  field: (index: number) => string,
) {
  const owners = await repo.cellOwners(ctx.db, activityIds, provinceCode);
  const refused = activityIds.findIndex((id) => !inAgencyScope(ctx.actor, owners.get(id)!));
  if (refused >= 0) throw new AppError(403, 'forbidden', AGENCY_REFUSAL, field(refused));
}

/** Replaces one cell's amounts and audits it; call inside the transaction. */
async function writeCell(
  ctx: ServiceContext,
  activityId: number,
  provinceCode: string | null,
  amounts: { code: string; amount: string }[],
): Promise<CellView> {
  const before = await repo.linesOf(ctx.db, [activityId], provinceCode);
  const now = ctx.clock.now();
  await repo.replaceCell(ctx.db, { activityId, provinceCode, amounts }, ctx.actor.userId, now);
  const after = await repo.linesOf(ctx.db, [activityId], provinceCode);
  const shape = (rows: typeof after) => rows.map((r) => ({ fundingSource: r.funding_source_code, amount: r.amount }));
  await insertAudit(
    ctx.db,
    ctx.actor,
    {
      action: 'plan_budget',
      entityType: 'plan_activity',
      entityId: activityId,
      provinceCode,
      before: { provinceCode, amounts: shape(before) },
      after: { provinceCode, amounts: shape(after) },
    },
    now,
    ctx.ip,
  );
  return {
    planActivityId: activityId,
    provinceCode,
    amounts: shape(after),
    total: sumMoney(after.map((r) => r.amount)),
  };
}

export async function putLines(ctx: ServiceContext, body: PutLinesBody): Promise<CellView> {
  const sources = new Set((await fundingSourceRows(ctx.db)).map((s) => s.code));
  const amounts = cellAmounts(body.amounts, sources, 'amounts');
  const provinceCode = body.provinceCode;
  await checkProvince(ctx, provinceCode, 'provinceCode');
  return newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const [activity] = await repo.activityInfo(tx, [body.planActivityId]);
    const plan = activity ? await repo.planOf(tx, ctx.actor, activity.plan_id) : undefined;
    if (!activity || !plan) throw notFound('Hoạt động');
    if (activity.plan_kind === 'provincial' && provinceCode !== activity.plan_province_code)
      throw badRequest('provinceCode', 'Hoạt động của kế hoạch tỉnh chỉ lập dự toán cho chính tỉnh đó');
    checkMayPlan(txCtx, provinceCode);
    await checkCellOwners(txCtx, [body.planActivityId], provinceCode, () => 'planActivityId');
    return writeCell(txCtx, body.planActivityId, provinceCode, amounts);
  });
}

/**
 * Saves the planned amounts of several activities of one plan, for one province (or the central
 * level), in one transaction: every row is checked before anything is written, so a bad row
 * leaves nothing changed and the 400 names that row's field.
 */
export async function putPlanLines(ctx: ServiceContext, planId: number, body: PutPlanLinesBody) {
  const sources = new Set((await fundingSourceRows(ctx.db)).map((s) => s.code));
  const seen = new Set<number>();
  const rows = body.rows.map((r, i) => {
    if (seen.has(r.planActivityId))
      throw badRequest(`rows.${i}.planActivityId`, 'Hoạt động này có hai dòng trong cùng một lần ghi');
    seen.add(r.planActivityId);
    return { activityId: r.planActivityId, amounts: cellAmounts(r.amounts, sources, `rows.${i}.amounts`) };
  });
  const provinceCode = body.provinceCode;
  await checkProvince(ctx, provinceCode, 'provinceCode');
  return newTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const plan = await repo.planOf(tx, ctx.actor, planId);
    if (!plan) throw notFound('Kế hoạch');
    if (plan.kind === 'provincial' && provinceCode !== plan.province_code)
      throw badRequest('provinceCode', 'Kế hoạch của tỉnh chỉ lập dự toán cho chính tỉnh đó');
    checkMayPlan(txCtx, provinceCode);
    const activities = new Set((await repo.planActivities(tx, ctx.actor, planId)).map((a) => a.plan_activity_id));
    const stray = rows.findIndex((r) => !activities.has(r.activityId));
    if (stray >= 0) throw badRequest(`rows.${stray}.planActivityId`, 'Hoạt động không thuộc kế hoạch này');
    await checkCellOwners(
      txCtx,
      rows.map((r) => r.activityId),
      provinceCode,
      (i) => `rows.${i}.planActivityId`,
    );
    const cells: CellView[] = [];
    for (const r of rows) cells.push(await writeCell(txCtx, r.activityId, provinceCode, r.amounts));
    const lines = await repo.linesOf(tx, [...activities], provinceCode);
    return { planId, provinceCode, rows: cells, total: sumMoney(lines.map((l) => l.amount)) };
  });
}
