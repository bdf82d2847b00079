// The results framework: every indicator with its unit, how it is computed, its aggregation over
// time and its disaggregations. Filters live in the address bar.
import { useMemo } from 'react';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterBar, SearchFilter, SelectFilter } from '../../components/ListPage';
import { QueryView } from '../../components/Status';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { foldVietnamese } from '../../../shared/text';
import { useSearchState } from '../../lib/use-search-state';
import { useMe } from '../../lib/session';
import { AnalyticsTabs } from './AnalyticsTabs';
import { canDefineIndicators } from './IndicatorFormPage';
import type { AnalyticsMessageKey } from './messages.vi';
import { useIndicators, useModelTypes } from '../../lib/reference';
import { describeDefinition, indicatorName, type IndicatorView } from './shared';
import { useAnalyticsT } from './use-analytics-t';
import './analytics.css';

export function IndicatorsPage() {
  const t = useAnalyticsT();
  const { lang } = useI18n();
  const me = useMe();
  const [filters, setFilters] = useSearchState({ q: '', source: '', key: '' });
  const indicators = useIndicators();
  const modelTypes = useModelTypes();
  const typeNames = useMemo(() => new Map((modelTypes.data ?? []).map((m) => [m.code, m.name])), [modelTypes.data]);
  const q = foldVietnamese(filters.q.trim());
  const shown = (indicators.data ?? []).filter(
    (i) =>
      (!filters.source || i.source === filters.source) &&
      (!filters.key || i.isKey) &&
      (!q || foldVietnamese(`${i.code} ${i.nameVi} ${i.nameEn}`).includes(q)),
  );

  const columns: Column<IndicatorView>[] = [
    {
      key: 'code',
      header: t('indicators.col.code'),
      className: 'nowrap',
      cell: (i) => <span className="code">{i.code}</span>,
    },
    {
      key: 'name',
      header: t('indicators.col.name'),
      cell: (i) => (
        <>
          <Link to={`/indicators/${i.id}`}>{indicatorName(i, lang)}</Link>
          <small className="block muted">
            {i.section ? t('indicators.section', { n: i.section }) : ''}
            {i.isKey && (
              <>
                {i.section ? ' · ' : ''}
                <span className="badge badge-new">{t('indicators.key')}</span>
              </>
            )}
          </small>
        </>
      ),
    },
    { key: 'unit', header: t('indicators.col.unit'), cell: (i) => i.unit },
    { key: 'how', header: t('indicators.col.how'), cell: (i) => describeDefinition(t, i, typeNames) },
    { key: 'agg', header: t('indicators.col.aggregation'), cell: (i) => t(`agg.${i.timeAggregation}`) },
    {
      key: 'dis',
      header: t('indicators.col.disaggregations'),
      cell: (i) =>
        i.disaggregations.length
          ? i.disaggregations.map((d) => t(`dim.${d}` as AnalyticsMessageKey)).join(', ')
          : t('indicators.noDisaggregation'),
    },
  ];

  return (
    <div className="page">
      <h1>{t('indicators.title')}</h1>
      <AnalyticsTabs />
      <p className="lead">{t('indicators.intro')}</p>
      {canDefineIndicators(me) && (
        <p className="action-row">
          <Link className="button button-primary" to="/indicators/new">
            {t('indicators.new')}
          </Link>
        </p>
      )}
      <FilterBar>
        <SearchFilter
          id="ind-q"
          label={t('indicators.search')}
          placeholder={t('indicators.searchPlaceholder')}
          value={filters.q}
          onChange={(q) => setFilters({ q })}
        />
        <SelectFilter
          id="ind-source"
          label={t('indicators.source')}
          value={filters.source}
          allLabel={t('common.all')}
          options={(['records', 'registry', 'aggregate'] as const).map((s) => ({ value: s, label: t(`source.${s}`) }))}
          onChange={(source) => setFilters({ source })}
        />
        <label className="checkbox-inline an-filter-check">
          <input
            type="checkbox"
            checked={filters.key === '1'}
            onChange={(event) => setFilters({ key: event.target.checked ? '1' : '' })}
          />
          {t('indicators.keyOnly')}
        </label>
      </FilterBar>
      <QueryView state={indicators} isEmpty={() => shown.length === 0} empty={t('indicators.empty')}>
        {() => (
          <>
            <p className="result-count">{t('indicators.count', { count: formatNumber(shown.length) })}</p>
            <DataTable columns={columns} rows={shown} rowKey={(i) => i.code} />
          </>
        )}
      </QueryView>
    </div>
  );
}
