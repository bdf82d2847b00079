// The results overview, national or for the user's provinces (the API applies the scope): progress
// of each plan's sections, key indicators against targets, a map of one indicator by province and
// its trend by quarter. The year, indicator and geography live in the address bar.
import { useCallback, useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ChoroplethMap } from '../../components/ChoroplethMap';
import { FilterBar, SelectFilter } from '../../components/ListPage';
import { PrintButton } from '../../components/PrintButton';
import { QueryView } from '../../components/Status';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber, todayIso } from '../../i18n/format';
import { usePlanChoices } from '../../lib/plan-choices';
import { useSearchState } from '../../lib/use-search-state';
import { useIndicators, useProvinces } from '../../lib/reference';
import { useMe } from '../../lib/session';
import { AnalyticsTabs } from './AnalyticsTabs';
import { indicatorName, yearChoices, type DashboardView, type PivotResult } from './shared';
import { TrendChart } from './TrendChart';
import { useAnalyticsT } from './use-analytics-t';
import './analytics.css';

const thisYear = Number(todayIso().slice(0, 4));
const STATUSES = ['done', 'in_progress', 'late', 'not_started'] as const;

export function DashboardPage() {
  const t = useAnalyticsT();
  const { lang } = useI18n();
  const me = useMe();
  const [filters, setFilters] = useSearchState({ year: '', indicator: '', geo: '2025', province: '' });
  const provinces = useProvinces(2025);
  const myProvinces = (provinces.data ?? []).filter(
    (p) => me.nationalScope || me.provinces.some((mine) => mine.code === p.code),
  );
  // The year shown first: the latest with a plan, up to this one. Not a picker: plans come newest
  // year first, so the first 200 hold that year unless five future years are already planned.
  const plans = usePlanChoices({ limit: 200 });
  const planYear = Math.max(0, ...(plans.data?.items ?? []).map((p) => p.year).filter((y) => y <= thisYear));
  const year = Number(filters.year) || planYear || thisYear;
  const geography = filters.geo === '2024' ? 2024 : 2025;
  const indicators = useIndicators();
  const ready = plans.data !== undefined || plans.error !== undefined;
  const query = {
    year,
    geography,
    indicator: filters.indicator || undefined,
    province: filters.province || undefined,
  } as const;
  const dashboard = useQuery({
    queryKey: ['/api/analytics/dashboard', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/analytics/dashboard', { params: { query }, signal })),
    // The year comes from the plans: asked once they are known (or failed).
    enabled: ready,
    placeholderData: keepPreviousData,
  });

  const scope = filters.province
    ? t('dashboard.provincial', { provinces: myProvinces.find((p) => p.code === filters.province)?.name ?? '' })
    : me.nationalScope
      ? t('dashboard.national')
      : t('dashboard.provincial', { provinces: me.provinces.map((p) => p.name).join(', ') });
  return (
    <div className="page">
      <h1>{t('dashboard.title')}</h1>
      <AnalyticsTabs />
      <p className="lead">{scope}</p>
      <PrintButton
        documentTitle={`${t('dashboard.title')} — ${year}`}
        subtitle={`${t('dashboard.year')} ${year} · ${scope}`}
      />
      <FilterBar search={false}>
        <SelectFilter
          id="dash-year"
          label={t('dashboard.year')}
          value={String(year)}
          options={yearChoices(thisYear).map((y) => ({ value: y, label: String(y) }))}
          onChange={(value) => setFilters({ year: value })}
        />
        <SelectFilter
          id="dash-province"
          label={t('dashboard.province')}
          value={filters.province}
          allLabel={t(me.nationalScope ? 'dashboard.national' : 'dashboard.allMine')}
          options={myProvinces.map((p) => ({ value: p.code, label: p.name }))}
          onChange={(province) => setFilters({ province })}
        />
        <SelectFilter
          id="dash-indicator"
          label={t('dashboard.mapIndicator')}
          value={filters.indicator || dashboard.data?.map.indicator?.code || ''}
          grow
          options={(indicators.data ?? []).map((i) => ({
            value: i.code,
            label: `${i.code} — ${indicatorName(i, lang)}`,
          }))}
          onChange={(indicator) => setFilters({ indicator })}
        />
        <GeographySwitch value={geography} onChange={(geo) => setFilters({ geo: String(geo) })} />
      </FilterBar>
      <QueryView state={dashboard}>{(data) => <DashboardContent data={data} />}</QueryView>
    </div>
  );
}

function GeographySwitch({ value, onChange }: { value: 2024 | 2025; onChange: (geo: 2024 | 2025) => void }) {
  const t = useAnalyticsT();
  return (
    <div className="field">
      <span className="an-label" id="dash-geo-label">
        {t('pivot.geography')}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby="dash-geo-label">
        {([2025, 2024] as const).map((geo) => (
          <label key={geo} className={value === geo ? 'is-selected' : undefined}>
            <input type="radio" name="dash-geo" checked={value === geo} onChange={() => onChange(geo)} />
            <span title={t(geo === 2025 ? 'pivot.geo2025' : 'pivot.geo2024')}>
              {t(geo === 2025 ? 'pivot.geo2025Short' : 'pivot.geo2024Short')}
            </span>
          </label>
        ))}
      </div>
    </div>
  );
}

function DashboardContent({ data }: { data: DashboardView }) {
  return (
    <>
      <PlanProgress data={data} />
      <KeyIndicators data={data} />
      <div className="an-two">
        <MapPanel data={data} />
        <TrendPanel data={data} />
      </div>
    </>
  );
}

function PlanProgress({ data }: { data: DashboardView }) {
  const t = useAnalyticsT();
  return (
    <section className="panel" aria-labelledby="dash-progress">
      <h2 id="dash-progress">{t('dashboard.progress')}</h2>
      {data.plans.length === 0 && <p className="muted">{t('dashboard.noPlans')}</p>}
      {data.plans.map((plan) => (
        <div key={plan.id} className="an-plan">
          <h3>
            <Link to={`/plans/${plan.id}`}>{plan.number || plan.title}</Link>{' '}
            <small className="muted">{t('dashboard.activities', { n: formatNumber(total(plan.activities)) })}</small>
          </h3>
          <StatusBar counts={plan.activities} />
          <ul className="an-sections">
            {plan.sections.map((s) => (
              <li key={s.number}>
                <span className="an-section-title">
                  {s.number}. {s.title}
                </span>
                <StatusBar counts={s.activities} compact />
              </li>
            ))}
          </ul>
        </div>
      ))}
      <ul className="an-status-legend">
        {STATUSES.map((s) => (
          <li key={s}>
            <span className={`an-swatch an-status-${s}`} /> {t(`dashboard.status.${s}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Counts = DashboardView['plans'][number]['activities'];
const total = (c: Counts) => c.done + c.in_progress + c.late + c.not_started;

function StatusBar({ counts, compact = false }: { counts: Counts; compact?: boolean }) {
  const t = useAnalyticsT();
  const sum = total(counts) || 1;
  const text = STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${t(`dashboard.status.${s}`)}: ${formatNumber(counts[s])}`)
    .join(', ');
  return (
    <div className={compact ? 'an-bar an-bar-compact' : 'an-bar'}>
      <div className="an-bar-track" role="img" aria-label={text}>
        {STATUSES.map((s) =>
          counts[s] > 0 ? (
            <span key={s} className={`an-status-${s}`} style={{ width: `${(counts[s] / sum) * 100}%` }} />
          ) : null,
        )}
      </div>
      <small className="muted">{text}</small>
    </div>
  );
}

function KeyIndicators({ data }: { data: DashboardView }) {
  const t = useAnalyticsT();
  const { lang } = useI18n();
  return (
    <section className="panel" aria-labelledby="dash-key">
      <h2 id="dash-key">{t('dashboard.keyIndicators')}</h2>
      <ul className="an-key-list">
        {data.keyIndicators.map((k) => (
          <li key={k.code} data-testid={`key-${k.code}`}>
            <span className="an-key-name">
              <span className="code">{k.code}</span> {indicatorName(k, lang)}
            </span>
            <span className="an-key-value">
              {k.value === null ? (
                <span className="muted">{t('dashboard.noData')}</span>
              ) : (
                <>
                  <strong>{formatNumber(k.value)}</strong> {k.unit}
                </>
              )}
            </span>
            <span className="an-key-target">
              {k.target === null ? (
                <span className="muted">{t('dashboard.noTarget')}</span>
              ) : (
                <>
                  {t('dashboard.target', { target: formatNumber(k.target) })}
                  {k.achievement !== null && (
                    <span className="an-meter" aria-hidden="true">
                      <span style={{ width: `${Math.min(100, k.achievement)}%` }} />
                    </span>
                  )}
                  {k.achievement !== null && <strong> {formatNumber(k.achievement)}%</strong>}
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MapPanel({ data }: { data: DashboardView }) {
  const t = useAnalyticsT();
  const { lang } = useI18n();
  const indicator = data.map.indicator;
  const values = useMemo(() => new Map(data.map.values.map((v) => [v.code, v.value])), [data]);
  const names = useMemo(() => new Map(data.map.values.map((v) => [v.code, v.name])), [data]);
  if (!indicator) return null;
  const name = indicatorName(indicator, lang);
  const describe = (code: string, provinceName: string) => {
    const v = data.map.values.find((x) => x.code === code);
    return (
      <>
        <strong>{provinceName}</strong>: {v?.value === null || v === undefined ? '—' : formatNumber(v.value)}{' '}
        {indicator.unit}
        {v?.target !== null && v?.target !== undefined && (
          <>
            {' '}
            · {t('dashboard.target', { target: formatNumber(v.target) })}
            {v.achievement !== null && ` (${formatNumber(v.achievement)}%)`}
          </>
        )}{' '}
        ·{' '}
        <Link
          to={`/pivot?rows=quarter&indicator=${indicator.code}&province=${code}&year=${data.year}&geography=${data.map.geography}`}
        >
          {t('dashboard.provincePivot')}
        </Link>
      </>
    );
  };
  return (
    <section className="panel" aria-labelledby="dash-map">
      <h2 id="dash-map">{t('dashboard.map', { indicator: name })}</h2>
      <ChoroplethMap
        generation={data.map.geography === 2024 ? 2024 : 2025}
        values={values}
        names={names}
        describe={describe}
        labels={{
          map: t('dashboard.mapLabel', { indicator: name, year: data.year }),
          loading: t('dashboard.mapLoading'),
          hint: t('dashboard.mapHint'),
          legend: t('dashboard.legend', { unit: indicator.unit }),
        }}
      />
      {data.map.unplaced !== null && (
        <p className="muted an-small">
          {t('dashboard.unplaced', { value: formatNumber(data.map.unplaced), unit: indicator.unit })}
        </p>
      )}
    </section>
  );
}

function TrendPanel({ data }: { data: DashboardView }) {
  const t = useAnalyticsT();
  const { lang } = useI18n();
  const indicator = data.map.indicator;
  const fromDashboard = data.trend.series.find((s) => s.code === indicator?.code);
  // A key indicator's trend comes with the dashboard; any other is one pivot away.
  const pivotQuery = {
    cols: 'quarter',
    indicator: indicator?.code,
    year: String(data.year),
    province: data.province ?? undefined,
  };
  const byQuarter = useCallback(
    (p: PivotResult) =>
      data.trend.periods.map((q) => p.cells[0]?.[p.columns.findIndex((c) => c.key[0] === q.code)] ?? null),
    [data.trend.periods],
  );
  const trend = useQuery({
    queryKey: ['/api/pivot', pivotQuery],
    queryFn: ({ signal }) => unwrap(api.GET('/api/pivot', { params: { query: pivotQuery }, signal })),
    enabled: !fromDashboard && indicator !== null,
    select: byQuarter,
  });
  const periods = useMemo(
    () => data.trend.periods.map((p) => (lang === 'en' ? p.code.replace(/^(\d{4})Q(\d)$/, 'Q$2 $1') : p.label)),
    [data, lang],
  );
  if (!indicator) return null;
  const name = indicatorName(indicator, lang);
  const chart = (values: (number | null)[]) => (
    <TrendChart
      label={t('dashboard.chartLabel', { indicator: name, year: data.year })}
      loadingLabel={t('dashboard.chartLoading')}
      seriesName={`${t('dashboard.chartValue')} (${indicator.unit})`}
      periods={periods}
      values={values}
    />
  );
  return (
    <section className="panel" aria-labelledby="dash-trend">
      <h2 id="dash-trend">{t('dashboard.trend', { indicator: name })}</h2>
      {fromDashboard ? (
        <div aria-busy={false}>{chart(fromDashboard.values)}</div>
      ) : (
        <QueryView state={trend}>{chart}</QueryView>
      )}
    </section>
  );
}
