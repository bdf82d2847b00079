// "Kiến nghị": the recommendations of every mission in the user's scope, grouped by addressee,
// overdue ones first and highlighted. The addressee reports progress and closes them here.
import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { FilterBar, SelectFilter } from '../../components/ListPage';
import { QueryView } from '../../components/Status';
import { formatDate, formatNumber } from '../../i18n/format';
import { useSearchState } from '../../lib/use-search-state';
import { hasPermission, useMe } from '../../lib/session';
import { RecommendationCard } from './RecommendationCard';
import { missionKey, type RecommendationList, type RecommendationView } from './shared';
import { useMonitoringT } from './use-monitoring-t';
import './monitoring.css';

const STATUSES = ['not_done', 'overdue', 'open', 'in_progress', 'done', 'all'] as const;
type StatusFilter = (typeof STATUSES)[number];

const addresseeKey = (a: RecommendationView['addressee']) => `${a.kind}:${a.agencyId ?? a.provinceCode}`;

export function RecommendationsPage() {
  const mt = useMonitoringT();
  const me = useMe();
  const [filters, setFilters] = useSearchState({ status: 'not_done', mine: '' });
  const status = (STATUSES as readonly string[]).includes(filters.status)
    ? (filters.status as StatusFilter)
    : 'not_done';
  const mine = filters.mine === '1';
  const [updated, setUpdated] = useState<RecommendationView | null>(null);
  const query = { status: status === 'all' ? undefined : status, mine: mine || undefined, limit: 500 };
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['/api/recommendations', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/recommendations', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
  const exportHref = `/api/recommendations/export.xlsx?${new URLSearchParams(
    Object.entries(query).flatMap(([k, v]) => (v === undefined || k === 'limit' ? [] : [[k, String(v)]])),
  ).toString()}`;

  return (
    <div className="page">
      <div className="page-title-row">
        <h1>{mt('recs.pageTitle')}</h1>
        <a className="button button-secondary" href={exportHref} download>
          {mt('recs.export')}
        </a>
      </div>
      <p className="lead">{mt('recs.intro')}</p>
      <FilterBar search={false}>
        <SelectFilter
          id="recs-status"
          label={mt('recs.statusFilter')}
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: mt(`recs.filter.${s}`) }))}
          onChange={(value) => setFilters({ status: value })}
        />
        {hasPermission(me, 'recommendation:respond') && (
          <label className="checkbox-inline">
            <input type="checkbox" checked={mine} onChange={(e) => setFilters({ mine: e.target.checked ? '1' : '' })} />
            {me.nationalScope ? mt('recs.mineAgency') : mt('recs.mine')}
          </label>
        )}
      </FilterBar>
      {updated && (
        <p className="notice notice-success" role="status">
          {mt('recs.updated', { status: mt(`status.${updated.displayStatus}`) })}
        </p>
      )}
      <QueryView state={list} isEmpty={(data) => data.total === 0} empty={mt('recs.empty')}>
        {(data) => (
          <Groups
            data={data}
            onChange={(rec) => {
              setUpdated(rec);
              void queryClient.invalidateQueries({ queryKey: ['/api/recommendations'] });
              // The mission shows its recommendations and the list their counts.
              void queryClient.invalidateQueries({ queryKey: missionKey(rec.mission.id) });
              void queryClient.invalidateQueries({ queryKey: ['/api/missions'] });
            }}
          />
        )}
      </QueryView>
    </div>
  );
}

function Groups({ data, onChange }: { data: RecommendationList; onChange(rec: RecommendationView): void }) {
  const mt = useMonitoringT();
  const groups = useMemo(() => {
    const byKey = new Map<string, RecommendationView[]>();
    for (const rec of data.items) {
      const key = addresseeKey(rec.addressee);
      byKey.set(key, [...(byKey.get(key) ?? []), rec]);
    }
    // The addressees with overdue recommendations first, then by name.
    return data.byAddressee
      .map((g) => ({ ...g, items: byKey.get(addresseeKey({ ...g.addressee })) ?? [] }))
      .filter((g) => g.items.length > 0)
      .sort((a, b) => b.overdue - a.overdue || a.addressee.name.localeCompare(b.addressee.name, 'vi'));
  }, [data]);

  return (
    <>
      <p className="result-count" aria-live="polite">
        {mt('recs.count', { count: formatNumber(data.total), date: formatDate(data.today) })}
      </p>
      {groups.map((g) => (
        <section key={addresseeKey(g.addressee)} className="mon-group" aria-label={g.addressee.name}>
          <h2 className="mon-group-title">
            {g.addressee.name}
            <span className="mon-group-counts">
              {mt('recs.groupCounts', { total: formatNumber(g.total), open: formatNumber(g.open) })}
              {g.overdue > 0 && (
                <span className="badge mon-status-overdue">
                  {mt('missions.overdueCount', { n: formatNumber(g.overdue) })}
                </span>
              )}
            </span>
          </h2>
          <div className="mon-rec-list">
            {g.items.map((rec) => (
              <RecommendationCard key={rec.id} rec={rec} onChange={onChange} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
