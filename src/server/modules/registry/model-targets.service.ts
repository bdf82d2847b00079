// Targets per model type, province (2025 generation; null = national) and year. National targets
// need national scope, provincial ones the province in scope. Readers see the national targets and
// those of their provinces.
import type { ServiceContext } from '../../access/actor';
import { inProvinceScope } from '../../access/actor';
import { badRequest, forbidden } from '../../http/errors';
import { insertAudit } from '../audit/audit.service';
import * as repo from './model-targets.repo';
import type { TargetsBody, TargetsView } from './registry.schemas';
import { newTransaction } from '../../db/transaction';

export async function getTargets(ctx: ServiceContext, year: number, province?: string): Promise<TargetsView> {
  const rows = await repo.listTargets(ctx.db, ctx.actor, year);
  return {
    year,
    items: rows
      .filter((r) => province === undefined || r.province_code === province)
      .map((r) => ({
        modelType: r.model_type,
        provinceCode: r.province_code,
        provinceName: r.province_name,
        target: r.target,
        updatedAt: new Date(r.updated_at).toISOString(),
      })),
  };
}

async function checkTargets(ctx: ServiceContext, body: TargetsBody): Promise<void> {
  const [types, provinces] = await Promise.all([repo.modelTypeCodes(ctx.db), repo.provinceCodes2025(ctx.db)]);
  const seen = new Set<string>();
  for (const [i, t] of body.targets.entries()) {
    if (!types.has(t.modelType)) {
      throw badRequest(`targets.${i}.modelType`, `Loại mô hình "${t.modelType}" không tồn tại`);
    }
    if (t.provinceCode !== null && !provinces.has(t.provinceCode)) {
      throw badRequest(`targets.${i}.provinceCode`, `Không có tỉnh/thành phố mã ${t.provinceCode} (từ 1/7/2025)`);
    }
    const key = `${t.modelType}:${t.provinceCode ?? ''}`;
    if (seen.has(key)) throw badRequest(`targets.${i}`, 'Mỗi loại mô hình và tỉnh chỉ ghi một chỉ tiêu');
    seen.add(key);
  }
}

function assertMaySet(ctx: ServiceContext, body: TargetsBody): void {
  for (const t of body.targets) {
    if (t.provinceCode === null && !ctx.actor.nationalScope) {
      throw forbidden('Chỉ tiêu toàn quốc do cấp trung ương đặt');
    }
    if (t.provinceCode !== null && !inProvinceScope(ctx.actor, t.provinceCode)) {
      throw forbidden(`Tỉnh/thành phố ${t.provinceCode} nằm ngoài phạm vi của bạn`);
    }
  }
}

export async function setTargets(ctx: ServiceContext, body: TargetsBody): Promise<TargetsView> {
  await checkTargets(ctx, body);
  assertMaySet(ctx, body);
  await newTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const before = await repo.listTargets(tx, ctx.actor, body.year);
    for (const t of body.targets) await repo.putTarget(tx, { ...t, year: body.year }, ctx.actor.userId, now);
    const touched = new Set(body.targets.map((t) => `${t.modelType}:${t.provinceCode ?? ''}`));
    const provinces = [...new Set(body.targets.map((t) => t.provinceCode))];
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'set_targets',
        entityType: 'model_target',
        entityId: body.year,
        provinceCode: provinces.length === 1 ? provinces[0] : null,
        before: before
          .filter((b) => touched.has(`${b.model_type}:${b.province_code ?? ''}`))
          .map((b) => ({ modelType: b.model_type, provinceCode: b.province_code, target: b.target })),
        after: body.targets,
      },
      now,
      ctx.ip,
    );
  });
  return getTargets(ctx, body.year);
}
