// The year-end review (sơ kết) of a plan's year: results per content area and activity against the
// plan, indicators against targets and per province (the live pivot, so the figures match it), and
// the difficulties and proposals of the approved provincial reports of the year. The .docx and
// .xlsx are built from this one view.
import type { ServiceContext } from '../../access/actor';
import { pivot } from '../analytics/pivot.service';
import { indicatorRows } from '../analytics/indicators.service';
import { activitiesOf } from '../records/activities.service';
import { getPlan } from '../plans/plans.service';
import { agencyMap, provinceNames } from '../reference/reference.service';
import * as repo from './reports.repo';
import type { ReviewView } from './reports.schemas';

export interface Review extends ReviewView {
  issuers: { id: number; name: string }[];
  place: string;
  signatures: { authority: string; position: string; signer: string }[];
}

async function indicatorTable(ctx: ServiceContext, year: number): Promise<ReviewView['indicators']> {
  const result = await pivot(ctx, { rows: 'indicator', year: String(year) });
  const meta = new Map(result.meta.indicators.map((i) => [i.code, i]));
  return result.rows.map((row, i) => ({
    code: row.key[0]!,
    name: meta.get(row.key[0]!)?.nameVi ?? row.label[0] ?? row.key[0]!,
    unit: meta.get(row.key[0]!)?.unit ?? '',
    value: result.cells[i]?.[0] ?? null,
    target: result.targets?.cells[i]?.[0] ?? null,
    achievement: result.achievement?.cells[i]?.[0] ?? null,
  }));
}

/** Key indicators (all when none is marked key) down the columns, the provinces with data down the rows. */
async function provinceTable(ctx: ServiceContext, year: number) {
  const key = await indicatorRows(ctx, { key: true });
  const chosen = key.length ? key : await indicatorRows(ctx);
  if (chosen.length === 0) return { indicators: [], provinces: [] };
  const result = await pivot(ctx, {
    rows: 'province',
    cols: 'indicator',
    indicator: chosen.map((i) => i.code).join(','),
    year: String(year),
  });
  const columns = result.columns.map((c) => c.key[0]!);
  const names = await provinceNames(
    ctx.db,
    result.rows.map((r) => r.key[0]!).filter((c) => /^\d{2}$/.test(c)),
  );
  return {
    indicators: chosen.filter((i) => columns.includes(i.code)).map((i) => ({ code: i.code, name: i.name_vi })),
    provinces: result.rows
      .map((r, ri) => ({ code: r.key[0]!, ri }))
      .filter((r) => /^\d{2}$/.test(r.code))
      .map(({ code, ri }) => ({
        code,
        name: names.get(code) ?? code,
        values: chosen
          .filter((i) => columns.includes(i.code))
          .map((i) => result.cells[ri]?.[columns.indexOf(i.code)] ?? null),
      })),
  };
}

/** One text per reporting agency: its latest approved report of the year (the annual one when there is one). */
async function gathered(ctx: ServiceContext, year: number) {
  const rows = await repo.approvedProvincialReportsOfYear(ctx.db, year);
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.agency_id)) latest.set(r.agency_id, r);
  const chosen = [...latest.values()].filter(
    (r) => ctx.actor.nationalScope || ctx.actor.provinces.includes(r.province_code!),
  );
  const agencies = await agencyMap(
    ctx.db,
    chosen.map((r) => r.agency_id),
    `${year}-12-31`,
  );
  const from = (id: number) => agencies.get(id)?.shortName ?? String(id);
  return {
    difficulties: chosen
      .filter((r) => r.difficulties.trim())
      .map((r) => ({ from: from(r.agency_id), text: r.difficulties.trim() })),
    proposals: chosen
      .filter((r) => r.proposals.trim())
      .map((r) => ({ from: from(r.agency_id), text: r.proposals.trim() })),
  };
}

export async function planReview(ctx: ServiceContext, planId: number): Promise<Review> {
  const plan = await getPlan(ctx, planId);
  const items = await activitiesOf(ctx, { plan: planId });
  const sections: ReviewView['sections'] = [];
  for (const a of items) {
    let section = sections.find((s) => s.number === a.section.number);
    if (!section) {
      section = { number: a.section.number, title: a.section.title, activities: [] };
      sections.push(section);
    }
    section.activities.push({
      number: a.number,
      title: a.title,
      status: a.status,
      recordCount: a.recordCount,
      participants: a.participants,
      femaleParticipants: a.femaleParticipants,
    });
  }
  const indicators = await indicatorTable(ctx, plan.year);
  const table = await provinceTable(ctx, plan.year);
  const texts = await gathered(ctx, plan.year);
  return {
    plan: { id: plan.id, year: plan.year, number: plan.number, title: plan.title },
    issuers: plan.issuers.map((i) => ({ id: i.id, name: i.name })),
    place: plan.place,
    signatures: plan.signatures.map((x) => ({ authority: x.authority, position: x.position, signer: x.signer })),
    sections,
    indicators,
    provinceIndicators: table.indicators,
    provinces: table.provinces,
    ...texts,
    rollForward: { allowed: plan.allowedActions.includes('roll_forward'), path: `/api/plans/${plan.id}/roll-forward` },
  };
}
