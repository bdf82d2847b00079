// The cells and totals of a pivot as they are computed, keyed by row and column member, before they
// are ordered and labelled. Both the sums path and the stocks path write into one of these.
import { joinKey } from './pivot.keys';

export interface CellMap {
  setCell(row: string[], col: string[], value: number): void;
  setRowTotal(row: string[], value: number): void;
  setColTotal(col: string[], value: number): void;
  setGrand(value: number): void;
  rows(): string[][];
  cols(): string[][];
  cell(row: string[], col: string[]): number | null;
  /** Every cell, rows × columns in the order given. */
  matrix(rows: string[][], cols: string[][]): (number | null)[][];
  rowTotal(row: string[]): number | null;
  colTotal(col: string[]): number | null;
  grand(): number | null;
}

/** Rollups sum in double precision: 15 significant digits drop the binary noise (0.1 + 0.2). */
const clean = (value: number) => Number(value.toPrecision(15));

export function createCellMap(): CellMap {
  // Cells by row, then by column: a big matrix is read with one key string per row and column.
  const cells = new Map<string, Map<string, number>>();
  const rowKeys = new Map<string, string[]>();
  const colKeys = new Map<string, string[]>();
  const rowTotals = new Map<string, number>();
  const colTotals = new Map<string, number>();
  let grand: number | null = null;
  return {
    setCell(row, col, value) {
      const r = joinKey(row);
      const c = joinKey(col);
      if (!rowKeys.has(r)) rowKeys.set(r, row);
      if (!colKeys.has(c)) colKeys.set(c, col);
      let line = cells.get(r);
      if (!line) cells.set(r, (line = new Map<string, number>()));
      line.set(c, clean(value));
    },
    setRowTotal(row, value) {
      const r = joinKey(row);
      if (!rowKeys.has(r)) rowKeys.set(r, row);
      rowTotals.set(r, clean(value));
    },
    setColTotal(col, value) {
      const c = joinKey(col);
      if (!colKeys.has(c)) colKeys.set(c, col);
      colTotals.set(c, clean(value));
    },
    setGrand(value) {
      grand = clean(value);
    },
    rows: () => [...rowKeys.values()],
    cols: () => [...colKeys.values()],
    cell: (row, col) => cells.get(joinKey(row))?.get(joinKey(col)) ?? null,
    matrix(rows, cols) {
      const colStrings = cols.map(joinKey);
      return rows.map((row) => {
        const line = cells.get(joinKey(row));
        return colStrings.map((c) => line?.get(c) ?? null);
      });
    },
    rowTotal: (row) => rowTotals.get(joinKey(row)) ?? null,
    colTotal: (col) => colTotals.get(joinKey(col)) ?? null,
    grand: () => grand,
  };
}
