import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { DataTable, type Column } from '../../components/DataTable';
import { ListResults } from '../../components/ListPage';
import { useListQuery, useListState } from '../../lib/use-list-state';
import { GenerationSwitch } from './GenerationSwitch';
import { useProvinces, type AdminUnit, type Generation } from '../../lib/reference';
import { LEVEL_LABELS, type Level } from './labels';

const PAGE_SIZE = 50;

export function AdminUnitsPage() {
  const { t, lang } = useI18n();
  const list = useListState({ generation: '2025', level: '', province: '', parent: '' });
  const { filters, offset, text, setText } = list;
  const generation: Generation = filters.generation === '2024' ? 2024 : 2025;
  const level = (['province', 'district', 'commune'] as const).find((l) => l === filters.level);
  const provinces = useProvinces(generation);

  const query = {
    generation,
    level,
    province: filters.province || undefined,
    parent: filters.parent || undefined,
    q: filters.q || undefined,
    ...list.page(PAGE_SIZE),
  };
  const units = useListQuery(['/api/admin-units', query], (signal) =>
    unwrap(api.GET('/api/admin-units', { params: { query }, signal })),
  );

  function changeGeneration(next: Generation) {
    // Codes and provinces differ between generations, so their filters cannot carry over.
    list.set({
      generation: String(next),
      province: '',
      parent: '',
      level: next === 2025 && level === 'district' ? '' : filters.level,
    });
  }

  const columns: Column<AdminUnit>[] = [
    {
      key: 'code',
      header: t('adminUnits.col.code'),
      cell: (u) => <span className="code">{u.code}</span>,
      className: 'col-code',
    },
    {
      key: 'name',
      header: t('adminUnits.col.name'),
      cell: (u) => (
        <>
          <Link to={`/admin-units/${u.generation}/${u.code}`}>{u.fullName}</Link>
          {lang === 'en' && u.nameEn && <small className="muted block">{u.nameEn}</small>}
        </>
      ),
    },
    { key: 'type', header: t('adminUnits.col.type'), cell: (u) => u.unitType },
    {
      key: 'province',
      header: t('adminUnits.col.province'),
      cell: (u) => (u.level === 'province' ? '—' : u.provinceName),
    },
  ];

  return (
    <div className="page">
      <h1>{t('nav.adminUnits')}</h1>
      <GenerationSwitch value={generation} onChange={changeGeneration} />
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="au-q">{t('adminUnits.search')}</label>
          <input
            id="au-q"
            type="search"
            value={text}
            placeholder={t('adminUnits.search.placeholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="au-level">{t('adminUnits.level')}</label>
          <select id="au-level" value={level ?? ''} onChange={(event) => list.set({ level: event.target.value })}>
            <option value="">{t('filter.all')}</option>
            {(['province', 'district', 'commune'] as Level[])
              .filter((l) => generation === 2024 || l !== 'district')
              .map((l) => (
                <option key={l} value={l}>
                  {t(LEVEL_LABELS[l])}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="au-province">{t('adminUnits.province')}</label>
          <select
            id="au-province"
            value={filters.province}
            onChange={(event) => list.set({ province: event.target.value })}
          >
            <option value="">{t('filter.allProvinces')}</option>
            {provinces.data?.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {filters.parent && (
        <p className="chips">
          <span className="chip">
            {t('adminUnits.underParent', { code: filters.parent })}
            <button type="button" aria-label={t('filter.remove')} onClick={() => list.set({ parent: '' })}>
              ×
            </button>
          </span>
        </p>
      )}
      <ListResults
        state={units}
        pageSize={PAGE_SIZE}
        offset={offset}
        onPage={list.setOffset}
        empty={t('adminUnits.empty')}
        count={(data) => t('adminUnits.count', { count: formatNumber(data.total) })}
      >
        {(data) => (
          <>
            <DataTable columns={columns} rows={data.items} rowKey={(u) => `${u.generation}-${u.code}`} />
          </>
        )}
      </ListResults>
    </div>
  );
}
