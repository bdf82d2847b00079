// A table that turns into stacked cards on a phone: each cell carries its column name.
import { Fragment, type ReactNode } from 'react';
import { ariaSort, SortableHeader } from './ListPage';

export interface Column<R> {
  key: string;
  header: string;
  cell: (row: R) => ReactNode;
  className?: string;
  /** The server's sort key of this column: with DataTable's `sort`, the header sorts the list. */
  sort?: string;
}

interface DataTableProps<R> {
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  caption?: string;
  /** Content of an extra full-width row under a row (the audit log's before/after). */
  expanded?: (row: R) => ReactNode | null;
  /** The list's sort (lib/use-list-state.ts `list.sort`): columns with a `sort` key become sortable. */
  sort?: { value: string; onChange(value: string): void };
}

export function DataTable<R>({ columns, rows, rowKey, caption, expanded, sort }: DataTableProps<R>) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.className}
                aria-sort={column.sort && sort ? ariaSort(column.sort, sort.value) : undefined}
              >
                {column.sort && sort ? (
                  <SortableHeader
                    label={column.header}
                    sortKey={column.sort}
                    value={sort.value}
                    onChange={sort.onChange}
                  />
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = rowKey(row);
            const extra = expanded?.(row);
            return (
              <Fragment key={key}>
                <tr className={extra ? 'is-expanded' : undefined}>
                  {columns.map((column) => (
                    <td key={column.key} data-label={column.header} className={column.className}>
                      {/* One wrapper, so on a phone the value sits in one grid cell beside its label. */}
                      <div className="cell">{column.cell(row)}</div>
                    </td>
                  ))}
                </tr>
                {extra && (
                  <tr className="expanded-row">
                    <td colSpan={columns.length}>{extra}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
