// Implementation records in the user's scope, filtered by plan, activity, province, type, dates
// and words (without diacritics), a page at a time. Filters live in the address.
import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { api, unwrap } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/Status';
import { formatNumber } from '../../i18n/format';
import { useAsync } from '../../lib/use-async';
import { useSearchState } from '../../lib/use-search-state';
import { useSearchText } from '../../lib/use-search-text';
import { hasPermission, useMe } from '../auth/SessionProvider';
import { useProvinces } from '../admin-units/provinces';
import { MoreFilters } from '../../components/MoreFilters';
import { formatMoney } from '../../lib/money';
import { RECORD_TYPES, type RecordSummary, type RecordType } from './record-codes';
import { dateRange } from './RecordDetailPage';
import { useRecordsT } from './use-records-t';
import './records.css';

const PAGE_SIZE = 20;

export function RecordsPage() {
  const rt = useRecordsT();
  const me = useMe();
  const location = useLocation();
  const deleted = (location.state as { notice?: string } | null)?.notice === 'deleted';
  const [filters, setFilters] = useSearchState({
    plan: '',
    activity: '',
    province: '',
    type: '',
    from: '',
    to: '',
    q: '',
    offset: '0',
  });
  const [text, setText] = useSearchText(filters.q, (q) => setFilters({ q, offset: '' }));
  const offset = Number(filters.offset) || 0;
  const type = RECORD_TYPES.find((t) => t === filters.type);
  const plan = Number(filters.plan) || undefined;
  const activity = Number(filters.activity) || undefined;

  const plans = useAsync((signal) => unwrap(api.GET('/api/plans', { params: { query: { limit: 100 } }, signal })), []);
  const activities = useAsync(
    (signal) =>
      plan
        ? unwrap(api.GET('/api/activities', { params: { query: { plan, limit: 500 } }, signal }))
        : Promise.resolve(null),
    [plan],
  );
  const provinces = useProvinces(2025);
  const provinceOptions = useMemo(() => {
    const all = provinces.data ?? [];
    if (me.nationalScope) return all;
    const mine = new Set(me.provinces.map((p) => p.code));
    return all.filter((p) => mine.has(p.code));
  }, [provinces.data, me]);
  const provinceName = (code: string | null) => provinces.data?.find((p) => p.code === code)?.name ?? code ?? '';

  const records = useAsync(
    (signal) =>
      unwrap(
        api.GET('/api/records', {
          params: {
            query: {
              plan,
              activity,
              province: filters.province || undefined,
              type,
              from: filters.from || undefined,
              to: filters.to || undefined,
              q: filters.q || undefined,
              limit: PAGE_SIZE,
              offset,
            },
          },
          signal,
        }),
      ),
    [plan, activity, filters.province, type, filters.from, filters.to, filters.q, offset],
  );

  const columns: Column<RecordSummary>[] = [
    {
      key: 'title',
      header: rt('records.col.title'),
      cell: (r) => (
        <>
          <Link to={`/records/${r.id}`}>{r.title}</Link>
          <small className="block muted">{rt(`type.${r.type}`)}</small>
        </>
      ),
    },
    {
      key: 'when',
      header: rt('records.col.when'),
      cell: (r) => dateRange(r.startDate, r.endDate),
      className: 'nowrap',
    },
    {
      key: 'where',
      header: rt('records.col.where'),
      cell: (r) =>
        [r.placeName, r.placeName?.includes(provinceName(r.provinceCode)) ? null : provinceName(r.provinceCode)]
          .filter(Boolean)
          .join(', ') || '—',
    },
    {
      key: 'participants',
      header: rt('records.col.participants'),
      className: 'rec-n',
      cell: (r) => (
        <>
          {formatNumber(r.totalParticipants)}
          {r.femaleParticipants !== null && (
            <small className="block muted">
              {rt('records.femaleShort', { n: formatNumber(r.femaleParticipants) })}
            </small>
          )}
        </>
      ),
    },
    {
      key: 'cost',
      header: rt('records.col.cost'),
      className: 'rec-n nowrap',
      cell: (r) => (r.totalCost === '0' ? '—' : `${formatMoney(r.totalCost)} đ`),
    },
    {
      key: 'files',
      header: rt('records.col.files'),
      className: 'rec-n',
      cell: (r) => (r.attachmentCount ? formatNumber(r.attachmentCount) : '—'),
    },
  ];

  return (
    <div className="page">
      <div className="page-title-row">
        <h1>{rt('records.title')}</h1>
        {hasPermission(me, 'record:write') && (
          <span className="rec-actions">
            <Link className="button button-secondary" to="/records/import">
              {rt('import.open')}
            </Link>
            <Link
              className="button button-primary"
              to={activity ? `/records/new?activity=${activity}` : '/records/new'}
            >
              {rt('records.create')}
            </Link>
          </span>
        )}
      </div>
      <p className="lead">{rt('records.intro')}</p>
      {deleted && (
        <p className="notice notice-success" role="status">
          {rt('records.deleted')}
        </p>
      )}
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="records-q">{rt('records.search')}</label>
          <input
            id="records-q"
            type="search"
            value={text}
            placeholder={rt('records.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <MoreFilters
          active={[filters.plan, filters.type, filters.province, filters.from, filters.to].filter(Boolean).length}
        >
          <div className="field field-grow">
            <label htmlFor="records-plan">{rt('activity.plan')}</label>
            <select
              id="records-plan"
              value={filters.plan}
              onChange={(event) => setFilters({ plan: event.target.value, activity: '', offset: '' })}
            >
              <option value="">{rt('filter.allPlans')}</option>
              {plans.data?.items.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.number ? `${p.number} — ` : ''}
                  {p.title}
                </option>
              ))}
            </select>
          </div>
          {plan && (
            <div className="field field-grow">
              <label htmlFor="records-activity">{rt('activity.activity')}</label>
              <select
                id="records-activity"
                value={filters.activity}
                onChange={(event) => setFilters({ activity: event.target.value, offset: '' })}
              >
                <option value="">{rt('filter.allActivities')}</option>
                {activities.data?.items.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.number}. {a.title.length > 90 ? `${a.title.slice(0, 90)}…` : a.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="records-type">{rt('form.type')}</label>
            <select
              id="records-type"
              value={type ?? ''}
              onChange={(event) => setFilters({ type: event.target.value, offset: '' })}
            >
              <option value="">{rt('filter.allTypes')}</option>
              {RECORD_TYPES.map((t: RecordType) => (
                <option key={t} value={t}>
                  {rt(`type.${t}`)}
                </option>
              ))}
            </select>
          </div>
          {provinceOptions.length > 1 && (
            <div className="field">
              <label htmlFor="records-province">{rt('place.province')}</label>
              <select
                id="records-province"
                value={filters.province}
                onChange={(event) => setFilters({ province: event.target.value, offset: '' })}
              >
                <option value="">{rt('filter.allProvinces')}</option>
                {provinceOptions.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="records-from">{rt('filter.from')}</label>
            <DateField id="records-from" value={filters.from} onChange={(from) => setFilters({ from, offset: '' })} />
          </div>
          <div className="field">
            <label htmlFor="records-to">{rt('filter.to')}</label>
            <DateField id="records-to" value={filters.to} onChange={(to) => setFilters({ to, offset: '' })} />
          </div>
        </MoreFilters>
      </form>
      <QueryView state={records} isEmpty={(data) => data.total === 0} empty={rt('records.empty')}>
        {(data) => (
          <>
            <p className="result-count" aria-live="polite">
              {rt('records.count', { count: formatNumber(data.total) })}
            </p>
            <div className="rec-cards">
              <DataTable columns={columns} rows={data.items} rowKey={(r) => String(r.id)} />
            </div>
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
