// The centre's view of a plan's provinces, pure: filter by status and words, sort, and count.
import { compareVietnamese, foldVietnamese } from '../../../../shared/text';
import type { CascadeOverview } from '../plan-types';

export type ProvinceRow = CascadeOverview['provinces'][number];
export type Stage = ProvinceRow['stage'];
export const STAGES: readonly Stage[] = ['not_sent', 'derived', 'signed', 'issued'];
export const SORTS = ['name', 'stage', 'stageDesc', 'derivedAt', 'issuedOn'] as const;
export type Sort = (typeof SORTS)[number];

/** Words match a province's name without marks ("lao cai", "Đien" find "Lào Cai", "Điện Biên"). */
export function matchesWords(name: string, q: string): boolean {
  const words = foldVietnamese(q).split(/\s+/).filter(Boolean);
  const folded = foldVietnamese(name);
  return words.every((w) => folded.includes(w));
}

/** Newest first; rows without the date last, by name. */
const byDateDesc = (pick: (r: ProvinceRow) => string | null) => (a: ProvinceRow, b: ProvinceRow) => {
  const x = pick(a);
  const y = pick(b);
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? 1 : -1;
};

const COMPARE: Record<Sort, (a: ProvinceRow, b: ProvinceRow) => number> = {
  name: () => 0,
  stage: (a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage),
  stageDesc: (a, b) => STAGES.indexOf(b.stage) - STAGES.indexOf(a.stage),
  derivedAt: byDateDesc((r) => r.derivedAt),
  issuedOn: byDateDesc((r) => r.issuedOn),
};

export function viewRows(rows: readonly ProvinceRow[], filter: { stage: string; q: string; sort: Sort }) {
  return rows
    .filter((r) => (filter.stage === '' || r.stage === filter.stage) && matchesWords(r.name, filter.q))
    .sort((a, b) => COMPARE[filter.sort](a, b) || compareVietnamese(a.name, b.name));
}

export function stageCounts(rows: readonly ProvinceRow[]) {
  const at = (stages: Stage[]) => rows.filter((r) => stages.includes(r.stage)).length;
  return {
    total: rows.length,
    sent: at(['derived', 'signed', 'issued']),
    signed: at(['signed', 'issued']),
    issued: at(['issued']),
  };
}
