// Member keys of pivot dimensions: raw column values (rollups hold '' / 0 where the fact table
// holds NULL) turned into stable strings, and the order members are shown in. Pure.
// Special geography keys: '' central (no place); '>XX' values of 2025 province XX that the lineage
// cannot place in the asked unit (a split old commune, or a new unit formed from several old ones);
// '=XX' values recorded for province XX as a whole (no commune).
import type { PivotDimension } from '../../../shared/analytics';
import { AGE_BANDS, TARGET_GROUPS } from '../../../shared/record-codes';
import type { IndicatorMeta } from './pivot.query';

const blank = (v: unknown): boolean => v === null || v === undefined || v === '' || v === 0 || v === '0';

/** The member key of a dimension from the value pivot.repo selects for it. */
export function memberKey(dim: PivotDimension, raw: unknown, indicatorCode: (id: number) => string): string {
  switch (dim) {
    case 'indicator':
      return indicatorCode(Number(raw));
    case 'year':
    case 'month':
      return String(raw);
    case 'half':
      return `${Math.floor(Number(raw) / 10)}S${Number(raw) % 10}`;
    case 'quarter':
      return `${Math.floor(Number(raw) / 10)}Q${Number(raw) % 10}`;
    default:
      return blank(raw) ? '' : String(raw);
  }
}

export const isPartialKey = (dim: PivotDimension, key: string) =>
  (dim === 'province' || dim === 'commune') && key.startsWith('>');

function rank(dim: PivotDimension, key: string, indicators: Map<string, IndicatorMeta>): [number, number, string] {
  if (dim === 'indicator') return [0, indicators.get(key)?.position ?? 9999, key];
  if (dim === 'province' || dim === 'commune') {
    if (key === '') return [0, 0, ''];
    if (/^\d+$/.test(key)) return [1, 0, key];
    return [2, 0, `${key.slice(1)}${key[0]}`];
  }
  if (key === '') return [9, 0, ''];
  if (dim === 'sex') return [0, key === 'female' ? 0 : 1, key];
  if (dim === 'target_group') return [0, (TARGET_GROUPS as readonly string[]).indexOf(key), key];
  if (dim === 'age_band') return [0, (AGE_BANDS as readonly string[]).indexOf(key), key];
  if (dim === 'ethnic_group' || dim === 'agency' || dim === 'plan') return [0, Number(key), key];
  return [0, 0, key];
}

export function compareMembers(
  dims: PivotDimension[],
  indicators: Map<string, IndicatorMeta>,
): (a: string[], b: string[]) => number {
  return (a, b) => {
    for (let i = 0; i < dims.length; i++) {
      const ra = rank(dims[i]!, a[i]!, indicators);
      const rb = rank(dims[i]!, b[i]!, indicators);
      if (ra[0] !== rb[0]) return ra[0] - rb[0];
      if (ra[1] !== rb[1]) return ra[1] - rb[1];
      if (ra[2] !== rb[2]) return ra[2] < rb[2] ? -1 : 1;
    }
    return 0;
  };
}

export const SEP = '\u0001';
export const joinKey = (parts: string[]) => parts.join(SEP);
