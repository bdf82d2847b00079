// The list-page toolkit: every list page (records, plans, models, missions, users, audit, …) is
// the same skeleton, built from these pieces and lib/use-list-state.ts.
//
//   const list = useListState({ province: '', status: '' });          // filters + offset in the URL
//   const rows = useListQuery(['/api/x', list.filters, list.offset], (signal) => …);
//   <FilterBar>                                                        // <form role="search">
//     <SearchFilter id="x-q" label=… placeholder=… value={list.text} onChange={list.setText} />
//     <SelectFilter id="x-status" label=… value={list.filters.status} allLabel={t('filter.all')}
//       options={[{ value, label }]} onChange={(status) => list.set({ status })} />
//     <DateFilter id="x-from" label=… value={list.filters.from} onChange={(from) => list.set({ from })} />
//     <MoreFilters active={n}>…the less used filters, folded on a phone…</MoreFilters>
//   </FilterBar>
//   <ListResults state={rows} pageSize={50} offset={list.offset} onPage={list.setOffset}
//     empty={t('x.empty')} count={(data) => t('x.count', { count: formatNumber(data.total) })}>
//     {(data) => <DataTable rows={data.items} … />}
//   </ListResults>
//
// A sortable list: its columns name their server sort key (`{ key, header, sort: 'title', cell }`)
// and <DataTable sort={list.sort}> draws each such header as <SortableHeader>: a button that sorts
// ascending, then descending, with aria-sort on the header cell; the sort lives in the address.
//
// An import page shows its answer with <ImportReport> (the row-by-row refusals and the created links).
// A picker that loads at most N choices shows <MoreResults shown={items.length} total={total} />.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../i18n/format';
import { DateField } from './DateField';
import { Pager } from './Pager';
import { QueryView, type QueryViewState } from './Status';
import { useComponentsT } from './use-components-t';
import '../styles/form-widgets.css';

/** The filter row: a search landmark (unless `search` is false) that never submits: filters apply as they change. */
export function FilterBar({ children, search = true }: { children: ReactNode; search?: boolean }) {
  return (
    <form className="filters" role={search ? 'search' : undefined} onSubmit={(event) => event.preventDefault()}>
      {children}
    </form>
  );
}

interface SearchFilterProps {
  id: string;
  label: string;
  placeholder?: string;
  value: string;
  onChange(text: string): void;
}

/** The words box (bind it to `list.text` / `list.setText`). */
export function SearchFilter({ id, label, placeholder, value, onChange }: SearchFilterProps) {
  return (
    <div className="field field-grow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

export interface FilterOption {
  value: string | number;
  label: string;
}

interface SelectFilterProps {
  id: string;
  label: string;
  value: string;
  /** The first choice, meaning no filter (value ''); omit when a value is always chosen. */
  allLabel?: string;
  options: readonly FilterOption[];
  onChange(value: string): void;
  grow?: boolean;
}

export function SelectFilter({ id, label, value, allLabel, options, onChange, grow }: SelectFilterProps) {
  return (
    <div className={grow ? 'field field-grow' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DateFilter({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <DateField id={id} value={value} onChange={onChange} />
    </div>
  );
}

interface ListResultsProps<T extends { total: number }> {
  state: QueryViewState<T>;
  pageSize: number;
  offset: number;
  onPage(offset: number): void;
  empty: ReactNode;
  /** "123 records": the sentence above the rows. */
  count(data: T): string;
  children(data: T): ReactNode;
}

/** Loading, error with retry, empty notice, or: the count, the rows, the pager. */
export function ListResults<T extends { total: number }>({
  state,
  pageSize,
  offset,
  onPage,
  empty,
  count,
  children,
}: ListResultsProps<T>) {
  return (
    <QueryView state={state} isEmpty={(data) => data.total === 0} empty={empty}>
      {(data) => (
        <>
          <p className="result-count" aria-live="polite">
            {count(data)}
          </p>
          {children(data)}
          <Pager total={data.total} limit={pageSize} offset={offset} onChange={onPage} />
        </>
      )}
    </QueryView>
  );
}

/** Said under a picker's choices when the server has more than it sent: nothing is dropped silently. */
export function MoreResults({ shown, total }: { shown: number; total: number }) {
  const ct = useComponentsT();
  if (total <= shown) return null;
  return (
    <small className="muted block" role="status" data-testid="more-results">
      {ct('list.more')}
    </small>
  );
}

export interface ImportProblem {
  sheet?: string;
  row: number;
  field: string;
  message: string;
}

interface ImportReportProps {
  /** The sentence of what happened (saved, nothing saved, …). */
  summary: string;
  ok: boolean;
  rejected: readonly ImportProblem[];
  /** Ids created, each linked with `linkTo`; the first 50 are listed. */
  created: readonly number[];
  createdLabel: string;
  linkTo(id: number): string;
  /** Show the sheet column (workbooks of several sheets). */
  sheets?: boolean;
}

/** The answer of a bulk import: the summary, each refused row and why, links to what was created. */
export function ImportReport({ summary, ok, rejected, created, createdLabel, linkTo, sheets }: ImportReportProps) {
  const ct = useComponentsT();
  return (
    <section className="panel" aria-labelledby="import-report-title" data-testid="import-report">
      <h2 id="import-report-title">{ct('import.report')}</h2>
      <p className={ok ? 'notice notice-success' : 'notice notice-warning'} role="status">
        {summary}
        {rejected.length > 0 && ` ${ct('import.rejectedCount', { count: formatNumber(rejected.length) })}`}
      </p>
      {rejected.length > 0 && (
        <div className="rec-grid-wrap">
          <table className="rec-grid rec-grid-read">
            <thead>
              <tr>
                {sheets && <th scope="col">{ct('import.sheet')}</th>}
                <th scope="col">{ct('import.row')}</th>
                <th scope="col">{ct('import.column')}</th>
                <th scope="col">{ct('import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {rejected.map((r, i) => (
                <tr key={`${r.sheet ?? ''}-${r.row}-${r.field}-${i}`}>
                  {sheets && <td>{r.sheet}</td>}
                  <td className="rec-n">{r.row}</td>
                  <td>{r.field}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {created.length > 0 && (
        <p>
          {createdLabel}{' '}
          {created.slice(0, 50).map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <Link to={linkTo(id)}>#{id}</Link>
            </span>
          ))}
          {created.length > 50 && '…'}
        </p>
      )}
    </section>
  );
}

/** aria-sort of a header whose sort key is `key`, when the list is sorted by `value`. */
export function ariaSort(key: string, value: string): 'ascending' | 'descending' | 'none' {
  if (value === key) return 'ascending';
  if (value === `-${key}`) return 'descending';
  return 'none';
}

/**
 * A column header that sorts the list: pressed once ascending, again descending, again ascending.
 * Its cell carries aria-sort (DataTable sets it from `ariaSort`).
 */
export function SortableHeader({
  label,
  sortKey,
  value,
  onChange,
}: {
  label: string;
  sortKey: string;
  value: string;
  onChange(value: string): void;
}) {
  const ct = useComponentsT();
  const state = ariaSort(sortKey, value);
  const next = state === 'ascending' ? `-${sortKey}` : sortKey;
  return (
    <button
      type="button"
      className="sort-button"
      onClick={() => onChange(next)}
      title={ct(state === 'ascending' ? 'list.sortDescending' : 'list.sortAscending')}
    >
      {label}
      <span className={`sort-mark sort-${state}`} aria-hidden="true">
        {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
      </span>
    </button>
  );
}
