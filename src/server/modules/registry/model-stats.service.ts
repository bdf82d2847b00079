// Registry statistics per province and type: models active at the end of the year (from the dated
// status history), their current members by sex, and the target with its achievement.
//  - 2025 geography: the 34 provinces, with their targets.
//  - 2024 geography: the 63 old provinces. A model counts in the old province its commune lay in;
//    a new commune formed from communes of several old provinces counts in each of them and the
//    rows are flagged `partial`. Targets are set on 2025 provinces, so old-province rows have none.
//  - overall: distinct models in scope (never the sum of partial rows); its target is the national
//    target when the actor has national scope and one is set, else the sum of provincial targets.
import type { ServiceContext } from '../../access/actor';
import * as repo from './model-stats.repo';
import { listTargets } from './model-targets.repo';
import type { StatCell, StatsQuery, StatsView } from './registry.schemas';

interface Tally {
  active: number;
  female: number;
  male: number;
}
const emptyTally = (): Tally => ({ active: 0, female: 0, male: 0 });

function add(tally: Tally, m: repo.ActiveModelRow): void {
  tally.active += 1;
  tally.female += m.female;
  tally.male += m.male;
}

export function achievement(active: number, target: number | null): number | null {
  if (target === null || target === 0) return null;
  return Math.round((active / target) * 1000) / 10;
}

function cell(t: Tally, target: number | null): StatCell {
  return {
    active: t.active,
    members: { female: t.female, male: t.male, total: t.female + t.male },
    target,
    achievementPct: achievement(t.active, target),
  };
}

export async function modelStats(ctx: ServiceContext, query: StatsQuery): Promise<StatsView> {
  const generation = query.generation ?? 2025;
  const asOf = `${query.year}-12-31`;
  const [types, provinces, models, targets] = await Promise.all([
    repo.modelTypes(ctx.db, query.type),
    repo.provincesOf(ctx.db, generation),
    repo.activeModelsOn(ctx.db, ctx.actor, { date: asOf, type: query.type, withOldProvinces: generation === 2024 }),
    listTargets(ctx.db, ctx.actor, query.year),
  ]);
  const inScope = (successors: string[]) =>
    ctx.actor.nationalScope || successors.some((code) => ctx.actor.provinces.includes(code));
  const shown = provinces.filter((p) => inScope(p.successors));

  // province → type → tally
  const tallies = new Map<string, Map<string, Tally>>();
  const partial = new Set<string>(shown.filter((p) => p.split).map((p) => p.code));
  const overall = new Map<string, Tally>();
  for (const m of models) {
    const places = generation === 2025 ? [m.province_code] : (m.old_provinces ?? []);
    if (places.length > 1) places.forEach((code) => partial.add(code));
    for (const code of places) {
      const byType = tallies.get(code) ?? new Map<string, Tally>();
      tallies.set(code, byType);
      const tally = byType.get(m.model_type) ?? emptyTally();
      byType.set(m.model_type, tally);
      add(tally, m);
    }
    const total = overall.get(m.model_type) ?? emptyTally();
    overall.set(m.model_type, total);
    add(total, m);
  }

  const targetOf = (province: string | null, type: string) =>
    targets.find((t) => t.province_code === province && t.model_type === type)?.target ?? null;
  const overallTarget = (type: string): number | null => {
    const national = ctx.actor.nationalScope ? targetOf(null, type) : null;
    if (national !== null) return national;
    const provincial = targets.filter((t) => t.province_code !== null && t.model_type === type);
    return provincial.length ? provincial.reduce((sum, t) => sum + t.target, 0) : null;
  };
  const sumTallies = (list: Tally[]) =>
    list.reduce(
      (acc, t) => ({ active: acc.active + t.active, female: acc.female + t.female, male: acc.male + t.male }),
      emptyTally(),
    );

  return {
    year: query.year,
    generation,
    asOf,
    types: types.map((t) => ({ code: t.code, name: t.name })),
    rows: shown.map((p) => {
      const byType = tallies.get(p.code) ?? new Map<string, Tally>();
      return {
        provinceCode: p.code,
        provinceName: p.full_name,
        partial: partial.has(p.code),
        byType: Object.fromEntries(
          types.map((t) => [
            t.code,
            cell(byType.get(t.code) ?? emptyTally(), generation === 2025 ? targetOf(p.code, t.code) : null),
          ]),
        ),
        allTypes: cell(sumTallies(types.map((t) => byType.get(t.code) ?? emptyTally())), null),
      };
    }),
    overall: {
      byType: Object.fromEntries(
        types.map((t) => [t.code, cell(overall.get(t.code) ?? emptyTally(), overallTarget(t.code))]),
      ),
      allTypes: cell(sumTallies(types.map((t) => overall.get(t.code) ?? emptyTally())), null),
    },
  };
}
