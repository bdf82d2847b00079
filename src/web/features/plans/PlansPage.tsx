// The plans in the caller's scope, filtered by year, status, level, province and words.
import { useMemo } from 'react';
import { Link } from 'react-router';
import { PLAN_STATUSES } from '../../../shared/plan';
import { unitInSentence } from '../../../shared/text';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber, todayIso } from '../../i18n/format';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterBar, ListResults, SearchFilter, SelectFilter } from '../../components/ListPage';
import { sortValue, useListQuery, useListState } from '../../lib/use-list-state';
import { hasPermission, useMe } from '../../lib/session';
import { useProvinces } from '../../lib/reference';
import { IssuerList, StatusBadge } from './PlanBits';
import { statusLabel } from './plan-labels';
import type { PlanSummary } from './plan-types';
import { usePlanT } from './use-plan-t';
import './plans.css';

const PAGE_SIZE = 50;
const FIRST_YEAR = 2021;

/** The columns the server sorts the plans by (plans.schemas.ts PLAN_SORT_KEYS). */
const PLAN_SORTS = ['title', 'number', 'year', 'status', 'updated'] as const;

export function PlansPage() {
  const { t: tApp, lang } = useI18n();
  const t = usePlanT();
  const me = useMe();
  const list = useListState({ year: '', status: '', kind: '', province: '' });
  const { filters } = list;
  const status = PLAN_STATUSES.find((s) => s === filters.status);
  const kind: 'central' | 'provincial' | undefined =
    filters.kind === 'central' || filters.kind === 'provincial' ? filters.kind : undefined;
  const year = /^\d{4}$/.test(filters.year) ? Number(filters.year) : undefined;
  const provinces = useProvinces(2025);
  const provinceNames = useMemo(() => new Map(provinces.data?.map((p) => [p.code, p])), [provinces.data]);
  const years = useMemo(() => {
    const last = Number(todayIso().slice(0, 4)) + 1;
    return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
  }, []);

  const query = {
    q: filters.q || undefined,
    year,
    status,
    kind,
    province: filters.province || undefined,
    sort: sortValue(list.sort.value, PLAN_SORTS),
    ...list.page(PAGE_SIZE),
  };
  const plans = useListQuery(['/api/plans', query], (signal) =>
    unwrap(api.GET('/api/plans', { params: { query }, signal })),
  );

  const columns: Column<PlanSummary>[] = [
    {
      key: 'number',
      sort: 'number',
      header: t('plans.col.number'),
      className: 'col-code',
      cell: (p) =>
        p.number ? <span className="nowrap">{p.number}</span> : <span className="muted">{t('plans.noNumber')}</span>,
    },
    {
      key: 'title',
      sort: 'title',
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
                  province: provinceNames.get(p.provinceCode ?? '')?.name ?? p.provinceCode ?? '',
                  unit: unitInSentence(provinceNames.get(p.provinceCode ?? '')?.fullName ?? p.provinceCode ?? ''),
                })}
          </small>
        </>
      ),
    },
    { key: 'issuers', header: t('plans.col.issuers'), cell: (p) => <IssuerList issuers={p.issuers} /> },
    { key: 'status', sort: 'status', header: t('plans.col.status'), cell: (p) => <StatusBadge status={p.status} /> },
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
      <FilterBar>
        <SearchFilter
          id="plans-q"
          label={t('plans.search')}
          placeholder={t('plans.search.placeholder')}
          value={list.text}
          onChange={list.setText}
        />
        <SelectFilter
          id="plans-year"
          label={t('plans.year')}
          value={year === undefined ? '' : String(year)}
          allLabel={tApp('filter.all')}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          onChange={(value) => list.set({ year: value })}
        />
        <SelectFilter
          id="plans-status"
          label={t('plans.status')}
          value={status ?? ''}
          allLabel={tApp('filter.all')}
          options={PLAN_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
          onChange={(value) => list.set({ status: value })}
        />
        <SelectFilter
          id="plans-kind"
          label={t('plans.kind')}
          value={kind ?? ''}
          allLabel={tApp('filter.all')}
          options={[
            { value: 'central', label: t('plans.kind.central') },
            { value: 'provincial', label: t('plans.kind.provincial') },
          ]}
          onChange={(value) => list.set({ kind: value })}
        />
        <SelectFilter
          id="plans-province"
          label={t('plans.province')}
          value={filters.province}
          allLabel={tApp('filter.allProvinces')}
          options={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
          onChange={(value) => list.set({ province: value })}
        />
      </FilterBar>
      <ListResults
        state={plans}
        pageSize={PAGE_SIZE}
        offset={list.offset}
        onPage={list.setOffset}
        empty={t('plans.empty')}
        count={(data) => t('plans.count', { count: formatNumber(data.total) })}
      >
        {(data) => <DataTable columns={columns} rows={data.items} rowKey={(p) => String(p.id)} sort={list.sort} />}
      </ListResults>
    </div>
  );
}
