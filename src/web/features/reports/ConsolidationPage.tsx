// The central table of a period: every expected report with its status and who is late; the
// approvers remind the late (in the app, and by e-mail when the server has SMTP).
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { FilterBar, SelectFilter } from '../../components/ListPage';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice, QueryView } from '../../components/Status';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useSearchState } from '../../lib/use-search-state';
import { hasPermission, useMe } from '../../lib/session';
import { ReportTabs, StatusBadge } from './ReportTabs';
import type { Consolidation } from './shared';
import { useReportsT } from './use-reports-t';
import './reports.css';

type Row = Consolidation['rows'][number];

export function ConsolidationPage() {
  const rt = useReportsT();
  const me = useMe();
  const thisYear = new Date().getFullYear();
  const [filters, setFilters] = useSearchState({ year: String(thisYear), key: '', late: '' });
  const year = Number(filters.year) || thisYear;
  const periods = useQuery({
    queryKey: ['/api/report-periods', { year }],
    queryFn: ({ signal }) => unwrap(api.GET('/api/report-periods', { params: { query: { year } }, signal })),
    placeholderData: keepPreviousData,
  });
  const chosen = filters.key || (periods.data?.[0] ? `${periods.data[0].type}:${periods.data[0].code}` : '');
  const [type, period] = chosen.split(':');
  const tableQuery = { type: type ?? '', period: period ?? '' };
  const table = useQuery({
    queryKey: ['/api/reports/consolidation', tableQuery],
    queryFn: ({ signal }) => unwrap(api.GET('/api/reports/consolidation', { params: { query: tableQuery }, signal })),
    enabled: Boolean(type && period),
    placeholderData: keepPreviousData,
  });
  const [reminded, setReminded] = useState<{ agencies: number; notifications: number; emails: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function remind() {
    setError(null);
    try {
      setReminded(
        await unwrap(api.POST('/api/reports/consolidation/remind', { body: { type: type!, period: period! } })),
      );
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <div className="page">
      <h1>{rt('consolidation.title')}</h1>
      <ReportTabs />
      <p className="lead">{rt('consolidation.intro')}</p>
      <FilterBar search={false}>
        <SelectFilter
          id="con-year"
          label={rt('common.year')}
          value={filters.year}
          options={Array.from({ length: 8 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: String(y) }))}
          onChange={(year) => setFilters({ year, key: '' })}
        />
        <SelectFilter
          id="con-period"
          label={rt('consolidation.period')}
          value={chosen}
          grow
          options={(periods.data ?? []).map((p) => ({
            value: `${p.type}:${p.code}`,
            label: `${p.typeName} — ${p.label}`,
          }))}
          onChange={(key) => setFilters({ key })}
        />
        <div className="field rep-check">
          <label>
            <input
              type="checkbox"
              checked={filters.late === '1'}
              onChange={(e) => setFilters({ late: e.target.checked ? '1' : '' })}
            />{' '}
            {rt('consolidation.onlyLate')}
          </label>
        </div>
      </FilterBar>
      {error !== null && <ErrorNotice error={error} />}
      {reminded && (
        <p className="notice notice-success" role="status">
          {rt('consolidation.reminded', reminded)}
        </p>
      )}
      {type && period && (
        <QueryView state={table}>
          {(view) => (
            <>
              <p className="result-count" aria-live="polite">
                {rt('consolidation.summary', {
                  due: formatDate(view.dueDate),
                  ...Object.fromEntries(Object.entries(view.counts).map(([k, v]) => [k, formatNumber(v)])),
                })}
              </p>
              {hasPermission(me, 'report:approve') && view.counts.late! > 0 && (
                <p>
                  <button type="button" className="button" onClick={() => void remind()}>
                    {rt('consolidation.remind')}
                  </button>
                </p>
              )}
              <DataTable<Row>
                rows={view.rows.filter((r) => filters.late !== '1' || r.late)}
                rowKey={(r) => String(r.agency.id)}
                columns={[
                  {
                    key: 'province',
                    header: rt('col.province'),
                    cell: (r) => r.province?.name ?? rt('consolidation.central'),
                  },
                  {
                    key: 'agency',
                    header: rt('col.agency'),
                    cell: (r) =>
                      r.reportId ? <Link to={`/reports/${r.reportId}`}>{r.agency.name}</Link> : r.agency.name,
                  },
                  {
                    key: 'status',
                    header: rt('col.status'),
                    cell: (r) => <StatusBadge status={r.status} late={r.late} />,
                  },
                  {
                    key: 'submitted',
                    header: rt('col.submittedAt'),
                    className: 'nowrap',
                    cell: (r) => formatDateTime(r.submittedAt),
                  },
                ]}
              />
            </>
          )}
        </QueryView>
      )}
    </div>
  );
}
