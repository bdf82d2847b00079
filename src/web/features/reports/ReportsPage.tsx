// My unit's reports: the year's reporting calendar with deadlines, each period's report (or the
// button that starts it, pre-filled), and the reminders sent to me.
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { FilterBar, SelectFilter } from '../../components/ListPage';
import { ErrorNotice, QueryView } from '../../components/Status';
import { DataTable, type Column } from '../../components/DataTable';
import { formatDate, formatDateTime, todayIso } from '../../i18n/format';
import { useSearchState } from '../../lib/use-search-state';
import { hasPermission, useMe } from '../../lib/session';
import { ReportTabs, StatusBadge } from './ReportTabs';
import { daysBetween, type CalendarPeriod, type ReportSummary } from './shared';
import { useReportsT } from './use-reports-t';
import './reports.css';

interface Row {
  period: CalendarPeriod;
  report: ReportSummary | undefined;
}

export function ReportsPage() {
  const rt = useReportsT();
  const me = useMe();
  const navigate = useNavigate();
  const thisYear = new Date().getFullYear();
  const [filters, setFilters] = useSearchState({ year: String(thisYear) });
  const year = Number(filters.year) || thisYear;
  const today = todayIso();
  const writer = hasPermission(me, 'report:write');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const queryClient = useQueryClient();
  const mineQuery = { mine: true, year, limit: 500 } as const;
  // One answer from two requests, so a new year never shows its periods with last year's reports.
  const data = useQuery({
    queryKey: ['/api/reports', mineQuery, '/api/report-periods', { year }],
    queryFn: async ({ signal }) => {
      const [periods, mine] = await Promise.all([
        unwrap(api.GET('/api/report-periods', { params: { query: { year } }, signal })),
        unwrap(api.GET('/api/reports', { params: { query: mineQuery }, signal })),
      ]);
      return periods.map((period): Row => ({
        period,
        report: mine.items.find((r) => r.type.code === period.type && r.period.code === period.code),
      }));
    },
    placeholderData: keepPreviousData,
  });
  const notificationsQuery = { unread: true } as const;
  const notifications = useQuery({
    queryKey: ['/api/notifications', notificationsQuery],
    queryFn: ({ signal }) => unwrap(api.GET('/api/notifications', { params: { query: notificationsQuery }, signal })),
  });

  async function start(period: CalendarPeriod) {
    setBusy(`${period.type}:${period.code}`);
    setError(null);
    try {
      const report = await unwrap(api.POST('/api/reports', { body: { type: period.type, period: period.code } }));
      void queryClient.invalidateQueries({ queryKey: ['/api/reports'] });
      void navigate(`/reports/${report.id}`);
    } catch (failure) {
      setError(failure);
      setBusy(null);
    }
  }

  async function markRead(id: number) {
    const all = await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
    queryClient.setQueryData(['/api/notifications', notificationsQuery], {
      ...all,
      items: all.items.filter((n) => n.readAt === null),
    });
  }

  const columns: Column<Row>[] = [
    {
      key: 'period',
      header: rt('mine.period'),
      cell: (r) => (
        <>
          <strong>{r.period.typeName}</strong>
          <small className="block">{r.period.label}</small>
        </>
      ),
    },
    {
      key: 'due',
      header: rt('mine.due'),
      className: 'nowrap',
      cell: (r) => {
        const days = daysBetween(today, r.period.dueDate);
        const pending = !r.report || ['draft', 'returned'].includes(r.report.status);
        return (
          <>
            {formatDate(r.period.dueDate)}
            {pending && (
              <small className={days < 0 ? 'block rep-late-text' : 'block muted'}>
                {days < 0 ? rt('mine.overdue', { days: -days }) : rt('mine.dueIn', { days })}
              </small>
            )}
          </>
        );
      },
    },
    {
      key: 'status',
      header: rt('mine.status'),
      cell: (r) => (
        <StatusBadge
          status={r.report?.status ?? 'not_started'}
          late={r.report ? r.report.late : r.period.dueDate < today}
        />
      ),
    },
    {
      key: 'action',
      header: '',
      cell: (r) =>
        r.report ? (
          <Link className="button button-small" to={`/reports/${r.report.id}`}>
            {rt('mine.open')}
          </Link>
        ) : writer ? (
          <button
            type="button"
            className="button button-small button-primary"
            disabled={busy !== null}
            onClick={() => void start(r.period)}
            aria-label={`${rt('mine.create')}: ${r.period.typeName} — ${r.period.label}`}
          >
            {busy === `${r.period.type}:${r.period.code}` ? rt('common.saving') : rt('mine.create')}
          </button>
        ) : null,
    },
  ];

  return (
    <div className="page">
      <h1>{rt('mine.title')}</h1>
      <ReportTabs />
      <p className="lead">{rt('mine.intro')}</p>
      {notifications.data && notifications.data.items.length > 0 && (
        <section className="panel rep-notifications" aria-labelledby="rep-notes">
          <h2 id="rep-notes">{rt('notifications.title')}</h2>
          <ul>
            {notifications.data.items.map((n) => (
              <li key={n.id}>
                <strong>{n.title}</strong> <small className="muted">{formatDateTime(n.createdAt)}</small>
                <span className="block">{n.body}</span>
                <span className="rep-actions">
                  {n.link && (
                    <Link className="button button-small" to={n.link}>
                      {rt('notifications.open')}
                    </Link>
                  )}
                  <button type="button" className="button button-small" onClick={() => void markRead(n.id)}>
                    {rt('notifications.markRead')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!writer && <p className="notice notice-info">{rt('mine.notReporter')}</p>}
      <FilterBar search={false}>
        <SelectFilter
          id="rep-year"
          label={rt('common.year')}
          value={filters.year}
          options={Array.from({ length: 8 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: String(y) }))}
          onChange={(year) => setFilters({ year })}
        />
      </FilterBar>
      {error !== null && <ErrorNotice error={error} />}
      <QueryView state={data} isEmpty={(rows) => rows.length === 0} empty={rt('mine.empty')}>
        {(rows) => <DataTable columns={columns} rows={rows} rowKey={(r) => `${r.period.type}:${r.period.code}`} />}
      </QueryView>
    </div>
  );
}
