// The results framework: indicators (national, edited by central coordinators) and their targets per
// year and province. A change to how an indicator is computed re-derives its values in the same
// transaction, so pivots never mix the old and the new definition.
import type { ServiceContext } from '../../access/actor';
import { can } from '../../access/actor';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { inTransaction } from '../../db/transaction';
import type { Disaggregation, IndicatorSource } from '../../../shared/analytics';
import { insertAudit } from '../audit/audit.service';
import { RECORD_TYPES, TARGET_GROUPS } from '../../../shared/record-codes';
import { checkDefinition, checkDisaggregations, checkTimeAggregation } from './indicator-definition';
import * as repo from './indicators.repo';
import type {
  CreateIndicatorBody,
  IndicatorView,
  ListIndicatorsQuery,
  ListTargetsQuery,
  SetTargetsBody,
  TargetItem,
  TargetView,
  UpdateIndicatorBody,
} from './indicators.schemas';
import { rederiveIndicator } from './sync-values';
import { assertVersion } from '../../common/version';

function toView(ctx: ServiceContext, r: repo.IndicatorRow): IndicatorView {
  const editable = can(ctx.actor, 'plan:edit') && ctx.actor.nationalScope;
  return {
    id: r.indicator_id,
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    unit: r.unit,
    section: r.section_number,
    planId: r.plan_id,
    source: r.source,
    definition: r.definition as Record<string, unknown>,
    timeAggregation: r.time_aggregation,
    disaggregations: r.disaggregations as Disaggregation[],
    valueType: r.value_type,
    isKey: r.is_key,
    position: r.position,
    version: r.version,
    allowedActions: editable ? ['edit', 'set_targets'] : can(ctx.actor, 'plan:edit') ? ['set_targets'] : [],
  };
}

/** Indicator rows as stored (code, names, unit, section, key flag), for other modules' figures. */
export function indicatorRows(
  ctx: Pick<ServiceContext, 'db'>,
  filter: repo.IndicatorFilter = {},
): Promise<repo.IndicatorRow[]> {
  return repo.listIndicators(ctx.db, filter);
}

export async function listIndicators(ctx: ServiceContext, query: ListIndicatorsQuery): Promise<IndicatorView[]> {
  return (await repo.listIndicators(ctx.db, query)).map((r) => toView(ctx, r));
}

export async function getIndicator(ctx: ServiceContext, id: number): Promise<IndicatorView> {
  const row = await repo.findIndicator(ctx.db, id);
  if (!row) throw notFound('Chỉ số');
  return toView(ctx, row);
}

function assertNational(ctx: ServiceContext) {
  if (!ctx.actor.nationalScope)
    throw forbidden('Khung kết quả (chỉ số) do cấp trung ương quản lý; cấp tỉnh chỉ đặt chỉ tiêu của tỉnh mình');
}

async function resolve(ctx: ServiceContext, v: repo.IndicatorValues): Promise<repo.IndicatorValues> {
  const definition = checkDefinition(v.source, v.definition, {
    recordTypes: RECORD_TYPES,
    targetGroups: TARGET_GROUPS,
    modelTypes: await repo.modelTypeCodes(ctx.db),
  });
  checkTimeAggregation(v.source, v.time_aggregation);
  const disaggregations = checkDisaggregations(v.source, definition, v.disaggregations as Disaggregation[]);
  if (v.plan_id !== null) {
    const plan = await ctx.db.selectFrom('plan').select('plan_id').where('plan_id', '=', v.plan_id).executeTakeFirst();
    if (!plan) throw badRequest('planId', `Kế hoạch số ${v.plan_id} không tồn tại`);
  }
  return {
    ...v,
    definition,
    disaggregations,
    name_vi: v.name_vi.trim(),
    name_en: v.name_en.trim(),
    unit: v.unit.trim(),
  };
}

const auditShape = (v: IndicatorView) => {
  const { allowedActions: _a, ...rest } = v;
  return rest;
};

export async function createIndicator(ctx: ServiceContext, body: CreateIndicatorBody): Promise<IndicatorView> {
  assertNational(ctx);
  const id = await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    if (await repo.codeTaken(tx, body.code)) throw conflict(`Mã chỉ số "${body.code}" đã có`, 'code');
    const last = (await repo.listIndicators(tx)).at(-1)?.position ?? 0;
    const values = await resolve(txCtx, {
      code: body.code,
      name_vi: body.nameVi,
      name_en: body.nameEn,
      unit: body.unit,
      section_number: body.section ?? null,
      plan_id: body.planId ?? null,
      source: body.source,
      definition: body.definition,
      time_aggregation: body.timeAggregation,
      disaggregations: body.disaggregations ?? [],
      value_type: body.valueType ?? 'INTEGER_ZERO_OR_POSITIVE',
      is_key: body.isKey ?? false,
      position: body.position ?? last + 1,
    });
    const now = ctx.clock.now();
    const newId = await repo.insertIndicator(tx, values, now);
    await rederiveIndicator(tx, newId);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'create',
        entityType: 'indicator',
        entityId: newId,
        after: auditShape(await getIndicator(txCtx, newId)),
      },
      now,
      ctx.ip,
    );
    return newId;
  });
  return getIndicator(ctx, id);
}

export async function updateIndicator(
  ctx: ServiceContext,
  id: number,
  body: UpdateIndicatorBody,
): Promise<IndicatorView> {
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const before = await repo.findIndicator(tx, id, true);
    if (!before) throw notFound('Chỉ số');
    assertNational(ctx);
    assertVersion(before.version, body.version, 'Chỉ số đã được người khác sửa. Hãy tải lại rồi sửa lại.');
    const source: IndicatorSource = body.source ?? before.source;
    if (source !== before.source && before.source === 'aggregate' && (await repo.hasAggregateValues(tx, id)))
      throw conflict('Chỉ số đã có số liệu nhập trực tiếp: không đổi được nguồn dữ liệu', 'source');
    const values = await resolve(txCtx, {
      code: before.code,
      name_vi: body.nameVi ?? before.name_vi,
      name_en: body.nameEn ?? before.name_en,
      unit: body.unit ?? before.unit,
      section_number: body.section === undefined ? before.section_number : body.section,
      plan_id: body.planId === undefined ? before.plan_id : body.planId,
      source,
      definition: body.definition ?? (source === before.source ? before.definition : undefined),
      time_aggregation: body.timeAggregation ?? before.time_aggregation,
      disaggregations: body.disaggregations ?? (source === before.source ? before.disaggregations : []),
      value_type: body.valueType ?? before.value_type,
      is_key: body.isKey ?? before.is_key,
      position: body.position ?? before.position,
    });
    const breaking = await repo.valueBreakingType(tx, id, values.value_type);
    if (breaking !== undefined)
      throw conflict(
        `Chỉ số đã có giá trị ${breaking}, không hợp với kiểu giá trị ${values.value_type}: sửa số liệu trước`,
        'valueType',
      );
    const now = ctx.clock.now();
    if (!(await repo.updateIndicator(tx, id, body.version, values, now)))
      throw conflict('Chỉ số đã được người khác sửa. Hãy tải lại rồi sửa lại.', 'version');
    const computation = (
      r: Pick<repo.IndicatorValues, 'source' | 'definition' | 'time_aggregation' | 'disaggregations'>,
    ) => JSON.stringify([r.source, r.definition, r.time_aggregation, [...r.disaggregations].sort()]);
    if (computation(before) !== computation(values)) await rederiveIndicator(tx, id);
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'update',
        entityType: 'indicator',
        entityId: id,
        before: auditShape(toView(ctx, before)),
        after: auditShape(await getIndicator(txCtx, id)),
      },
      now,
      ctx.ip,
    );
  });
  return getIndicator(ctx, id);
}

// ——— Targets ———

function toTargetView(r: Awaited<ReturnType<typeof repo.listTargets>>[number]): TargetView {
  return {
    indicator: r.code,
    indicatorId: r.indicator_id,
    year: r.year,
    province: r.province_code,
    target: Number(r.target),
  };
}

export async function listTargets(ctx: ServiceContext, query: ListTargetsQuery): Promise<TargetView[]> {
  let indicatorIds: number[] | undefined;
  if (query.indicator) {
    const found = await repo.listIndicators(ctx.db, { codes: [query.indicator] });
    if (found.length === 0) throw notFound('Chỉ số');
    indicatorIds = found.map((i) => i.indicator_id);
  }
  const rows = await repo.listTargets(ctx.db, ctx.actor, {
    indicatorIds,
    year: query.year,
    province: query.province === 'national' ? null : query.province,
  });
  return rows.map(toTargetView);
}

export interface TargetProblem {
  index: number;
  field: string;
  message: string;
  /** Outside the caller's scope (403), rather than bad input (400). */
  outOfScope?: boolean;
}

/** Checks target items; returns the resolved ones and the problems (by item index). */
export async function checkTargets(ctx: ServiceContext, items: TargetItem[]) {
  const indicators = new Map((await repo.listIndicators(ctx.db)).map((i) => [i.code, i.indicator_id]));
  const provinces = await repo.existingProvinces(
    ctx.db,
    items.flatMap((i) => (i.province ? [i.province] : [])),
  );
  const problems: TargetProblem[] = [];
  const ok: { indicatorId: number; year: number; province: string | null; target: string | null }[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const problem = (field: string, message: string, outOfScope = false) =>
      problems.push({ index, field, message, outOfScope });
    const indicatorId = indicators.get(item.indicator);
    if (indicatorId === undefined) return problem('indicator', `Không có chỉ số mã "${item.indicator}"`);
    if (item.province !== null && !provinces.has(item.province))
      return problem('province', `Mã tỉnh "${item.province}" không có (đơn vị hành chính từ 1/7/2025)`);
    if (item.province === null && !ctx.actor.nationalScope)
      return problem('province', 'Chỉ tiêu toàn quốc do cấp trung ương đặt', true);
    if (item.province !== null && !ctx.actor.nationalScope && !ctx.actor.provinces.includes(item.province))
      return problem('province', 'Tỉnh này nằm ngoài phạm vi của bạn', true);
    const key = `${indicatorId}|${item.year}|${item.province ?? ''}`;
    if (seen.has(key)) return problem('indicator', 'Chỉ tiêu này được nhập hai lần (cùng chỉ số, năm, tỉnh)');
    seen.add(key);
    ok.push({
      indicatorId,
      year: item.year,
      province: item.province,
      target: item.target === null ? null : String(item.target),
    });
  });
  return { ok, problems };
}

export async function applyTargets(ctx: ServiceContext, items: Awaited<ReturnType<typeof checkTargets>>['ok']) {
  const now = ctx.clock.now();
  for (const item of items) await repo.setTarget(ctx.db, item, ctx.actor.userId, now);
  await insertAudit(
    ctx.db,
    ctx.actor,
    {
      action: 'set_targets',
      entityType: 'indicator_target',
      entityId: null,
      provinceCode: items.length === 1 ? items[0]!.province : null,
      after: items,
    },
    now,
    ctx.ip,
  );
}

export async function setTargets(ctx: ServiceContext, body: SetTargetsBody): Promise<TargetView[]> {
  await inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const { ok, problems } = await checkTargets(txCtx, body.items);
    const first = problems[0];
    if (first) {
      const field = `items.${first.index}.${first.field}`;
      if (first.outOfScope) throw forbidden(first.message);
      throw badRequest(field, first.message);
    }
    await applyTargets(txCtx, ok);
  });
  const years = [...new Set(body.items.map((i) => i.year))];
  const all = await listTargets(ctx, {});
  const codes = new Set(body.items.map((i) => i.indicator));
  return all.filter((t) => codes.has(t.indicator) && years.includes(t.year));
}
