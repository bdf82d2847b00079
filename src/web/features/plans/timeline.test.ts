import { describe, expect, it } from 'vitest';
import { barFor, quarterSpan, timelineColumns, yearGroups } from './timeline';

describe('plan timeline', () => {
  it('shows the four quarters of the plan year when every timeframe lies inside it', () => {
    const columns = timelineColumns(2022, [{ start: '2022-Q2', end: '2022-Q4' }, null]);
    expect(columns.map((c) => c.ref)).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']);
    expect(columns[2]!.roman).toBe('III');
  });

  it('widens the grid to every year a timeframe touches', () => {
    const columns = timelineColumns(2022, [{ start: '2022-11', end: '2023-02-15' }]);
    expect(columns).toHaveLength(8);
    expect(yearGroups(columns)).toEqual([
      { year: 2022, count: 4 },
      { year: 2023, count: 4 },
    ]);
  });

  it('draws a quarter range from its first to its last quarter', () => {
    const columns = timelineColumns(2022, []);
    expect(barFor({ start: '2022-Q2', end: '2022-Q4' }, columns)).toEqual({ from: 1, to: 3 });
  });

  it('puts a month and a day in the quarter they fall in', () => {
    const columns = timelineColumns(2022, []);
    expect(barFor({ start: '2022-12', end: '2022-12' }, columns)).toEqual({ from: 3, to: 3 });
    expect(barFor({ start: '2022-04-01', end: '2022-08-31' }, columns)).toEqual({ from: 1, to: 2 });
    expect(quarterSpan({ start: '2022-03', end: '2022-07-18' })).toEqual({ start: '2022-Q1', end: '2022-Q3' });
  });

  it('draws nothing for an activity without a readable timeframe', () => {
    const columns = timelineColumns(2022, []);
    expect(barFor(null, columns)).toBeNull();
    expect(barFor({ start: 'soon', end: 'later' }, columns)).toBeNull();
  });
});
