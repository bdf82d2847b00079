// Vietnamese labels of pivot members: unit names in the asked generation, ethnic groups, agencies
// (their name at the date asked), plans, periods, and the code lists of records.
import type { Queryable } from '../../db/database';
import { periodLabel, type PivotDimension } from '../../../shared/analytics';
import { agencyMap } from '../reference/reference.service';
import { AGE_BAND_LABELS, SEX_LABELS, TARGET_GROUP_LABELS } from '../../../shared/record-codes';
import type { IndicatorMeta } from './pivot.query';

const NOT_DISAGGREGATED = 'Không phân tổ';
const CENTRAL = 'Trung ương (không gắn địa bàn)';

interface LabelContext {
  geography: 2024 | 2025;
  indicators: IndicatorMeta[];
  today: string;
}

async function unitNames(db: Queryable, generation: number, codes: string[], full: boolean) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('admin_unit')
    .select(['code', 'name', 'full_name'])
    .where('generation', '=', generation)
    .where('code', 'in', codes)
    .orderBy('code')
    .execute();
  return new Map(rows.map((r) => [r.code, full ? r.full_name : r.name]));
}

async function geographyLabels(db: Queryable, dim: 'province' | 'commune', keys: string[], ctx: LabelContext) {
  const plain = keys.filter((k) => /^\d+$/.test(k));
  const special = keys.filter((k) => k !== '' && !/^\d+$/.test(k));
  const [names, provinces2025] = await Promise.all([
    unitNames(db, ctx.geography, plain, dim === 'commune'),
    unitNames(
      db,
      2025,
      special.map((k) => k.slice(1)).filter((k) => k !== ''),
      false,
    ),
  ]);
  const out = new Map<string, string>();
  for (const k of plain) out.set(k, names.get(k) ?? k);
  for (const k of special) {
    const province = provinces2025.get(k.slice(1)) ?? CENTRAL;
    if (k.startsWith('=')) out.set(k, k === '=' ? CENTRAL : `${province} — cấp tỉnh, không gắn xã`);
    else if (dim === 'province') out.set(k, `${province} (từ 1/7/2025) — không quy được về tỉnh cũ`);
    else if (ctx.geography === 2025) out.set(k, `${province} — xã cũ bị chia tách, chưa quy được về xã mới`);
    else out.set(k, `${province} — không quy được về xã cũ`);
  }
  if (keys.includes('')) out.set('', CENTRAL);
  return out;
}

async function ethnicLabels(db: Queryable, keys: string[]) {
  const ids = keys.filter((k) => k !== '').map(Number);
  const rows = ids.length
    ? await db
        .selectFrom('ethnic_group')
        .select(['ethnic_group_id', 'name'])
        .where('ethnic_group_id', 'in', ids)
        .orderBy('ethnic_group_id')
        .execute()
    : [];
  return new Map<string, string>([
    ...rows.map((r): [string, string] => [String(r.ethnic_group_id), r.name]),
    ['', NOT_DISAGGREGATED],
  ]);
}

async function planLabels(db: Queryable, keys: string[]) {
  const ids = keys.filter((k) => k !== '').map(Number);
  const rows = ids.length
    ? await db
        .selectFrom('plan')
        .select(['plan_id', 'number', 'title', 'year'])
        .where('plan_id', 'in', ids)
        .orderBy('plan_id')
        .execute()
    : [];
  return new Map<string, string>([
    ...rows.map((r): [string, string] => [
      String(r.plan_id),
      r.number ? `${r.number} — ${r.title}` : `${r.title} (${r.year})`,
    ]),
    ['', 'Không gắn kế hoạch'],
  ]);
}

function fromList(keys: string[], labels: Record<string, string>) {
  return new Map(keys.map((k) => [k, k === '' ? NOT_DISAGGREGATED : (labels[k] ?? k)]));
}

export async function memberLabels(
  db: Queryable,
  dim: PivotDimension,
  keys: string[],
  ctx: LabelContext,
): Promise<Map<string, string>> {
  switch (dim) {
    case 'indicator': {
      const names = new Map(ctx.indicators.map((i) => [i.code, i.nameVi]));
      return new Map(keys.map((k) => [k, names.get(k) ?? k]));
    }
    case 'province':
    case 'commune':
      return geographyLabels(db, dim, keys, ctx);
    case 'year':
    case 'half':
    case 'quarter':
    case 'month':
      return new Map(keys.map((k) => [k, periodLabel(k)]));
    case 'sex':
      return fromList(keys, SEX_LABELS);
    case 'target_group':
      return fromList(keys, TARGET_GROUP_LABELS);
    case 'age_band':
      return fromList(keys, AGE_BAND_LABELS);
    case 'ethnic_group':
      return ethnicLabels(db, keys);
    case 'agency': {
      const agencies = await agencyMap(db, keys.filter((k) => k !== '').map(Number), ctx.today);
      return new Map(keys.map((k) => [k, k === '' ? 'Không xác định' : (agencies.get(Number(k))?.name ?? k)]));
    }
    case 'plan':
      return planLabels(db, keys);
  }
}
