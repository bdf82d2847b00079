// The pivot page's whole view in the address bar: the same parameter names as GET /api/pivot (so
// the export links are the page's own query), plus `targets` for showing targets. Pure.
import { PIVOT_DIMENSIONS, isPivotDimension, type PivotDimension } from '../../../shared/analytics';

export const FILTER_PARAMS = [
  'indicator',
  'province',
  'commune',
  'period',
  'year',
  'sex',
  'ethnic_group',
  'target_group',
  'age_band',
  'agency',
  'plan',
  'geography',
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export interface PivotView {
  rows: PivotDimension[];
  cols: PivotDimension[];
  filters: Partial<Record<FilterParam, string>>;
  showTargets: boolean;
}

export const DEFAULT_VIEW: PivotView = { rows: ['indicator'], cols: ['year'], filters: {}, showTargets: false };

function dims(value: string | null): PivotDimension[] {
  if (value === null) return [];
  const out: PivotDimension[] = [];
  for (const part of value.split(',')) if (isPivotDimension(part) && !out.includes(part)) out.push(part);
  return out;
}

/** The view a URL describes; a URL with neither rows nor columns gets the default view. */
export function readView(params: URLSearchParams): PivotView {
  const hasAxes = params.has('rows') || params.has('cols');
  const rows = hasAxes ? dims(params.get('rows')) : DEFAULT_VIEW.rows;
  const cols = (hasAxes ? dims(params.get('cols')) : DEFAULT_VIEW.cols).filter((d) => !rows.includes(d));
  const filters: PivotView['filters'] = {};
  for (const key of FILTER_PARAMS) {
    const value = params.get(key);
    if (value !== null && value !== '') filters[key] = value;
  }
  return { rows, cols, filters, showTargets: params.get('targets') === '1' };
}

/** The query of GET /api/pivot (and its exports) for a view. */
export function apiQuery(view: PivotView): Record<string, string> {
  const query: Record<string, string> = {};
  if (view.rows.length) query.rows = view.rows.join(',');
  if (view.cols.length) query.cols = view.cols.join(',');
  for (const key of FILTER_PARAMS) {
    const value = view.filters[key];
    if (value) query[key] = value;
  }
  return query;
}

/** The page's query string for a view: what the shareable URL carries. */
export function viewSearch(view: PivotView): string {
  const params = new URLSearchParams(apiQuery(view));
  if (!view.rows.length && !view.cols.length) params.set('rows', '');
  if (view.showTargets) params.set('targets', '1');
  return params.toString();
}

/** The dimensions not yet on either axis, in the usual order. */
export function freeDimensions(view: PivotView): PivotDimension[] {
  return PIVOT_DIMENSIONS.filter((d) => !view.rows.includes(d) && !view.cols.includes(d));
}

/** Puts a dimension on an axis (taking it off the other one). */
export function addDimension(view: PivotView, axis: 'rows' | 'cols', dim: PivotDimension): PivotView {
  const other = axis === 'rows' ? 'cols' : 'rows';
  return {
    ...view,
    [other]: view[other].filter((d) => d !== dim),
    [axis]: [...view[axis].filter((d) => d !== dim), dim],
  };
}

export function removeDimension(view: PivotView, dim: PivotDimension): PivotView {
  return { ...view, rows: view.rows.filter((d) => d !== dim), cols: view.cols.filter((d) => d !== dim) };
}

/** Whether the view needs exactly one indicator chosen (none on an axis). */
export function needsOneIndicator(view: PivotView): boolean {
  return !view.rows.includes('indicator') && !view.cols.includes('indicator');
}
