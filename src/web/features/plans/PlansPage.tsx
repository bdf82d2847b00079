// The plans in the caller's scope, filtered by year, status, level, province and words.
import { useMemo } from 'react';
import { Link } from 'react-router';
import { PLAN_STATUSES } from '../../../shared/plan';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber, todayIso } from '../../i18n/format';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/Status';
import { useAsync } from '../../lib/use-async';
import { useSearchState } from '../../lib/use-search-state';
import { useSearchText } from '../../lib/use-search-text';
import { hasPermission, useMe } from '../auth/SessionProvider';
import { useProvinces } from '../admin-units/provinces';
import { IssuerList, StatusBadge } from './PlanBits';
import { statusLabel } from './plan-labels';
import type { PlanSummary } from './plan-types';
import { usePlanT } from './use-plan-t';
import './plans.css';

const PAGE_SIZE = 50;
const FIRST_YEAR = 2021;

export function PlansPage() {
  const { t: tApp, lang } = useI18n();
  const t = usePlanT();
  const me = useMe();
  const [filters, setFilters] = useSearchState({ q: '', year: '', status: '', kind: '', province: '', offset: '0' });
  const [text, setText] = useSearchText(filters.q, (q) => setFilters({ q, offset: '' }));
  const status = PLAN_STATUSES.find((s) => s === filters.status);
  const kind = filters.kind === 'central' || filters.kind === 'provincial' ? filters.kind : undefined;
  const year = /^\d{4}$/.test(filters.year) ? Number(filters.year) : undefined;
  const offset = Number(filters.offset) || 0;
  const provinces = useProvinces(2025);
  const provinceNames = useMemo(() => new Map(provinces.data?.map((p) => [p.code, p.name])), [provinces.data]);
  const years = useMemo(() => {
    const last = Number(todayIso().slice(0, 4)) + 1;
    return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
  }, []);

  const plans = useAsync(
    (signal) =>
      unwrap(
        api.GET('/api/plans', {
          params: {
            query: {
              q: filters.q || undefined,
              year,
              status,
              kind,
              province: filters.province || undefined,
              limit: PAGE_SIZE,
              offset,
            },
          },
          signal,
        }),
      ),
    [filters.q, year, status, kind, filters.province, offset],
  );

  const columns: Column<PlanSummary>[] = [
    {
      key: 'number',
      header: t('plans.col.number'),
      className: 'col-code',
      cell: (p) =>
        p.number ? <span className="nowrap">{p.number}</span> : <span className="muted">{t('plans.noNumber')}</span>,
    },
    {
      key: 'title',
      header: t('plans.col.title'),
      className: 'col-name',
      cell: (p) => (
        <>
          <Link to={`/plans/${p.id}`}>{p.title}</Link>
          <small className="muted block">
            {p.kind === 'central'
              ? t('plan.kindYear.central', { year: p.year })
              : t('plan.kindYear.provincial', {
                  year: p.year,
                  province: provinceNames.get(p.provinceCode ?? '') ?? p.provinceCode ?? '',
                })}
          </small>
        </>
      ),
    },
    { key: 'issuers', header: t('plans.col.issuers'), cell: (p) => <IssuerList issuers={p.issuers} /> },
    { key: 'status', header: t('plans.col.status'), cell: (p) => <StatusBadge status={p.status} /> },
    {
      key: 'activities',
      header: t('plans.col.activities'),
      cell: (p) => <span className="nowrap">{t('plans.activityCount', { count: formatNumber(p.activityCount) })}</span>,
    },
  ];

  const canEdit = hasPermission(me, 'plan:edit');
  return (
    <div className="page">
      <div className="page-title-row">
        <h1>{t('plans.title')}</h1>
        {canEdit && (
          <div className="button-row">
            <Link className="button button-secondary" to="/plans/import">
              {t('plans.import')}
            </Link>
            <Link className="button button-primary" to="/plans/new">
              {t('plans.create')}
            </Link>
          </div>
        )}
      </div>
      <p className="lead">{t('plans.intro')}</p>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="plans-q">{t('plans.search')}</label>
          <input
            id="plans-q"
            type="search"
            value={text}
            placeholder={t('plans.search.placeholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="plans-year">{t('plans.year')}</label>
          <select
            id="plans-year"
            value={year ?? ''}
            onChange={(event) => setFilters({ year: event.target.value, offset: '' })}
          >
            <option value="">{tApp('filter.all')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="plans-status">{t('plans.status')}</label>
          <select
            id="plans-status"
            value={status ?? ''}
            onChange={(event) => setFilters({ status: event.target.value, offset: '' })}
          >
            <option value="">{tApp('filter.all')}</option>
            {PLAN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="plans-kind">{t('plans.kind')}</label>
          <select
            id="plans-kind"
            value={kind ?? ''}
            onChange={(event) => setFilters({ kind: event.target.value, offset: '' })}
          >
            <option value="">{tApp('filter.all')}</option>
            <option value="central">{t('plans.kind.central')}</option>
            <option value="provincial">{t('plans.kind.provincial')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="plans-province">{t('plans.province')}</label>
          <select
            id="plans-province"
            value={filters.province}
            onChange={(event) => setFilters({ province: event.target.value, offset: '' })}
          >
            <option value="">{tApp('filter.allProvinces')}</option>
            {provinces.data?.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <QueryView state={plans} isEmpty={(data) => data.total === 0} empty={t('plans.empty')}>
        {(data) => (
          <>
            <p className="result-count" aria-live="polite">
              {t('plans.count', { count: formatNumber(data.total) })}
            </p>
            <DataTable columns={columns} rows={data.items} rowKey={(p) => String(p.id)} />
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
