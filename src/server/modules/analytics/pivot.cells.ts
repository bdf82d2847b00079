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
  rowTotal(row: string[]): number | null;
  colTotal(col: string[]): number | null;
  grand(): number | null;
}

export function createCellMap(): CellMap {
  const cells = new Map<string, number>();
  const rowKeys = new Map<string, string[]>();
  const colKeys = new Map<string, string[]>();
  const rowTotals = new Map<string, number>();
  const colTotals = new Map<string, number>();
  let grand: number | null = null;
  const at = (row: string[], col: string[]) => `${joinKey(row)}\u0002${joinKey(col)}`;
  return {
    setCell(row, col, value) {
      rowKeys.set(joinKey(row), row);
      colKeys.set(joinKey(col), col);
      cells.set(at(row, col), value);
    },
    setRowTotal(row, value) {
      rowKeys.set(joinKey(row), row);
      rowTotals.set(joinKey(row), value);
    },
    setColTotal(col, value) {
      colKeys.set(joinKey(col), col);
      colTotals.set(joinKey(col), value);
    },
    setGrand(value) {
      grand = value;
    },
    rows: () => [...rowKeys.values()],
    cols: () => [...colKeys.values()],
    cell: (row, col) => cells.get(at(row, col)) ?? null,
    rowTotal: (row) => rowTotals.get(joinKey(row)) ?? null,
    colTotal: (col) => colTotals.get(joinKey(col)) ?? null,
    grand: () => grand,
  };
}
