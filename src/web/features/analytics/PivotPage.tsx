// The live pivot: dimensions on rows and columns, filters, totals, targets and achievement, exports.
// The whole view is the page's query string (the API's own parameters), so reloading or sending the
// address shows the same table, and the export links are that query on the export endpoints.
import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { EmptyNotice, QueryView } from '../../components/Status';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { AnalyticsTabs } from './AnalyticsTabs';
import { PivotFilters } from './PivotFilters';
import { PivotTable } from './PivotTable';
import { SavedViews } from './SavedViews';
import {
  addDimension,
  apiQuery,
  freeDimensions,
  needsOneIndicator,
  readView,
  removeDimension,
  viewSearch,
  type PivotView,
} from './pivot-view';
import { useIndicators } from '../../lib/reference';
import { dimensionLabel, indicatorName } from './shared';
import { useAnalyticsT } from './use-analytics-t';
import type { PivotDimension } from '../../../shared/analytics';
import './analytics.css';

export function PivotPage() {
  const t = useAnalyticsT();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readView(params), [params]);
  const search = viewSearch(view);
  const setView = (next: PivotView) => setParams(new URLSearchParams(viewSearch(next)), { replace: true });
  // A saved view just opened (or saved): its id stays in the address until the view is changed.
  const openId = Number(params.get('view')) || null;
  const openSaved = (next: PivotView, id: number) => {
    const search = new URLSearchParams(viewSearch(next));
    search.set('view', String(id));
    setParams(search, { replace: true });
  };
  const indicators = useIndicators();
  const query = apiQuery(view);
  const queryText = new URLSearchParams(query).toString();
  const missingIndicator = needsOneIndicator(view) && !view.filters.indicator;
  const result = useQuery({
    queryKey: ['/api/pivot', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/pivot', { params: { query }, signal })),
    enabled: !missingIndicator,
    placeholderData: keepPreviousData,
  });
  // The clipboard needs HTTPS; elsewhere the link is shown selected, to copy by hand.
  const [copied, setCopied] = useState<'no' | 'done' | 'manual'>('no');
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('done');
    } catch {
      setCopied('manual');
    }
  };

  return (
    <div className="page">
      <h1>{t('pivot.title')}</h1>
      <AnalyticsTabs />
      <p className="lead">{t('pivot.intro')}</p>
      <SavedViews view={view} openId={openId} onOpen={openSaved} />
      <div className="an-axes">
        <AxisEditor axis="rows" view={view} onChange={setView} />
        <AxisEditor axis="cols" view={view} onChange={setView} />
      </div>
      <PivotFilters view={view} indicators={indicators.data ?? []} onChange={setView} />
      <div className="action-row an-actions">
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={view.showTargets}
            onChange={(event) => setView({ ...view, showTargets: event.target.checked })}
          />
          {t('pivot.showTargets')}
        </label>
        <a className="button button-secondary button-small" href={`/api/pivot/export.xlsx?${queryText}`} download>
          {t('pivot.exportXlsx')}
        </a>
        <a className="button button-secondary button-small" href={`/api/pivot/export.csv?${queryText}`} download>
          {t('pivot.exportCsv')}
        </a>
        <button type="button" className="button button-secondary button-small" onClick={() => void copyLink()}>
          {t('pivot.copyLink')}
        </button>
        {copied === 'done' && (
          <span role="status" className="muted">
            {t('pivot.copied')}
          </span>
        )}
        {copied === 'manual' && (
          <input
            className="an-link-box"
            readOnly
            autoFocus
            aria-label={t('pivot.copyLink')}
            value={`${window.location.origin}/pivot?${search}`}
            onFocus={(event) => event.target.select()}
          />
        )}
      </div>
      {missingIndicator ? (
        <EmptyNotice>{t('pivot.chooseIndicator')}</EmptyNotice>
      ) : (
        <QueryView
          state={result}
          isEmpty={(data) => data.cells.flat().every((v) => v === null)}
          empty={t('pivot.empty')}
        >
          {(data) => <PivotResultView result={data} showTargets={view.showTargets} />}
        </QueryView>
      )}
    </div>
  );
}

function PivotResultView({
  result,
  showTargets,
}: {
  result: NonNullable<Parameters<typeof PivotTable>[0]['result']>;
  showTargets: boolean;
}) {
  const t = useAnalyticsT();
  const { lang } = useI18n();
  const units = [...new Set(result.meta.indicators.map((i) => i.unit))];
  return (
    <>
      <p className="result-count">
        {result.meta.indicators.length === 1
          ? `${result.meta.indicators[0]!.code} — ${indicatorName(result.meta.indicators[0]!, lang)}. `
          : ''}
        {units.length === 1 && t('pivot.unitNote', { unit: units[0]! })}
      </p>
      <PivotTable result={result} showTargets={showTargets} />
      {result.meta.partialValues > 0 && (
        <p className="muted an-small">{t('pivot.partial', { n: formatNumber(result.meta.partialValues) })}</p>
      )}
    </>
  );
}

function AxisEditor({
  axis,
  view,
  onChange,
}: {
  axis: 'rows' | 'cols';
  view: PivotView;
  onChange: (v: PivotView) => void;
}) {
  const t = useAnalyticsT();
  const title = t(axis === 'rows' ? 'pivot.rows' : 'pivot.cols');
  const id = `pivot-add-${axis}`;
  return (
    <fieldset className="an-axis">
      <legend>{title}</legend>
      <ul className="chips">
        {view[axis].map((d) => (
          <li key={d} className="chip">
            {dimensionLabel(t, d)}
            <button
              type="button"
              className="an-chip-remove"
              aria-label={t('pivot.remove', { dim: dimensionLabel(t, d) })}
              onClick={() => onChange(removeDimension(view, d))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <label className="visually-hidden" htmlFor={id}>
        {`${t('pivot.addDimension')} — ${title}`}
      </label>
      <select
        id={id}
        value=""
        onChange={(event) => onChange(addDimension(view, axis, event.target.value as PivotDimension))}
      >
        <option value="">{t('pivot.addDimension')}</option>
        {freeDimensions(view).map((d) => (
          <option key={d} value={d}>
            {dimensionLabel(t, d)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
