// Các tỉnh: for a central plan, which provinces have derived their plan (and its status), and
// how many provinces planned each central activity.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { formatNumber } from '../../i18n/format';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyNotice, QueryView } from '../../components/Status';
import { PlanLayout } from './PlanLayout';
import { StatusBadge } from './PlanBits';
import type { CascadeOverview, PlanView } from './plan-types';
import { usePlanT } from './use-plan-t';

type ActivityRow = CascadeOverview['activities'][number];

export function PlanProvincesPage() {
  return <PlanLayout>{(plan) => <PlanProvinces plan={plan} />}</PlanLayout>;
}

function PlanProvinces({ plan }: { plan: PlanView }) {
  const t = usePlanT();
  const overview = useQuery({
    queryKey: ['/api/plans/{id}/cascade', plan.id, plan.version],
    queryFn: ({ signal }) => unwrap(api.GET('/api/plans/{id}/cascade', { params: { path: { id: plan.id } }, signal })),
  });
  if (plan.kind !== 'central') return <EmptyNotice>{t('provinces.centralOnly')}</EmptyNotice>;

  return (
    <QueryView state={overview}>
      {(data) => {
        const total = data.provinces.length;
        const withPlan = data.provinces.filter((p) => p.planId).length;
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
            <section className="panel" aria-labelledby="provinces-title">
              <h2 id="provinces-title">{t('plan.tab.provinces')}</h2>
              <p className="panel-intro">{t('provinces.intro')}</p>
              <p className="result-count">{t('provinces.summary', { count: withPlan, total })}</p>
              <ul className="province-grid" data-testid="province-plans">
                {data.provinces.map((p) => (
                  <li key={p.code} className={p.planId ? 'has-plan' : undefined}>
                    <strong>{p.name}</strong>
                    {p.planId && p.status ? (
                      <span className="province-plan">
                        <StatusBadge status={p.status} />
                        <Link to={`/plans/${p.planId}`}>{t('provinces.open')}</Link>
                      </span>
                    ) : (
                      <span className="muted small">{t('provinces.none')}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
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
