// Các tỉnh: for a central plan, the provinces' plans as the centre follows them (and the send
// button), and how many provinces planned each central activity.
import { formatNumber } from '../../i18n/format';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryView } from '../../components/Status';
import { PlanLayout } from './PlanLayout';
import { CascadeOverviewPanel } from './cascade/CascadeOverviewPanel';
import { useCascadeOverview } from './cascade/use-cascade-overview';
import type { CascadeOverview, PlanView } from './plan-types';
import { usePlanT } from './use-plan-t';

type ActivityRow = CascadeOverview['activities'][number];

export function PlanProvincesPage() {
  return (
    <PlanLayout>
      {(plan, ctx) => (
        <>
          <CascadeOverviewPanel plan={plan} ctx={ctx} withButton />
          <PlanActivityCoverage plan={plan} />
        </>
      )}
    </PlanLayout>
  );
}

/** How many provinces planned each central activity. */
function PlanActivityCoverage({ plan }: { plan: PlanView }) {
  const t = usePlanT();
  const overview = useCascadeOverview(plan.id, plan.kind === 'central');
  if (plan.kind !== 'central') return null;

  return (
    <QueryView state={overview}>
      {(data) => {
        const total = data.provinces.length;
        const activityColumns: Column<ActivityRow>[] = [
          {
            key: 'activity',
            header: t('provinces.col.activity'),
            cell: (a) => (
              <span className="clamp">
                <strong>{a.number}.</strong> {a.title}
              </span>
            ),
          },
          {
            key: 'count',
            header: t('provinces.col.count'),
            className: 'col-code',
            cell: (a) => (
              <span className="coverage">
                <span className="coverage-bar" aria-hidden="true">
                  <span style={{ width: `${total ? (100 * a.provinces) / total : 0}%` }} />
                </span>
                {t('provinces.count', { count: formatNumber(a.provinces) })}
              </span>
            ),
          },
        ];
        return (
          <>
            <section className="panel" aria-labelledby="provinces-activities-title">
              <h2 id="provinces-activities-title">{t('provinces.activities')}</h2>
              <DataTable columns={activityColumns} rows={data.activities} rowKey={(a) => a.key} />
            </section>
          </>
        );
      }}
    </QueryView>
  );
}
