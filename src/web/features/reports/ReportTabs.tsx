// The sub-navigation of the report pages, each tab shown to those who may use it.
import { SubTabs } from '../../components/SubTabs';
import { hasPermission, useMe } from '../../lib/session';
import { useReportsT } from './use-reports-t';

export function ReportTabs() {
  const rt = useReportsT();
  const me = useMe();
  const tabs = [
    { to: '/reports', label: rt('tabs.mine'), show: true },
    { to: '/reports/queue', label: rt('tabs.queue'), show: hasPermission(me, 'report:approve') },
    { to: '/reports/consolidation', label: rt('tabs.consolidation'), show: true },
    { to: '/reports/review', label: rt('tabs.review'), show: true },
    { to: '/reports/calendar', label: rt('tabs.calendar'), show: true },
  ];
  return <SubTabs label={rt('mine.title')} tabs={tabs.filter((t) => t.show).map((t) => ({ ...t, end: true }))} />;
}

export function StatusBadge({ status, late }: { status: string; late?: boolean }) {
  const rt = useReportsT();
  return (
    <>
      <span className={`badge rep-status-${status}`}>{rt(`status.${status}` as 'status.draft')}</span>
      {late && <span className="badge rep-status-late">{rt('status.late')}</span>}
    </>
  );
}
