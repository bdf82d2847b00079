import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../shared/analytics';
import { createCellMap } from './pivot.cells';
import { buildSeries, effectiveEnd, stockCells } from './pivot.stocks';

describe('stock indicators in a pivot', () => {
  it('takes the last month inside every period and the asked ranges', () => {
    const q = (code: string) => parsePeriod(code)!;
    expect(effectiveEnd([q('2022Q2')], [[202201, 202212]])).toBe(202206);
    expect(effectiveEnd([q('2022'), q('2022Q4')], [[202201, 202211]])).toBe(202211);
    expect(effectiveEnd([q('2023Q1')], [[202201, 202212]])).toBeNull();
    expect(
      effectiveEnd(
        [],
        [
          [202201, 202203],
          [202207, 202209],
        ],
      ),
    ).toBe(202209);
  });

  it('gives each cell the running total at its period end, and totals over time at the range end', () => {
    const series = buildSeries([
      { rowKey: ['11'], colKey: [], month: 202202, value: 3 },
      { rowKey: ['11'], colKey: [], month: 202208, value: -1 },
      { rowKey: ['15'], colKey: [], month: 202205, value: 4 },
    ]);
    const cells = createCellMap();
    stockCells(
      { rows: ['province'], cols: ['quarter'], series, ranges: [[202201, 202212]], rowTotals: true, colTotals: true },
      cells,
    );
    expect(['2022Q1', '2022Q2', '2022Q3', '2022Q4'].map((q) => cells.cell(['11'], [q]))).toEqual([3, 3, 2, 2]);
    expect(['2022Q1', '2022Q2'].map((q) => cells.cell(['15'], [q]))).toEqual([null, 4]);
    expect(cells.rowTotal(['11'])).toBe(2);
    expect(cells.colTotal(['2022Q2'])).toBe(7);
    expect(cells.grand()).toBe(6);
  });
});
