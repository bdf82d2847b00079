// Planned amounts editor: one plan, one province (or the central level), a row per activity and a
// column per funding source. Amounts are typed as the users write them (1.234.567) and sent as
// exact digit strings; the rows that changed are saved together, in one request and one transaction.
import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { EmptyNotice, ErrorNotice, QueryView } from '../../components/Status';
import { useSearchState } from '../../lib/use-search-state';
import { useMe } from '../../lib/session';
import { useProvinces } from '../../lib/reference';
import { formatMoney, moneyDigits, sumMoney } from '../../lib/money';
import { useFundingSources } from '../../lib/reference';
import { planLabel, shorten } from '../../lib/plans';
import { useChosenPlan, usePlanChoices } from '../../lib/plan-choices';
import { useDebounced } from '../../lib/use-debounced';
import { MoreResults } from '../../components/ListPage';
import { useComponentsT } from '../../components/use-components-t';
import { money, useBudgetsT, type BudgetLines } from './shared';
import '../../styles/monitoring.css';

type Grid = Record<number, Record<string, string>>;

function gridOf(lines: BudgetLines): Grid {
  const grid: Grid = {};
  for (const a of lines.activities) grid[a.id] = Object.fromEntries(a.amounts.map((x) => [x.fundingSource, x.amount]));
  return grid;
}

export function BudgetPlanPage() {
  const bt = useBudgetsT();
  const me = useMe();
  const ct = useComponentsT();
  const provinces = useProvinces(2025);
  const [filters, setFilters] = useSearchState({ plan: '', province: '' });
  // The plans are searched on the server; by default the latest non-draft central plan.
  const [planText, setPlanText] = useState('');
  const plans = usePlanChoices({ q: useDebounced(planText.trim()) });
  const centrals = usePlanChoices({ kind: 'central' });
  const listed = (plans.data?.items ?? []).filter((p) => p.status !== 'draft');
  const wanted = Number(filters.plan) || undefined;
  const linked = useChosenPlan(wanted, plans.data && listed);
  const fromLink =
    listed.find((p) => p.id === wanted) ??
    (linked.data?.id === wanted && linked.data?.status !== 'draft' ? linked.data : undefined);
  // The linked plan is waited for, so the default plan's lines never show in between.
  const waiting = wanted !== undefined && !fromLink && (!plans.data || linked.fetchStatus === 'fetching');
  const chosenPlan = fromLink ?? (waiting ? undefined : (centrals.data?.items ?? []).find((p) => p.status !== 'draft'));
  const planOptions = chosenPlan && !listed.some((p) => p.id === chosenPlan.id) ? [chosenPlan, ...listed] : listed;
  const planSearch = planText !== '' || (plans.data !== undefined && plans.data.total > plans.data.items.length);
  const defaultProvince = me.nationalScope ? 'central' : (me.provinces[0]?.code ?? '');
  const province =
    chosenPlan?.kind === 'provincial' ? (chosenPlan.provinceCode ?? '') : filters.province || defaultProvince;
  const queryClient = useQueryClient();
  const chosen = Boolean(chosenPlan && province);
  const linesQuery = { plan: chosenPlan?.id ?? 0, province };
  const lines = useQuery({
    queryKey: ['/api/budgets/lines', linesQuery],
    queryFn: ({ signal }) => unwrap(api.GET('/api/budgets/lines', { params: { query: linesQuery }, signal })),
    enabled: chosen,
    placeholderData: keepPreviousData,
  });
  const choices = (provinces.data ?? []).filter((p) => me.nationalScope || me.provinces.some((x) => x.code === p.code));

  return (
    <div className="page">
      <p className="back-link">
        <Link to={chosenPlan ? `/budgets?plan=${chosenPlan.id}` : '/budgets'}>← {bt('backToBudgets')}</Link>
      </p>
      <h1>{bt('plan.title')}</h1>
      <p className="lead">{bt('plan.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        {planSearch && (
          <div className="field">
            <label htmlFor="plan-plan-q">{ct('activity.planSearch')}</label>
            <input
              id="plan-plan-q"
              type="search"
              value={planText}
              placeholder={ct('activity.planSearchPlaceholder')}
              onChange={(e) => setPlanText(e.target.value)}
            />
          </div>
        )}
        <div className="field field-grow">
          <label htmlFor="plan-plan">{bt('filter.plan')}</label>
          <select
            id="plan-plan"
            value={chosenPlan?.id ?? ''}
            onChange={(e) => setFilters({ plan: e.target.value, province: '' })}
          >
            {planOptions.map((p) => (
              <option key={p.id} value={p.id}>
                {shorten(planLabel(p), 90)}
              </option>
            ))}
          </select>
          {plans.data && <MoreResults shown={plans.data.items.length} total={plans.data.total} />}
        </div>
        {chosenPlan?.kind !== 'provincial' && (
          <div className="field">
            <label htmlFor="plan-province">{bt('plan.level')}</label>
            <select id="plan-province" value={province} onChange={(e) => setFilters({ province: e.target.value })}>
              {me.nationalScope && <option value="central">{bt('central')}</option>}
              {choices.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      {!chosen && !waiting && (centrals.data || centrals.error) ? (
        <EmptyNotice>{bt('noPlan')}</EmptyNotice>
      ) : (
        <QueryView state={lines}>
          {(l) => (
            <LinesEditor
              key={`${l.planId}-${l.provinceCode}`}
              lines={l}
              onSaved={() => {
                void queryClient.invalidateQueries({ queryKey: ['/api/budgets/lines'] });
                void queryClient.invalidateQueries({ queryKey: ['/api/budgets/summary'] });
              }}
            />
          )}
        </QueryView>
      )}
    </div>
  );
}

function LinesEditor({ lines, onSaved }: { lines: BudgetLines; onSaved(): void }) {
  const bt = useBudgetsT();
  const sources = useFundingSources();
  const [grid, setGrid] = useState<Grid>(() => gridOf(lines));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [badRow, setBadRow] = useState<{ id: number; message: string } | null>(null);
  useEffect(() => setGrid(gridOf(lines)), [lines]);
  // The save button is below a long table: take the user to the refused row.
  useEffect(() => {
    if (badRow) document.querySelector<HTMLElement>('.mon-budget-edit [aria-invalid="true"]')?.focus();
  }, [badRow]);
  const original = useMemo(() => gridOf(lines), [lines]);
  const codes = (sources.data ?? []).map((s) => s.code);
  const changed = lines.activities.filter((a) =>
    codes.some((c) => (grid[a.id]?.[c] || '0') !== (original[a.id]?.[c] || '0')),
  );
  const total = sumMoney(lines.activities.flatMap((a) => codes.map((c) => grid[a.id]?.[c] ?? '')));

  function set(activityId: number, code: string, text: string) {
    setSaved(false);
    setGrid((g) => ({ ...g, [activityId]: { ...g[activityId], [code]: moneyDigits(text) } }));
  }

  async function save() {
    setBusy(true);
    setError(null);
    setBadRow(null);
    const rows = changed;
    try {
      // One request, one transaction: either every changed row is saved or none is.
      await unwrap(
        api.PUT('/api/budgets/plans/{id}/lines', {
          params: { path: { id: lines.planId } },
          body: {
            provinceCode: lines.provinceCode,
            rows: rows.map((a) => ({
              planActivityId: a.id,
              amounts: codes.map((c) => ({ fundingSource: c, amount: grid[a.id]?.[c] || '0' })),
            })),
          },
        }),
      );
      setSaved(true);
      onSaved();
    } catch (failure) {
      // The 400 names the row (rows.3.amounts.0.amount): point at that activity.
      const row = failure instanceof ApiError ? /^rows\.(\d+)\./.exec(failure.field ?? '') : null;
      const activity = row ? rows[Number(row[1])] : undefined;
      if (activity && failure instanceof ApiError) setBadRow({ id: activity.id, message: failure.message });
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {!lines.editable && <p className="notice notice-info">{bt('plan.readOnly')}</p>}
      {lines.editable && lines.activities.some((a) => !a.allowedActions.includes('plan')) && (
        <p className="notice notice-info">{bt('plan.partly')}</p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      {badRow && (
        <p className="notice notice-error" role="alert">
          {bt('plan.rowError', {
            number: lines.activities.find((a) => a.id === badRow.id)?.number ?? '',
            message: badRow.message,
          })}
        </p>
      )}
      {saved && (
        <p className="notice notice-success" role="status">
          {bt('plan.saved')}
        </p>
      )}
      <div className="table-wrap">
        <table className="data-table mon-budget-table mon-budget-edit">
          <thead>
            <tr>
              <th scope="col">{bt('col.activity')}</th>
              {sources.data?.map((s) => (
                <th key={s.code} scope="col" className="mon-n">
                  {s.nameVi}
                </th>
              ))}
              <th scope="col" className="mon-n">
                {bt('total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.activities.map((a) => {
              const row = grid[a.id] ?? {};
              return (
                <tr key={a.id} className={badRow?.id === a.id ? 'mon-row-error' : undefined}>
                  <td data-label={bt('col.activity')}>
                    <div className="cell">
                      <strong>{a.number}.</strong> {shorten(a.title, 80)}
                    </div>
                  </td>
                  {sources.data?.map((s) => (
                    <td key={s.code} data-label={s.nameVi} className="mon-n">
                      <div className="cell">
                        {a.allowedActions.includes('plan') ? (
                          <input
                            className="mon-money"
                            inputMode="numeric"
                            aria-label={`${s.nameVi} — ${a.number}`}
                            value={row[s.code] ? formatMoney(row[s.code]!) : ''}
                            placeholder="0"
                            aria-invalid={badRow?.id === a.id || undefined}
                            onChange={(e) => set(a.id, s.code, e.target.value)}
                          />
                        ) : (
                          money(row[s.code] ?? '0')
                        )}
                      </div>
                    </td>
                  ))}
                  <td data-label={bt('total')} className="mon-n">
                    <div className="cell">{money(sumMoney(codes.map((c) => row[c] ?? '')))}</div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="mon-actions" style={{ marginTop: '0.75rem' }}>
        <strong>
          {bt('plan.grandTotal')}: {money(total)}
        </strong>
        {lines.editable && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy || changed.length === 0}
            onClick={() => void save()}
          >
            {busy ? bt('saving') : bt('plan.save', { n: changed.length })}
          </button>
        )}
      </p>
    </>
  );
}
