// Pivot requests and the dashboard, all answered by the one pivot engine over live data.
import type { ServiceContext } from '../../access/actor';
import { monthOf } from '../../../shared/analytics';
import { indicatorMetas } from './indicators.repo';
import { runPivot, type PivotResult } from './pivot.engine';
import { parsePivotParams, type PivotParams } from './pivot.query';
import { vietnamDate } from '../../../shared/dates';

/** Today and this month as users in Vietnam count them: agency names and stock series end there. */
export function pivotToday(ctx: ServiceContext): { today: string; currentMonth: number } {
  const today = vietnamDate(ctx.clock.now());
  return { today, currentMonth: monthOf(today) };
}

export async function pivot(ctx: ServiceContext, params: PivotParams): Promise<PivotResult> {
  const spec = parsePivotParams(params, await indicatorMetas(ctx.db));
  return runPivot(ctx.db, ctx.actor, spec, pivotToday(ctx));
}
