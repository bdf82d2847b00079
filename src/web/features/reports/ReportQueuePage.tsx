// The approver's queue: submitted reports sent to my agency that I may decide on.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { QueryView } from '../../components/Status';
import { sortValue, useListState } from '../../lib/use-list-state';
import { formatDate, formatDateTime } from '../../i18n/format';
import { ReportTabs, StatusBadge } from './ReportTabs';
import { useReportsT } from './use-reports-t';
import './reports.css';

/** The columns the server sorts by (reports.schemas.ts REPORT_SORT_KEYS). */
const SORTS = ['period', 'due', 'status', 'submitted'] as const;

export function ReportQueuePage() {
  const rt = useReportsT();
  const list = useListState({});
  const query = { queue: 'approve', limit: 500, sort: sortValue(list.sort.value, SORTS) } as const;
  const queue = useQuery({
    queryKey: ['/api/reports', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/reports', { params: { query }, signal })),
  });
  return (
    <div className="page">
      <h1>{rt('queue.title')}</h1>
      <ReportTabs />
      <p className="lead">{rt('queue.intro')}</p>
      <QueryView state={queue} isEmpty={(d) => d.items.length === 0} empty={rt('queue.empty')}>
        {(d) => (
          <DataTable
            rows={d.items}
            rowKey={(r) => String(r.id)}
            sort={list.sort}
            columns={[
              {
                key: 'report',
                sort: 'period',
                header: rt('col.report'),
                cell: (r) => (
                  <>
                    <Link to={`/reports/${r.id}`}>
                      {r.type.name} — {r.period.label}
                    </Link>
                    <small className="block">
                      <StatusBadge status={r.status} />
                    </small>
                  </>
                ),
              },
              { key: 'agency', header: rt('col.agency'), cell: (r) => r.agency.name },
              {
                key: 'due',
                sort: 'due',
                header: rt('mine.due'),
                className: 'nowrap',
                cell: (r) => formatDate(r.dueDate),
              },
              {
                key: 'submitted',
                sort: 'submitted',
                header: rt('col.submittedAt'),
                className: 'nowrap',
                cell: (r) => formatDateTime(r.submittedAt),
              },
            ]}
          />
        )}
      </QueryView>
    </div>
  );
}
