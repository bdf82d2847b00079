// Joint monitoring missions in the user's scope: filters in the address bar, a page at a time.
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterBar, ListResults, SearchFilter, SelectFilter } from '../../components/ListPage';
import { formatDate, formatNumber } from '../../i18n/format';
import { hasPermission, useMe } from '../../lib/session';
import { sortValue, useListQuery, useListState } from '../../lib/use-list-state';
import { useProvinces } from '../../lib/reference';
import type { MissionSummary } from './shared';
import { useMonitoringT } from './use-monitoring-t';
import './monitoring.css';

const PAGE_SIZE = 20;

/** The columns the server sorts by (monitoring.schemas.ts MISSION_SORT_KEYS). */
const SORTS = ['title', 'start'] as const;

export function MissionsPage() {
  const mt = useMonitoringT();
  const me = useMe();
  const list = useListState({ year: '', province: '' });
  const { filters } = list;
  const year = Number(filters.year) || undefined;
  const provinces = useProvinces(2025);
  const query = {
    q: filters.q || undefined,
    year,
    province: filters.province || undefined,
    sort: sortValue(list.sort.value, SORTS),
    ...list.page(PAGE_SIZE),
  };
  const missions = useListQuery(['/api/missions', query], (signal) =>
    unwrap(api.GET('/api/missions', { params: { query }, signal })),
  );
  const thisYear = new Date().getFullYear();

  const columns: Column<MissionSummary>[] = [
    {
      key: 'title',
      sort: 'title',
      header: mt('missions.col.title'),
      cell: (m) => (
        <>
          <Link to={`/missions/${m.id}`}>{m.title}</Link>
          <small className="block muted">{m.leadAgency.shortName || m.leadAgency.name}</small>
        </>
      ),
    },
    {
      key: 'when',
      sort: 'start',
      header: mt('missions.col.when'),
      className: 'nowrap',
      cell: (m) => (
        <>
          {formatDate(m.startDate)} – {formatDate(m.endDate)}
          <small className="block">
            <span className={`badge mon-phase-${m.phase}`}>{mt(`phase.${m.phase}`)}</span>
          </small>
        </>
      ),
    },
    { key: 'where', header: mt('missions.col.where'), cell: (m) => m.provinces.map((p) => p.name).join(', ') || '—' },
    {
      key: 'recs',
      header: mt('missions.col.recommendations'),
      cell: (m) => (
        <>
          {mt('missions.recCount', {
            total: formatNumber(m.recommendationCount),
            open: formatNumber(m.openRecommendations),
          })}
          {m.overdueRecommendations > 0 && (
            <small className="block">
              <span className="badge mon-badge-overdue">
                {mt('missions.overdueCount', { n: formatNumber(m.overdueRecommendations) })}
              </span>
            </small>
          )}
        </>
      ),
    },
  ];

  return (
    <div className="page">
      <div className="page-title-row">
        <h1>{mt('missions.title')}</h1>
        {hasPermission(me, 'mission:write') && (
          <Link className="button button-primary" to="/missions/new">
            {mt('missions.create')}
          </Link>
        )}
      </div>
      <p className="lead">{mt('missions.intro')}</p>
      <FilterBar>
        <SearchFilter
          id="missions-q"
          label={mt('missions.search')}
          placeholder={mt('missions.searchPlaceholder')}
          value={list.text}
          onChange={list.setText}
        />
        <SelectFilter
          id="missions-year"
          label={mt('filter.year')}
          value={filters.year}
          allLabel={mt('filter.allYears')}
          options={Array.from({ length: 8 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: String(y) }))}
          onChange={(year) => list.set({ year })}
        />
        <SelectFilter
          id="missions-province"
          label={mt('filter.province')}
          value={filters.province}
          allLabel={mt('filter.allProvinces')}
          options={(provinces.data ?? [])
            .filter((p) => me.nationalScope || me.provinces.some((mine) => mine.code === p.code))
            .map((p) => ({ value: p.code, label: p.name }))}
          onChange={(province) => list.set({ province })}
        />
      </FilterBar>
      <ListResults
        state={missions}
        pageSize={PAGE_SIZE}
        offset={list.offset}
        onPage={list.setOffset}
        empty={mt('missions.empty')}
        count={(data) => mt('missions.count', { count: formatNumber(data.total) })}
      >
        {(data) => <DataTable columns={columns} rows={data.items} rowKey={(m) => String(m.id)} sort={list.sort} />}
      </ListResults>
    </div>
  );
}
