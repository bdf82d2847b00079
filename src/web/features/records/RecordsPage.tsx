// Implementation records in the user's scope, filtered by plan, activity, province, type, dates
// and words (without diacritics), a page at a time. Filters live in the address.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { api, unwrap } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { DateFilter, FilterBar, ListResults, MoreResults, SearchFilter, SelectFilter } from '../../components/ListPage';
import { usePlanChoices } from '../../lib/plan-choices';
import { formatNumber } from '../../i18n/format';
import { sortValue, useListQuery, useListState } from '../../lib/use-list-state';
import { hasPermission, useMe } from '../../lib/session';
import { useProvinces } from '../../lib/reference';
import { MoreFilters } from '../../components/MoreFilters';
import { formatMoney } from '../../lib/money';
import { RECORD_TYPES, type RecordSummary, type RecordType } from '../../lib/record-codes';
import { dateRange } from './RecordDetailPage';
import { useRecordsT } from './use-records-t';
import './records.css';

const PAGE_SIZE = 20;

/** The columns the server sorts the records by (records.schemas.ts RECORD_SORT_KEYS). */
const RECORD_SORTS = ['title', 'type', 'start', 'participants', 'updated'] as const;

export function RecordsPage() {
  const rt = useRecordsT();
  const me = useMe();
  const location = useLocation();
  const deleted = (location.state as { notice?: string } | null)?.notice === 'deleted';
  const list = useListState({ plan: '', activity: '', province: '', type: '', from: '', to: '' });
  const { filters, offset } = list;
  const type = RECORD_TYPES.find((t) => t === filters.type);
  const plan = Number(filters.plan) || undefined;
  const activity = Number(filters.activity) || undefined;

  const plans = usePlanChoices();
  const activities = useQuery({
    queryKey: ['/api/activities', { plan, limit: 500 }],
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities', { params: { query: { plan, limit: 500 } }, signal })),
    enabled: plan !== undefined,
  });
  const provinces = useProvinces(2025);
  const provinceOptions = useMemo(() => {
    const all = provinces.data ?? [];
    if (me.nationalScope) return all;
    const mine = new Set(me.provinces.map((p) => p.code));
    return all.filter((p) => mine.has(p.code));
  }, [provinces.data, me]);
  const provinceName = (code: string | null) => provinces.data?.find((p) => p.code === code)?.name ?? code ?? '';

  const query = {
    plan,
    activity,
    province: filters.province || undefined,
    type,
    from: filters.from || undefined,
    to: filters.to || undefined,
    q: filters.q || undefined,
    sort: sortValue(list.sort.value, RECORD_SORTS),
    ...list.page(PAGE_SIZE),
  };
  const records = useListQuery(['/api/records', query], (signal) =>
    unwrap(api.GET('/api/records', { params: { query }, signal })),
  );

  const columns: Column<RecordSummary>[] = [
    {
      key: 'title',
      sort: 'title',
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
      sort: 'start',
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
      sort: 'participants',
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
      <FilterBar>
        <SearchFilter
          id="records-q"
          label={rt('records.search')}
          placeholder={rt('records.searchPlaceholder')}
          value={list.text}
          onChange={list.setText}
        />
        <MoreFilters
          active={[filters.plan, filters.type, filters.province, filters.from, filters.to].filter(Boolean).length}
        >
          <SelectFilter
            id="records-plan"
            grow
            label={rt('activity.plan')}
            value={filters.plan}
            allLabel={rt('filter.allPlans')}
            options={(plans.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.number ? `${p.number} — ` : ''}${p.title}`,
            }))}
            onChange={(value) => list.set({ plan: value, activity: '' })}
          />
          {plans.data && <MoreResults shown={plans.data.items.length} total={plans.data.total} />}
          {plan && (
            <SelectFilter
              id="records-activity"
              grow
              label={rt('activity.activity')}
              value={filters.activity}
              allLabel={rt('filter.allActivities')}
              options={(activities.data?.items ?? []).map((a) => ({
                value: a.id,
                label: `${a.number}. ${a.title.length > 90 ? `${a.title.slice(0, 90)}…` : a.title}`,
              }))}
              onChange={(value) => list.set({ activity: value })}
            />
          )}
          <SelectFilter
            id="records-type"
            label={rt('form.type')}
            value={type ?? ''}
            allLabel={rt('filter.allTypes')}
            options={RECORD_TYPES.map((t: RecordType) => ({ value: t, label: rt(`type.${t}`) }))}
            onChange={(value) => list.set({ type: value })}
          />
          {provinceOptions.length > 1 && (
            <SelectFilter
              id="records-province"
              label={rt('place.province')}
              value={filters.province}
              allLabel={rt('filter.allProvinces')}
              options={provinceOptions.map((p) => ({ value: p.code, label: p.name }))}
              onChange={(value) => list.set({ province: value })}
            />
          )}
          <DateFilter
            id="records-from"
            label={rt('filter.from')}
            value={filters.from}
            onChange={(from) => list.set({ from })}
          />
          <DateFilter id="records-to" label={rt('filter.to')} value={filters.to} onChange={(to) => list.set({ to })} />
        </MoreFilters>
      </FilterBar>
      <ListResults
        state={records}
        pageSize={PAGE_SIZE}
        offset={offset}
        onPage={list.setOffset}
        empty={rt('records.empty')}
        count={(data) => rt('records.count', { count: formatNumber(data.total) })}
      >
        {(data) => (
          <div className="rec-cards">
            <DataTable columns={columns} rows={data.items} rowKey={(r) => String(r.id)} sort={list.sort} />
          </div>
        )}
      </ListResults>
    </div>
  );
}
