// Registry statistics: models active at the end of the chosen year, per type and province, against
// the targets (%), in either geography; and a choropleth map of one type. The map's shapes load
// only here.
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { FilterBar, SelectFilter } from '../../components/ListPage';
import { ChoroplethMap } from '../../components/ChoroplethMap';
import { QueryView } from '../../components/Status';
import { formatNumber, todayIso } from '../../i18n/format';
import { useSearchState } from '../../lib/use-search-state';
import type { StatCell, StatsView } from './model-codes';
import { RegistryTabs } from './RegistryTabs';
import { useRegistryT } from './use-registry-t';
import '../../styles/form-widgets.css';
import './registry.css';

const thisYear = Number(todayIso().slice(0, 4));
const YEARS = Array.from({ length: thisYear - 2022 + 2 }, (_, i) => thisYear + 1 - i);

export function StatsPage() {
  const t = useRegistryT();
  const [filters, setFilters] = useSearchState({ year: String(thisYear), geo: '2025', type: '' });
  const year = Number(filters.year) || thisYear;
  const generation = filters.geo === '2024' ? 2024 : 2025;
  const stats = useQuery({
    queryKey: ['/api/models/stats', { year, generation }],
    queryFn: ({ signal }) => unwrap(api.GET('/api/models/stats', { params: { query: { year, generation } }, signal })),
    placeholderData: keepPreviousData,
  });
  const mapType = filters.type || stats.data?.types[0]?.code || '';

  return (
    <div className="page">
      <h1>{t('registry.title')}</h1>
      <RegistryTabs />
      <FilterBar search={false}>
        <SelectFilter
          id="stats-year"
          label={t('stats.year')}
          value={String(year)}
          options={YEARS.map((y) => ({ value: y, label: String(y) }))}
          onChange={(value) => setFilters({ year: value })}
        />
        <div className="field field-grow">
          <span className="rec-label" id="stats-geo-label">
            {t('stats.geography')}
          </span>
          <div className="rec-segmented" role="radiogroup" aria-labelledby="stats-geo-label">
            {(['2025', '2024'] as const).map((geo) => (
              <label key={geo} className={String(generation) === geo ? 'is-selected' : undefined}>
                <input
                  type="radio"
                  name="stats-geo"
                  checked={String(generation) === geo}
                  onChange={() => setFilters({ geo })}
                />
                {t(geo === '2025' ? 'stats.geo2025' : 'stats.geo2024')}
              </label>
            ))}
          </div>
        </div>
        <SelectFilter
          id="stats-type"
          label={t('stats.mapType')}
          value={mapType}
          grow
          options={(stats.data?.types ?? []).map((type) => ({ value: type.code, label: type.name }))}
          onChange={(type) => setFilters({ type })}
        />
      </FilterBar>
      <QueryView state={stats}>{(data) => <StatsContent data={data} mapType={mapType} />}</QueryView>
    </div>
  );
}

function StatsContent({ data, mapType }: { data: StatsView; mapType: string }) {
  const t = useRegistryT();
  const cells = useMemo(
    () =>
      new Map(
        data.rows.map((row) => [row.provinceCode, { name: row.provinceName, cell: row.byType[mapType] ?? emptyCell }]),
      ),
    [data, mapType],
  );
  const values = useMemo(() => new Map([...cells].map(([code, c]) => [code, c.cell.active])), [cells]);
  const names = useMemo(() => new Map([...cells].map(([code, c]) => [code, c.name])), [cells]);
  const typeName = data.types.find((x) => x.code === mapType)?.name ?? '';
  const partial = data.rows.some((r) => r.partial);
  return (
    <>
      <p className="result-count">
        {t('stats.asOf', { year: data.year, count: formatNumber(data.overall.allTypes.active) })}
      </p>
      <section className="panel" aria-labelledby="stats-map-title">
        <h2 id="stats-map-title">{t('stats.mapTitle', { type: typeName })}</h2>
        <ChoroplethMap
          generation={data.generation === 2024 ? 2024 : 2025}
          values={values}
          names={names}
          describe={(code, name) => <MapInfo name={name} cell={cells.get(code)?.cell ?? emptyCell} />}
          labels={{
            map: t('stats.mapLabel', { type: typeName }),
            loading: t('stats.mapLoading'),
            hint: t('stats.mapHint'),
            legend: t('stats.legend'),
          }}
        />
      </section>
      <section aria-labelledby="stats-table-title">
        <h2 id="stats-table-title">{t('stats.tableTitle')}</h2>
        <p className="muted reg-small">{t('stats.tableHint')}</p>
        <div className="reg-matrix-wrap">
          <table className="reg-matrix">
            <thead>
              <tr>
                <th scope="col">{t('stats.province')}</th>
                {data.types.map((type) => (
                  <th key={type.code} scope="col" className={type.code === mapType ? 'is-chosen' : undefined}>
                    {type.name}
                  </th>
                ))}
                <th scope="col">{t('stats.allTypes')}</th>
              </tr>
            </thead>
            <tbody>
              <tr className="reg-overall">
                <th scope="row">{t('stats.overall')}</th>
                {data.types.map((type) => (
                  <Cell key={type.code} cell={data.overall.byType[type.code]} chosen={type.code === mapType} />
                ))}
                <Cell cell={data.overall.allTypes} />
              </tr>
              {data.rows.map((row) => (
                <tr key={row.provinceCode} data-testid={`stats-row-${row.provinceCode}`}>
                  <th scope="row">
                    {row.provinceName}
                    {row.partial && <span aria-label={t('stats.partial')}> *</span>}
                  </th>
                  {data.types.map((type) => (
                    <Cell
                      key={type.code}
                      cell={row.byType[type.code]}
                      chosen={type.code === mapType}
                      testId={`stat-${row.provinceCode}-${type.code}`}
                    />
                  ))}
                  <Cell cell={row.allTypes} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {partial && <p className="muted reg-small">* {t('stats.partial')}</p>}
      </section>
    </>
  );
}

function MapInfo({ name, cell }: { name: string; cell: StatCell }) {
  const t = useRegistryT();
  return (
    <>
      <strong>{name}</strong>: {t('stats.mapActive', { count: formatNumber(cell.active) })}
      {cell.target !== null && (
        <>
          {' '}
          · {t('stats.target')} {formatNumber(cell.target)}
          {cell.achievementPct !== null && ` (${formatNumber(cell.achievementPct)}%)`}
        </>
      )}
    </>
  );
}

const emptyCell: StatCell = {
  active: 0,
  members: { female: 0, male: 0, total: 0 },
  target: null,
  achievementPct: null,
};

function Cell({ cell = emptyCell, chosen, testId }: { cell?: StatCell; chosen?: boolean; testId?: string }) {
  const t = useRegistryT();
  const pct = cell.achievementPct;
  return (
    <td className={chosen ? 'is-chosen' : undefined}>
      <span className={cell.active === 0 ? 'reg-count is-zero' : 'reg-count'} data-testid={testId}>
        {formatNumber(cell.active)}
      </span>
      {cell.target !== null && (
        <small className={pct !== null && pct >= 100 ? 'block reg-met' : 'block muted'}>
          {t('stats.ofTarget', { target: formatNumber(cell.target) })}
          {pct !== null && ` · ${formatNumber(pct)}%`}
        </small>
      )}
    </td>
  );
}
