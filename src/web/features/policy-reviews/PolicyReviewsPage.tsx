// "Góp ý chính sách": the register of documents received for comment, appraisal or social
// criticism, with deadlines; late ones (deadline passed, nothing sent) flagged and listed first.
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterBar, SearchFilter, SelectFilter } from '../../components/ListPage';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/Status';
import { formatDate, formatNumber } from '../../i18n/format';
import { hasPermission, useMe } from '../../lib/session';
import { sortValue, useListQuery, useListState } from '../../lib/use-list-state';
import { KINDS, STATES, useReviewsT, type ReviewView } from './shared';
import '../../styles/monitoring.css';

const PAGE_SIZE = 25;

export function DeadlineCell({ review }: { review: ReviewView }) {
  const rt = useReviewsT();
  return (
    <>
      {formatDate(review.deadline)}
      <small className="block">
        <span className={`badge mon-review-${review.state}`}>{rt(`state.${review.state}`)}</span>
      </small>
      {review.daysLeft !== null && review.daysLeft >= 0 && (
        <small className="block muted">{rt('register.daysLeft', { n: review.daysLeft })}</small>
      )}
      {review.daysLeft !== null && review.daysLeft < 0 && (
        <small className="block mon-late">{rt('register.daysLate', { n: -review.daysLeft })}</small>
      )}
    </>
  );
}

/** The columns the server sorts by (policy-reviews.schemas.ts REVIEW_SORT_KEYS). */
const SORTS = ['title', 'received', 'deadline', 'sent'] as const;

export function PolicyReviewsPage() {
  const rt = useReviewsT();
  const me = useMe();
  const list = useListState({ state: '', kind: '', year: '', mine: '' });
  const { filters } = list;
  const state = STATES.find((s) => s === filters.state);
  const kind = KINDS.find((k) => k === filters.kind);
  const year = Number(filters.year) || undefined;
  const query = {
    q: filters.q || undefined,
    state,
    kind,
    year,
    mine: filters.mine === '1' || undefined,
    sort: sortValue(list.sort.value, SORTS),
  };
  const pageQuery = { ...query, ...list.page(PAGE_SIZE) };
  const reviews = useListQuery(['/api/policy-reviews', pageQuery], (signal) =>
    unwrap(api.GET('/api/policy-reviews', { params: { query: pageQuery }, signal })),
  );
  const exportHref = `/api/policy-reviews/export.xlsx?${new URLSearchParams(
    Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  ).toString()}`;
  const thisYear = new Date().getFullYear();

  const columns: Column<ReviewView>[] = [
    {
      key: 'title',
      sort: 'title',
      header: rt('register.col.title'),
      cell: (r) => (
        <>
          <Link to={`/policy-reviews/${r.id}`}>{r.title}</Link>
          <small className="block muted">
            {rt(`kind.${r.kind}`)} · {rt(`type.${r.reviewType}`)}
          </small>
        </>
      ),
    },
    {
      key: 'from',
      sort: 'received',
      header: rt('register.col.from'),
      cell: (r) => (
        <>
          {r.requestingAgency}
          {r.requestNumber && <small className="block muted">{r.requestNumber}</small>}
          <small className="block muted">{rt('register.receivedOn', { date: formatDate(r.receivedOn) })}</small>
        </>
      ),
    },
    {
      key: 'deadline',
      sort: 'deadline',
      header: rt('register.col.deadline'),
      cell: (r) => <DeadlineCell review={r} />,
    },
    {
      key: 'who',
      header: rt('register.col.assignee'),
      cell: (r) => (
        <>
          {r.assignee?.name ?? '—'}
          <small className="block muted">{r.agency.shortName || r.agency.name}</small>
        </>
      ),
    },
    {
      key: 'sent',
      sort: 'sent',
      header: rt('register.col.sent'),
      className: 'nowrap',
      cell: (r) => (r.sentOn ? formatDate(r.sentOn) : '—'),
    },
  ];

  return (
    <div className="page">
      <div className="page-title-row">
        <h1>{rt('register.title')}</h1>
        <span className="mon-title-actions">
          <a className="button button-secondary" href={exportHref} download>
            {rt('register.export')}
          </a>
          {hasPermission(me, 'policy:write') && (
            <Link className="button button-primary" to="/policy-reviews/new">
              {rt('register.create')}
            </Link>
          )}
        </span>
      </div>
      <p className="lead">{rt('register.intro')}</p>
      <FilterBar>
        <SearchFilter
          id="reviews-q"
          label={rt('register.search')}
          placeholder={rt('register.searchPlaceholder')}
          value={list.text}
          onChange={list.setText}
        />
        <SelectFilter
          id="reviews-state"
          label={rt('register.state')}
          value={state ?? ''}
          allLabel={rt('filter.all')}
          options={STATES.map((s) => ({ value: s, label: rt(`filter.state.${s}`) }))}
          onChange={(value) => list.set({ state: value })}
        />
        <SelectFilter
          id="reviews-kind"
          label={rt('register.kind')}
          value={kind ?? ''}
          allLabel={rt('filter.all')}
          options={KINDS.map((k) => ({ value: k, label: rt(`kind.${k}`) }))}
          onChange={(value) => list.set({ kind: value })}
        />
        <SelectFilter
          id="reviews-year"
          label={rt('register.year')}
          value={filters.year}
          allLabel={rt('filter.allYears')}
          options={Array.from({ length: 8 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: String(y) }))}
          onChange={(value) => list.set({ year: value })}
        />
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={filters.mine === '1'}
            onChange={(e) => list.set({ mine: e.target.checked ? '1' : '' })}
          />
          {rt('register.mine')}
        </label>
      </FilterBar>
      <QueryView state={reviews} isEmpty={(data) => data.total === 0} empty={rt('register.empty')}>
        {(data) => (
          <>
            <div className="mon-summary">
              <div className="mon-stat">
                <strong>{formatNumber(data.summary.total)}</strong>
                <span>{rt('summary.total')}</span>
              </div>
              <div className="mon-stat">
                <strong>{formatNumber(data.summary.sent)}</strong>
                <span>{rt('summary.sent')}</span>
              </div>
              <div className="mon-stat">
                <strong>{formatNumber(data.summary.pending)}</strong>
                <span>{rt('summary.pending')}</span>
              </div>
              <div className={data.summary.late > 0 ? 'mon-stat is-alert' : 'mon-stat'}>
                <strong>{formatNumber(data.summary.late)}</strong>
                <span>{rt('summary.late')}</span>
              </div>
            </div>
            <DataTable columns={columns} rows={data.items} rowKey={(r) => String(r.id)} sort={list.sort} />
            <Pager total={data.total} limit={PAGE_SIZE} offset={list.offset} onChange={list.setOffset} />
          </>
        )}
      </QueryView>
    </div>
  );
}
