// "Góp ý chính sách": the register of documents received for comment, appraisal or social
// criticism, with deadlines; late ones (deadline passed, nothing sent) flagged and listed first.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/Status';
import { formatDate, formatNumber } from '../../i18n/format';
import { useSearchState } from '../../lib/use-search-state';
import { useSearchText } from '../../lib/use-search-text';
import { hasPermission, useMe } from '../auth/SessionProvider';
import { KINDS, STATES, useReviewsT, type ReviewView } from './shared';
import '../missions/monitoring.css';

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

export function PolicyReviewsPage() {
  const rt = useReviewsT();
  const me = useMe();
  const [filters, setFilters] = useSearchState({ q: '', state: '', kind: '', year: '', mine: '', offset: '0' });
  const [text, setText] = useSearchText(filters.q, (q) => setFilters({ q, offset: '' }));
  const offset = Number(filters.offset) || 0;
  const state = STATES.find((s) => s === filters.state);
  const kind = KINDS.find((k) => k === filters.kind);
  const year = Number(filters.year) || undefined;
  const query = { q: filters.q || undefined, state, kind, year, mine: filters.mine === '1' || undefined };
  const pageQuery = { ...query, limit: PAGE_SIZE, offset };
  const list = useQuery({
    queryKey: ['/api/policy-reviews', pageQuery],
    queryFn: ({ signal }) => unwrap(api.GET('/api/policy-reviews', { params: { query: pageQuery }, signal })),
    placeholderData: keepPreviousData,
  });
  const exportHref = `/api/policy-reviews/export.xlsx?${new URLSearchParams(
    Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  ).toString()}`;
  const thisYear = new Date().getFullYear();

  const columns: Column<ReviewView>[] = [
    {
      key: 'title',
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
      header: rt('register.col.from'),
      cell: (r) => (
        <>
          {r.requestingAgency}
          {r.requestNumber && <small className="block muted">{r.requestNumber}</small>}
          <small className="block muted">{rt('register.receivedOn', { date: formatDate(r.receivedOn) })}</small>
        </>
      ),
    },
    { key: 'deadline', header: rt('register.col.deadline'), cell: (r) => <DeadlineCell review={r} /> },
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
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="reviews-q">{rt('register.search')}</label>
          <input
            id="reviews-q"
            type="search"
            value={text}
            placeholder={rt('register.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="reviews-state">{rt('register.state')}</label>
          <select
            id="reviews-state"
            value={state ?? ''}
            onChange={(e) => setFilters({ state: e.target.value, offset: '' })}
          >
            <option value="">{rt('filter.all')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {rt(`filter.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="reviews-kind">{rt('register.kind')}</label>
          <select
            id="reviews-kind"
            value={kind ?? ''}
            onChange={(e) => setFilters({ kind: e.target.value, offset: '' })}
          >
            <option value="">{rt('filter.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {rt(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="reviews-year">{rt('register.year')}</label>
          <select
            id="reviews-year"
            value={filters.year}
            onChange={(e) => setFilters({ year: e.target.value, offset: '' })}
          >
            <option value="">{rt('filter.allYears')}</option>
            {Array.from({ length: 8 }, (_, i) => thisYear + 1 - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={filters.mine === '1'}
            onChange={(e) => setFilters({ mine: e.target.checked ? '1' : '', offset: '' })}
          />
          {rt('register.mine')}
        </label>
      </form>
      <QueryView state={list} isEmpty={(data) => data.total === 0} empty={rt('register.empty')}>
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
            <DataTable columns={columns} rows={data.items} rowKey={(r) => String(r.id)} />
            <Pager
              total={data.total}
              limit={PAGE_SIZE}
              offset={offset}
              onChange={(next) => setFilters({ offset: String(next) }, { replace: false })}
            />
          </>
        )}
      </QueryView>
    </div>
  );
}
