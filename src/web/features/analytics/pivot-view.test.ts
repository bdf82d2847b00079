import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, addDimension, apiQuery, readView, removeDimension, viewSearch } from './pivot-view';

describe('the pivot view in the address bar', () => {
  it('round-trips a whole view through the query string', () => {
    const view = {
      rows: ['province' as const, 'ethnic_group' as const],
      cols: ['sex' as const],
      filters: { indicator: 'TT01', year: '2026', geography: '2024' },
      showTargets: true,
    };
    const search = viewSearch(view);
    expect(search).toBe('rows=province%2Cethnic_group&cols=sex&indicator=TT01&year=2026&geography=2024&targets=1');
    expect(readView(new URLSearchParams(search))).toEqual(view);
  });

  it('gives the default view to an empty address, and keeps an explicitly empty one', () => {
    expect(readView(new URLSearchParams(''))).toEqual(DEFAULT_VIEW);
    const empty = { rows: [], cols: [], filters: { indicator: 'NL01' }, showTargets: false };
    expect(readView(new URLSearchParams(viewSearch(empty)))).toEqual(empty);
  });

  it('drops unknown and repeated dimensions, and a dimension on both axes stays in the rows', () => {
    const view = readView(new URLSearchParams('rows=province,colour,province&cols=province,year'));
    expect(view.rows).toEqual(['province']);
    expect(view.cols).toEqual(['year']);
  });

  it('moves a dimension between axes and sends only what the API reads', () => {
    let view = addDimension(DEFAULT_VIEW, 'rows', 'year');
    expect(view.rows).toEqual(['indicator', 'year']);
    expect(view.cols).toEqual([]);
    view = removeDimension(addDimension(view, 'cols', 'sex'), 'indicator');
    expect(apiQuery({ ...view, showTargets: true })).toEqual({ rows: 'year', cols: 'sex' });
  });
});
