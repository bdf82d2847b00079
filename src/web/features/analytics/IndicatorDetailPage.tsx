// One indicator: what it measures and how, its targets by year (national and per province: view,
// edit, import), and for indicators entered as aggregate values, the data-entry form.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryView } from '../../components/Status';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission, useMe } from '../../lib/session';
import { AnalyticsTabs } from './AnalyticsTabs';
import { TargetsPanel } from './TargetsPanel';
import { ValuesPanel } from './ValuesPanel';
import type { AnalyticsMessageKey } from './messages.vi';
import { useModelTypes } from '../../lib/reference';
import { describeDefinition, indicatorKey, indicatorName, type IndicatorView } from './shared';
import { useAnalyticsT } from './use-analytics-t';
import './analytics.css';

export function IndicatorDetailPage() {
  const t = useAnalyticsT();
  const id = Number(useParams().id);
  const arrived = (useLocation().state as { notice?: 'created' | 'saved' } | null)?.notice;
  const indicator = useQuery({
    queryKey: indicatorKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/indicators/{id}', { params: { path: { id } }, signal })),
  });
  return (
    <div className="page">
      <p className="back-link">
        <Link to="/indicators">← {t('detail.back')}</Link>
      </p>
      {arrived && (
        <p className="notice notice-success" role="status">
          {t(arrived === 'created' ? 'form.created' : 'form.saved')}
        </p>
      )}
      <QueryView state={indicator}>{(data) => <IndicatorContent indicator={data} />}</QueryView>
    </div>
  );
}

function IndicatorContent({ indicator }: { indicator: IndicatorView }) {
  const t = useAnalyticsT();
  const { lang } = useI18n();
  const me = useMe();
  const modelTypes = useModelTypes();
  const typeNames = useMemo(() => new Map((modelTypes.data ?? []).map((m) => [m.code, m.name])), [modelTypes.data]);
  const facts: [string, string][] = [
    [t('indicators.col.unit'), indicator.unit],
    [t('indicators.col.how'), describeDefinition(t, indicator, typeNames)],
    [t('indicators.col.aggregation'), t(`agg.${indicator.timeAggregation}`)],
    [t('form.valueType'), t(`valueType.${indicator.valueType}`)],
    [
      t('indicators.col.disaggregations'),
      indicator.disaggregations.length
        ? indicator.disaggregations.map((d) => t(`dim.${d}` as AnalyticsMessageKey)).join(', ')
        : t('indicators.noDisaggregation'),
    ],
    ...(indicator.section
      ? [[t('dim.plan'), t('indicators.section', { n: indicator.section })] as [string, string]]
      : []),
  ];
  return (
    <>
      <h1>
        <span className="code">{indicator.code}</span> {indicatorName(indicator, lang)}
      </h1>
      <AnalyticsTabs />
      <section className="panel" aria-labelledby="ind-facts">
        <h2 id="ind-facts">{t('detail.facts')}</h2>
        <dl className="facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="action-row">
          <Link
            className="button button-secondary button-small"
            to={`/pivot?rows=province&cols=year&indicator=${indicator.code}&targets=1`}
          >
            {t('detail.openPivot')}
          </Link>
          {indicator.allowedActions.includes('edit') && (
            <Link className="button button-secondary button-small" to={`/indicators/${indicator.id}/edit`}>
              {t('indicators.edit')}
            </Link>
          )}
        </p>
      </section>
      <TargetsPanel indicator={indicator} />
      {indicator.source === 'aggregate' && (
        <ValuesPanel indicator={indicator} canEnter={hasPermission(me, 'record:write')} />
      )}
    </>
  );
}
