// "Kinh phí": planned vs spent for a plan (or every plan of a year), by content area, province,
// funding source and activity, with the share spent. Spent is what the implementation records
// cost; the figures come exact from the server and are never added up here.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { FilterBar, MoreResults, SearchFilter, SelectFilter } from '../../components/ListPage';
import { EmptyNotice, QueryView } from '../../components/Status';
import { useSearchState } from '../../lib/use-search-state';
import { planLabel, shorten } from '../../lib/plans';
import { useChosenPlan, usePlanChoices } from '../../lib/plan-choices';
import { useDebounced } from '../../lib/use-debounced';
import { useComponentsT } from '../../components/use-components-t';
import { barWidth, formatShare, money, useBudgetsT, type BudgetSummary } from './shared';
import '../../styles/monitoring.css';

interface Row {
  key: string;
  label: string;
  sub?: string;
  planned: string;
  spent: string;
  share: string | null;
}

function AmountTable({
  caption,
  head,
  rows,
  total,
}: {
  caption: string;
  head: string;
  rows: Row[];
  total: BudgetSummary['total'];
}) {
  const bt = useBudgetsT();
  return (
    <section className="panel" aria-label={caption}>
      <h2>{caption}</h2>
      <div className="table-wrap">
        <table className="data-table mon-budget-table">
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <th scope="col" className="mon-n">
                {bt('col.planned')}
              </th>
              <th scope="col" className="mon-n">
                {bt('col.spent')}
              </th>
              <th scope="col" className="mon-n">
                {bt('col.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td data-label={head}>
                  <div className="cell">
                    {r.label}
                    {r.sub && <small className="block muted">{r.sub}</small>}
                  </div>
                </td>
                <td data-label={bt('col.planned')} className="mon-n">
                  <div className="cell">{money(r.planned)}</div>
                </td>
                <td data-label={bt('col.spent')} className="mon-n">
                  <div className="cell">{money(r.spent)}</div>
                </td>
                <td data-label={bt('col.share')} className="mon-n">
                  <div className="cell">
                    {formatShare(r.share)}
                    <span
                      className={r.share !== null && Number(r.share) > 100 ? 'mon-bar is-over' : 'mon-bar'}
                      aria-hidden="true"
                    >
                      <span style={{ width: barWidth(r.share) }} />
                    </span>
                  </div>
                </td>
              </tr>
            ))}
            <tr className="mon-total-row">
              <td data-label={head}>
                <div className="cell">
                  <strong>{bt('total')}</strong>
                </div>
              </td>
              <td data-label={bt('col.planned')} className="mon-n">
                <div className="cell">
                  <strong>{money(total.planned)}</strong>
                </div>
              </td>
              <td data-label={bt('col.spent')} className="mon-n">
                <div className="cell">
                  <strong>{money(total.spent)}</strong>
                </div>
              </td>
              <td data-label={bt('col.share')} className="mon-n">
                <div className="cell">
                  <strong>{formatShare(total.share)}</strong>
                </div>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function BudgetsPage() {
  const bt = useBudgetsT();
  const ct = useComponentsT();
  const [filters, setFilters] = useSearchState({ plan: '', year: '' });
  // The plans to choose from are searched on the server; the central ones (one a year) give the
  // years and the default plan.
  const [planText, setPlanText] = useState('');
  const plans = usePlanChoices({ q: useDebounced(planText.trim()) });
  const centrals = usePlanChoices({ kind: 'central' });
  const central = (centrals.data?.items ?? []).filter((p) => p.status !== 'draft');
  // By default the latest issued central plan: the one the demo and most users work on.
  const planId = Number(filters.plan) || (filters.year ? undefined : central[0]?.id);
  const year = Number(filters.year) || undefined;
  const chosen = Boolean(planId || year);
  const summaryQuery = { plan: year ? undefined : planId, year };
  const summary = useQuery({
    queryKey: ['/api/budgets/summary', summaryQuery],
    queryFn: ({ signal }) => unwrap(api.GET('/api/budgets/summary', { params: { query: summaryQuery }, signal })),
    enabled: chosen,
    placeholderData: keepPreviousData,
  });
  const years = [...new Set([...(centrals.data?.items ?? []), ...(plans.data?.items ?? [])].map((p) => p.year))].sort(
    (a, b) => b - a,
  );
  const listed = (plans.data?.items ?? []).filter((p) => p.status !== 'draft');
  const chosenPlan = useChosenPlan(year ? undefined : planId, plans.data && listed);
  const planOptions = chosenPlan.data ? [chosenPlan.data, ...listed] : listed;
  const planSearch = planText !== '' || (plans.data !== undefined && plans.data.total > plans.data.items.length);
  const query = year ? `year=${year}` : planId ? `plan=${planId}` : '';

  return (
    <div className="page">
      <div className="page-title-row">
        <h1>{bt('title')}</h1>
        <span className="mon-title-actions">
          {query && (
            <a className="button button-secondary" href={`/api/budgets/export.xlsx?${query}`} download>
              {bt('export')}
            </a>
          )}
          {summary.data?.allowedActions.includes('plan') && (
            <Link
              className="button button-primary"
              to={planId && !year ? `/budgets/plan?plan=${planId}` : '/budgets/plan'}
            >
              {bt('planAmounts')}
            </Link>
          )}
        </span>
      </div>
      <p className="lead">{bt('intro')}</p>
      <FilterBar search={false}>
        {planSearch && (
          <SearchFilter
            id="budget-plan-q"
            label={ct('activity.planSearch')}
            placeholder={ct('activity.planSearchPlaceholder')}
            value={planText}
            onChange={setPlanText}
          />
        )}
        <SelectFilter
          id="budget-plan"
          label={bt('filter.plan')}
          value={year ? '' : String(planId ?? '')}
          allLabel={planId ? undefined : bt('filter.choosePlan')}
          grow
          options={planOptions.map((p) => ({ value: p.id, label: shorten(planLabel(p), 90) }))}
          onChange={(plan) => setFilters({ plan, year: '' })}
        />
        {plans.data && <MoreResults shown={plans.data.items.length} total={plans.data.total} />}
        <SelectFilter
          id="budget-year"
          label={bt('filter.year')}
          value={filters.year}
          allLabel={bt('filter.byPlan')}
          options={years.map((y) => ({ value: y, label: bt('filter.allPlansOf', { year: y }) }))}
          onChange={(value) => setFilters({ year: value, plan: '' })}
        />
      </FilterBar>
      {!chosen && (centrals.data || centrals.error) ? (
        <EmptyNotice>{bt('noPlan')}</EmptyNotice>
      ) : (
        <QueryView state={summary}>{(s) => <Summary summary={s} />}</QueryView>
      )}
    </div>
  );
}

function Summary({ summary: s }: { summary: BudgetSummary }) {
  const bt = useBudgetsT();
  if (s.byActivity.length === 0) return <p className="notice notice-empty">{bt('empty')}</p>;
  const over = s.total.share !== null && Number(s.total.share) > 100;
  return (
    <>
      <div className="mon-summary">
        <div className="mon-stat">
          <strong>{money(s.total.planned)}</strong>
          <span>{bt('stat.planned')}</span>
        </div>
        <div className="mon-stat">
          <strong>{money(s.total.spent)}</strong>
          <span>{bt('stat.spent', { n: s.recordCount })}</span>
        </div>
        <div className={over ? 'mon-stat is-alert' : 'mon-stat'}>
          <strong>{formatShare(s.total.share)}</strong>
          <span>{bt('stat.share')}</span>
        </div>
      </div>
      <AmountTable
        caption={bt('bySource')}
        head={bt('col.source')}
        total={s.total}
        rows={s.bySource.map((x) => ({ key: x.code, label: x.name, ...x }))}
      />
      <AmountTable
        caption={bt('bySection')}
        head={bt('col.section')}
        total={s.total}
        rows={s.bySection.map((x, i) => ({ key: `${i}-${x.number}`, label: `${x.number}. ${x.title}`, ...x }))}
      />
      <AmountTable
        caption={bt('byProvince')}
        head={bt('col.province')}
        total={s.total}
        rows={s.byProvince.map((x) => ({ key: x.code ?? 'central', label: x.code ? x.name : bt('central'), ...x }))}
      />
      <AmountTable
        caption={bt('byActivity')}
        head={bt('col.activity')}
        total={s.total}
        rows={s.byActivity.map((x) => ({
          key: String(x.id),
          label: `${x.number}. ${shorten(x.title, 120)}`,
          sub: x.bySource.map((b) => s.sources.find((src) => src.code === b.code)?.name ?? b.code).join(', '),
          ...x,
        }))}
      />
    </>
  );
}
