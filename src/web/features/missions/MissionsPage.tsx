// Joint monitoring missions in the user's scope: filters in the address bar, a page at a time.
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
import { useProvinces } from '../../lib/reference';
import type { MissionSummary } from './shared';
import { useMonitoringT } from './use-monitoring-t';
import './monitoring.css';

const PAGE_SIZE = 20;

export function MissionsPage() {
  const mt = useMonitoringT();
  const me = useMe();
  const [filters, setFilters] = useSearchState({ q: '', year: '', province: '', offset: '0' });
  const [text, setText] = useSearchText(filters.q, (q) => setFilters({ q, offset: '' }));
  const offset = Number(filters.offset) || 0;
  const year = Number(filters.year) || undefined;
  const provinces = useProvinces(2025);
  const query = { q: filters.q || undefined, year, province: filters.province || undefined, limit: PAGE_SIZE, offset };
  const missions = useQuery({
    queryKey: ['/api/missions', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/missions', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
  const thisYear = new Date().getFullYear();

  const columns: Column<MissionSummary>[] = [
    {
      key: 'title',
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
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="missions-q">{mt('missions.search')}</label>
          <input
            id="missions-q"
            type="search"
            value={text}
            placeholder={mt('missions.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="missions-year">{mt('filter.year')}</label>
          <select
            id="missions-year"
            value={filters.year}
            onChange={(e) => setFilters({ year: e.target.value, offset: '' })}
          >
            <option value="">{mt('filter.allYears')}</option>
            {Array.from({ length: 8 }, (_, i) => thisYear + 1 - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="missions-province">{mt('filter.province')}</label>
          <select
            id="missions-province"
            value={filters.province}
            onChange={(e) => setFilters({ province: e.target.value, offset: '' })}
          >
            <option value="">{mt('filter.allProvinces')}</option>
            {(provinces.data ?? [])
              .filter((p) => me.nationalScope || me.provinces.some((mine) => mine.code === p.code))
              .map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
          </select>
        </div>
      </form>
      <QueryView state={missions} isEmpty={(data) => data.total === 0} empty={mt('missions.empty')}>
        {(data) => (
          <>
            <p className="result-count" aria-live="polite">
              {mt('missions.count', { count: formatNumber(data.total) })}
            </p>
            <DataTable columns={columns} rows={data.items} rowKey={(m) => String(m.id)} />
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
